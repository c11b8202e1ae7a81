import { beforeAll, describe, expect, it } from "vitest";
import { getBreakdown } from "@/lib/analytics/get-breakdown";
import { getSummary } from "@/lib/analytics/get-summary";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { breakdownDimensions } from "@/lib/schemas/fields";
import { createTradeBody } from "@/lib/schemas/trade";
import { breakdownQuery, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { toLegacyKeys } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { storeTrades } from "@/lib/trades/store-trades";

const demo = generateDemoTrades({ seed: 17, positionsPerAccount: 150 });
const breakdown = (query: Record<string, unknown>) => getBreakdown(validate(breakdownQuery, query, "query"));
const net = (trade: Record<string, unknown>) =>
  Math.round(((trade.profit as number) + (trade.commission as number) + (trade.swap as number) + (trade.fee as number)) * 1e8) / 1e8;

beforeAll(() => {
  resetDatabase();
  const legacy = { ...toLegacyKeys(demo[0]!), deal_ticket: 1, open_time: "1970.01.01 00:00:00" };
  storeTrades([...demo, legacy].map((trade) => validate(createTradeBody, trade, "trade")));
  const account = sqlite().prepare("SELECT id FROM accounts WHERE login = 5123456").get() as { id: number };
  sqlite().prepare("INSERT INTO strategies (account_id, magic_number, name, updated_at) VALUES (?, 2002, 'Scalper', ?)").run(account.id, new Date().toISOString());
});

describe("getBreakdown", () => {
  it("by symbol: each group's figures, computed independently", () => {
    const { groups, currency } = breakdown({ by: "symbol", account_id: "1" });
    expect(currency).toBe("USD");
    const accountLogin = (sqlite().prepare("SELECT login FROM accounts WHERE id = 1").get() as { login: number }).login;
    for (const group of groups) {
      const trades = demo.filter((trade) => trade.symbol === group.key && trade.account_login === accountLogin);
      const nets = trades.map(net);
      const wins = nets.filter((value) => value > 0);
      const losses = nets.filter((value) => value < 0);
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(group).toMatchObject({ trades: trades.length, wins: wins.length, losses: losses.length });
      expect(group.net_profit).toBeCloseTo(sum(nets), 6);
      expect(group.profit_factor).toBeCloseTo(sum(wins) / -sum(losses), 6);
      expect(group.expectancy).toBeCloseTo(sum(nets) / trades.length, 6);
    }
    expect(groups.map((group) => group.key)).toEqual([...new Set(groups.map((group) => group.key))].sort());
  });

  it("by weekday and hour of the open time, with an unknown group last", () => {
    const hours = breakdown({ by: "hour" }).groups;
    expect(hours.at(-1)).toMatchObject({ key: "unknown", trades: 1, currency: null });
    const expected = new Map<string, number>();
    for (const trade of demo) {
      const hour = String(Number(String(trade.open_time).slice(11, 13)));
      expected.set(hour, (expected.get(hour) ?? 0) + 1);
    }
    for (const group of hours.filter((item) => item.key !== "unknown")) expect(group.trades).toBe(expected.get(group.key));
    expect(hours.filter((item) => item.key !== "unknown").map((group) => Number(group.key))).toEqual(
      [...expected.keys()].map(Number).sort((a, b) => a - b),
    );
    const weekdays = breakdown({ by: "weekday" }).groups.filter((item) => item.key !== "unknown");
    expect(weekdays.every((group) => /^[1-7]$/.test(group.key))).toBe(true);
  });

  it("by strategy: (account, magic number) with its name", () => {
    const groups = breakdown({ by: "strategy" }).groups;
    expect(groups.find((group) => group.name === "Scalper")).toMatchObject({ magic_number: 2002, account_id: expect.any(Number) });
    expect(groups.every((group) => group.key === `${group.account_id}:${group.magic_number ?? ""}`)).toBe(true);
  });

  it("adds up to the summary for every dimension and filter shape", () => {
    const shapes = [{}, { symbol: "EURUSD" }, { magic_number: "0" }, { from: "2026-02-01", to: "2026-09-15T12:00" }, { side: "SELL", outcome: "loss" }];
    for (const filters of shapes) {
      const summary = getSummary(validate(tradeFiltersQuery, filters, "query"));
      for (const by of breakdownDimensions) {
        const { groups } = breakdown({ ...filters, by });
        const sum = (field: "trades" | "wins" | "losses" | "breakevens") => groups.reduce((total, group) => total + group[field], 0);
        expect([sum("trades"), sum("wins"), sum("losses"), sum("breakevens")], `${by} ${JSON.stringify(filters)}`).toEqual([
          summary.total_trades,
          summary.wins,
          summary.losses,
          summary.breakevens,
        ]);
        for (const group of summary.by_currency) {
          const net = groups.filter((item) => item.currency === group.currency).reduce((total, item) => total + item.net_profit, 0);
          expect(net, `${by} ${group.currency}`).toBeCloseTo(group.net_profit!, 6);
        }
      }
    }
  });

  // Found by the fuzz test: a trade whose symbol was "__proto__" made the breakdown add its totals to
  // Object.prototype, so every object in the server had trades, wins, netProfit... (Prisma then
  // failed on every query with "Argument does not exist": 500 until a restart).
  it("groups symbols named like Object's members as any other symbol, polluting nothing", () => {
    const account = { account_login: 7_700_001, account_server: "Prototype", account_currency: "EUR" };
    const symbols = ["__proto__", "constructor", "hasOwnProperty", "toString"];
    storeTrades(symbols.map((symbol, index) => validate(createTradeBody, { ...demo[0], ...account, symbol, deal_ticket: 990_000 + index }, "trade")));
    const { id } = sqlite().prepare("SELECT id FROM accounts WHERE login = 7700001").get() as { id: number };
    // The account's kept day groups, and one pass over its trades (an outcome filter needs one).
    for (const query of [{ by: "symbol", account_id: String(id) }, { by: "symbol", account_id: String(id), outcome: ["win", "loss", "breakeven"] }]) {
      const groups = breakdown(query).groups.map((group) => [group.key, group.trades, group.currency]);
      expect(groups.sort(), JSON.stringify(query)).toEqual(symbols.map((symbol) => [symbol, 1, "EUR"]).sort());
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("trades");
    expect(({} as { netProfit?: unknown }).netProfit).toBeUndefined();
  });
});
