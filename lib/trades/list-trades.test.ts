import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { validate } from "@/lib/http/validate";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { createTradeBody } from "@/lib/schemas/trade";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { toLegacyKeys } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";
import type { TradeResource } from "@/lib/trades/trade-record";

const demo = generateDemoTrades({ seed: 7, positionsPerAccount: 60 });
const list = (query: Record<string, unknown>) => listTrades(validate(listTradesQuery, query, "query"));

let all: TradeResource[];

beforeAll(() => {
  resetDatabase();
  // Legacy rows (no open time -> null duration) make the nullable sort meaningful.
  const legacy = { ...toLegacyKeys(demo[0]!), deal_ticket: 1, open_time: "1970.01.01 00:00:00" };
  storeTrades([...demo, legacy, { ...legacy, deal_ticket: 2 }].map((trade) => validate(createTradeBody, trade, "trade")));
  all = list({ limit: "500" }).data;
});

/** Walks every page with next_cursor, then back with prev_cursor. */
function walk(query: Record<string, string>) {
  const forward: TradeResource[][] = [];
  let page = list(query);
  forward.push(page.data);
  while (page.page.next_cursor) {
    page = list({ ...query, cursor: page.page.next_cursor });
    forward.push(page.data);
  }
  const backward: TradeResource[][] = [page.data];
  while (page.page.prev_cursor) {
    page = list({ ...query, cursor: page.page.prev_cursor });
    backward.unshift(page.data);
  }
  return { forward, backward };
}

function compare(field: keyof TradeResource, descending: boolean) {
  return (a: TradeResource, b: TradeResource) => {
    const sign = descending ? -1 : 1;
    const x = a[field];
    const y = b[field];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1; // nulls last in both directions
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    for (const tie of ["close_time", "account_id", "deal_ticket"] as const) {
      if (a[tie] !== b[tie]) return (a[tie]! < b[tie]! ? -1 : 1) * sign;
    }
    return 0;
  };
}

describe("listTrades", () => {
  it("returns every stored trade with the total, newest first by default", () => {
    expect(all).toHaveLength(demo.length + 2);
    expect(all).toEqual([...all].sort(compare("close_time", true)));
    expect(list({ limit: "5" }).page).toMatchObject({ limit: 5, total: demo.length + 2, prev_cursor: null });
  });

  it.each(["close_time", "-close_time", "net_profit", "-net_profit", "profit", "-lot_size", "symbol", "duration_seconds", "-duration_seconds"])(
    "pages through sort=%s without gaps or repeats, forwards and backwards",
    (sort) => {
      const field = sort.replace("-", "") as keyof TradeResource;
      const expected = [...all].sort(compare(field, sort.startsWith("-")));
      const { forward, backward } = walk({ sort, limit: "17" });
      expect(forward.flat().map((trade) => trade.id)).toEqual(expected.map((trade) => trade.id));
      expect(backward).toEqual(forward);
      expect(forward.slice(0, -1).every((page) => page.length === 17)).toBe(true);
    },
  );

  it("filters by repeated symbols and magic numbers, and by outcome, side and time", () => {
    const page = list({ symbol: ["EURUSD", "XAUUSD"], magic_number: ["0", "2002"], outcome: "loss", side: "SELL", limit: "500" });
    const expected = all.filter(
      (trade) =>
        ["EURUSD", "XAUUSD"].includes(trade.symbol) &&
        [0, 2002].includes(trade.magic_number!) &&
        trade.net_profit < 0 &&
        trade.side === "SELL",
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(page.data.map((trade) => trade.id)).toEqual(expected.map((trade) => trade.id));
    expect(page.page.total).toBe(expected.length);

    const middle = all[Math.floor(all.length / 2)]!.close_time;
    const before = list({ to: middle, limit: "500" });
    expect(before.data.every((trade) => trade.close_time < middle)).toBe(true);
    expect(before.page.total + list({ from: middle, limit: "1" }).page.total).toBe(all.length);
  });

  it("filters by tickets and account", () => {
    const target = all.find((trade) => trade.position_ticket !== null && trade.source === "ea")!;
    const sameAccount = all.filter((trade) => trade.account_id === target.account_id);
    expect(list({ deal_ticket: String(target.deal_ticket) }).data.map((trade) => trade.id)).toEqual([target.id]);
    expect(list({ account_id: String(target.account_id), limit: "1" }).page.total).toBe(sameAccount.length);
    expect(list({ position_ticket: String(target.position_ticket) }).data.every((trade) => trade.position_ticket === target.position_ticket)).toBe(true);
  });

  it("refuses a cursor reused with other filters or sort", () => {
    const cursor = list({ symbol: "EURUSD", limit: "2" }).page.next_cursor!;
    const reuse = (query: Record<string, string>) => () => list({ ...query, cursor });
    expect(reuse({ symbol: "EURUSD", limit: "5" })).not.toThrow();
    const others: Record<string, string>[] = [{ symbol: "XAUUSD" }, { symbol: "EURUSD", sort: "net_profit" }, {}];
    for (const query of others) {
      expect(reuse(query)).toThrow(ApiError);
      expect(reuse(query)).toThrow(/other filters/);
    }
    expect(() => list({ cursor: "bm9wZQ" })).toThrow(/not one this API issued/);
  });
});
