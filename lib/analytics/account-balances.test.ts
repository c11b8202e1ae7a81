import { beforeAll, describe, expect, it } from "vitest";
import { getEquitySeries } from "@/lib/analytics/get-equity-series";
import { getSummary } from "@/lib/analytics/get-summary";
import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { createTradeBody } from "@/lib/schemas/trade";
import { equityQuery, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { generateDemoBalanceOperations, generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { parseBrokerTime, type ParsedBrokerTime } from "@/lib/time/broker-time";
import { storeTrades } from "@/lib/trades/store-trades";

type Payload = Record<string, unknown>;

const demo = generateDemoTrades({ seed: 21, positionsPerAccount: 250 });
const operations = generateDemoBalanceOperations(demo);
const summary = (query: Payload = {}) => getSummary(validate(tradeFiltersQuery, query, "query"));
const seconds = (time: unknown) => (parseBrokerTime(String(time)) as ParsedBrokerTime).seconds;
const netOf = (trade: Payload) =>
  Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8;
const percent = (value: number) => Math.round(value * 100) / 100;
const money = (value: number) => Math.round(value * 100) / 100;

/**
 * The figures computed independently, one event at a time: operations before trades at the same
 * second, trades in the journal's order; a growth index moved by each trade's net / balance before it.
 */
function expected(accountLogins: number[], from = -Infinity, to = Infinity) {
  const events = [
    ...operations
      .filter((operation) => accountLogins.includes(operation.account_login as number) && operation.type !== "credit")
      .map((operation) => ({ time: seconds(operation.time), rank: [0, 0], amount: operation.amount as number, type: operation.type, net: null })),
    ...demo
      .filter((trade) => accountLogins.includes(trade.account_login as number))
      .map((trade) => ({ time: seconds(trade.close_time), rank: [1, trade.account_login as number, trade.deal_ticket as number], amount: 0, type: null, net: netOf(trade) })),
  ].sort((a, b) => a.time - b.time || a.rank[0]! - b.rank[0]! || a.rank[1]! - b.rank[1]! || (a.rank[2] ?? 0) - (b.rank[2] ?? 0));
  let balance = 0;
  let opening = 0;
  let deposits = 0;
  let withdrawals = 0;
  let adjustments = 0;
  let index = 1;
  let peak = 1;
  let deepest = 0;
  const balances: number[] = [];
  for (const event of events) {
    if (event.time >= to) break;
    if (event.time < from) {
      balance += event.net ?? event.amount;
      opening = balance;
      continue;
    }
    if (event.net === null) {
      balance += event.amount;
      if (event.type === "deposit") deposits += event.amount;
      else if (event.type === "withdrawal") withdrawals += event.amount;
      else adjustments += event.amount;
      continue;
    }
    index *= 1 + event.net / balance;
    balance += event.net;
    peak = Math.max(peak, index);
    deepest = Math.max(deepest, 1 - index / peak);
    balances.push(money(balance));
  }
  return {
    balance: { opening: money(opening), closing: money(balance), deposits, withdrawals, adjustments },
    gain_percent: percent((index - 1) * 100),
    max_drawdown_percent: percent(deepest * 100),
    balances,
  };
}

const [first, second] = [5123456, 8123456];
const accountId = (login: number) => (sqlite().prepare("SELECT id FROM accounts WHERE login = ?").get(login) as { id: number }).id;

describe("balance, gain and drawdown %", () => {
  beforeAll(() => {
    resetDatabase();
    storeTrades(demo.map((trade) => validate(createTradeBody, trade, "trade")));
    for (const operation of operations) createBalanceOperation(validate(createBalanceOperationBody, operation, "operation"));
  });

  it("for all accounts of a currency, operations inside trading days included", () => {
    const { balances: _, ...figures } = expected([first, second]);
    const result = summary();
    expect(result.currency).toBe("USD");
    expect(result).toMatchObject(figures);
    expect(result.balance!).toMatchObject({ deposits: 30_000, withdrawals: -6_000, adjustments: -50 });
    expect(result.balance!.closing).toBe(money(30_000 - 6_000 - 50 + result.net_profit!));
    expect(result.by_currency[0]).toMatchObject(figures);
    // Two accounts given by id are the same selection, read by the pass over trades instead of the segments.
    expect(summary({ account_id: [String(accountId(first)), String(accountId(second))] })).toMatchObject(figures);
  });

  it("for one account, and over a time range with the balance it starts from", () => {
    const { balances: _, ...figures } = expected([second]);
    expect(summary({ account_id: String(accountId(second)) })).toMatchObject(figures);
    const [from, to] = ["2026-03-01T12:00:00", "2026-08-15T00:00:00"];
    const { balances: __, ...ranged } = expected([first], seconds(from), seconds(to));
    expect(ranged.balance.opening).toBeGreaterThan(10_000 - 2_000);
    expect(summary({ account_id: String(accountId(first)), from, to })).toMatchObject(ranged);
  });

  it("is null when the filters pick part of an account's trades", () => {
    for (const query of [{ symbol: "EURUSD" }, { magic_number: "0" }, { account_id: String(accountId(first)), side: "BUY" }]) {
      expect(summary(query)).toMatchObject({ balance: null, gain_percent: null, max_drawdown_percent: null });
    }
  });

  it("gives the balance after each trade on the equity curve", () => {
    const { balances } = expected([second]);
    const { series } = getEquitySeries(validate(equityQuery, { account_id: String(accountId(second)), points: "10000" }, "query"));
    expect(series[0]!.per_trade).toBe(true);
    expect(series[0]!.points.map((point) => point.balance)).toEqual(balances);
    const symbolSeries = getEquitySeries(validate(equityQuery, { symbol: "EURUSD" }, "query")).series;
    expect(symbolSeries[0]!.points.every((point) => point.balance === null)).toBe(true);
  });
});

describe("when a balance is not known", () => {
  const usd = { account_currency: "USD", symbol: "EURUSD", lot_size: 0.1, profit: 10, open_time: "2026.01.05 09:00:00" };
  const trade = (login: number, ticket: number, closeTime: string, profit = 10) =>
    validate(createTradeBody, { ...usd, account_login: login, account_server: "S", deal_ticket: ticket, order_ticket: ticket, position_ticket: ticket, position_type: "BUY", position_reason: "EXPERT", entry_price: 1, stop_loss: 0, take_profit: 0, magic_number: 1, close_time: closeTime, profit }, "trade");

  beforeAll(() => {
    resetDatabase();
    storeTrades([trade(1, 1, "2026.01.05 10:00:00", 100), trade(1, 2, "2026.01.06 10:00:00", -50), trade(2, 3, "2026.01.05 11:00:00")]);
    createBalanceOperation(
      validate(createBalanceOperationBody, { account_login: 1, account_server: "S", type: "deposit", amount: 1_000, time: "2026.01.01 00:00:00" }, "operation"),
    );
  });

  it("is null for a currency whose accounts are not all covered, and known for the covered account alone", () => {
    expect(summary()).toMatchObject({ balance: null, gain_percent: null, max_drawdown_percent: null });
    // 1,000 -> 1,100 (+10%) -> 1,050 (-4.5455%): gain 5%.
    expect(summary({ account_id: String(accountId(1)) })).toMatchObject({
      balance: { opening: 0, closing: 1_050, deposits: 1_000, withdrawals: 0, adjustments: 0 },
      gain_percent: 5,
      max_drawdown_percent: 4.55,
    });
  });

  it("ignores credits, and is null when trades come before the first deposit", () => {
    createBalanceOperation(
      validate(createBalanceOperationBody, { account_login: 2, account_server: "S", type: "credit", amount: 500, time: "2026.01.01 00:00:00" }, "operation"),
    );
    expect(summary({ account_id: String(accountId(2)) }).balance).toBeNull();
    createBalanceOperation(
      validate(createBalanceOperationBody, { account_login: 2, account_server: "S", type: "deposit", amount: 500, time: "2026.01.07 00:00:00" }, "operation"),
    );
    expect(summary({ account_id: String(accountId(2)) })).toMatchObject({
      balance: { opening: 0, closing: 510, deposits: 500 },
      gain_percent: null,
      max_drawdown_percent: null,
    });
  });
});

describe("adjustments", () => {
  const operation = (login: number, type: string, amount: number, time: string) =>
    createBalanceOperation(validate(createBalanceOperationBody, { account_login: login, account_server: "A", type, amount, time }, "operation"));
  const trade = (login: number, ticket: number, closeTime: string, profit: number) =>
    validate(
      createTradeBody,
      { symbol: "EURUSD", account_login: login, account_server: "A", account_currency: "USD", deal_ticket: ticket, position_type: "BUY", lot_size: 0.1, exit_price: 1.1, profit, close_time: closeTime },
      "trade",
    );

  beforeAll(() => {
    resetDatabase();
    storeTrades([trade(3, 1, "2026.01.05 10:00:00", 100), trade(3, 2, "2026.01.06 10:00:00", 110), trade(4, 3, "2026.01.05 10:00:00", 10)]);
    operation(3, "deposit", 1_000, "2026.01.01 00:00:00");
    operation(3, "adjustment", -100, "2026.01.05 12:00:00"); // a charge between the trades
    operation(3, "credit", 500, "2026.01.05 13:00:00");
    operation(4, "adjustment", 20, "2026.01.01 00:00:00");
  });

  it("move the balance like a deposit or withdrawal, summed apart and not as gain; credits still do not", () => {
    // 1,000 -> 1,100 (+10%) -> charge 1,000 (index stays 1.1) -> 1,110 (+11%): gain 1.1 * 1.11 - 1 = 22.1%.
    expect(summary({ account_id: String(accountId(3)) })).toMatchObject({
      balance: { opening: 0, closing: 1_110, deposits: 1_000, withdrawals: 0, adjustments: -100 },
      gain_percent: 22.1,
      max_drawdown_percent: 0,
    });
    const { series } = getEquitySeries(validate(equityQuery, { account_id: String(accountId(3)), points: "100" }, "query"));
    expect(series[0]!.points.map((point) => [point.equity, point.balance])).toEqual([
      [100, 1_100],
      [210, 1_110],
    ]);
  });

  it("before the range count in its opening balance, not in its adjustments", () => {
    expect(summary({ account_id: String(accountId(3)), from: "2026-01-06T00:00:00" }).balance).toEqual({
      opening: 1_000,
      closing: 1_110,
      deposits: 0,
      withdrawals: 0,
      adjustments: 0,
    });
  });

  it("alone do not make an account's balance known", () => {
    expect(summary({ account_id: String(accountId(4)) })).toMatchObject({ balance: null, gain_percent: null });
    operation(4, "deposit", 500, "2026.01.02 00:00:00");
    expect(summary({ account_id: String(accountId(4)) })).toMatchObject({
      balance: { opening: 0, closing: 530, deposits: 500, adjustments: 20 },
      gain_percent: 1.92,
    });
  });
});
