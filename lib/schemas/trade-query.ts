import { z } from "zod";
import { breakdownDimensions, brokerTime, outcomes, periods, positionReasons, positionTypes, sides } from "@/lib/schemas/fields";

/** A whole number in a query string (no coercion: "" or "1.5" are errors, not 0 or 1). */
const wholeNumber = z
  .string()
  .regex(/^\d{1,16}$/, { error: "must be a whole number" })
  .transform(Number)
  .pipe(z.int().min(0));

/** A parameter that may be repeated (?symbol=EURUSD&symbol=XAUUSD): any of the values matches. */
function repeatable<T extends z.ZodType>(item: T) {
  return z
    .preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).min(1).max(100))
    .optional();
}

/** The filters shared by the trade list, the analytics and (later) the CSV export. */
export const tradeFilterShape = {
  symbol: repeatable(z.string().min(1).max(64)),
  magic_number: repeatable(wholeNumber),
  position_type: repeatable(z.enum(positionTypes)),
  side: repeatable(z.enum(sides)),
  position_reason: repeatable(z.enum(positionReasons)),
  outcome: repeatable(z.enum(outcomes)).meta({ description: "win: net > 0, loss: net < 0, breakeven: net = 0" }),
  account_id: repeatable(wholeNumber),
  deal_ticket: repeatable(wholeNumber),
  position_ticket: repeatable(wholeNumber),
  order_ticket: repeatable(wholeNumber),
  from: brokerTime.optional().meta({ description: "close_time >= from (broker wall clock)" }),
  to: brokerTime.optional().meta({ description: "close_time < to (broker wall clock)" }),
};

export const repeatableParams = new Set([
  ...Object.keys(tradeFilterShape).filter((key) => key !== "from" && key !== "to"),
  "edges",
]);

export const tradeFiltersQuery = z.strictObject(tradeFilterShape);
export type TradeFilters = z.infer<typeof tradeFiltersQuery>;

export const sortFields = ["close_time", "net_profit", "profit", "lot_size", "symbol", "duration_seconds"] as const;
export type SortField = (typeof sortFields)[number];
const sortValues = [...sortFields, ...sortFields.map((field) => `-${field}` as const)] as const;

export const maxPageSize = 500;

export const listTradesQuery = z.strictObject({
  ...tradeFilterShape,
  sort: z
    .enum(sortValues)
    .default("-close_time")
    .meta({ description: "Field to sort on; a leading - sorts descending. Ties: close_time, account_id, deal_ticket" }),
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(50),
  cursor: z.string().min(1).max(2000).optional().meta({ description: "next_cursor or prev_cursor of a previous page" }),
});
export type ListTradesQuery = z.infer<typeof listTradesQuery>;

export const tradeIdParams = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,15}$/, { error: "must be a positive whole number" }).transform(Number),
});

export const dailyQuery = z.strictObject({
  ...tradeFilterShape,
  period: z.enum(periods).default("day").meta({ description: "day, ISO week (Monday first) or month of the close time" }),
});
export type DailyQuery = z.infer<typeof dailyQuery>;

export const equityQuery = z.strictObject({
  ...tradeFilterShape,
  points: z.coerce.number().int().min(2).max(10_000).default(1000).meta({
    description: "At most this many points; each keeps its run's lowest and highest equity",
  }),
});
export type EquityQuery = z.infer<typeof equityQuery>;

export const breakdownQuery = z.strictObject({
  ...tradeFilterShape,
  by: z.enum(breakdownDimensions).meta({
    description: "strategy = (account, magic number); weekday (1 = Monday) and hour use the open time",
  }),
});
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

const edgeValue = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { error: "must be a number" })
  .transform(Number)
  .pipe(z.number().min(-1e12).max(1e12));

export const distributionQuery = z
  .strictObject({
    ...tradeFilterShape,
    buckets: z.coerce.number().int().min(2).max(200).optional().meta({
      description: "About this many buckets of a round width, chosen for the data (default 20)",
    }),
    edges: z
      .preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(edgeValue).min(2).max(201))
      .optional()
      .meta({ description: "Given bucket edges, ascending, repeated: ?edges=-100&edges=0&edges=100" }),
  })
  .superRefine((query, ctx) => {
    if (query.edges && query.buckets !== undefined) {
      ctx.addIssue({ code: "custom", path: ["edges"], message: "give edges or buckets, not both" });
    }
    if (query.edges?.some((edge, index) => index > 0 && edge <= query.edges![index - 1]!)) {
      ctx.addIssue({ code: "custom", path: ["edges"], message: "must be strictly ascending" });
    }
  });
export type DistributionQuery = z.infer<typeof distributionQuery>;
