import { beforeAll, describe, expect, it } from "vitest";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { adjacentTrades } from "@/lib/trades/adjacent-trades";
import { listTrades } from "@/lib/trades/list-trades";
import { storeTrades } from "@/lib/trades/store-trades";

beforeAll(() => {
  resetDatabase();
  storeTrades(generateDemoTrades({ seed: 12, positionsPerAccount: 40 }).map((trade) => validate(createTradeBody, trade, "trade")));
});

describe("adjacentTrades", () => {
  it.each([{}, { symbol: "EURUSD" }, { sort: "-net_profit" }, { magic_number: "1001", sort: "duration_seconds" }])(
    "are the rows above and below in the list's order (%j)",
    (filters) => {
      const query = validate(listTradesQuery, { ...filters, limit: "500" }, "query");
      const ids = listTrades(query).data.map((trade) => trade.id);
      expect(ids.length).toBeGreaterThan(5);
      ids.forEach((id, index) => {
        expect(adjacentTrades(id, query), `row ${index}`).toEqual({ previous: ids[index - 1] ?? null, next: ids[index + 1] ?? null });
      });
    },
  );
});
