//+------------------------------------------------------------------+
//| Journal.mqh - what the EA does between its events: turns deals     |
//| into queued records, sends them in batches, backfills history and  |
//| tells the user what is going on.                                   |
//|                                                                    |
//| TypeScript model, method for method: lib/ea/ea-model.ts (EaModel). |
//| The replay test (lib/ea/ea-model.test.ts) runs that model against  |
//| the real API; keep the two in step.                                |
//+------------------------------------------------------------------+
#include "TradeRecord.mqh"
#include "Queue.mqh"
#include "Http.mqh"

#define JOURNAL_QUEUE_HIGH_WATER 1000   // backfill pauses while this many records wait
#define JOURNAL_BACKFILL_CHUNK   200    // deals turned into records per timer tick
#define JOURNAL_CHECK_SECONDS    30     // how often the start checks are retried
#define JOURNAL_BACKOFF_FIRST    5      // seconds; doubles on each failure
#define JOURNAL_BACKOFF_MAX      300
#define JOURNAL_PENDING_TRIES    30     // timer ticks to wait for a new deal to appear in the history

class CTradeJournal
  {
private:
   //--- settings (the EA's inputs)
   string            m_url;              // base URL without a trailing slash
   string            m_key;
   int               m_backfill_days;
   int               m_send_interval;
   long              m_magics[];
   bool              m_manual;
   int               m_batch_limit;      // InpBatchSize
   int               m_timeout_ms;

   //--- state
   bool              m_attached;
   string            m_lock_name;
   JournalAccount    m_account;
   CJournalQueue     m_queue;
   ulong             m_pending[];        // deal tickets from OnTradeTransaction, not yet in the queue
   int               m_pending_tries[];
   bool              m_backfill_active;
   datetime          m_backfill_time;    // cursor: the last deal turned into a record
   ulong             m_backfill_ticket;
   int               m_backfill_records;
   bool              m_ready;            // the start checks passed
   bool              m_stopped;          // 401/403 while sending: nothing more until the EA is reloaded
   datetime          m_next_check;
   datetime          m_next_send;
   int               m_backoff;
   int               m_batch_size;       // halved on 413
   bool              m_connected;
   string            m_problem;          // what the user must do, "" when nothing
   string            m_last_error;

   bool              Attach(void);
   datetime          BackfillStart(void);
   bool              Journals(const JournalTrade &trade);
   bool              EnqueueDeal(const JournalDeal &deal);
   void              ProcessPendingDeals(void);
   void              StartBackfill(const datetime from, const string why);
   void              CollectBackfill(void);
   bool              RunChecks(void);
   void              SendNext(void);
   void              SendTradeBatch(void);
   void              SendBalance(void);
   void              HandleBatchAnswer(const int count, const string body);
   void              Stop(const string problem);
   void              BackOff(const string error, const int at_least);
   void              Succeeded(void);
   void              ShowStatus(void);
   void              Log(const string message);

public:
                     CTradeJournal(void);
   bool              Configure(const string url, const string key, const int backfill_days, const int send_interval,
                               const string magic_numbers, const bool manual, const int batch_size, const int timeout_ms,
                               string &problem);
   void              OnDeal(const ulong deal_ticket);
   void              OnTimerTick(void);
   void              Shutdown(void);
  };

CTradeJournal::CTradeJournal(void)
  {
   m_attached = false;
   m_lock_name = "";
   m_backfill_active = false;
   m_backfill_time = 0;
   m_backfill_ticket = 0;
   m_backfill_records = 0;
   m_ready = false;
   m_stopped = false;
   m_next_check = 0;
   m_next_send = 0;
   m_backoff = 0;
   m_batch_size = 100;
   m_connected = false;
   m_problem = "";
   m_last_error = "";
  }

//--- `days` whole days before `time`.
datetime DaysBefore(const datetime time, const int days)
  {
   long seconds = (long)time - (long)days * 86400;
   return (datetime)(seconds > 0 ? seconds : 0);
  }

//--- `count` flags, all false: which queued records an answer settled.
void NoneDone(bool &flags[], const int count)
  {
   ArrayResize(flags, count);
   for(int i = 0; i < count; i++)
      flags[i] = false;
  }

//--- The broker's UTC offset now, in whole quarter hours (a hint: it changes with DST).
int UtcOffsetMinutes(void)
  {
   long seconds = (long)(TimeTradeServer() - TimeGMT());
   int minutes = (int)MathRound(seconds / 900.0) * 15;
   if(minutes > 840)
      return 840;
   if(minutes < -840)
      return -840;
   return minutes;
  }

//+------------------------------------------------------------------+
//| Checks the inputs; `problem` says what is wrong.                  |
//+------------------------------------------------------------------+
bool CTradeJournal::Configure(const string url, const string key, const int backfill_days, const int send_interval,
                              const string magic_numbers, const bool manual, const int batch_size, const int timeout_ms,
                              string &problem)
  {
   m_url = url;
   StringTrimLeft(m_url);
   StringTrimRight(m_url);
   while(StringLen(m_url) > 0 && StringGetCharacter(m_url, StringLen(m_url) - 1) == '/')
      m_url = StringSubstr(m_url, 0, StringLen(m_url) - 1);
   if(StringFind(m_url, "http://") != 0 && StringFind(m_url, "https://") != 0)
     {
      problem = "InpServerUrl must start with http:// or https:// (for example http://127.0.0.1:3000)";
      return false;
     }
   if(StringFind(m_url, "/api/") > 0)
     {
      problem = "InpServerUrl is the journal's address without a path (for example http://127.0.0.1:3000), not " + m_url;
      return false;
     }
   m_key = key;
   StringTrimLeft(m_key);
   StringTrimRight(m_key);
   if(m_key != "" && StringFind(m_key, "mtj_") != 0)
     {
      problem = "InpApiKey does not look like a journal key (they start with mtj_): copy it again from Settings > API keys";
      return false;
     }
   if(backfill_days < 0 || send_interval < 1 || batch_size < 1 || batch_size > 1000 || timeout_ms < 1000)
     {
      problem = "check the inputs: InpBackfillDays >= 0, InpSendIntervalSeconds >= 1, InpBatchSize 1 to 1000, InpTimeoutMs >= 1000";
      return false;
     }
   ArrayResize(m_magics, 0);
   string parts[];
   int count = StringSplit(magic_numbers, ',', parts);
   for(int i = 0; i < count; i++)
     {
      string part = parts[i];
      StringTrimLeft(part);
      StringTrimRight(part);
      if(part == "")
         continue;
      long magic = StringToInteger(part);
      if(magic <= 0 || IntegerToString(magic) != part)
        {
         problem = "InpMagicNumbers must be whole numbers separated by commas, not \"" + part + "\"";
         return false;
        }
      int size = ArraySize(m_magics);
      ArrayResize(m_magics, size + 1);
      m_magics[size] = magic;
     }
   m_backfill_days = backfill_days;
   m_send_interval = send_interval;
   m_manual = manual;
   m_batch_limit = batch_size;
   m_batch_size = batch_size;
   m_timeout_ms = timeout_ms;
   return true;
  }

//--- OnTradeTransaction: only remember the deal; everything else happens in OnTimer.
void CTradeJournal::OnDeal(const ulong deal_ticket)
  {
   int size = ArraySize(m_pending);
   ArrayResize(m_pending, size + 1, 64);
   ArrayResize(m_pending_tries, size + 1, 64);
   m_pending[size] = deal_ticket;
   m_pending_tries[size] = 0;
  }

void CTradeJournal::OnTimerTick(void)
  {
   if(!m_attached && !Attach())
     {
      ShowStatus();
      return;
     }
   // Back from a lost connection to the broker: deals closed meanwhile may not have raised events.
   bool connected = TerminalInfoInteger(TERMINAL_CONNECTED) != 0;
   if(connected && !m_connected)
      StartBackfill(BackfillStart(), "reconnected to the trade server");
   m_connected = connected;

   ProcessPendingDeals();
   CollectBackfill();
   datetime now = TimeLocal();
   if(!m_ready && !m_stopped && now >= m_next_check)
     {
      m_next_check = now + JOURNAL_CHECK_SECONDS;
      m_ready = RunChecks();
     }
   if(m_ready && !m_stopped && m_queue.Count() > 0 && now >= m_next_send)
      SendNext();
   ShowStatus();
  }

void CTradeJournal::Shutdown(void)
  {
   if(m_attached)
      m_queue.Save();
   if(m_lock_name != "" && GlobalVariableCheck(m_lock_name) && GlobalVariableGet(m_lock_name) == (double)ChartID())
      GlobalVariableDel(m_lock_name);
   Comment("");
  }

//+------------------------------------------------------------------+
//| Opens the account's queue once the terminal is logged in, and     |
//| starts the backfill: from the last acknowledged close time minus  |
//| one day, or InpBackfillDays back on the first run.                |
//+------------------------------------------------------------------+
bool CTradeJournal::Attach(void)
  {
   long login = AccountInfoInteger(ACCOUNT_LOGIN);
   string server = AccountInfoString(ACCOUNT_SERVER);
   if(login == 0 || server == "")
     {
      m_problem = "waiting for the terminal to log in to a trade account";
      return false;
     }
   // One instance per account in this terminal: two would send everything twice and share one queue file.
   m_lock_name = "TradeJournal.lock." + IntegerToString(login);
   GlobalVariableTemp(m_lock_name);
   if(!GlobalVariableSetOnCondition(m_lock_name, (double)ChartID(), 0.0) && GlobalVariableGet(m_lock_name) != (double)ChartID())
     {
      m_problem = "another chart of this terminal already runs the Trade Journal EA for account " + IntegerToString(login) +
                  ": remove this copy";
      m_lock_name = "";
      return false;
     }
   m_account.login = login;
   m_account.server = server;
   m_account.currency = AccountInfoString(ACCOUNT_CURRENCY);
   m_account.money_digits = (int)AccountInfoInteger(ACCOUNT_CURRENCY_DIGITS);
   m_account.utc_offset_minutes = UtcOffsetMinutes();
   if(!m_queue.Open(login, server))
     {
      m_problem = "cannot read the queue in " + m_queue.Folder();
      return false;
     }
   m_attached = true;
   m_problem = "";
   Log(StringFormat("account %s on %s, %d records queued in %s", IntegerToString(login), server, m_queue.Count(), m_queue.Folder()));
   StartBackfill(BackfillStart(), m_queue.HasState() ? "start" : "first run");
   m_connected = TerminalInfoInteger(TERMINAL_CONNECTED) != 0;
   return true;
  }

//--- The last acknowledged close time minus a day; InpBackfillDays back on the first run.
datetime CTradeJournal::BackfillStart(void)
  {
   if(m_queue.LastAcknowledged() > 0)
      return DaysBefore(m_queue.LastAcknowledged(), 1);
   return DaysBefore(TimeTradeServer(), m_backfill_days);
  }

//--- InpMagicNumbers and InpJournalManualTrades, on the opening deal's magic number.
bool CTradeJournal::Journals(const JournalTrade &trade)
  {
   if(!trade.has_magic)
      return true;
   if(trade.magic_number == 0)
      return m_manual;
   if(ArraySize(m_magics) == 0)
      return true;
   for(int i = 0; i < ArraySize(m_magics); i++)
      if(m_magics[i] == trade.magic_number)
         return true;
   return false;
  }

//+------------------------------------------------------------------+
//| Turns one deal into a queued record when it is an exit deal or a  |
//| balance operation. Replaces the history selection.                |
//+------------------------------------------------------------------+
bool CTradeJournal::EnqueueDeal(const JournalDeal &deal)
  {
   m_account.utc_offset_minutes = UtcOffsetMinutes();
   if(IsExitDeal(deal))
     {
      if(m_queue.Contains(JOURNAL_KIND_TRADE, deal.ticket))
         return true;
      JournalDeal deals[];
      JournalTrade trade;
      if(!LoadPositionDeals(deal.position_id, deals) ||
         !BuildTradeRecord(deals, deal.ticket, SymbolPriceDigits(deal.symbol), m_account.money_digits, trade))
        {
         Log("cannot read the history of position " + IntegerToString((long)deal.position_id) + "; it is retried on the next start");
         return false;
        }
      if(Journals(trade))
         m_queue.Push(JOURNAL_KIND_TRADE, deal.ticket, deal.time, TradeRecordToJson(trade, m_account));
      return true;
     }
   JournalBalance balance;
   if(BuildBalanceRecord(deal, balance) && !m_queue.Contains(JOURNAL_KIND_BALANCE, deal.ticket))
      m_queue.Push(JOURNAL_KIND_BALANCE, deal.ticket, deal.time, BalanceRecordToJson(balance, m_account));
   return true;
  }

//--- Deals announced by OnTradeTransaction: into the queue once the history has them.
void CTradeJournal::ProcessPendingDeals(void)
  {
   int count = ArraySize(m_pending);
   if(count == 0)
      return;
   ulong waiting[];
   int waiting_tries[];
   int before = m_queue.Count();
   for(int i = 0; i < count; i++)
     {
      JournalDeal deal;
      if(HistoryDealSelect(m_pending[i]) && ReadDeal(m_pending[i], deal) && EnqueueDeal(deal))
         continue;
      if(m_pending_tries[i] + 1 >= JOURNAL_PENDING_TRIES)
        {
         Log("deal " + IntegerToString((long)m_pending[i]) + " did not appear in the history; the backfill looks again");
         StartBackfill(DaysBefore(TimeTradeServer(), 1), "a deal was missing from the history");
         continue;
        }
      int size = ArraySize(waiting);
      ArrayResize(waiting, size + 1);
      ArrayResize(waiting_tries, size + 1);
      waiting[size] = m_pending[i];
      waiting_tries[size] = m_pending_tries[i] + 1;
     }
   ArrayResize(m_pending, 0);
   ArrayResize(m_pending_tries, 0);
   ArrayCopy(m_pending, waiting);
   ArrayCopy(m_pending_tries, waiting_tries);
   if(m_queue.Count() != before)
      m_queue.Save();
  }

void CTradeJournal::StartBackfill(const datetime from, const string why)
  {
   datetime start = from;
   if(m_backfill_active && m_backfill_time <= start)
      return;
   m_backfill_active = true;
   m_backfill_time = start;
   m_backfill_ticket = 0;
   m_backfill_records = 0;
   Log("backfill from " + TimeToString(start, TIME_DATE | TIME_SECONDS) + " (" + why + ")");
  }

//+------------------------------------------------------------------+
//| A chunk of the backfill: the next deals after the cursor become   |
//| records, while the queue is short enough that its file stays      |
//| small. The journal answers "duplicate" for what it already has.   |
//+------------------------------------------------------------------+
void CTradeJournal::CollectBackfill(void)
  {
   if(!m_backfill_active || m_queue.Count() >= JOURNAL_QUEUE_HIGH_WATER)
      return;
   if(!HistorySelect(m_backfill_time, TimeTradeServer() + 86400))
      return;
   // First the deals after the cursor, cheaply; then the next chunk of them in full, while this
   // selection lasts (EnqueueDeal replaces it).
   ulong tickets[];
   datetime times[];
   int total = HistoryDealsTotal();
   for(int i = 0; i < total; i++)
     {
      ulong ticket = HistoryDealGetTicket(i);
      datetime time = (datetime)HistoryDealGetInteger(ticket, DEAL_TIME);
      if(ticket == 0 || time < m_backfill_time || (time == m_backfill_time && ticket <= m_backfill_ticket))
         continue;
      int size = ArraySize(tickets);
      ArrayResize(tickets, size + 1, 1024);
      ArrayResize(times, size + 1, 1024);
      tickets[size] = ticket;
      times[size] = time;
     }
   int found = ArraySize(tickets);
   // (time, ticket) order; the history comes nearly sorted, so this insertion sort is quick.
   for(int i = 1; i < found; i++)
     {
      ulong ticket = tickets[i];
      datetime time = times[i];
      int j = i - 1;
      while(j >= 0 && (times[j] > time || (times[j] == time && tickets[j] > ticket)))
        {
         tickets[j + 1] = tickets[j];
         times[j + 1] = times[j];
         j--;
        }
      tickets[j + 1] = ticket;
      times[j + 1] = time;
     }
   int take = found < JOURNAL_BACKFILL_CHUNK ? found : JOURNAL_BACKFILL_CHUNK;
   JournalDeal chunk[];
   ArrayResize(chunk, take);
   for(int i = 0; i < take; i++)
      ReadDeal(tickets[i], chunk[i]);
   int before = m_queue.Count();
   for(int i = 0; i < take; i++)
     {
      if(IsExitDeal(chunk[i]) || IsBalanceDeal(chunk[i]))
         EnqueueDeal(chunk[i]);
      m_backfill_time = times[i];
      m_backfill_ticket = tickets[i];
     }
   m_backfill_records += m_queue.Count() - before;
   if(m_queue.Count() != before)
      m_queue.Save();
   if(found <= take)
     {
      m_backfill_active = false;
      Log(StringFormat("backfill done: %d records queued", m_backfill_records));
     }
  }

//+------------------------------------------------------------------+
//| The start checks: the URL is allowed and answers, and the key     |
//| may send trades. Retried every 30 s until they pass.              |
//+------------------------------------------------------------------+
bool CTradeJournal::RunChecks(void)
  {
   JournalResponse response;
   if(!JournalRequest("GET", m_url + "/api/v1/health", "", "", m_timeout_ms, response))
     {
      m_problem = WebRequestErrorText(response.error, m_url);
      Log(m_problem);
      return false;
     }
   if(response.status != 200)
     {
      m_problem = StringFormat("%s/api/v1/health answered HTTP %d: is InpServerUrl the journal's address?", m_url, response.status);
      Log(m_problem);
      return false;
     }
   if(!JournalRequest("GET", m_url + "/api/v1/auth/check", m_key, "", m_timeout_ms, response))
     {
      m_problem = WebRequestErrorText(response.error, m_url);
      return false;
     }
   if(response.status == 401)
      m_problem = m_key == "" ? "this journal requires an API key: create a write key in Settings > API keys and paste it into InpApiKey"
                  : "the journal does not know this API key: copy it again from Settings > API keys into InpApiKey";
   else if(response.status == 403)
      m_problem = "this API key was revoked: create a new write key in Settings > API keys";
   else if(response.status != 200)
      m_problem = StringFormat("%s/api/v1/auth/check answered HTTP %d: %s", m_url, response.status, JsonErrorSummary(response.body));
   else
     {
      CJsonParser parser;
      CJsonNode *root = parser.Parse(response.body);
      CJsonNode *data = NULL;
      if(root != NULL)
         data = root.Get("data");
      bool can_write = data != NULL && data.GetBool("can_write");
      string access = data == NULL ? "?" : data.GetString("access");
      if(root != NULL)
         delete root;
      if(!can_write)
         m_problem = "this key may not send trades (a read key?): create a write key in Settings > API keys";
      else
        {
         m_problem = "";
         Log("connected to " + m_url + " (access: " + access + ")");
         return true;
        }
     }
   Log(m_problem);
   return false;
  }

//--- The front of the queue: a batch of trades, or one balance operation.
void CTradeJournal::SendNext(void)
  {
   if(m_queue.KindAt(0) == JOURNAL_KIND_BALANCE)
      SendBalance();
   else
      SendTradeBatch();
  }

void CTradeJournal::SendTradeBatch(void)
  {
   int count = 0;
   string body = "{\"trades\":[";
   while(count < m_queue.Count() && count < m_batch_size && m_queue.KindAt(count) == JOURNAL_KIND_TRADE)
     {
      if(count > 0)
         body += ",";
      body += m_queue.PayloadAt(count);
      count++;
     }
   body += "]}";
   JournalResponse response;
   if(!JournalRequest("POST", m_url + "/api/v1/trades/batch", m_key, body, m_timeout_ms, response))
     {
      if(response.error == JOURNAL_ERR_URL_NOT_ALLOWED)
        {
         m_ready = false; // the start checks say what to do, and resume once the URL is allowed
         m_problem = WebRequestErrorText(response.error, m_url);
         return;
        }
      BackOff(WebRequestErrorText(response.error, m_url), 0);
      return;
     }
   if(response.status == 200)
     {
      HandleBatchAnswer(count, response.body);
      return;
     }
   string summary = StringFormat("HTTP %d %s", response.status, JsonErrorSummary(response.body));
   if(response.status == 401 || response.status == 403)
     {
      Stop("the journal refused the key (" + summary + "): fix InpApiKey or the key in Settings > API keys, then reload the EA");
      return;
     }
   if(response.status == 413 || response.status == 400 || response.status == 415 || response.status == 422)
     {
      // Too large, or refused as a whole: halve the batch until the one record at fault is alone.
      if(count > 1)
        {
         m_batch_size = count / 2;
         Log(StringFormat("%s: batches of %d from now on", summary, m_batch_size));
         return;
        }
      m_queue.DeadLetter(0, summary);
      m_queue.RemoveFront();
      m_queue.Save();
      m_queue.SaveState();
      return;
     }
   if(response.status == 429)
     {
      BackOff(summary, RetryAfterSeconds(response.headers, 1));
      return;
     }
   BackOff(summary, 0); // 5xx and anything unexpected: keep everything, try again later
  }

//+------------------------------------------------------------------+
//| Per item: created, duplicate or enriched -> dropped from the      |
//| queue; invalid or conflict -> dead-letter file with the message.  |
//+------------------------------------------------------------------+
void CTradeJournal::HandleBatchAnswer(const int count, const string body)
  {
   CJsonParser parser;
   CJsonNode *root = parser.Parse(body);
   CJsonNode *results = NULL;
   if(root != NULL)
      results = root.Get("results");
   if(results == NULL || results.kind != JSON_KIND_ARRAY)
     {
      if(root != NULL)
         delete root;
      BackOff("the journal's answer could not be read", 0);
      return;
     }
   bool done[];
   NoneDone(done, m_queue.Count());
   int handled = 0;
   for(int i = 0; i < results.Count(); i++)
     {
      CJsonNode *result = results.At(i);
      int index = (int)result.GetInteger("index");
      string status = result.GetString("status");
      if(index < 0 || index >= count || done[index])
         continue;
      if(status == "created" || status == "duplicate" || status == "enriched")
         m_queue.Acknowledge(index);
      else if(status == "invalid" || status == "conflict")
         m_queue.DeadLetter(index, status + JsonDetailsText(result.Get("errors")));
      else
         continue;
      done[index] = true;
      handled++;
     }
   delete root;
   m_queue.RemoveFlagged(done);
   m_queue.Save();
   m_queue.SaveState();
   if(handled == count)
      Succeeded();
   else
      BackOff(StringFormat("the journal answered for %d of %d records", handled, count), 0);
  }

void CTradeJournal::SendBalance(void)
  {
   JournalResponse response;
   if(!JournalRequest("POST", m_url + "/api/v1/balance-operations", m_key, m_queue.PayloadAt(0), m_timeout_ms, response))
     {
      BackOff(WebRequestErrorText(response.error, m_url), 0);
      return;
     }
   string summary = StringFormat("HTTP %d %s", response.status, JsonErrorSummary(response.body));
   if(response.status == 401 || response.status == 403)
     {
      Stop("the journal refused the key (" + summary + "): fix InpApiKey or the key in Settings > API keys, then reload the EA");
      return;
     }
   if(response.status == 429)
     {
      BackOff(summary, RetryAfterSeconds(response.headers, 1));
      return;
     }
   bool stored = response.status == 200 || response.status == 201;
   bool refused = response.status == 400 || response.status == 409 || response.status == 413 || response.status == 415 || response.status == 422;
   if(!stored && !refused)
     {
      BackOff(summary, 0);
      return;
     }
   if(stored)
      m_queue.Acknowledge(0);
   else
      m_queue.DeadLetter(0, summary);
   m_queue.RemoveFront();
   m_queue.Save();
   m_queue.SaveState();
   Succeeded();
  }

void CTradeJournal::Stop(const string problem)
  {
   m_stopped = true;
   m_problem = problem;
   Log("stopped sending, the queue is kept: " + problem);
   Alert("Trade Journal: " + problem);
  }

//--- 429, 5xx, timeouts, network errors: keep everything, wait 5 s, 10 s, 20 s ... up to 5 min.
void CTradeJournal::BackOff(const string error, const int at_least)
  {
   m_backoff = m_backoff == 0 ? JOURNAL_BACKOFF_FIRST : m_backoff * 2;
   if(m_backoff > JOURNAL_BACKOFF_MAX)
      m_backoff = JOURNAL_BACKOFF_MAX;
   int wait = at_least > m_backoff ? at_least : m_backoff;
   m_next_send = TimeLocal() + wait;
   m_last_error = TimeToString(TimeLocal(), TIME_SECONDS) + " " + error;
   Log(StringFormat("%s; next try in %d s", error, wait));
  }

void CTradeJournal::Succeeded(void)
  {
   m_backoff = 0;
   // More waiting (a backfill): send on the next tick; otherwise gather for one interval.
   m_next_send = m_queue.Count() > 0 ? TimeLocal() : TimeLocal() + m_send_interval;
  }

void CTradeJournal::ShowStatus(void)
  {
   string state = m_stopped ? "STOPPED" : (m_ready ? (m_backoff > 0 ? "retrying" : "sending") : "not connected");
   string text = "Trade Journal -> " + m_url + "  [" + state + "]\n";
   text += StringFormat("queued %d | sent %s | refused %s", m_queue.Count(), IntegerToString(m_queue.Sent()), IntegerToString(m_queue.Dead()));
   if(m_backfill_active)
      text += " | backfilling from " + TimeToString(m_backfill_time, TIME_DATE);
   if(m_problem != "")
      text += "\nTo do: " + m_problem;
   if(m_last_error != "")
      text += "\nLast error: " + m_last_error;
   Comment(text);
  }

void CTradeJournal::Log(const string message)
  {
   Print("Trade Journal: ", message);
  }
//+------------------------------------------------------------------+
