//+------------------------------------------------------------------+
//| Queue.mqh - records waiting to be sent, kept in files that survive |
//| EA reloads, terminal restarts and crashes.                        |
//|                                                                    |
//| Files live in Terminal/Common/Files/TradeJournal/<login>-<server>/ |
//| (FILE_COMMON: several terminals share it, so each account has its |
//| own folder):                                                       |
//|   queue.txt        one record per line: kind TAB ticket TAB time   |
//|                    TAB json (kind T = trade, B = balance operation)|
//|   dead-letter.txt  records the journal refused, with its message   |
//|   state.txt        last acknowledged close time and counters       |
//|                                                                    |
//| TypeScript model: lib/ea/ea-queue.ts (EaQueue).                    |
//+------------------------------------------------------------------+

#define JOURNAL_KIND_TRADE   "T"
#define JOURNAL_KIND_BALANCE "B"

class CJournalQueue
  {
private:
   string            m_folder;
   string            m_kinds[];
   ulong             m_tickets[];
   datetime          m_times[];
   string            m_payloads[];
   bool              m_has_state;
   datetime          m_last_acknowledged;   // latest close time of a trade the journal acknowledged
   long              m_sent;                // records acknowledged, all time
   long              m_dead;                // records moved to the dead-letter file, all time

   string            Path(const string name) { return m_folder + "\\" + name; }
   bool              LoadQueue(void);
   void              LoadState(void);

public:
                     CJournalQueue(void) : m_has_state(false), m_last_acknowledged(0), m_sent(0), m_dead(0) {}

   bool              Open(const long login, const string server);
   string            Folder(void)                    { return "Common\\Files\\" + m_folder; }
   int               Count(void)                     { return ArraySize(m_kinds); }
   string            KindAt(const int index)         { return m_kinds[index]; }
   ulong             TicketAt(const int index)       { return m_tickets[index]; }
   datetime          TimeAt(const int index)         { return m_times[index]; }
   string            PayloadAt(const int index)      { return m_payloads[index]; }
   bool              HasState(void)                  { return m_has_state; }
   datetime          LastAcknowledged(void)          { return m_last_acknowledged; }
   long              Sent(void)                      { return m_sent; }
   long              Dead(void)                      { return m_dead; }

   bool              Contains(const string kind, const ulong ticket);
   void              Push(const string kind, const ulong ticket, const datetime time, const string payload);
   void              Acknowledge(const int index);
   void              DeadLetter(const int index, const string reason);
   void              RemoveFlagged(const bool &flags[]);
   void              RemoveFront(void);
   bool              Save(void);
   bool              SaveState(void);
  };

//--- A folder name from the server's: letters, digits, dot and dash kept, the rest "_".
string SafeFolderName(const string text)
  {
   string out = "";
   for(int i = 0; i < StringLen(text); i++)
     {
      ushort c = StringGetCharacter(text, i);
      bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      out += keep ? ShortToString(c) : "_";
     }
   return out;
  }

bool CJournalQueue::Open(const long login, const string server)
  {
   m_folder = "TradeJournal\\" + IntegerToString(login) + "-" + SafeFolderName(server);
   FolderCreate("TradeJournal", FILE_COMMON);
   FolderCreate(m_folder, FILE_COMMON);
   ArrayResize(m_kinds, 0);
   ArrayResize(m_tickets, 0);
   ArrayResize(m_times, 0);
   ArrayResize(m_payloads, 0);
   LoadState();
   return LoadQueue();
  }

bool CJournalQueue::LoadQueue(void)
  {
   string path = Path("queue.txt");
   if(!FileIsExist(path, FILE_COMMON))
      return true;
   int handle = FileOpen(path, FILE_READ | FILE_TXT | FILE_ANSI | FILE_COMMON | FILE_SHARE_READ, 0, CP_UTF8);
   if(handle == INVALID_HANDLE)
     {
      PrintFormat("Trade Journal: cannot read %s (error %d)", path, GetLastError());
      return false;
     }
   while(!FileIsEnding(handle))
     {
      string line = FileReadString(handle);
      StringTrimRight(line);
      string parts[];
      // kind, ticket, time, json: the json has no TAB (JsonQuote escapes it).
      if(StringSplit(line, '\t', parts) != 4 || StringLen(parts[3]) < 2)
         continue;
      Push(parts[0], (ulong)StringToInteger(parts[1]), (datetime)StringToInteger(parts[2]), parts[3]);
     }
   FileClose(handle);
   return true;
  }

void CJournalQueue::LoadState(void)
  {
   string path = Path("state.txt");
   m_has_state = FileIsExist(path, FILE_COMMON);
   if(!m_has_state)
      return;
   int handle = FileOpen(path, FILE_READ | FILE_TXT | FILE_ANSI | FILE_COMMON | FILE_SHARE_READ, 0, CP_UTF8);
   if(handle == INVALID_HANDLE)
      return;
   while(!FileIsEnding(handle))
     {
      string line = FileReadString(handle);
      StringTrimRight(line);
      string parts[];
      if(StringSplit(line, '=', parts) != 2)
         continue;
      if(parts[0] == "last_acknowledged_close")
         m_last_acknowledged = (datetime)StringToInteger(parts[1]);
      else if(parts[0] == "sent")
         m_sent = StringToInteger(parts[1]);
      else if(parts[0] == "dead_letter")
         m_dead = StringToInteger(parts[1]);
     }
   FileClose(handle);
  }

bool CJournalQueue::Contains(const string kind, const ulong ticket)
  {
   for(int i = 0; i < ArraySize(m_kinds); i++)
      if(m_tickets[i] == ticket && m_kinds[i] == kind)
         return true;
   return false;
  }

//--- Adds a record at the end; the caller saves (one write for many records).
void CJournalQueue::Push(const string kind, const ulong ticket, const datetime time, const string payload)
  {
   int size = ArraySize(m_kinds);
   ArrayResize(m_kinds, size + 1, 256);
   ArrayResize(m_tickets, size + 1, 256);
   ArrayResize(m_times, size + 1, 256);
   ArrayResize(m_payloads, size + 1, 256);
   m_kinds[size] = kind;
   m_tickets[size] = ticket;
   m_times[size] = time;
   m_payloads[size] = payload;
  }

//--- The journal stored the record (created, duplicate or enriched): it counts for the backfill start.
void CJournalQueue::Acknowledge(const int index)
  {
   m_sent++;
   if(m_kinds[index] == JOURNAL_KIND_TRADE && m_times[index] > m_last_acknowledged)
      m_last_acknowledged = m_times[index];
   m_has_state = true;
  }

//--- The journal refused the record: kept in dead-letter.txt with the reason, never retried.
void CJournalQueue::DeadLetter(const int index, const string reason)
  {
   m_dead++;
   PrintFormat("Trade Journal: record %s %s refused: %s", m_kinds[index], IntegerToString((long)m_tickets[index]), reason);
   string path = Path("dead-letter.txt");
   int handle = FileOpen(path, FILE_READ | FILE_WRITE | FILE_TXT | FILE_ANSI | FILE_COMMON | FILE_SHARE_READ, 0, CP_UTF8);
   if(handle == INVALID_HANDLE)
     {
      PrintFormat("Trade Journal: cannot write %s (error %d); the record was: %s", path, GetLastError(), m_payloads[index]);
      return;
     }
   FileSeek(handle, 0, SEEK_END);
   string reason_text = reason;
   StringReplace(reason_text, "\t", " ");
   StringReplace(reason_text, "\r", " ");
   StringReplace(reason_text, "\n", " ");
   FileWriteString(handle, TimeToString(TimeLocal(), TIME_DATE | TIME_SECONDS) + "\t" + reason_text + "\t" + m_payloads[index] + "\r\n");
   FileClose(handle);
  }

void CJournalQueue::RemoveFlagged(const bool &flags[])
  {
   int kept = 0;
   int count = ArraySize(m_kinds);
   for(int i = 0; i < count; i++)
     {
      if(flags[i])
         continue;
      m_kinds[kept] = m_kinds[i];
      m_tickets[kept] = m_tickets[i];
      m_times[kept] = m_times[i];
      m_payloads[kept] = m_payloads[i];
      kept++;
     }
   ArrayResize(m_kinds, kept);
   ArrayResize(m_tickets, kept);
   ArrayResize(m_times, kept);
   ArrayResize(m_payloads, kept);
  }

void CJournalQueue::RemoveFront(void)
  {
   bool flags[];
   ArrayResize(flags, ArraySize(m_kinds));
   for(int i = 0; i < ArraySize(flags); i++)
      flags[i] = (i == 0);
   RemoveFlagged(flags);
  }

//--- Writes the whole queue to queue.tmp, then moves it over queue.txt: a crash leaves one or the other.
bool CJournalQueue::Save(void)
  {
   string temporary = Path("queue.tmp");
   int handle = FileOpen(temporary, FILE_WRITE | FILE_TXT | FILE_ANSI | FILE_COMMON, 0, CP_UTF8);
   if(handle == INVALID_HANDLE)
     {
      PrintFormat("Trade Journal: cannot write %s (error %d)", temporary, GetLastError());
      return false;
     }
   for(int i = 0; i < ArraySize(m_kinds); i++)
      FileWriteString(handle, m_kinds[i] + "\t" + IntegerToString((long)m_tickets[i]) + "\t" +
                      IntegerToString((long)m_times[i]) + "\t" + m_payloads[i] + "\r\n");
   FileClose(handle);
   if(!FileMove(temporary, FILE_COMMON, Path("queue.txt"), FILE_COMMON | FILE_REWRITE))
     {
      PrintFormat("Trade Journal: cannot replace %s (error %d)", Path("queue.txt"), GetLastError());
      return false;
     }
   return true;
  }

bool CJournalQueue::SaveState(void)
  {
   int handle = FileOpen(Path("state.txt"), FILE_WRITE | FILE_TXT | FILE_ANSI | FILE_COMMON, 0, CP_UTF8);
   if(handle == INVALID_HANDLE)
      return false;
   FileWriteString(handle, "last_acknowledged_close=" + IntegerToString((long)m_last_acknowledged) + "\r\n");
   FileWriteString(handle, "sent=" + IntegerToString(m_sent) + "\r\n");
   FileWriteString(handle, "dead_letter=" + IntegerToString(m_dead) + "\r\n");
   FileClose(handle);
   m_has_state = true;
   return true;
  }
//+------------------------------------------------------------------+
