import { z } from "zod";
import {
  breakdownDimensions,
  brokerTime,
  outcomes,
  periods,
  positionReasons,
  positionTypes,
  repeatable,
  sides,
  tag,
  wholeNumberParam,
} from "@/lib/schemas/fields";

/** The filters shared by the trade list, the analytics and (later) the CSV export. */
export const tradeFilterShape = {
  symbol: repeatable(z.string().min(1).max(64)),
  magic_number: repeatable(wholeNumberParam()),
  position_type: repeatable(z.enum(positionTypes)),
  side: repeatable(z.enum(sides)),
  position_reason: repeatable(z.enum(positionReasons)),
  outcome: repeatable(z.enum(outcomes)).meta({ description: "win: net > 0, loss: net < 0, breakeven: net = 0" }),
  account_id: repeatable(wholeNumberParam()),
  deal_ticket: repeatable(wholeNumberParam()),
  position_ticket: repeatable(wholeNumberParam()),
  order_ticket: repeatable(wholeNumberParam()),
  tag: repeatable(tag).meta({ description: "Trades carrying any of these tags" }),
  from: brokerTime.optional().meta({ description: "close_time >= from (broker wall clock)" }),
  to: brokerTime.optional().meta({ description: "close_time < to (broker wall clock)" }),
};

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

/** The list's filters and sort without paging: the CSV export answers every matching trade. */
export const exportTradesQuery = listTradesQuery.omit({ limit: true, cursor: true });
export type ExportTradesQuery = z.infer<typeof exportTradesQuery>;


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
    edges: repeatable(edgeValue, { min: 2, max: 201 }).meta({ description: "Given bucket edges, ascending, repeated: ?edges=-100&edges=0&edges=100" }),
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
