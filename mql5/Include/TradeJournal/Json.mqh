//+------------------------------------------------------------------+
//| Json.mqh - writing the journal's JSON payloads, reading its answers |
//| Part of the Trade Journal EA (mql5/README.md).                     |
//+------------------------------------------------------------------+
//--- Writing. A payload is built as "{" + fields + "}"; every JsonAdd* appends one "key":value.
//--- lib/ea/ea-contract.test.ts reads the JsonAdd* calls of TradeRecordToJson() and
//--- BalanceRecordToJson() and checks each key against the API's zod schema, so keep one call per
//--- key, with the key as a string literal.

//+------------------------------------------------------------------+
//| A string as a JSON string literal. Everything outside printable   |
//| ASCII is written as \uXXXX, so payloads, queue files and request  |
//| bodies are plain ASCII whatever the comment's language.           |
//+------------------------------------------------------------------+
string JsonQuote(const string value)
  {
   string out = "\"";
   int length = StringLen(value);
   for(int i = 0; i < length; i++)
     {
      ushort c = StringGetCharacter(value, i);
      if(c == '"')
         out += "\\\"";
      else if(c == '\\')
         out += "\\\\";
      else if(c == '\n')
         out += "\\n";
      else if(c == '\r')
         out += "\\r";
      else if(c == '\t')
         out += "\\t";
      else if(c < 0x20 || c > 0x7E)
         out += StringFormat("\\u%04X", c);
      else
         out += ShortToString(c);
     }
   return out + "\"";
  }

//+------------------------------------------------------------------+
//| A number with at most `digits` decimals, trailing zeros dropped:  |
//| DoubleToString rounds to the nearest decimal of the double.       |
//+------------------------------------------------------------------+
string JsonNumberText(const double value, const int digits)
  {
   string text = DoubleToString(value, digits);
   if(StringFind(text, ".") >= 0)
     {
      int end = StringLen(text);
      while(end > 0 && StringGetCharacter(text, end - 1) == '0')
         end--;
      if(end > 0 && StringGetCharacter(text, end - 1) == '.')
         end--;
      text = StringSubstr(text, 0, end);
     }
   if(text == "-0")
      text = "0";
   return text;
  }

//--- The value rounded as it will be written (the TypeScript model's roundTo()).
double RoundTo(const double value, const int digits)
  {
   double rounded = StringToDouble(DoubleToString(value, digits));
   if(rounded == 0.0)
      rounded = 0.0; // no -0
   return rounded;
  }

void JsonAddRaw(string &json, const string key, const string raw)
  {
   if(StringLen(json) > 1)
      json += ",";
   json += JsonQuote(key) + ":" + raw;
  }

void JsonAddString(string &json, const string key, const string value)
  {
   JsonAddRaw(json, key, JsonQuote(value));
  }

//--- An empty string is sent as null ("not known").
void JsonAddStringOrNull(string &json, const string key, const string value)
  {
   JsonAddRaw(json, key, value == "" ? "null" : JsonQuote(value));
  }

void JsonAddInteger(string &json, const string key, const long value)
  {
   JsonAddRaw(json, key, IntegerToString(value));
  }

void JsonAddIntegerOrNull(string &json, const string key, const long value, const bool known)
  {
   JsonAddRaw(json, key, known ? IntegerToString(value) : "null");
  }

void JsonAddNumber(string &json, const string key, const double value, const int digits)
  {
   JsonAddRaw(json, key, JsonNumberText(value, digits));
  }

void JsonAddNumberOrNull(string &json, const string key, const double value, const int digits, const bool known)
  {
   JsonAddRaw(json, key, known ? JsonNumberText(value, digits) : "null");
  }

//--- A price level where 0 means "none" (SL, TP): sent as null then.
void JsonAddPriceOrNull(string &json, const string key, const double value, const int digits)
  {
   JsonAddRaw(json, key, value > 0 ? JsonNumberText(value, digits) : "null");
  }

//--- Broker wall-clock time as "YYYY.MM.DD HH:MM:SS".
void JsonAddTime(string &json, const string key, const datetime value)
  {
   JsonAddRaw(json, key, JsonQuote(TimeToString(value, TIME_DATE | TIME_SECONDS)));
  }

//--- The same, where 0 means unknown and is sent as null.
void JsonAddTimeOrNull(string &json, const string key, const datetime value)
  {
   JsonAddRaw(json, key, value > 0 ? JsonQuote(TimeToString(value, TIME_DATE | TIME_SECONDS)) : "null");
  }

//--- Reading: a small parser for the journal's answers (batch results, error envelopes, auth check).

enum ENUM_JSON_KIND
  {
   JSON_KIND_NULL,
   JSON_KIND_BOOL,
   JSON_KIND_NUMBER,
   JSON_KIND_STRING,
   JSON_KIND_ARRAY,
   JSON_KIND_OBJECT
  };

class CJsonNode
  {
public:
   ENUM_JSON_KIND    kind;
   string            text;          // a string's value, or a number's digits
   double            number;
   bool              flag;
   string            keys[];        // an object's member names, parallel to children[]
   CJsonNode        *children[];

                     CJsonNode(void)
     {
      kind = JSON_KIND_NULL;
      text = "";
      number = 0.0;
      flag = false;
     }

                    ~CJsonNode(void)
     {
      for(int i = 0; i < ArraySize(children); i++)
         if(CheckPointer(children[i]) == POINTER_DYNAMIC)
            delete children[i];
     }

   int               Count(void)
     {
      return ArraySize(children);
     }

   CJsonNode        *At(const int index)
     {
      if(index < 0 || index >= ArraySize(children))
         return NULL;
      return children[index];
     }

   CJsonNode        *Get(const string key)
     {
      if(kind != JSON_KIND_OBJECT)
         return NULL;
      for(int i = 0; i < ArraySize(keys); i++)
         if(keys[i] == key)
            return children[i];
      return NULL;
     }

   string            GetString(const string key, const string fallback = "")
     {
      CJsonNode *node = Get(key);
      if(node == NULL || node.kind != JSON_KIND_STRING)
         return fallback;
      return node.text;
     }

   bool              GetBool(const string key, const bool fallback = false)
     {
      CJsonNode *node = Get(key);
      if(node == NULL || node.kind != JSON_KIND_BOOL)
         return fallback;
      return node.flag;
     }

   long              GetInteger(const string key, const long fallback = -1)
     {
      CJsonNode *node = Get(key);
      if(node == NULL || node.kind != JSON_KIND_NUMBER)
         return fallback;
      return StringToInteger(node.text);
     }

   void              Add(const string key, CJsonNode *child)
     {
      int size = ArraySize(children);
      ArrayResize(children, size + 1);
      ArrayResize(keys, size + 1);
      children[size] = child;
      keys[size] = key;
     }
  };

class CJsonParser
  {
private:
   string            m_text;
   int               m_pos;
   int               m_length;

   ushort            Peek(void);
   void              SkipSpace(void);
   bool              Expect(const string word);
   int               HexValue(const ushort c);
   bool              ParseString(string &out);
   CJsonNode        *ParseValue(const int depth);
   bool              ParseMembers(CJsonNode *node, const int depth);
   bool              ParseItems(CJsonNode *node, const int depth);

public:
   //--- The parsed document, or NULL when the text is not JSON. The caller deletes the result.
   CJsonNode        *Parse(const string text);
  };

ushort CJsonParser::Peek(void)
  {
   return m_pos < m_length ? StringGetCharacter(m_text, m_pos) : 0;
  }

void CJsonParser::SkipSpace(void)
  {
   while(m_pos < m_length)
     {
      ushort c = StringGetCharacter(m_text, m_pos);
      if(c != ' ' && c != '\t' && c != '\r' && c != '\n')
         break;
      m_pos++;
     }
  }

bool CJsonParser::Expect(const string word)
  {
   if(StringSubstr(m_text, m_pos, StringLen(word)) != word)
      return false;
   m_pos += StringLen(word);
   return true;
  }

int CJsonParser::HexValue(const ushort c)
  {
   if(c >= '0' && c <= '9')
      return c - '0';
   if(c >= 'a' && c <= 'f')
      return c - 'a' + 10;
   if(c >= 'A' && c <= 'F')
      return c - 'A' + 10;
   return -1;
  }

bool CJsonParser::ParseString(string &out)
  {
   out = "";
   if(Peek() != '"')
      return false;
   m_pos++;
   while(m_pos < m_length)
     {
      ushort c = StringGetCharacter(m_text, m_pos++);
      if(c == '"')
         return true;
      if(c != '\\')
        {
         out += ShortToString(c);
         continue;
        }
      if(m_pos >= m_length)
         return false;
      ushort escaped = StringGetCharacter(m_text, m_pos++);
      if(escaped == 'n')
         out += "\n";
      else if(escaped == 'r')
         out += "\r";
      else if(escaped == 't')
         out += "\t";
      else if(escaped == 'b')
         out += ShortToString(8);
      else if(escaped == 'f')
         out += ShortToString(12);
      else if(escaped == 'u')
        {
         if(m_pos + 4 > m_length)
            return false;
         int code = 0;
         for(int i = 0; i < 4; i++)
           {
            int digit = HexValue(StringGetCharacter(m_text, m_pos++));
            if(digit < 0)
               return false;
            code = code * 16 + digit;
           }
         out += ShortToString((ushort)code);
        }
      else
         out += ShortToString(escaped); // \" \\ \/
     }
   return false;
  }

CJsonNode *CJsonParser::ParseValue(const int depth)
  {
   if(depth > 32)
      return NULL;
   SkipSpace();
   ushort c = Peek();
   CJsonNode *node = new CJsonNode();
   bool ok = false;
   if(c == '{')
     {
      node.kind = JSON_KIND_OBJECT;
      ok = ParseMembers(node, depth);
     }
   else if(c == '[')
     {
      node.kind = JSON_KIND_ARRAY;
      ok = ParseItems(node, depth);
     }
   else if(c == '"')
     {
      string value;
      node.kind = JSON_KIND_STRING;
      ok = ParseString(value);
      node.text = value;
     }
   else if(c == 't' || c == 'f')
     {
      node.kind = JSON_KIND_BOOL;
      node.flag = (c == 't');
      ok = Expect(c == 't' ? "true" : "false");
     }
   else if(c == 'n')
     {
      node.kind = JSON_KIND_NULL;
      ok = Expect("null");
     }
   else if(c == '-' || (c >= '0' && c <= '9'))
     {
      int start = m_pos;
      while(m_pos < m_length)
        {
         ushort d = StringGetCharacter(m_text, m_pos);
         if(!((d >= '0' && d <= '9') || d == '-' || d == '+' || d == '.' || d == 'e' || d == 'E'))
            break;
         m_pos++;
        }
      node.kind = JSON_KIND_NUMBER;
      node.text = StringSubstr(m_text, start, m_pos - start);
      node.number = StringToDouble(node.text);
      ok = true;
     }
   if(!ok)
     {
      delete node;
      return NULL;
     }
   return node;
  }

bool CJsonParser::ParseMembers(CJsonNode *node, const int depth)
  {
   m_pos++; // {
   SkipSpace();
   if(Peek() == '}')
     {
      m_pos++;
      return true;
     }
   while(true)
     {
      SkipSpace();
      string key;
      if(!ParseString(key))
         return false;
      SkipSpace();
      if(Peek() != ':')
         return false;
      m_pos++;
      CJsonNode *child = ParseValue(depth + 1);
      if(child == NULL)
         return false;
      node.Add(key, child);
      SkipSpace();
      ushort c = Peek();
      m_pos++;
      if(c == '}')
         return true;
      if(c != ',')
         return false;
     }
   return false;
  }

bool CJsonParser::ParseItems(CJsonNode *node, const int depth)
  {
   m_pos++; // [
   SkipSpace();
   if(Peek() == ']')
     {
      m_pos++;
      return true;
     }
   while(true)
     {
      CJsonNode *child = ParseValue(depth + 1);
      if(child == NULL)
         return false;
      node.Add("", child);
      SkipSpace();
      ushort c = Peek();
      m_pos++;
      if(c == ']')
         return true;
      if(c != ',')
         return false;
     }
   return false;
  }

CJsonNode *CJsonParser::Parse(const string text)
  {
   m_text = text;
   m_pos = 0;
   m_length = StringLen(text);
   CJsonNode *root = ParseValue(0);
   if(root == NULL)
      return NULL;
   SkipSpace();
   // WebRequest answers may end in a NUL; anything else after the value is an error.
   if(m_pos < m_length && Peek() != 0)
     {
      delete root;
      return NULL;
     }
   return root;
  }

string JsonDetailsText(CJsonNode *details);

//+------------------------------------------------------------------+
//| The journal's error envelope as one line: "code: message (field:  |
//| message; ...)", or the raw text when it is not one.               |
//+------------------------------------------------------------------+
string JsonErrorSummary(const string body)
  {
   CJsonParser parser;
   CJsonNode *root = parser.Parse(body);
   if(root == NULL)
      return StringLen(body) > 200 ? StringSubstr(body, 0, 200) + "..." : body;
   string summary = body;
   CJsonNode *error = root.Get("error");
   if(error != NULL)
     {
      summary = error.GetString("code") + ": " + error.GetString("message");
      summary += JsonDetailsText(error.Get("details"));
     }
   delete root;
   return summary;
  }

//--- " (field: message; field: message)" from an errors/details array, "" when there is none.
string JsonDetailsText(CJsonNode *details)
  {
   if(details == NULL || details.kind != JSON_KIND_ARRAY || details.Count() == 0)
      return "";
   string text = " (";
   for(int i = 0; i < details.Count(); i++)
     {
      CJsonNode *detail = details.At(i);
      if(i > 0)
         text += "; ";
      text += detail.GetString("field") + ": " + detail.GetString("message");
     }
   return text + ")";
  }
//+------------------------------------------------------------------+
