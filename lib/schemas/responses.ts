import { z } from "zod";
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
  stop_loss: nullableNumber.meta({ description: "null when none" }),
  take_profit: nullableNumber.meta({ description: "null when none" }),
  profit: z.number(),
  commission: nullableNumber,
  swap: nullableNumber,
  fee: nullableNumber,
  net_profit: z.number().meta({ description: "profit + commission + swap + fee" }),
  open_time: wallClock.nullable(),
  close_time: wallClock,
  duration_seconds: nullableInt.meta({ description: "close_time - open_time; null when open_time is unknown" }),
  utc_offset_minutes: nullableInt,
  magic_number: nullableInt.meta({ description: "0 = manual, null = unknown" }),
  comment: z.string().nullable(),
  created_at: z.string().meta({ description: "When the journal stored it (UTC)" }),
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

const moneyNote = "null when the filtered trades mix account currencies (see by_currency)";

export const summaryResource = z.object({
  total_trades: z.int(),
  total_profit: nullableNumber.meta({ description: `Sum of net_profit; ${moneyNote}` }),
  win_rate: nullableNumber.meta({ description: "wins / (wins + losses), 0-1; breakevens excluded; null without either" }),
  average_profit: nullableNumber.meta({ description: `total_profit / total_trades; ${moneyNote}` }),
  average_duration_seconds: nullableNumber.meta({ description: "Over trades whose open_time is known" }),
  by_currency: z.array(
    z.object({
      currency: z.string().nullable(),
      total_trades: z.int(),
      total_profit: z.number(),
      win_rate: nullableNumber,
      average_profit: nullableNumber,
    }),
  ),
});

export const healthResource = z.object({
  status: z.literal("running"),
  version: z.string(),
  database: z.object({ status: z.literal("ok"), migration: z.string().nullable(), latency_ms: z.number() }),
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
  type: z.enum(["deposit", "withdrawal", "credit"]),
  amount: z.number().meta({ description: "Signed, in the account's currency" }),
  time: wallClock,
  ticket: nullableInt,
  comment: z.string().nullable(),
  created_at: z.string(),
});
