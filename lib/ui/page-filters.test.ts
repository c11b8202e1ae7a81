import { describe, expect, it } from "vitest";
import { tradeFilterShape, tradeFiltersQuery } from "@/lib/schemas/trade-query";
import { filterNames, readQuery, withParams } from "@/lib/ui/page-filters";

describe("the pages' URL filters", () => {
  it("are exactly the API's filter names", () => {
    expect([...filterNames].sort()).toEqual(Object.keys(tradeFilterShape).sort());
  });

  it("keep the good parameters of a link and report the bad ones", () => {
    const { query, problems } = readQuery(tradeFiltersQuery, { symbol: "EURUSD", side: "UP", from: "2026-01-01", page: "2" }, filterNames);
    expect(query).toEqual({ symbol: ["EURUSD"], from: { seconds: Date.UTC(2026, 0, 1) / 1000, utcOffsetMinutes: null } });
    expect(problems.map((problem) => problem.field)).toEqual(["side.0"]);
  });

  it("builds query strings that repeat list parameters and drop empty ones", () => {
    expect(withParams({ symbol: ["EURUSD", "XAUUSD"], cursor: "abc" }, { cursor: null, sort: "-net_profit" })).toBe(
      "?symbol=EURUSD&symbol=XAUUSD&sort=-net_profit",
    );
    expect(withParams({ symbol: "" })).toBe("");
  });
});
