import type { CreateTradeBody } from "@/lib/schemas/trade";
import type { Side, Source } from "@/lib/schemas/fields";
import type { TradeValues } from "@/lib/trades/trade-record";

/** How a legacy EA's position_type is read: the exit deal's direction (default) or the position's side. */
export type LegacyPositionType = "exit_deal" | "position";

/**
 * The one mapper from a validated payload to stored values: zeros that mean "none"/"unknown"
 * become null, the source is recognised, and the derived columns are computed.
 */
export function toTradeValues(
  body: CreateTradeBody,
  accountId: number,
  legacyPositionType: LegacyPositionType,
  importedAs?: Source,
): TradeValues {
  // The old bridge EA sends neither account fields nor an exit price; an import says what it stores.
  const source: Source = importedAs ?? (body.account_login == null && body.exit_price == null ? "legacy" : "ea");
  const openTime = body.open_time && body.open_time.seconds > 0 ? body.open_time.seconds : null;
  const values: Omit<TradeValues, "netProfit" | "durationSeconds"> = {
    accountId,
    source,
    symbol: body.symbol,
    orderTicket: body.order_ticket ?? null,
    dealTicket: body.deal_ticket,
    positionTicket: body.position_ticket ?? null,
    positionType: body.position_type,
    side: deriveSide(body.position_type, source, legacyPositionType),
    positionReason: body.position_reason ?? null,
    lotSize: body.lot_size,
    entryPrice: positiveOrNull(body.entry_price),
    exitPrice: positiveOrNull(body.exit_price),
    stopLoss: positiveOrNull(body.stop_loss),
    takeProfit: positiveOrNull(body.take_profit),
    initialStopLoss: positiveOrNull(body.initial_stop_loss),
    initialTakeProfit: positiveOrNull(body.initial_take_profit),
    profit: body.profit,
    // commission is the total; entry_commission only says how much of it came from the entry.
    commission: body.commission ?? null,
    entryCommission: body.entry_commission ?? null,
    swap: body.swap ?? null,
    fee: body.fee ?? null,
    openTime,
    closeTime: body.close_time.seconds,
    utcOffsetMinutes:
      body.utc_offset_minutes ?? body.close_time.utcOffsetMinutes ?? body.open_time?.utcOffsetMinutes ?? null,
    magicNumber: body.magic_number ?? null,
    comment: body.comment ?? null,
  };
  return withDerivedValues(values);
}

/** Recomputes net_profit and duration_seconds: the only place they are written. */
export function withDerivedValues<T extends Omit<TradeValues, "netProfit" | "durationSeconds">>(
  values: T,
): T & Pick<TradeValues, "netProfit" | "durationSeconds"> {
  const net = values.profit + (values.commission ?? 0) + (values.swap ?? 0) + (values.fee ?? 0);
  return {
    ...values,
    netProfit: roundMoney(net),
    durationSeconds: values.openTime === null ? null : values.closeTime - values.openTime,
  };
}

function deriveSide(positionType: string, source: Source, legacyPositionType: LegacyPositionType): Side | null {
  if (positionType !== "BUY" && positionType !== "SELL") return null;
  if (source === "legacy" && legacyPositionType === "exit_deal") return positionType === "BUY" ? "SELL" : "BUY";
  return positionType;
}

function positiveOrNull(value: number | null | undefined): number | null {
  return value == null || value === 0 ? null : value;
}

/** Sums of doubles leave noise (0.1 + 0.2 - 0.3 = 5.5e-17); MT5 money has at most 8 decimals. */
export function roundMoney(value: number): number {
  const rounded = Math.round(value * 1e8) / 1e8;
  return Object.is(rounded, -0) ? 0 : rounded;
}
