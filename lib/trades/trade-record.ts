import type { z } from "zod";
import type { PositionReason, PositionType, Side, Source } from "@/lib/schemas/fields";
import type { tradeResource } from "@/lib/schemas/responses";
import { formatBrokerTime } from "@/lib/time/broker-time";

/** A stored trade as TypeScript sees it (camelCase); times are broker wall-clock seconds. */
export interface TradeRecord {
  id: number;
  accountId: number;
  source: Source;
  symbol: string;
  orderTicket: number | null;
  dealTicket: number;
  positionTicket: number | null;
  positionType: PositionType;
  side: Side | null;
  positionReason: PositionReason | null;
  lotSize: number;
  entryPrice: number | null;
  exitPrice: number | null;
  stopLoss: number | null;
  takeProfit: number | null;
  initialStopLoss: number | null;
  initialTakeProfit: number | null;
  profit: number;
  commission: number | null;
  entryCommission: number | null;
  swap: number | null;
  fee: number | null;
  netProfit: number;
  openTime: number | null;
  closeTime: number;
  durationSeconds: number | null;
  utcOffsetMinutes: number | null;
  magicNumber: number | null;
  comment: string | null;
  createdAt: string;
}

/** The columns a writer supplies; id and createdAt come from the insert. */
export type TradeValues = Omit<TradeRecord, "id" | "createdAt">;

/** Property -> column of the trades table: the one place the two namings meet. */
export const tradeColumns = {
  id: "id",
  accountId: "account_id",
  source: "source",
  symbol: "symbol",
  orderTicket: "order_ticket",
  dealTicket: "deal_ticket",
  positionTicket: "position_ticket",
  positionType: "position_type",
  side: "side",
  positionReason: "position_reason",
  lotSize: "lot_size",
  entryPrice: "entry_price",
  exitPrice: "exit_price",
  stopLoss: "stop_loss",
  takeProfit: "take_profit",
  initialStopLoss: "initial_stop_loss",
  initialTakeProfit: "initial_take_profit",
  profit: "profit",
  commission: "commission",
  entryCommission: "entry_commission",
  swap: "swap",
  fee: "fee",
  netProfit: "net_profit",
  openTime: "open_time",
  closeTime: "close_time",
  durationSeconds: "duration_seconds",
  utcOffsetMinutes: "utc_offset_minutes",
  magicNumber: "magic_number",
  comment: "comment",
  createdAt: "created_at",
} as const satisfies Record<keyof TradeRecord, string>;

/** `t.account_id AS "accountId", ...`: selects a row shaped as a TradeRecord. */
export const selectTradeRecord = Object.entries(tradeColumns)
  .map(([property, column]) => `t.${column} AS "${property}"`)
  .join(", ");

/** The trader's own journal on a trade, kept apart from what the EA sends. */
export interface TradeJournal {
  note: string | null;
  /** Tags joined by the unit separator (U+001F), sorted; null when none. */
  tagList: string | null;
}

const tagSeparator = "\u001f";

/** selectTradeRecord plus the journal: what the list and the detail read. */
export const selectTradeRow = `${selectTradeRecord}, t.note AS "note",
  (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM trade_tags WHERE trade_id = t.id ORDER BY tag)) AS "tagList"`;

/** The wire shape of a trade (snake_case, times without a zone); a new trade has no journal yet. */
export function toTradeResource(trade: TradeRecord & Partial<TradeJournal>): TradeResource {
  return {
    id: trade.id,
    account_id: trade.accountId,
    source: trade.source,
    symbol: trade.symbol,
    order_ticket: trade.orderTicket,
    deal_ticket: trade.dealTicket,
    position_ticket: trade.positionTicket,
    position_type: trade.positionType,
    side: trade.side,
    position_reason: trade.positionReason,
    lot_size: trade.lotSize,
    entry_price: trade.entryPrice,
    exit_price: trade.exitPrice,
    stop_loss: trade.stopLoss,
    take_profit: trade.takeProfit,
    initial_stop_loss: trade.initialStopLoss,
    initial_take_profit: trade.initialTakeProfit,
    profit: trade.profit,
    commission: trade.commission,
    entry_commission: trade.entryCommission,
    swap: trade.swap,
    fee: trade.fee,
    net_profit: trade.netProfit,
    open_time: trade.openTime === null ? null : formatBrokerTime(trade.openTime),
    close_time: formatBrokerTime(trade.closeTime),
    duration_seconds: trade.durationSeconds,
    utc_offset_minutes: trade.utcOffsetMinutes,
    magic_number: trade.magicNumber,
    comment: trade.comment,
    created_at: trade.createdAt,
    note: trade.note ?? null,
    tags: trade.tagList ? trade.tagList.split(tagSeparator) : [],
  };
}

export type TradeResource = z.infer<typeof tradeResource>;

/** commission + swap + fee of a trade; null when the sender gave none of them (the legacy EA). */
export function costsOf(trade: Pick<TradeResource, "commission" | "swap" | "fee">): number | null {
  if (trade.commission === null && trade.swap === null && trade.fee === null) return null;
  return (trade.commission ?? 0) + (trade.swap ?? 0) + (trade.fee ?? 0);
}
