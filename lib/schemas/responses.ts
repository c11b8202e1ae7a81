import { z } from "zod";
import { balanceOperationTypes } from "@/lib/schemas/balance-operation";
import { positionReasons, positionTypes, sides, sources } from "@/lib/schemas/fields";

// What the API answers, described once for the OpenAPI document.

const wallClock = z.string().meta({ description: "Broker wall clock, no zone", examples: ["2026-01-02T10:11:12"] });
const nullableNumber = z.number().nullable();
const nullableInt = z.int().nullable();

export const tradeResource = z.object({
  id: z.int(),
  account_id: z.int(),
  source: z.enum(sources),
  symbol: z.string(),
  order_ticket: nullableInt,
  deal_ticket: z.int(),
  position_ticket: nullableInt,
  position_type: z.enum(positionTypes),
  side: z.enum(sides).nullable().meta({ description: "The position's side, derived; null when unknown" }),
  position_reason: z.enum(positionReasons).nullable(),
  lot_size: z.number(),
  entry_price: nullableNumber.meta({ description: "null when unknown" }),
  exit_price: nullableNumber,
  stop_loss: nullableNumber.meta({ description: "At close; null when none" }),
  take_profit: nullableNumber.meta({ description: "At close; null when none" }),
  initial_stop_loss: nullableNumber.meta({ description: "SL of the opening deal; null when none or not sent" }),
  initial_take_profit: nullableNumber.meta({ description: "TP of the opening deal; null when none or not sent" }),
  profit: z.number(),
  commission: nullableNumber.meta({ description: "Total commission of the trade (entry_commission included)" }),
  entry_commission: nullableNumber.meta({ description: "The part of commission from the opening deals; null when not sent" }),
  swap: nullableNumber,
  fee: nullableNumber,
  net_profit: z.number().meta({ description: "profit + commission + swap + fee" }),
  open_time: wallClock.nullable(),
  close_time: wallClock,
  duration_seconds: nullableInt.meta({ description: "close_time - open_time; null when open_time is unknown" }),
  utc_offset_minutes: nullableInt,
  magic_number: nullableInt.meta({ description: "0 = manual, null = unknown; from our EA the opening deal's magic (the strategy)" }),
  comment: z.string().nullable(),
  created_at: z.string().meta({ description: "When the journal stored it (UTC)" }),
  note: z.string().nullable().meta({ description: "The trader's note (PATCH /api/v1/trades/{id})" }),
  tags: z.array(z.string()).meta({ description: "The trader's tags, sorted" }),
});

/**
 * A row of the CSV export: the trade resource with its account's login, server and currency after
 * account_id, whose journal-local id means nothing in another journal. Empty for the default account.
 */
const { id: tradeId, account_id: tradeAccountId, ...tradeFields } = tradeResource.shape;
export const tradeCsvRow = z.object({
  id: tradeId,
  account_id: tradeAccountId,
  account_login: nullableInt.meta({ description: "The account's MT5 login; null for the default account" }),
  account_server: z.string().nullable().meta({ description: "The account's trade server; null for the default account" }),
  account_currency: z.string().nullable().meta({ description: "The account's currency; null when unknown or the default account" }),
  ...tradeFields,
});

export const pageInfo = z.object({
  limit: z.int().nullable(),
  next_cursor: z.string().nullable(),
  prev_cursor: z.string().nullable(),
  total: z.int().meta({ description: "Rows under the same filters" }),
});

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export const createTradeResponse = z.object({
  trade_id: z.int(),
  duplicate: z.boolean(),
  enriched: z.array(z.string()).optional().meta({ description: "Fields that filled empty values of the stored trade" }),
  data: tradeResource.optional().meta({ description: "The stored trade, when it was created" }),
});

export const batchResponse = z.object({
  results: z.array(
    z.object({
      index: z.int(),
      status: z.enum(["created", "duplicate", "enriched", "conflict", "invalid"]),
      trade_id: z.int().optional(),
      enriched: z.array(z.string()).optional(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  ),
  counts: z.object({
    created: z.int(),
    duplicate: z.int(),
    enriched: z.int(),
    conflict: z.int(),
    invalid: z.int(),
  }),
});

export const accountResource = z.object({
  id: z.int(),
  login: nullableInt,
  server: z.string().nullable(),
  currency: z.string().nullable(),
  name: z.string(),
  is_default: z.boolean(),
  trade_count: z.int(),
});

const mergedCounts = {
  moved: z.int().meta({ description: "Moved into the target" }),
  duplicates: z.int().meta({ description: "Already in the target (same ticket): the target's row is kept" }),
  enriched: z.int().meta({ description: "Duplicates whose empty fields were filled from the merged account's row" }),
  conflicts: z.int().meta({ description: "Duplicates with a differing value: kept unchanged as the target has it" }),
};

export const accountMergeResource = z.object({
  account: accountResource.meta({ description: "The target account after the merge" }),
  ...mergedCounts,
  balance_operations: z.object(mergedCounts).meta({ description: "The same counts for balance operations" }),
  strategies: z.int().meta({ description: "Strategy names moved (where both accounts name a magic number, the target's name stays)" }),
});

const mixed = "; null when the filtered trades mix account currencies (see by_currency)";
const money = (description: string) => nullableNumber.meta({ description: description + mixed });
const holdingTime = z.object({
  average_seconds: nullableNumber,
  shortest_seconds: nullableInt,
  longest_seconds: nullableInt,
});
const sideFigures = z.object({
  trades: z.int(),
  wins: z.int(),
  losses: z.int(),
  win_rate: nullableNumber,
  net_profit: money("Net of these trades"),
});
const extreme = z.object({ net_profit: z.number(), trade_id: z.int() }).nullable();
const streak = z.object({ count: z.int(), net_profit: z.number() }).nullable();

const metricsResource = z.object({
  currency: z.string().nullable().meta({ description: "The account currency of these figures; null when mixed or unknown" }),
  total_trades: z.int(),
  wins: z.int().meta({ description: "net > 0" }),
  losses: z.int().meta({ description: "net < 0" }),
  breakevens: z.int().meta({ description: "net = 0" }),
  win_rate: nullableNumber.meta({ description: "wins / (wins + losses), 0-1; null without either" }),
  win_rate_all: nullableNumber.meta({ description: "wins / all trades, as MT5's report shows it" }),
  total_profit: money("Sum of net_profit (the first issue's name; same as net_profit)"),
  net_profit: money("Sum of net_profit"),
  gross_profit: money("Sum of the winning trades' net"),
  gross_loss: money("Sum of the losing trades' net (negative)"),
  commission: money("Total commission"),
  swap: money("Total swap"),
  fee: money("Total fee"),
  profit_factor: money("gross_profit / |gross_loss|; null without losses"),
  expected_payoff: money("net_profit / total_trades"),
  average_profit: money("Same as expected_payoff (the first issue's name)"),
  average_win: money("gross_profit / wins"),
  average_loss: money("gross_loss / losses"),
  payoff_ratio: money("average_win / |average_loss|"),
  largest_win: extreme.meta({ description: "The best trade and its id" + mixed }),
  largest_loss: extreme.meta({ description: "The worst trade and its id" + mixed }),
  max_drawdown: money("Largest fall of cumulative net from a peak, in close-time order, starting at 0"),
  recovery_factor: money("net_profit / max_drawdown"),
  balance: z
    .object({
      opening: z.number().meta({ description: "Balance when the selection starts: operations and trades before it" }),
      closing: z.number().meta({ description: "Balance at its end: opening + deposits + withdrawals + adjustments + net_profit" }),
      deposits: z.number().meta({ description: "Sum of deposits inside the selection" }),
      withdrawals: z.number().meta({ description: "Sum of withdrawals inside the selection (negative)" }),
      adjustments: z.number().meta({
        description: "Sum of adjustments inside the selection (charges, corrections, bonuses, interest, dividends, taxes...), either sign",
      }),
    })
    .nullable()
    .meta({
      description:
        "Known when the filters select whole accounts (none, or account_id, with from/to) and every account with trades " +
        "has balance operations (POST /api/v1/balance-operations); null otherwise, and at the top level when currencies mix. " +
        "The balance starts at 0 before an account's first operation. Adjustments move it like deposits and withdrawals " +
        "(they are not net profit) but alone do not make it known. Credits are not balance (as in MT5)",
    }),
  gain_percent: nullableNumber.meta({
    description:
      "Time-weighted gain in %: each trade moves a growth index by net / balance before it, so deposits, withdrawals " +
      "and adjustments are not profit. null without a known balance, or once the balance reaches zero or below",
  }),
  max_drawdown_percent: nullableNumber.meta({
    description:
      "Largest fall of that growth index from its peak, in %: the fall of the balance from its peak when no money moves " +
      "in or out after the first deposit (MT5's Balance Drawdown Relative). null like gain_percent",
  }),
  longest_win_streak: streak.meta({ description: "Most consecutive wins and their net; a breakeven ends a streak" + mixed }),
  longest_loss_streak: streak.meta({ description: "Most consecutive losses and their net" + mixed }),
  largest_win_streak: streak.meta({ description: "Consecutive wins with the largest net, and their count" + mixed }),
  largest_loss_streak: streak.meta({ description: "Consecutive losses with the largest loss, and their count" + mixed }),
  average_duration_seconds: nullableNumber.meta({ description: "Same as holding_time.all.average_seconds" }),
  holding_time: z
    .object({ all: holdingTime, wins: holdingTime, losses: holdingTime })
    .meta({ description: "close_time - open_time over trades whose open time is known" }),
  long: sideFigures.meta({ description: "Trades whose position was a BUY" }),
  short: sideFigures.meta({ description: "Trades whose position was a SELL" }),
  total_lots: z.number(),
  first_trade_time: wallClock.nullable().meta({ description: "Earliest close time" }),
  last_trade_time: wallClock.nullable().meta({ description: "Latest close time" }),
});

export const summaryResource = metricsResource.extend({
  by_currency: z.array(metricsResource).meta({ description: "The same figures per account currency" }),
});

export const healthResource = z.object({
  status: z.literal("running"),
  version: z.string(),
  database: z.object({ status: z.literal("ok"), migration: z.string().nullable(), latency_ms: z.number() }),
});

export const authCheckResource = z.object({
  access: z.enum(["key", "session", "open", "network"]).meta({
    description: "How the request was let in: an API key, the web UI's session, no key exists yet (open), or OPEN_INGEST_FROM",
  }),
  keys_required: z.boolean().meta({ description: "True once the first API key was created" }),
  password_set: z.boolean().meta({ description: "The web UI asks for JOURNAL_PASSWORD" }),
  can_read: z.boolean(),
  can_write: z.boolean().meta({ description: "May store trades and balance operations" }),
  can_change: z.boolean().meta({ description: "May change or delete stored trades, operations and strategy names" }),
  can_manage_accounts: z.boolean().meta({ description: "May rename, delete and merge accounts (a write key for all accounts)" }),
  account_id: z.int().nullable().meta({ description: "The one account the key is tied to" }),
  key: z.object({ id: z.int(), name: z.string(), scope: z.enum(["write", "read"]), account_id: z.int().nullable() }).nullable(),
});

export const strategyResource = z.object({
  account_id: z.int(),
  magic_number: z.int(),
  name: z.string(),
  updated_at: z.string().meta({ description: "When the name was last set (UTC)" }),
});

export const balanceOperationResource = z.object({
  id: z.int(),
  account_id: z.int(),
  type: z.enum(balanceOperationTypes),
  amount: z.number().meta({ description: "Signed, in the account's currency" }),
  time: wallClock,
  ticket: nullableInt,
  comment: z.string().nullable(),
  created_at: z.string(),
});

export const dailyResource = z.object({
  period: z.enum(["day", "week", "month"]),
  currency: z.string().nullable().meta({ description: "The selection's currency; null when mixed or unknown" }),
  points: z.array(
    z.object({
      period: z.string().meta({ examples: ["2026-01-05", "2026-W02", "2026-01"] }),
      start: z.string().meta({ description: "First day of the period (broker calendar)" }),
      trades: z.int(),
      wins: z.int(),
      losses: z.int(),
      breakevens: z.int(),
      win_rate: nullableNumber,
      net_profit: nullableNumber.meta({ description: "null when the selection mixes currencies (see by_currency)" }),
      by_currency: z.array(z.object({ currency: z.string().nullable(), net_profit: z.number() })),
    }),
  ),
});

const equityPoint = z.object({
  time: wallClock.meta({ description: "Close time of the last trade of the run" }),
  trades: z.int().meta({ description: "Trades so far (the x axis in trade order)" }),
  equity: z.number().meta({ description: "Cumulative net at the end of the run" }),
  low: z.number().meta({ description: "Lowest cumulative net inside the run" }),
  high: z.number().meta({ description: "Highest cumulative net inside the run" }),
  drawdown: z.number().meta({ description: "Peak so far minus equity, at the end of the run" }),
  max_drawdown: z.number().meta({ description: "Deepest drawdown reached inside the run" }),
  balance: nullableNumber.meta({
    description:
      "Account balance at the end of the run (deposits, withdrawals and adjustments up to its last close time included); " +
      "null where the balance is not known (see the summary's balance)",
  }),
});

export const equityResource = z.object({
  currency: z.string().nullable().meta({ description: "The selection's currency; null when mixed or unknown" }),
  series: z.array(
    z.object({
      currency: z.string().nullable(),
      trades: z.int(),
      per_trade: z.boolean().meta({ description: "true when every trade is a point; otherwise points are runs of whole days" }),
      points: z.array(equityPoint),
    }),
  ),
});

export const breakdownResource = z.object({
  by: z.enum(["symbol", "strategy", "side", "position_reason", "weekday", "hour", "account_id"]),
  currency: z.string().nullable().meta({ description: "The selection's currency; null when mixed or unknown" }),
  groups: z.array(
    z.object({
      key: z.string().meta({ description: 'The group: "EURUSD", "3:1001" (account:magic), "BUY", "1" (Monday), "13", "unknown"...' }),
      currency: z.string().nullable().meta({ description: "Groups are per currency: money is never added across them" }),
      account_id: nullableInt.meta({ description: "For strategy and account_id groups" }),
      magic_number: nullableInt.meta({ description: "For strategy groups" }),
      name: z.string().nullable().meta({ description: "The strategy's name, when one is set" }),
      trades: z.int(),
      wins: z.int(),
      losses: z.int(),
      breakevens: z.int(),
      win_rate: nullableNumber,
      net_profit: z.number(),
      profit_factor: nullableNumber,
      expectancy: z.number().meta({ description: "net_profit / trades" }),
      average_holding_seconds: nullableNumber,
    }),
  ),
});

export const distributionResource = z.object({
  currency: z.string().nullable().meta({ description: "The selection's currency; null when mixed or unknown" }),
  series: z.array(
    z.object({
      currency: z.string().nullable(),
      trades: z.int(),
      edges: z.array(z.number()),
      buckets: z.array(
        z.object({
          from: z.number().meta({ description: "Net >= from" }),
          to: z.number().meta({ description: "Net < to" }),
          trades: z.int(),
          wins: z.int(),
          losses: z.int(),
        }),
      ),
      below: z.int().meta({ description: "Trades whose net is under the first edge (given edges only)" }),
      above: z.int().meta({ description: "Trades whose net is at or over the last edge (given edges only)" }),
    }),
  ),
});
