// A deterministic, realistic year of closed trades as the EA would send them (wire format), for
// `npm run db:seed` and for tests that need a known set. Same seed -> same trades.
import { formatMt5Time, parseBrokerTime, type ParsedBrokerTime } from "@/lib/time/broker-time";

export interface DemoAccount {
  login: number;
  server: string;
  currency: string;
}

export const demoAccounts: DemoAccount[] = [
  { login: 5123456, server: "ICMarketsSC-Live07", currency: "USD" },
  { login: 8123456, server: "Pepperstone-Demo", currency: "USD" },
];

interface SymbolSpec {
  symbol: string;
  price: number;
  digits: number;
  /** Account-currency profit of one lot for a price move of 1.0. */
  valuePerPoint: number;
  /** Typical move over a trade, in price units. */
  move: number;
  commissionPerLot: number;
}

const symbols: SymbolSpec[] = [
  { symbol: "EURUSD", price: 1.085, digits: 5, valuePerPoint: 100_000, move: 0.0025, commissionPerLot: 7 },
  { symbol: "GBPUSD", price: 1.27, digits: 5, valuePerPoint: 100_000, move: 0.003, commissionPerLot: 7 },
  { symbol: "USDJPY", price: 151.2, digits: 3, valuePerPoint: 660, move: 0.35, commissionPerLot: 7 },
  { symbol: "XAUUSD", price: 2050, digits: 2, valuePerPoint: 100, move: 6, commissionPerLot: 10 },
  { symbol: "US30", price: 38_500, digits: 1, valuePerPoint: 1, move: 120, commissionPerLot: 0 },
];

/** Magic numbers: 0 is manual trading, the rest are EAs with their own habits. */
const strategies = [
  { magic: 0, winRate: 0.45, holdHours: 30, lots: [0.1, 0.2, 0.5] },
  { magic: 1001, winRate: 0.38, holdHours: 48, lots: [0.1, 0.3] },
  { magic: 2002, winRate: 0.62, holdHours: 1.5, lots: [0.5, 1] },
  { magic: 3003, winRate: 0.5, holdHours: 8, lots: [0.2, 0.4] },
];

const reasonsWin = ["TAKE_PROFIT", "EXPERT", "CLIENT"] as const;
const reasonsLoss = ["STOP_LOSS", "EXPERT", "CLIENT"] as const;

/** Mulberry32: a small seeded PRNG, so demo data and tests are reproducible. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  seed?: number;
  /** Positions per account (each closes in one or two exit deals). */
  positionsPerAccount?: number;
  /** Close times fall in the year before this wall-clock time. */
  end?: Date;
  accounts?: DemoAccount[];
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** One extended-payload object per exit deal, sorted by close time. */
export function generateDemoTrades(options: DemoOptions = {}): Record<string, unknown>[] {
  const random = createRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const end = Math.floor((options.end ?? new Date(Date.UTC(2026, 10, 1))).getTime() / 1000);
  const start = end - 365 * 86_400;
  const trades: Record<string, unknown>[] = [];
  let ticket = 100_000_000;

  for (const account of options.accounts ?? demoAccounts) {
    for (let index = 0; index < (options.positionsPerAccount ?? 400); index += 1) {
      const spec = pick(symbols);
      const strategy = pick(strategies);
      const side = random() < 0.5 ? "BUY" : "SELL";
      const direction = side === "BUY" ? 1 : -1;
      const lots = pick(strategy.lots);
      let openTime = start + Math.floor(random() * (end - start - 5 * 86_400));
      // Markets are closed at weekends (broker time): move Saturday/Sunday opens to Monday.
      const weekday = new Date(openTime * 1000).getUTCDay();
      if (weekday === 6 || weekday === 0) openTime += (weekday === 6 ? 2 : 1) * 86_400;
      const hold = Math.max(60, Math.floor(strategy.holdHours * 3600 * (0.2 + random() * 1.6)));
      const entry = round(spec.price * (0.9 + random() * 0.2), spec.digits);
      const stopDistance = spec.move * (0.6 + random() * 0.8);
      const stopLoss = round(entry - direction * stopDistance, spec.digits);
      const takeProfit = round(entry + direction * stopDistance * 1.8, spec.digits);
      const outcome = random();
      const win = outcome < strategy.winRate;
      const breakeven = !win && outcome < strategy.winRate + 0.03;
      const positionTicket = ticket++;
      const exits = random() < 0.15 && lots >= 0.2 ? [round(lots / 2, 2), round(lots - round(lots / 2, 2), 2)] : [lots];
      // Rounded after the sign, so a free symbol's entry commission is 0, not -0.
      const entryCommission = round(-spec.commissionPerLot * lots * 0.5, 2);
      let commissionLeft = entryCommission;
      exits.forEach((volume, part) => {
        const closeTime = openTime + Math.floor(hold * (part + 1) / exits.length);
        const move = breakeven ? 0 : win ? stopDistance * (0.8 + random()) : -stopDistance * (0.5 + random() * 0.5);
        const exit = round(entry + direction * move, spec.digits);
        const profit = round((exit - entry) * direction * volume * spec.valuePerPoint, 2);
        const last = part === exits.length - 1;
        // Entry commission split by exit volume, the last exit taking the remainder (the conventions' rule).
        const entryShare = last ? commissionLeft : round((entryCommission * volume) / lots, 2);
        commissionLeft = round(commissionLeft - entryShare, 2);
        const nights = Math.floor((closeTime - openTime) / 86_400);
        // After a winning partial close the trader moves the stop of the rest to breakeven.
        const stopAtClose = part > 0 && win ? entry : stopLoss;
        trades.push({
          symbol: spec.symbol,
          order_ticket: ticket++,
          deal_ticket: ticket++,
          position_ticket: positionTicket,
          position_type: side,
          position_reason: breakeven ? "CLIENT" : win ? pick(reasonsWin) : pick(reasonsLoss),
          lot_size: volume,
          entry_price: entry,
          exit_price: exit,
          stop_loss: stopAtClose,
          take_profit: takeProfit,
          initial_stop_loss: stopLoss,
          initial_take_profit: takeProfit,
          profit,
          commission: round(entryShare - (spec.commissionPerLot * volume) / 2, 2),
          entry_commission: entryShare,
          swap: nights > 0 ? round(-0.8 * nights * volume * 10, 2) : 0,
          fee: 0,
          open_time: formatMt5Time(openTime),
          close_time: formatMt5Time(closeTime),
          magic_number: strategy.magic,
          comment: strategy.magic === 0 ? "" : `ea#${strategy.magic}`,
          utc_offset_minutes: 120,
          account_login: account.login,
          account_server: account.server,
          account_currency: account.currency,
        });
      });
    }
  }
  return trades.sort((a, b) => String(a.close_time).localeCompare(String(b.close_time)));
}

/**
 * Balance operations for demo trades, as the EA would send them: per account an initial deposit
 * 10,000 three days before its first close, a credit (which is not balance), a top-up of 5,000,
 * a platform fee of 25 (an adjustment) and a withdrawal of 3,000 one second after a trade's close,
 * so that they land inside trading days.
 */
export function generateDemoBalanceOperations(trades: Record<string, unknown>[]): Record<string, unknown>[] {
  const byAccount = new Map<string, Record<string, unknown>[]>();
  for (const trade of trades) {
    const key = `${trade.account_login}@${trade.account_server}`;
    byAccount.set(key, [...(byAccount.get(key) ?? []), trade]);
  }
  let ticket = 900_000_000;
  return [...byAccount.values()].flatMap((accountTrades) => {
    const [first] = accountTrades as [Record<string, unknown>];
    const account = { account_login: first.account_login, account_server: first.account_server, account_currency: first.account_currency };
    const after = (index: number, seconds: number) =>
      formatMt5Time((parseBrokerTime(String(accountTrades[Math.floor(index)]!.close_time)) as ParsedBrokerTime).seconds + seconds);
    const n = accountTrades.length;
    return [
      { type: "deposit", amount: 10_000, time: after(0, -3 * 86_400), comment: "Initial deposit" },
      { type: "credit", amount: 500, time: after(n / 4, 1), comment: "Bonus" },
      { type: "deposit", amount: 5_000, time: after(n / 3, 1), comment: "Top-up" },
      { type: "withdrawal", amount: -3_000, time: after((2 * n) / 3, 1), comment: "Withdrawal" },
      { type: "adjustment", amount: -25, time: after(n / 2, 1), comment: "Platform fee" },
    ].map((operation) => ({ ...account, ...operation, ticket: ticket++ }));
  });
}
