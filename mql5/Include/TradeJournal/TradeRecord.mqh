//+------------------------------------------------------------------+
//| TradeRecord.mqh - one journal record per exit deal, built from the |
//| position's whole history, and balance operations.                  |
//|                                                                    |
//| The same rule in TypeScript (the journal's importer and the tests  |
//| use it): lib/mt5/trades-from-deals.ts buildTradeRecord() and       |
//| lib/mt5/balance-from-deal.ts buildBalanceRecord(). Change one,     |
//| change the other.                                                  |
//+------------------------------------------------------------------+
#include "Json.mqh"

//--- Volumes are compared and kept at 8 decimals.
#define JOURNAL_VOLUME_DIGITS 8

//--- One deal as read from the terminal's history (TypeScript: Deal).
struct JournalDeal
  {
   ulong             ticket;
   ulong             order;
   ulong             position_id;
   datetime          time;
   ENUM_DEAL_TYPE    type;
   ENUM_DEAL_ENTRY   entry;
   string            symbol;
   double            volume;
   double            price;
   double            commission;
   double            swap;
   double            profit;
   double            fee;
   double            sl;            // the order's SL on an opening deal, the position's at close on an exit
   double            tp;
   long              magic;
   ENUM_DEAL_REASON  reason;
   string            comment;
  };

//--- The account every record belongs to.
struct JournalAccount
  {
   long              login;
   string            server;
   string            currency;
   int               money_digits;        // ACCOUNT_CURRENCY_DIGITS
   int               utc_offset_minutes;  // broker time minus UTC now: a hint only
  };

//--- One trade (TypeScript: TradeFromDeals). has_* = false means "not known" (sent as null).
struct JournalTrade
  {
   string            symbol;
   ulong             order_ticket;
   ulong             deal_ticket;
   ulong             position_ticket;
   string            position_type;
   string            position_reason;
   double            lot_size;
   bool              has_entry_price;
   double            entry_price;
   double            exit_price;
   double            stop_loss;           // 0 = none
   double            take_profit;
   double            initial_stop_loss;
   double            initial_take_profit;
   double            profit;
   double            commission;          // exit deal's own + entry_commission
   bool              has_entry_commission;
   double            entry_commission;
   double            swap;
   double            fee;
   datetime          open_time;           // 0 = unknown
   datetime          close_time;
   bool              has_magic;
   long              magic_number;        // the opening deal's: the strategy
   string            comment;
   int               price_digits;
  };

//--- A deposit, withdrawal, credit or other balance change (TypeScript: BalanceRecord).
struct JournalBalance
  {
   string            type;                // deposit | withdrawal | credit | adjustment
   double            amount;
   datetime          time;
   ulong             ticket;
   string            comment;
  };

struct JournalCosts
  {
   double            commission;
   double            swap;
   double            fee;
  };

//--- The part of a position since it was opened or last reversed (TypeScript: Leg).
struct JournalLeg
  {
   bool              active;
   string            side;
   datetime          open_time;
   long              magic;
   double            initial_sl;
   double            initial_tp;
   double            open_volume;
   double            entered_volume;      // volume and volume x price of the leg's IN deals so far
   double            entered_value;
   JournalCosts      pool;                // entry costs not yet given to an exit
  };

//+------------------------------------------------------------------+
//| Reading the terminal's history                                    |
//+------------------------------------------------------------------+

//--- A deal of the current history selection.
bool ReadDeal(const ulong ticket, JournalDeal &deal)
  {
   deal.ticket = ticket;
   deal.time = (datetime)HistoryDealGetInteger(ticket, DEAL_TIME);
   if(deal.time == 0)
      return false;
   deal.order = (ulong)HistoryDealGetInteger(ticket, DEAL_ORDER);
   deal.position_id = (ulong)HistoryDealGetInteger(ticket, DEAL_POSITION_ID);
   deal.type = (ENUM_DEAL_TYPE)HistoryDealGetInteger(ticket, DEAL_TYPE);
   deal.entry = (ENUM_DEAL_ENTRY)HistoryDealGetInteger(ticket, DEAL_ENTRY);
   deal.symbol = HistoryDealGetString(ticket, DEAL_SYMBOL);
   deal.volume = HistoryDealGetDouble(ticket, DEAL_VOLUME);
   deal.price = HistoryDealGetDouble(ticket, DEAL_PRICE);
   deal.commission = HistoryDealGetDouble(ticket, DEAL_COMMISSION);
   deal.swap = HistoryDealGetDouble(ticket, DEAL_SWAP);
   deal.profit = HistoryDealGetDouble(ticket, DEAL_PROFIT);
   deal.fee = HistoryDealGetDouble(ticket, DEAL_FEE);
   deal.sl = HistoryDealGetDouble(ticket, DEAL_SL);
   deal.tp = HistoryDealGetDouble(ticket, DEAL_TP);
   deal.magic = HistoryDealGetInteger(ticket, DEAL_MAGIC);
   deal.reason = (ENUM_DEAL_REASON)HistoryDealGetInteger(ticket, DEAL_REASON);
   deal.comment = HistoryDealGetString(ticket, DEAL_COMMENT);
   return true;
  }

bool IsTradeDeal(const JournalDeal &deal)
  {
   return deal.type == DEAL_TYPE_BUY || deal.type == DEAL_TYPE_SELL;
  }

//--- Deals that close (part of) a position: one trade each (TypeScript: isExitDeal).
bool IsExitDeal(const JournalDeal &deal)
  {
   return IsTradeDeal(deal) && deal.entry != DEAL_ENTRY_IN;
  }

//--- Deals that move money in or out without trading.
bool IsBalanceDeal(const JournalDeal &deal)
  {
   return !IsTradeDeal(deal) && deal.type != DEAL_TYPE_BUY_CANCELED && deal.type != DEAL_TYPE_SELL_CANCELED;
  }

//--- (time, ticket) order: the order deals happened in (TypeScript: byTimeThenTicket).
bool DealComesBefore(const JournalDeal &a, const JournalDeal &b)
  {
   if(a.time != b.time)
      return a.time < b.time;
   return a.ticket < b.ticket;
  }

void SortDeals(JournalDeal &deals[])
  {
   int count = ArraySize(deals);
   for(int i = 1; i < count; i++)
     {
      JournalDeal current = deals[i];
      int j = i - 1;
      while(j >= 0 && DealComesBefore(current, deals[j]))
        {
         deals[j + 1] = deals[j];
         j--;
        }
      deals[j + 1] = current;
     }
  }

//--- Every buy/sell deal of a position, in order. Replaces the history selection.
bool LoadPositionDeals(const ulong position_id, JournalDeal &deals[])
  {
   ArrayResize(deals, 0);
   if(!HistorySelectByPosition(position_id))
      return false;
   int total = HistoryDealsTotal();
   for(int i = 0; i < total; i++)
     {
      ulong ticket = HistoryDealGetTicket(i);
      JournalDeal deal;
      if(ticket == 0 || !ReadDeal(ticket, deal) || !IsTradeDeal(deal))
         continue;
      int size = ArraySize(deals);
      ArrayResize(deals, size + 1, 16);
      deals[size] = deal;
     }
   SortDeals(deals);
   return true;
  }

//--- The symbol's price digits; 8 (no rounding loss) when the terminal no longer knows the symbol.
int SymbolPriceDigits(const string symbol)
  {
   long digits = 0;
   if(!SymbolInfoInteger(symbol, SYMBOL_DIGITS, digits))
      return 8;
   return (int)digits;
  }

//--- The wire name of a deal reason (the API's position_reason).
string DealReasonName(const ENUM_DEAL_REASON reason)
  {
   switch(reason)
     {
      case DEAL_REASON_CLIENT:
         return "CLIENT";
      case DEAL_REASON_MOBILE:
         return "MOBILE";
      case DEAL_REASON_WEB:
         return "WEB";
      case DEAL_REASON_EXPERT:
         return "EXPERT";
      case DEAL_REASON_SL:
         return "STOP_LOSS";
      case DEAL_REASON_TP:
         return "TAKE_PROFIT";
      case DEAL_REASON_SO:
         return "STOP_OUT";
      case DEAL_REASON_ROLLOVER:
         return "ROLLOVER";
      case DEAL_REASON_VMARGIN:
         return "VMARGIN";
      case DEAL_REASON_SPLIT:
         return "SPLIT";
      default:
         return "UNKNOWN";
     }
  }

//--- The position's side from a deal that opens it: a BUY deal opens a BUY position.
string SideOfOpeningDeal(const JournalDeal &deal)
  {
   if(deal.type == DEAL_TYPE_SELL)
      return "SELL";
   return "BUY";
  }

//--- The position's side from a deal that closes it: a SELL deal closes a BUY position.
string SideOfExitDeal(const JournalDeal &deal)
  {
   if(deal.type == DEAL_TYPE_SELL)
      return "BUY";
   return "SELL";
  }

//+------------------------------------------------------------------+
//| The rule (TypeScript: buildTradeRecord and its helpers)           |
//+------------------------------------------------------------------+

void ZeroCosts(JournalCosts &costs)
  {
   costs.commission = 0.0;
   costs.swap = 0.0;
   costs.fee = 0.0;
  }

void OpenLeg(JournalLeg &leg, const JournalDeal &deal)
  {
   leg.active = true;
   leg.side = SideOfOpeningDeal(deal);
   leg.open_time = deal.time;
   leg.magic = deal.magic;
   leg.initial_sl = deal.sl;
   leg.initial_tp = deal.tp;
   leg.open_volume = 0.0;
   leg.entered_volume = 0.0;
   leg.entered_value = 0.0;
   ZeroCosts(leg.pool);
  }

void AddToLeg(JournalLeg &leg, const double volume, const double price, const JournalCosts &costs)
  {
   leg.open_volume = RoundTo(leg.open_volume + volume, JOURNAL_VOLUME_DIGITS);
   leg.entered_volume = RoundTo(leg.entered_volume + volume, JOURNAL_VOLUME_DIGITS);
   leg.entered_value += volume * price;
   leg.pool.commission += costs.commission;
   leg.pool.swap += costs.swap;
   leg.pool.fee += costs.fee;
  }

//--- The exit's share of the leg's entry costs; the exit that closes the leg takes the remainder.
void TakeEntryShare(JournalLeg &leg, const double closed, const int money_digits, JournalCosts &share)
  {
   bool closes_leg = closed >= leg.open_volume;
   double fraction = (closes_leg || leg.open_volume <= 0) ? 1.0 : closed / leg.open_volume;
   share.commission = RoundTo(leg.pool.commission * fraction, money_digits);
   share.swap = RoundTo(leg.pool.swap * fraction, money_digits);
   share.fee = RoundTo(leg.pool.fee * fraction, money_digits);
   leg.pool.commission -= share.commission;
   leg.pool.swap -= share.swap;
   leg.pool.fee -= share.fee;
   leg.open_volume = closes_leg ? 0.0 : RoundTo(leg.open_volume - closed, JOURNAL_VOLUME_DIGITS);
  }

void FillTrade(JournalTrade &trade, const JournalDeal &exit_deal, const JournalLeg &leg, const double closed,
               const JournalCosts &exit_costs, const bool has_share, const JournalCosts &share,
               const int price_digits, const int money_digits);

//+------------------------------------------------------------------+
//| The trade that exit deal `exit_ticket` closed, from the deals of  |
//| its position. Only the deals up to the exit count, so the record  |
//| never changes as the position goes on: re-sending it gives the    |
//| same payload. See lib/mt5/trades-from-deals.ts for the rule.      |
//+------------------------------------------------------------------+
bool BuildTradeRecord(const JournalDeal &deals[], const ulong exit_ticket, const int price_digits,
                      const int money_digits, JournalTrade &trade)
  {
   int exit_index = -1;
   for(int i = 0; i < ArraySize(deals); i++)
      if(deals[i].ticket == exit_ticket)
         exit_index = i;
   if(exit_index < 0 || !IsExitDeal(deals[exit_index]))
      return false;

   JournalDeal history[];
   ulong position_id = deals[exit_index].position_id;
   for(int i = 0; i < ArraySize(deals); i++)
     {
      if(deals[i].position_id != position_id || !IsTradeDeal(deals[i]))
         continue;
      int size = ArraySize(history);
      ArrayResize(history, size + 1, 16);
      history[size] = deals[i];
     }
   SortDeals(history);

   JournalLeg leg;
   leg.active = false;
   for(int i = 0; i < ArraySize(history); i++)
     {
      JournalCosts costs;
      if(history[i].entry == DEAL_ENTRY_IN)
        {
         if(!leg.active)
            OpenLeg(leg, history[i]);
         costs.commission = history[i].commission;
         costs.swap = history[i].swap;
         costs.fee = history[i].fee;
         AddToLeg(leg, history[i].volume, history[i].price, costs);
         continue;
        }
      double closed = leg.active ? MathMin(history[i].volume, leg.open_volume) : history[i].volume;
      // An INOUT deal's commission and fee are shared by volume between its closing and opening parts.
      double closing_part = 1.0;
      if(history[i].entry == DEAL_ENTRY_INOUT && history[i].volume > 0)
         closing_part = closed / history[i].volume;
      JournalCosts exit_costs;
      exit_costs.commission = RoundTo(history[i].commission * closing_part, money_digits);
      exit_costs.swap = history[i].swap;
      exit_costs.fee = RoundTo(history[i].fee * closing_part, money_digits);
      JournalCosts share;
      ZeroCosts(share);
      bool has_share = leg.active;
      if(leg.active)
         TakeEntryShare(leg, closed, money_digits, share);
      if(history[i].ticket == exit_ticket)
        {
         FillTrade(trade, history[i], leg, closed, exit_costs, has_share, share, price_digits, money_digits);
         return true;
        }
      if(leg.active && leg.open_volume <= 0)
         leg.active = false;
      double opened = RoundTo(history[i].volume - closed, JOURNAL_VOLUME_DIGITS);
      if(history[i].entry == DEAL_ENTRY_INOUT && opened > 0)
        {
         costs.commission = RoundTo(history[i].commission - exit_costs.commission, money_digits);
         costs.swap = 0.0;
         costs.fee = RoundTo(history[i].fee - exit_costs.fee, money_digits);
         OpenLeg(leg, history[i]);
         AddToLeg(leg, opened, history[i].price, costs);
        }
     }
   return false;
  }

//--- TypeScript: toTrade().
void FillTrade(JournalTrade &trade, const JournalDeal &exit_deal, const JournalLeg &leg, const double closed,
               const JournalCosts &exit_costs, const bool has_share, const JournalCosts &share,
               const int price_digits, const int money_digits)
  {
   trade.symbol = exit_deal.symbol;
   trade.order_ticket = exit_deal.order;
   trade.deal_ticket = exit_deal.ticket;
   trade.position_ticket = exit_deal.position_id;
   trade.position_type = leg.active ? leg.side : SideOfExitDeal(exit_deal);
   trade.position_reason = DealReasonName(exit_deal.reason);
   trade.lot_size = RoundTo(closed, JOURNAL_VOLUME_DIGITS);
   trade.has_entry_price = leg.active && leg.entered_volume > 0;
   trade.entry_price = trade.has_entry_price ? RoundTo(leg.entered_value / leg.entered_volume, price_digits) : 0.0;
   trade.exit_price = RoundTo(exit_deal.price, price_digits);
   // An INOUT deal's SL/TP are the new position's (from its order), not the closed one's at close.
   bool reversal = exit_deal.entry == DEAL_ENTRY_INOUT;
   trade.stop_loss = (!reversal && exit_deal.sl > 0) ? RoundTo(exit_deal.sl, price_digits) : 0.0;
   trade.take_profit = (!reversal && exit_deal.tp > 0) ? RoundTo(exit_deal.tp, price_digits) : 0.0;
   trade.initial_stop_loss = (leg.active && leg.initial_sl > 0) ? RoundTo(leg.initial_sl, price_digits) : 0.0;
   trade.initial_take_profit = (leg.active && leg.initial_tp > 0) ? RoundTo(leg.initial_tp, price_digits) : 0.0;
   trade.profit = RoundTo(exit_deal.profit, money_digits);
   trade.commission = RoundTo(exit_costs.commission + share.commission, money_digits);
   trade.has_entry_commission = has_share;
   trade.entry_commission = share.commission;
   trade.swap = RoundTo(exit_costs.swap + share.swap, money_digits);
   trade.fee = RoundTo(exit_costs.fee + share.fee, money_digits);
   trade.open_time = leg.active ? leg.open_time : 0;
   trade.close_time = exit_deal.time;
   trade.has_magic = leg.active;
   trade.magic_number = leg.active ? leg.magic : 0;
   trade.comment = exit_deal.comment;
   trade.price_digits = price_digits;
  }

//--- TypeScript: lib/mt5/balance-from-deal.ts buildBalanceRecord(). False for a 0 amount (nothing moved).
bool BuildBalanceRecord(const JournalDeal &deal, JournalBalance &balance)
  {
   if(!IsBalanceDeal(deal) || deal.profit == 0.0)
      return false;
   if(deal.type == DEAL_TYPE_BALANCE)
      balance.type = deal.profit > 0 ? "deposit" : "withdrawal";
   else if(deal.type == DEAL_TYPE_CREDIT)
      balance.type = "credit";
   else
      balance.type = "adjustment"; // charge, correction, bonus, commission, interest, dividend, tax
   balance.amount = deal.profit;
   balance.time = deal.time;
   balance.ticket = deal.ticket;
   balance.comment = deal.comment;
   return true;
  }

//+------------------------------------------------------------------+
//| The payloads. lib/ea/ea-contract.test.ts checks every key here    |
//| against the API's schema: one JsonAdd* call per key.              |
//+------------------------------------------------------------------+
string TradeRecordToJson(const JournalTrade &trade, const JournalAccount &account)
  {
   int digits = trade.price_digits;
   int money = account.money_digits;
   string json = "{";
   JsonAddString(json, "symbol", trade.symbol);
   JsonAddInteger(json, "order_ticket", (long)trade.order_ticket);
   JsonAddInteger(json, "deal_ticket", (long)trade.deal_ticket);
   JsonAddInteger(json, "position_ticket", (long)trade.position_ticket);
   JsonAddString(json, "position_type", trade.position_type);
   JsonAddString(json, "position_reason", trade.position_reason);
   JsonAddNumber(json, "lot_size", trade.lot_size, JOURNAL_VOLUME_DIGITS);
   JsonAddNumberOrNull(json, "entry_price", trade.entry_price, digits, trade.has_entry_price);
   JsonAddNumber(json, "exit_price", trade.exit_price, digits);
   JsonAddPriceOrNull(json, "stop_loss", trade.stop_loss, digits);
   JsonAddPriceOrNull(json, "take_profit", trade.take_profit, digits);
   JsonAddPriceOrNull(json, "initial_stop_loss", trade.initial_stop_loss, digits);
   JsonAddPriceOrNull(json, "initial_take_profit", trade.initial_take_profit, digits);
   JsonAddNumber(json, "profit", trade.profit, money);
   JsonAddNumber(json, "commission", trade.commission, money);
   JsonAddNumberOrNull(json, "entry_commission", trade.entry_commission, money, trade.has_entry_commission);
   JsonAddNumber(json, "swap", trade.swap, money);
   JsonAddNumber(json, "fee", trade.fee, money);
   JsonAddTimeOrNull(json, "open_time", trade.open_time);
   JsonAddTime(json, "close_time", trade.close_time);
   JsonAddIntegerOrNull(json, "magic_number", trade.magic_number, trade.has_magic);
   JsonAddStringOrNull(json, "comment", trade.comment);
   JsonAddInteger(json, "utc_offset_minutes", account.utc_offset_minutes);
   JsonAddInteger(json, "account_login", account.login);
   JsonAddString(json, "account_server", account.server);
   JsonAddStringOrNull(json, "account_currency", account.currency);
   return json + "}";
  }

string BalanceRecordToJson(const JournalBalance &balance, const JournalAccount &account)
  {
   string json = "{";
   JsonAddInteger(json, "account_login", account.login);
   JsonAddString(json, "account_server", account.server);
   JsonAddStringOrNull(json, "account_currency", account.currency);
   JsonAddString(json, "type", balance.type);
   JsonAddNumber(json, "amount", balance.amount, account.money_digits);
   JsonAddTime(json, "time", balance.time);
   JsonAddInteger(json, "ticket", (long)balance.ticket);
   JsonAddStringOrNull(json, "comment", balance.comment);
   return json + "}";
  }
//+------------------------------------------------------------------+
