//+------------------------------------------------------------------+
//| Http.mqh - one call to the journal's API through WebRequest.       |
//+------------------------------------------------------------------+
#include "Json.mqh"

//--- WebRequest's own errors (GetLastError() when it returns -1).
#define JOURNAL_ERR_URL_NOT_ALLOWED 4014
#define JOURNAL_ERR_BAD_URL         5200
#define JOURNAL_ERR_CONNECT         5201
#define JOURNAL_ERR_TIMEOUT         5202
#define JOURNAL_ERR_REQUEST         5203

struct JournalResponse
  {
   int               status;        // the HTTP status, or -1 when no answer came
   int               error;         // GetLastError() when status is -1
   string            body;
   string            headers;
  };

//+------------------------------------------------------------------+
//| Sends `body` (JSON, "" for none) to `url`; the key, when given, as |
//| a Bearer token. Blocks for at most `timeout_ms`: call it from      |
//| OnTimer, never from OnTradeTransaction.                            |
//+------------------------------------------------------------------+
bool JournalRequest(const string method, const string url, const string api_key, const string body,
                    const int timeout_ms, JournalResponse &response)
  {
   string headers = "Accept: application/json\r\n";
   if(body != "")
      headers += "Content-Type: application/json\r\n";
   if(api_key != "")
      headers += "Authorization: Bearer " + api_key + "\r\n";
   char data[];
   ArrayResize(data, 0);
   if(body != "")
     {
      int length = StringToCharArray(body, data, 0, WHOLE_ARRAY, CP_UTF8);
      ArrayResize(data, length > 0 ? length - 1 : 0); // without the terminating NUL
     }
   char result[];
   string result_headers = "";
   ResetLastError();
   response.status = WebRequest(method, url, headers, timeout_ms, data, result, result_headers);
   response.error = response.status == -1 ? GetLastError() : 0;
   response.body = ArraySize(result) > 0 ? CharArrayToString(result, 0, WHOLE_ARRAY, CP_UTF8) : "";
   response.headers = result_headers;
   return response.status != -1;
  }

//--- What a WebRequest error means for the user.
string WebRequestErrorText(const int error, const string origin)
  {
   switch(error)
     {
      case JOURNAL_ERR_URL_NOT_ALLOWED:
         return "WebRequest is not allowed for " + origin +
                ": add it in Tools > Options > Expert Advisors > Allow WebRequest for listed URL";
      case JOURNAL_ERR_BAD_URL:
         return "the server URL is not valid: " + origin;
      case JOURNAL_ERR_CONNECT:
         return "cannot connect to " + origin + " (is the journal running and reachable from this computer?)";
      case JOURNAL_ERR_TIMEOUT:
         return "no answer from " + origin + " in time";
      case JOURNAL_ERR_REQUEST:
         return "the request to " + origin + " failed";
      default:
         return "WebRequest error " + IntegerToString(error);
     }
  }

//--- The Retry-After header in seconds, or `fallback` when there is none.
int RetryAfterSeconds(const string headers, const int fallback)
  {
   string lower = headers;
   StringToLower(lower);
   int at = StringFind(lower, "retry-after:");
   if(at < 0)
      return fallback;
   int start = at + StringLen("retry-after:");
   int end = StringFind(lower, "\n", start);
   string value = end < 0 ? StringSubstr(lower, start) : StringSubstr(lower, start, end - start);
   StringTrimLeft(value);
   StringTrimRight(value);
   int seconds = (int)StringToInteger(value);
   return seconds > 0 ? seconds : fallback;
  }
//+------------------------------------------------------------------+
