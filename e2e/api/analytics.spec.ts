import { expect, test, type APIRequestContext } from "@playwright/test";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { postJson } from "./helpers";

// Its own account, so the other specs' trades do not change the answers.
const account = { login: 88000001, server: "E2E-Analytics", currency: "USD" };
const seeded = generateDemoTrades({ seed: 77, positionsPerAccount: 160, accounts: [account] });
const net = (trade: Record<string, unknown>) =>
  Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8;
const ordered = [...seeded].sort((a, b) => String(a.close_time).localeCompare(String(b.close_time)) || Number(a.deal_ticket) - Number(b.deal_ticket));

let scope = "";
let seeding: Promise<void> | undefined;

function seed(request: APIRequestContext): Promise<void> {
  seeding ??= (async () => {
    const { counts } = await (await postJson(request, "/api/v1/trades/batch", { trades: seeded })).json();
    expect(counts.created + counts.duplicate).toBe(seeded.length);
    const accounts = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number }[];
    scope = `account_id=${accounts.find((item) => item.login === account.login)!.id}`;
  })();
  return seeding;
}

test.beforeEach(async ({ request }) => seed(request));

const get = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()).data;
};

test("summary: the report's figures, computed independently", async ({ request }) => {
  let cumulative = 0;
  let peak = 0;
  let drawdown = 0;
  for (const trade of ordered) {
    cumulative += net(trade);
    peak = Math.max(peak, cumulative);
    drawdown = Math.max(drawdown, peak - cumulative);
  }
  const nets = ordered.map(net);
  const wins = nets.filter((value) => value > 0);
  const losses = nets.filter((value) => value < 0);
  const summary = await get(request, `/api/v1/analytics/summary?${scope}`);
  expect(summary).toMatchObject({ currency: "USD", total_trades: seeded.length, wins: wins.length, losses: losses.length });
  expect(summary.net_profit).toBeCloseTo(cumulative, 6);
  expect(summary.max_drawdown).toBeCloseTo(drawdown, 6);
  expect(summary.largest_win.net_profit).toBe(Math.max(...nets));
  expect(summary.profit_factor).toBeCloseTo(wins.reduce((a, b) => a + b, 0) / -losses.reduce((a, b) => a + b, 0), 6);
});

test("equity, daily, breakdown and distribution agree with the trades and the summary", async ({ request }) => {
  const summary = await get(request, `/api/v1/analytics/summary?${scope}`);

  const equity = await get(request, `/api/v1/analytics/equity?${scope}&points=10000`);
  expect(equity.series[0].per_trade).toBe(true);
  expect(equity.series[0].points).toHaveLength(seeded.length);
  expect(equity.series[0].points.at(-1).equity).toBeCloseTo(summary.net_profit, 6);

  const daily = await get(request, `/api/v1/analytics/daily?${scope}&period=month`);
  expect(daily.points.reduce((sum: number, point: { trades: number }) => sum + point.trades, 0)).toBe(seeded.length);
  expect(daily.points.reduce((sum: number, point: { net_profit: number }) => sum + point.net_profit, 0)).toBeCloseTo(summary.net_profit, 6);

  const bySymbol = await get(request, `/api/v1/analytics/breakdown?${scope}&by=symbol`);
  for (const group of bySymbol.groups) {
    const mine = seeded.filter((trade) => trade.symbol === group.key);
    expect(group.trades, group.key).toBe(mine.length);
    expect(group.net_profit, group.key).toBeCloseTo(mine.reduce((sum, trade) => sum + net(trade), 0), 6);
  }

  const histogram = await get(request, `/api/v1/analytics/distribution?${scope}&buckets=12`);
  expect(histogram.series[0].buckets.reduce((sum: number, bucket: { trades: number }) => sum + bucket.trades, 0)).toBe(seeded.length);
});

test("balance operations give the balance curve, time-weighted gain and drawdown %", async ({ request }) => {
  const operations = [
    { type: "deposit", amount: 5_000, time: "2020.01.01 00:00:00", ticket: 1 },
    { type: "withdrawal", amount: -1_000, time: String(ordered[80]!.close_time), ticket: 2 }, // before that trade: ties go to the operation
    { type: "credit", amount: 300, time: String(ordered[100]!.close_time), ticket: 3 }, // not balance
    { type: "adjustment", amount: -40, time: String(ordered[120]!.close_time), ticket: 4 }, // a charge: balance, but not gain
  ];
  for (const operation of operations) {
    const response = await postJson(request, "/api/v1/balance-operations", { account_login: account.login, account_server: account.server, ...operation });
    expect([200, 201]).toContain(response.status());
  }
  let balance = 0;
  let index = 1;
  let peak = 1;
  let deepest = 0;
  const balances: number[] = [];
  for (const [position, trade] of ordered.entries()) {
    balance += position === 0 ? 5_000 : position === 80 ? -1_000 : position === 120 ? -40 : 0;
    index *= 1 + net(trade) / balance;
    balance += net(trade);
    peak = Math.max(peak, index);
    deepest = Math.max(deepest, 1 - index / peak);
    balances.push(balance);
  }
  const summary = await get(request, `/api/v1/analytics/summary?${scope}`);
  expect(summary.balance).toEqual({ opening: 0, closing: Math.round(balance * 100) / 100, deposits: 5_000, withdrawals: -1_000, adjustments: -40 });
  expect(summary.gain_percent).toBe(Math.round((index - 1) * 10_000) / 100);
  expect(summary.max_drawdown_percent).toBe(Math.round(deepest * 10_000) / 100);

  const equity = await get(request, `/api/v1/analytics/equity?${scope}&points=10000`);
  equity.series[0].points.forEach((point: { balance: number }, position: number) => expect(point.balance).toBeCloseTo(balances[position]!, 6));
  const bySymbol = await get(request, `/api/v1/analytics/summary?${scope}&symbol=EURUSD`);
  expect(bySymbol).toMatchObject({ balance: null, gain_percent: null, max_drawdown_percent: null });
});

test("analytics refuse bad parameters with 422 naming them", async ({ request }) => {
  for (const [path, field] of [
    ["/api/v1/analytics/equity?points=1", "points"],
    ["/api/v1/analytics/daily?period=year", "period"],
    ["/api/v1/analytics/breakdown", "by"],
    ["/api/v1/analytics/breakdown?by=color", "by"],
    ["/api/v1/analytics/distribution?edges=5&edges=1", "edges"],
  ]) {
    const response = await request.get(path!);
    expect(response.status(), path).toBe(422);
    expect((await response.json()).error.details.map((detail: { field: string }) => detail.field), path).toContain(field);
  }
});
