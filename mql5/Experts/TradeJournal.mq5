//+------------------------------------------------------------------+
//| TradeJournal.mq5 - sends every closed trade of this account to a    |
//| self-hosted trading journal, exactly once.                          |
//|                                                                     |
//| Attach it to ONE chart per terminal (any symbol, any timeframe).    |
//| Installation, inputs and troubleshooting: mql5/README.md.           |
//+------------------------------------------------------------------+
#property copyright "Trade Journal contributors"
#property version   "1.00"
#property description "Journals every closed trade (one record per exit deal) and balance operation"
#property description "to your trading journal's API. Trades never get lost: they wait in a queue file"
#property description "until the journal has them, and history is backfilled on every start."

#include <TradeJournal\Journal.mqh>

input string InpServerUrl           = "http://127.0.0.1:3000"; // Journal URL (no path); allow it in Tools > Options > Expert Advisors
input string InpApiKey              = "";                      // API key (a write key from Settings > API keys)
input int    InpBackfillDays        = 90;                      // Days of history sent on the first run
input int    InpSendIntervalSeconds = 5;                       // Send queued records every N seconds
input string InpMagicNumbers        = "";                      // Only these magic numbers, comma-separated (empty = all)
input bool   InpJournalManualTrades = true;                    // Journal manual trades (magic 0)
input int    InpBatchSize           = 100;                     // Trades per request (halved on HTTP 413)
input int    InpTimeoutMs           = 5000;                    // WebRequest timeout, milliseconds

CTradeJournal Journal;

int OnInit()
  {
   if(MQLInfoInteger(MQL_TESTER) != 0)
     {
      Print("Trade Journal: WebRequest does not work in the Strategy Tester; attach the EA to a chart instead");
      return INIT_FAILED;
     }
   string problem = "";
   if(!Journal.Configure(InpServerUrl, InpApiKey, InpBackfillDays, InpSendIntervalSeconds, InpMagicNumbers,
                         InpJournalManualTrades, InpBatchSize, InpTimeoutMs, problem))
     {
      Print("Trade Journal: ", problem);
      Comment("Trade Journal: ", problem);
      return INIT_PARAMETERS_INCORRECT;
     }
   if(!EventSetTimer(1))
     {
      Print("Trade Journal: cannot start the timer (error ", GetLastError(), ")");
      return INIT_FAILED;
     }
   return INIT_SUCCEEDED; // OnTimer attaches to the account, backfills and checks the server within a second
  }

void OnDeinit(const int reason)
  {
   EventKillTimer();
   Journal.Shutdown();
  }

//--- Never blocks: the deal ticket is remembered, and OnTimer does the rest.
void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request, const MqlTradeResult &result)
  {
   if(trans.type == TRADE_TRANSACTION_DEAL_ADD && trans.deal != 0)
      Journal.OnDeal(trans.deal);
  }

void OnTimer()
  {
   Journal.OnTimerTick();
  }

//--- An EA needs OnTick to be attachable on some builds; this one has nothing to do per tick.
void OnTick()
  {
  }
//+------------------------------------------------------------------+
