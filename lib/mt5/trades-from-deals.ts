// The rule that turns a position's deals into trades, one per exit deal (api-conventions.md, "What a
// trade is"). The Expert Advisor runs the same rule in MQL5:
//   mql5/Include/TradeJournal/TradeRecord.mqh  BuildTradeRecord()  <->  buildTradeRecord() here
// Change one, change the other: lib/ea/ea-model.test.ts replays deal streams through this file, and
// lib/ea/ea-contract.test.ts checks that both sides send the same keys.

export const dealTypes = ["BUY", "SELL", "BALANCE", "CREDIT", "OTHER"] as const;
export type DealType = (typeof dealTypes)[number];
export const dealEntries = ["IN", "OUT", "INOUT", "OUT_BY"] as const;
export type DealEntry = (typeof dealEntries)[number];

/** One MT5 deal as the EA reads it (HistoryDealGet*) or an importer reads a report's Deals row. */
export interface Deal {
  ticket: number;
  order: number;
  /** DEAL_POSITION_ID: the position the deal opens, changes or closes. */
  positionId: number;
  /** Broker wall-clock seconds. */
  time: number;
  type: DealType;
  entry: DealEntry;
  symbol: string;
  volume: number;
  price: number;
  commission: number;
  swap: number;
  profit: number;
  fee: number;
  /** DEAL_SL / DEAL_TP: the order's levels on an opening deal, the position's at close on an exit deal; 0 = none. */
  sl: number;
  tp: number;
  magic: number;
  /** The wire name of DEAL_REASON: CLIENT, EXPERT, STOP_LOSS, ... */
  reason: string;
  comment: string;
}

/** The rounding the terminal reports with: the symbol's price digits and the account currency's digits. */
export interface Precision {
  priceDigits: number;
  moneyDigits: number;
}

/** What the rule knows about one exit deal; the EA adds the account fields and the UTC offset hint. */
export interface TradeFromDeals {
  symbol: string;
  order_ticket: number;
  deal_ticket: number;
  position_ticket: number;
  position_type: "BUY" | "SELL";
  position_reason: string;
  lot_size: number;
  entry_price: number | null;
  exit_price: number;
  stop_loss: number | null;
  take_profit: number | null;
  initial_stop_loss: number | null;
  initial_take_profit: number | null;
  profit: number;
  commission: number;
  entry_commission: number | null;
  swap: number;
  fee: number;
  open_time: number | null;
  close_time: number;
  magic_number: number | null;
  comment: string | null;
}

/** Deals that close (part of) a position: one trade each. */
export function isExitDeal(deal: Pick<Deal, "type" | "entry">): boolean {
  return (deal.type === "BUY" || deal.type === "SELL") && deal.entry !== "IN";
}

/** Volumes are compared and kept at 8 decimals: 0.1 + 0.2 is 0.3 here. */
const volumeDigits = 8;

/**
 * The trade that exit deal `exitTicket` closed, from the deals of its position (any order; deals of
 * other positions are ignored). Only the deals up to the exit count, so the record never changes
 * when the position goes on: sending it again gives the same payload.
 *
 * - side, open time, magic number and initial SL/TP come from the deal that opened the current leg
 *   (the first IN deal, or the INOUT deal that reversed a netting position);
 * - entry price is volume-weighted over the leg's IN deals up to the exit;
 * - the leg's entry costs (commission, swap and fee of its IN deals) are shared out by the fraction
 *   of the open volume each exit closes; the exit that closes the leg takes what is left;
 * - an INOUT deal's commission and fee are split between its closing and opening parts by volume;
 *   its profit and swap belong to the closing part, its SL/TP to the opening part.
 * Returns null when the ticket is not an exit deal of these deals.
 */
export function buildTradeRecord(deals: readonly Deal[], exitTicket: number, precision: Precision): TradeFromDeals | null {
  const exit = deals.find((deal) => deal.ticket === exitTicket);
  if (!exit || !isExitDeal(exit)) return null;
  const history = deals
    .filter((deal) => deal.positionId === exit.positionId && (deal.type === "BUY" || deal.type === "SELL"))
    .toSorted(byTimeThenTicket);

  let leg: Leg | null = null;
  for (const deal of history) {
    if (deal.entry === "IN") {
      leg ??= openLeg(deal);
      addToLeg(leg, deal, deal.volume, { commission: deal.commission, swap: deal.swap, fee: deal.fee });
      continue;
    }
    const closed = leg === null ? deal.volume : Math.min(deal.volume, leg.openVolume);
    // An INOUT deal's commission and fee are shared by volume between the part that closes and the part that opens.
    const closingPart = deal.entry === "INOUT" && deal.volume > 0 ? closed / deal.volume : 1;
    const exitCosts: Costs = {
      commission: roundTo(deal.commission * closingPart, precision.moneyDigits),
      swap: deal.swap,
      fee: roundTo(deal.fee * closingPart, precision.moneyDigits),
    };
    const entryShare = leg === null ? null : takeEntryShare(leg, closed, precision.moneyDigits);
    if (deal.ticket === exitTicket) return toTrade(deal, leg, closed, exitCosts, entryShare, precision);
    if (leg !== null && leg.openVolume <= 0) leg = null;
    const opened = roundTo(deal.volume - closed, volumeDigits);
    if (deal.entry === "INOUT" && opened > 0) {
      const openingCosts: Costs = {
        commission: roundTo(deal.commission - exitCosts.commission, precision.moneyDigits),
        swap: 0,
        fee: roundTo(deal.fee - exitCosts.fee, precision.moneyDigits),
      };
      leg = openLeg(deal);
      addToLeg(leg, deal, opened, openingCosts);
    }
  }
  return null;
}

interface Costs {
  commission: number;
  swap: number;
  fee: number;
}

/** The part of a position since it was opened or last reversed. */
interface Leg {
  side: "BUY" | "SELL";
  openTime: number;
  magic: number;
  initialStopLoss: number;
  initialTakeProfit: number;
  /** Volume still open. */
  openVolume: number;
  /** Volume and volume x price of all IN deals so far (entry price = weighted / volume). */
  enteredVolume: number;
  enteredValue: number;
  /** Entry costs not yet given to an exit. */
  pool: Costs;
}

function openLeg(deal: Deal): Leg {
  return {
    side: deal.type === "SELL" ? "SELL" : "BUY",
    openTime: deal.time,
    magic: deal.magic,
    initialStopLoss: deal.sl,
    initialTakeProfit: deal.tp,
    openVolume: 0,
    enteredVolume: 0,
    enteredValue: 0,
    pool: zeroCosts(),
  };
}

function addToLeg(leg: Leg, deal: Deal, volume: number, costs: Costs): void {
  leg.openVolume = roundTo(leg.openVolume + volume, volumeDigits);
  leg.enteredVolume = roundTo(leg.enteredVolume + volume, volumeDigits);
  leg.enteredValue += volume * deal.price;
  leg.pool.commission += costs.commission;
  leg.pool.swap += costs.swap;
  leg.pool.fee += costs.fee;
}

/** The exit's share of the leg's entry costs; the exit that closes the leg takes the remainder. */
function takeEntryShare(leg: Leg, closed: number, moneyDigits: number): Costs {
  const closesLeg = closed >= leg.openVolume;
  const fraction = closesLeg || leg.openVolume <= 0 ? 1 : closed / leg.openVolume;
  const share: Costs = {
    commission: roundTo(leg.pool.commission * fraction, moneyDigits),
    swap: roundTo(leg.pool.swap * fraction, moneyDigits),
    fee: roundTo(leg.pool.fee * fraction, moneyDigits),
  };
  leg.pool.commission -= share.commission;
  leg.pool.swap -= share.swap;
  leg.pool.fee -= share.fee;
  leg.openVolume = closesLeg ? 0 : roundTo(leg.openVolume - closed, volumeDigits);
  return share;
}

function toTrade(
  exit: Deal,
  leg: Leg | null,
  closed: number,
  exitCosts: Costs,
  entryShare: Costs | null,
  precision: Precision,
): TradeFromDeals {
  const { priceDigits, moneyDigits } = precision;
  const share = entryShare ?? zeroCosts();
  return {
    symbol: exit.symbol,
    order_ticket: exit.order,
    deal_ticket: exit.ticket,
    position_ticket: exit.positionId,
    // An exit deal trades against the position: a SELL closes a BUY.
    position_type: leg?.side ?? (exit.type === "SELL" ? "BUY" : "SELL"),
    position_reason: exit.reason,
    lot_size: roundTo(closed, volumeDigits),
    entry_price: leg !== null && leg.enteredVolume > 0 ? roundTo(leg.enteredValue / leg.enteredVolume, priceDigits) : null,
    exit_price: roundTo(exit.price, priceDigits),
    // An INOUT deal's SL/TP are the new position's (from its order), not the closed one's at close.
    stop_loss: exit.entry === "INOUT" ? null : priceOrNull(exit.sl, priceDigits),
    take_profit: exit.entry === "INOUT" ? null : priceOrNull(exit.tp, priceDigits),
    initial_stop_loss: leg === null ? null : priceOrNull(leg.initialStopLoss, priceDigits),
    initial_take_profit: leg === null ? null : priceOrNull(leg.initialTakeProfit, priceDigits),
    profit: roundTo(exit.profit, moneyDigits),
    commission: roundTo(exitCosts.commission + share.commission, moneyDigits),
    entry_commission: entryShare === null ? null : share.commission,
    swap: roundTo(exitCosts.swap + share.swap, moneyDigits),
    fee: roundTo(exitCosts.fee + share.fee, moneyDigits),
    open_time: leg?.openTime ?? null,
    close_time: exit.time,
    magic_number: leg?.magic ?? null,
    comment: exit.comment === "" ? null : exit.comment,
  };
}

function zeroCosts(): Costs {
  return { commission: 0, swap: 0, fee: 0 };
}

function priceOrNull(price: number, digits: number): number | null {
  return price > 0 ? roundTo(price, digits) : null;
}

/** Deals in the order they happened; the ticket breaks ties within a second. */
export function byTimeThenTicket(a: Deal, b: Deal): number {
  return a.time - b.time || a.ticket - b.ticket;
}

/**
 * Rounds as MQL5's DoubleToString does (the EA writes numbers with it): the nearest decimal of the
 * double's exact value, no -0.
 */
export function roundTo(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? 0 : rounded;
}
