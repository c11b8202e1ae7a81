import { describe, expect, it } from "vitest";
import { hourBars, strategyBars, symbolBars, weekdayBars } from "@/lib/ui/breakdown-groups";

const group = (key: string, trades: number, netProfit: number, extra: { account_id?: number; magic_number?: number | null; name?: string | null } = {}) => ({
  key,
  currency: "USD",
  account_id: extra.account_id ?? null,
  magic_number: extra.magic_number ?? null,
  name: extra.name ?? null,
  trades,
  wins: 1,
  losses: trades - 1,
  breakevens: 0,
  win_rate: 1 / trades,
  net_profit: netProfit,
  profit_factor: null,
  expectancy: netProfit / trades,
  average_holding_seconds: null,
});

describe("breakdown bars", () => {
  it("keeps the most traded symbols and orders them from best to worst net", () => {
    const { bars, hidden } = symbolBars([group("A", 5, -10), group("B", 1, 500), group("C", 9, 20), group("D", 7, 300)], 3);
    expect(bars.map((bar) => bar.label)).toEqual(["D", "C", "A"]);
    expect(hidden).toBe(1);
  });

  it("labels strategies magic · name, and names the account only when several are shown", () => {
    const one = strategyBars([group("1:1001", 3, 10, { account_id: 1, magic_number: 1001, name: "London" }), group("1:0", 2, 5, { account_id: 1, magic_number: 0 })], () => "Main");
    expect(one.bars.map((bar) => [bar.label, bar.title])).toEqual([
      ["1001 · London", "1001 · London — Main"],
      ["0 manual", "0 manual — Main"],
    ]);
    const two = strategyBars([group("1:7", 3, 10, { account_id: 1, magic_number: 7 }), group("2:7", 2, 5, { account_id: 2, magic_number: 7 })], (id) =>
      id === 1 ? "5123456 @ ICMarkets" : "Demo",
    );
    expect(two.bars.map((bar) => bar.label)).toEqual(["5123456… · 7", "Demo · 7"]);
  });

  it("shows Monday to Friday always, the weekend and unknown only with trades", () => {
    expect(weekdayBars([group("3", 2, 10)]).map((bar) => [bar.label, bar.trades])).toEqual([
      ["Mon", 0],
      ["Tue", 0],
      ["Wed", 2],
      ["Thu", 0],
      ["Fri", 0],
    ]);
    expect(weekdayBars([group("7", 1, 1), group("unknown", 4, 2)]).map((bar) => bar.label)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sun", "?"]);
  });

  it("fills every hour and adds unknown last", () => {
    const bars = hourBars([group("13", 2, -4), group("unknown", 1, 3)]);
    expect(bars).toHaveLength(25);
    expect(bars[13]).toMatchObject({ label: "13", trades: 2, netProfit: -4 });
    expect(bars[0]).toMatchObject({ label: "00", trades: 0, netProfit: 0, winRate: null });
    expect(bars.at(-1)).toMatchObject({ label: "?", title: "Open time unknown", trades: 1 });
  });
});
