import type { ParsedReport, ReportDeal, ReportOpenPosition, ReportPosition, ReportRejection } from "@/lib/import/mt5-report";
import { buildBalanceRecord, isBalanceDeal, type BalanceRecord } from "@/lib/mt5/balance-from-deal";
import { buildTradeRecord, byTimeThenTicket, isExitDeal, roundTo, type Deal, type TradeFromDeals } from "@/lib/mt5/trades-from-deals";
import { formatMt5Time } from "@/lib/time/broker-time";

// Turns a parsed History report into the trades our EA would have sent for the same deals. The
// Deals table has no position column, so each deal is first placed in its position; then the one
// rule (buildTradeRecord) builds the trades.

export interface ReconciliationItem {
  reason: string;
  netProfit: number;
  trades: number;
}

export interface Reconciliation {
  report: { totalNetProfit: number | null; totalTrades: number | null };
  ours: { netProfit: number; trades: number };
  explained: ReconciliationItem[];
  unexplained: { netProfit: number; trades: number };
}

export interface ReportTrades {
  trades: { line: number; trade: TradeFromDeals }[];
  balanceOperations: { line: number; record: BalanceRecord }[];
  rejected: ReportRejection[];
  reconciliation: Reconciliation;
}

/** One position with the deals placed in it. */
interface PlacedPosition {
  id: number;
  symbol: string;
  side: "BUY" | "SELL";
  openTime: number;
  /** Volume its IN deals opened (or its Positions row shows, when it opened before the report). */
  entered: number;
  entries: ReportDeal[];
  exits: ReportDeal[];
  row: ReportPosition | undefined;
  openAtExport: ReportOpenPosition | undefined;
  /** Opened before the report period: the opening leg comes from the Positions row, entry costs unknown. */
  openedBefore: boolean;
}

interface Placement {
  positions: PlacedPosition[];
  rejected: { deal: ReportDeal; reason: string }[];
}

const volumeEpsilon = 1e-8;
const sameVolume = (a: number, b: number) => Math.abs(a - b) < volumeEpsilon;

/** Trades, balance operations and what could not be placed, checked against the report's Results. */
export function tradesFromReport(report: ParsedReport): ReportTrades {
  // No spreading into Math.max: a report can hold hundreds of thousands of deals.
  const moneyDigits = report.deals.length === 0 ? 2 : report.deals.reduce((most, deal) => Math.max(most, deal.moneyDecimals), 0);
  const priceDigits = new Map<string, number>();
  const notePrice = (symbol: string, decimals: number) => priceDigits.set(symbol, Math.max(priceDigits.get(symbol) ?? 0, decimals));
  for (const { deal, priceDecimals } of report.deals) notePrice(deal.symbol, priceDecimals);
  for (const position of report.positions) notePrice(position.symbol, position.priceDecimals);

  const balanceOperations = report.deals.flatMap(({ line, deal }) => {
    const record = isBalanceDeal(deal) ? buildBalanceRecord(deal) : null;
    return record === null ? [] : [{ line, record }];
  });
  const trading = report.deals.filter(({ deal }) => !isBalanceDeal(deal)).toSorted((a, b) => byTimeThenTicket(a.deal, b.deal));
  const placement = report.account?.margin === "netting" ? placeNetting(trading, report) : placeHedging(trading, report);

  const orders = new Map(report.orders.map((order) => [order.ticket, order]));
  const trades: ReportTrades["trades"] = [];
  for (const position of placement.positions) {
    const deals = dealsOfPosition(position, orders);
    for (const exit of position.exits) {
      const precision = { priceDigits: priceDigits.get(position.symbol) ?? 5, moneyDigits };
      const trade = buildTradeRecord(deals, exit.deal.ticket, precision);
      if (trade === null) continue;
      trade.magic_number = null;
      if (position.openedBefore) trade.entry_commission = null;
      trades.push({ line: exit.line, trade });
    }
  }
  trades.sort((a, b) => a.trade.close_time - b.trade.close_time || a.trade.deal_ticket - b.trade.deal_ticket);

  const rejected = [...report.rejected, ...placement.rejected.map(({ deal, reason }) => ({ line: deal.line, reason }))].toSorted((a, b) => a.line - b.line);
  return { trades, balanceOperations, rejected, reconciliation: reconcile(report, trading, placement, trades, moneyDigits) };
}

/**
 * Hedging: every IN deal opens a position whose id is its order's ticket. Each exit goes to the one
 * open position of its symbol and opposite side that can take it; the Positions rows narrow the
 * choice (a position's last exit is at its close time and price, its exits add up to its volume and
 * profit). Links are made only where one position fits, and repeated: each link narrows the rest.
 */
function placeHedging(trading: ReportDeal[], report: ParsedReport): Placement {
  const rows = new Map(report.positions.map((row) => [row.ticket, row]));
  const open = new Map(report.openPositions.map((row) => [row.ticket, row]));
  const byId = new Map<number, PlacedPosition>();
  const rejected: Placement["rejected"] = [];
  const exits: ReportDeal[] = [];

  for (const item of trading) {
    const { deal } = item;
    if (deal.entry === "OUT" || deal.entry === "OUT_BY") {
      exits.push(item);
    } else if (deal.entry === "INOUT") {
      rejected.push({ deal: item, reason: "an in/out (reversal) deal on a hedging account, where positions are never reversed" });
    } else {
      const position = byId.get(deal.order) ?? newPosition(deal.order, deal.symbol, deal.type === "SELL" ? "SELL" : "BUY", deal.time, rows, open);
      byId.set(position.id, position);
      position.entries.push(item);
      position.entered = roundTo(position.entered + deal.volume, 8);
    }
  }
  for (const row of report.positions) {
    if (byId.has(row.ticket)) continue;
    const position = newPosition(row.ticket, row.symbol, row.side, row.openTime, rows, open);
    position.entered = row.volume;
    position.openedBefore = true;
    byId.set(row.ticket, position);
  }
  const positions = [...byId.values()];
  const moneyDigits = trading.reduce((most, item) => Math.max(most, item.moneyDecimals), 0);
  const sameMoney = (a: number, b: number) => roundTo(a - b, moneyDigits) === 0;
  const closedVolume = (position: PlacedPosition) => position.exits.reduce((sum, exit) => sum + exit.deal.volume, 0);

  const fits = (position: PlacedPosition, exit: ReportDeal): boolean => {
    const { deal } = exit;
    if (position.symbol !== deal.symbol || position.side === deal.type || position.openTime > deal.time) return false;
    // Exits not linked yet can only lower what is left, so none of these tests drops the true position.
    const left = roundTo(position.entered - closedVolume(position), 8);
    if (deal.volume > left + volumeEpsilon) return false;
    const closesIt = sameVolume(deal.volume, left);
    const { row } = position;
    if (row !== undefined) {
      if (deal.time > row.closeTime) return false;
      if (closesIt) {
        const profit = position.exits.reduce((sum, exit) => sum + exit.deal.profit, 0) + deal.profit;
        if (deal.time !== row.closeTime || !sameClosePrice(position, exit, row) || !sameMoney(profit, row.profit)) return false;
      }
    } else if (position.openAtExport !== undefined) {
      if (deal.volume > left - position.openAtExport.volume + volumeEpsilon) return false;
    }
    return true;
  };

  const pools = positionsOpenAt(exits, positions);
  const unlinked = new Set(exits);
  for (let progress = true; progress; ) {
    progress = false;
    for (const exit of exits) {
      if (!unlinked.has(exit)) continue;
      const candidates = pools.get(exit)!.filter((position) => fits(position, exit));
      const chosen =
        candidates.length === 1 ? candidates[0] : (sameComment(candidates, exit.deal.comment) ?? firstOfTwins(candidates));
      if (chosen === undefined) continue;
      chosen.exits.push(exit);
      unlinked.delete(exit);
      progress = true;
    }
  }

  const stillOpenTo = new Set<PlacedPosition>();
  for (const exit of unlinked) {
    const candidates = pools.get(exit)!.filter((position) => fits(position, exit));
    candidates.forEach((position) => stillOpenTo.add(position));
    rejected.push({ deal: exit, reason: unplacedReason(exit.deal, candidates.length) });
  }

  // A position's linked exits must add up to what its Positions row shows; a shortfall that a
  // rejected exit may explain is left to that rejection.
  for (const position of positions) {
    const { row } = position;
    if (row === undefined || position.exits.length === 0 || stillOpenTo.has(position)) continue;
    const volume = roundTo(closedVolume(position), 8);
    const profit = roundTo(position.exits.reduce((sum, exit) => sum + exit.deal.profit, 0), moneyDigits);
    const lastClose = Math.max(...position.exits.map((exit) => exit.deal.time));
    if (sameVolume(volume, row.volume) && sameMoney(profit, row.profit) && lastClose === row.closeTime) continue;
    for (const exit of position.exits) {
      rejected.push({
        deal: exit,
        reason: `the Positions row of position ${row.ticket} (line ${row.line}) shows ${row.volume} lots closed for a profit of ${row.profit}, but the deals that fit it close ${volume} lots for ${profit}`,
      });
    }
    position.exits = [];
  }
  for (const position of positions) position.exits.sort((a, b) => byTimeThenTicket(a.deal, b.deal));
  return { positions, rejected };
}

/**
 * A Positions row's close price: the last exit's price, or (a position closed in parts) the
 * volume-weighted price of its exits, as the terminal shows it at the row's decimals.
 */
function sameClosePrice(position: PlacedPosition, last: ReportDeal, row: ReportPosition): boolean {
  if (roundTo(last.deal.price - row.closePrice, 10) === 0) return true;
  const exits = [...position.exits, last];
  const volume = exits.reduce((sum, exit) => sum + exit.deal.volume, 0);
  const average = exits.reduce((sum, exit) => sum + exit.deal.volume * exit.deal.price, 0) / volume;
  return roundTo(average, row.priceDecimals) === roundTo(row.closePrice, row.priceDecimals);
}

/**
 * For each exit (in time order), the positions of its symbol and opposite side open at its time:
 * opened by then and, when their Positions row is known, not closed before. One sweep keeps the
 * search linear in the report's size rather than exits x positions.
 */
function positionsOpenAt(exits: ReportDeal[], positions: PlacedPosition[]): Map<ReportDeal, PlacedPosition[]> {
  const byKey = new Map<string, PlacedPosition[]>();
  for (const position of positions.toSorted((a, b) => a.openTime - b.openTime || a.id - b.id)) {
    const key = `${position.symbol}\u0000${position.side}`;
    const bucket = byKey.get(key);
    if (bucket) bucket.push(position);
    else byKey.set(key, [position]);
  }
  const sweeps = new Map<string, { waiting: PlacedPosition[]; next: number; open: PlacedPosition[] }>();
  const pools = new Map<ReportDeal, PlacedPosition[]>();
  for (const exit of exits) {
    const { deal } = exit;
    const key = `${deal.symbol}\u0000${deal.type === "SELL" ? "BUY" : "SELL"}`;
    let sweep = sweeps.get(key);
    if (!sweep) sweeps.set(key, (sweep = { waiting: byKey.get(key) ?? [], next: 0, open: [] }));
    // Exits come in time order: a position whose row says it closed earlier never fits again.
    const stillOpen = (position: PlacedPosition) => position.row === undefined || position.row.closeTime >= deal.time;
    const open = sweep.open.filter(stillOpen);
    while (sweep.next < sweep.waiting.length && sweep.waiting[sweep.next]!.openTime <= deal.time) {
      const position = sweep.waiting[sweep.next++]!;
      if (stillOpen(position)) open.push(position);
    }
    // A new array each time: the pool handed out is never changed afterwards.
    sweep.open = open;
    pools.set(exit, open);
  }
  return pools;
}

/**
 * Among positions the report cannot tell apart, the one whose opening comment the exit repeats:
 * EAs often write a position's own tag on its close. Only a unique match counts.
 */
function sameComment(candidates: PlacedPosition[], comment: string): PlacedPosition | undefined {
  if (comment === "" || candidates.length < 2) return undefined;
  const matching = candidates.filter((position) => (position.entries[0]?.deal.comment ?? position.row?.comment) === comment);
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * Positions the report shows identically (same opening deals, same Positions row but the ticket):
 * whichever one an exit closed, every figure of the trade is the same, so they are paired in ticket
 * order. Only position_ticket may be swapped; the EA's own record of the deal corrects it.
 */
function firstOfTwins(candidates: PlacedPosition[]): PlacedPosition | undefined {
  if (candidates.length < 2) return undefined;
  const looks = (position: PlacedPosition) => {
    const { ticket: _ticket, line: _line, ...row } = position.row ?? { ticket: 0, line: 0 };
    const entries = position.entries.map(({ deal }) => [deal.time, deal.volume, deal.price, deal.commission, deal.fee, deal.swap, deal.comment]);
    return JSON.stringify([position.side, position.openTime, position.entered, entries, row, position.exits.length]);
  };
  const first = looks(candidates[0]!);
  if (!candidates.every((position) => looks(position) === first)) return undefined;
  return candidates.toSorted((a, b) => a.id - b.id)[0];
}

function unplacedReason(deal: Deal, candidates: number): string {
  const side = deal.type === "SELL" ? "buy" : "sell";
  if (candidates > 1) {
    return `${candidates} open ${deal.symbol} ${side} positions could be closed by this deal and the Positions table does not single one out`;
  }
  return `no open ${deal.symbol} ${side} position of ${deal.volume} lots or more fits this deal at ${formatMt5Time(deal.time)}: it may have been opened before the report period without a row in the Positions table`;
}

/**
 * Netting: one position per symbol. The deals of a symbol from flat to flat, through in/out
 * reversals, share the id of the order that opened it. A symbol whose first deal closes a position
 * opened before the report takes that position from its Positions row.
 */
function placeNetting(trading: ReportDeal[], report: ParsedReport): Placement {
  const rows = new Map(report.positions.map((row) => [row.ticket, row]));
  const open = new Map(report.openPositions.map((row) => [row.ticket, row]));
  const positions: PlacedPosition[] = [];
  const rejected: Placement["rejected"] = [];
  const current = new Map<string, { position: PlacedPosition; net: number }>();

  for (const item of trading) {
    const { deal } = item;
    const signed = deal.type === "BUY" ? deal.volume : -deal.volume;
    let state = current.get(deal.symbol);
    if (state === undefined) {
      if (deal.entry === "IN") {
        state = { position: newPosition(deal.order, deal.symbol, deal.type === "SELL" ? "SELL" : "BUY", deal.time, rows, open), net: 0 };
      } else {
        const before = report.positions.filter(
          (row) => row.symbol === deal.symbol && row.side !== deal.type && row.openTime <= deal.time && row.closeTime >= deal.time,
        );
        if (before.length !== 1) {
          rejected.push({ deal: item, reason: unplacedReason(deal, before.length) });
          continue;
        }
        const row = before[0]!;
        const position = newPosition(row.ticket, row.symbol, row.side, row.openTime, rows, open);
        position.entered = row.volume;
        position.openedBefore = true;
        state = { position, net: row.side === "BUY" ? row.volume : -row.volume };
      }
      positions.push(state.position);
      current.set(deal.symbol, state);
    }
    if (deal.entry === "IN") {
      state.position.entries.push(item);
      state.position.entered = roundTo(state.position.entered + deal.volume, 8);
    } else {
      state.position.exits.push(item);
    }
    state.net = roundTo(state.net + signed, 8);
    if (sameVolume(state.net, 0)) current.delete(deal.symbol);
  }
  return { positions, rejected };
}

function newPosition(
  id: number,
  symbol: string,
  side: "BUY" | "SELL",
  openTime: number,
  rows: Map<number, ReportPosition>,
  open: Map<number, ReportOpenPosition>,
): PlacedPosition {
  return { id, symbol, side, openTime, entered: 0, entries: [], exits: [], row: rows.get(id), openAtExport: open.get(id), openedBefore: false };
}

/**
 * The deals of a position as the rule wants them: the position id set, the opening deals' SL/TP
 * from their orders (initial SL/TP), the Positions row's SL/TP on the exit that closes it.
 */
function dealsOfPosition(position: PlacedPosition, orders: Map<number, { sl: number; tp: number }>): Deal[] {
  const deals: Deal[] = position.entries.map(({ deal }) => {
    const order = orders.get(deal.order);
    return { ...deal, positionId: position.id, sl: order?.sl ?? 0, tp: order?.tp ?? 0 };
  });
  const { row } = position;
  if (position.openedBefore && row !== undefined) {
    const order = orders.get(row.ticket);
    deals.push({
      ticket: 0,
      order: row.ticket,
      positionId: position.id,
      time: row.openTime,
      type: row.side,
      entry: "IN",
      symbol: row.symbol,
      volume: row.volume,
      price: row.openPrice,
      commission: 0,
      swap: 0,
      profit: 0,
      fee: 0,
      sl: order?.sl ?? 0,
      tp: order?.tp ?? 0,
      magic: 0,
      reason: "",
      comment: row.comment,
    });
  }
  let closed = 0;
  for (const { deal } of position.exits) {
    closed = roundTo(closed + (deal.entry === "INOUT" ? 0 : deal.volume), 8);
    const closesIt = row !== undefined && deal.entry !== "INOUT" && deal.time === row.closeTime && closed >= position.entered - volumeEpsilon;
    // An in/out deal opens the next leg: its SL/TP are its order's, as the EA reads them (DEAL_SL/TP).
    const levels = deal.entry === "INOUT" ? (orders.get(deal.order) ?? { sl: 0, tp: 0 }) : closesIt ? row : { sl: 0, tp: 0 };
    deals.push({ ...deal, positionId: position.id, sl: levels.sl, tp: levels.tp });
  }
  return deals;
}

/**
 * The report's Total Net Profit is the sum of profit + commission + fee + swap over its trading
 * deals and Total Trades the number of exit deals; ours are the trades. The differences we can name:
 * entry costs still waiting for an exit, and deals we could not place.
 */
function reconcile(
  report: ParsedReport,
  trading: ReportDeal[],
  placement: Placement,
  trades: ReportTrades["trades"],
  moneyDigits: number,
): Reconciliation {
  const money = (deal: Deal) => deal.profit + deal.commission + deal.fee + deal.swap;
  const net = (trade: TradeFromDeals) => trade.profit + trade.commission + trade.swap + trade.fee;
  const round = (value: number) => roundTo(value, moneyDigits);
  const ours = { netProfit: round(trades.reduce((sum, { trade }) => sum + net(trade), 0)), trades: trades.length };

  const rejectedTickets = new Set(placement.rejected.map(({ deal }) => deal.deal.ticket));
  const tradesByPosition = new Map<number, number>();
  for (const { trade } of trades) tradesByPosition.set(trade.position_ticket, (tradesByPosition.get(trade.position_ticket) ?? 0) + net(trade));
  let openAtExport = 0;
  let openForRejected = 0;
  for (const position of placement.positions) {
    const own = [...position.entries, ...position.exits].filter(({ deal }) => !rejectedTickets.has(deal.ticket));
    const left = own.reduce((sum, { deal }) => sum + money(deal), 0) - (tradesByPosition.get(position.id) ?? 0);
    if (round(left) === 0) continue;
    if (position.openAtExport !== undefined || position.row === undefined) openAtExport += left;
    else openForRejected += left;
  }
  const rejectedDeals = placement.rejected.map(({ deal }) => deal.deal);
  const explained: ReconciliationItem[] = [
    { reason: "entry costs (commission, fee, swap) of positions still open at export", netProfit: round(openAtExport), trades: 0 },
    { reason: "entry costs of positions whose closing deal could not be placed", netProfit: round(openForRejected), trades: 0 },
    {
      reason: "deals that could not be placed in a position (see rejected)",
      netProfit: round(rejectedDeals.reduce((sum, deal) => sum + money(deal), 0)),
      trades: rejectedDeals.filter(isExitDeal).length,
    },
  ].filter((item) => item.netProfit !== 0 || item.trades !== 0);

  // Without a Results block the Deals table's own totals, which the report's figures equal, stand in.
  const totalNetProfit = report.results?.totalNetProfit ?? null;
  const totalTrades = report.results?.totalTrades ?? null;
  const expectedNet = totalNetProfit ?? trading.reduce((sum, { deal }) => sum + money(deal), 0);
  const expectedTrades = totalTrades ?? trading.filter(({ deal }) => isExitDeal(deal)).length;
  return {
    report: { totalNetProfit, totalTrades },
    ours,
    explained,
    unexplained: {
      netProfit: round(expectedNet - ours.netProfit - explained.reduce((sum, item) => sum + item.netProfit, 0)),
      trades: expectedTrades - ours.trades - explained.reduce((sum, item) => sum + item.trades, 0),
    },
  };
}
