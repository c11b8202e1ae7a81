import { describe, expect, it } from "vitest";
import { sameValue } from "@/lib/ingestion/reconcile";
import { reconcileTrade } from "@/lib/trades/reconcile-trade";
import type { TradeRecord, TradeValues } from "@/lib/trades/trade-record";
import { withDerivedValues } from "@/lib/trades/trade-values";

const legacyRow: TradeRecord = {
  id: 7,
  createdAt: "2026-01-02T14:00:01.000Z",
  ...withDerivedValues({
    accountId: 1,
    source: "legacy",
    symbol: "EURUSD",
    orderTicket: 1001,
    dealTicket: 2001,
    positionTicket: 3001,
    positionType: "SELL",
    side: "BUY",
    positionReason: "TAKE_PROFIT",
    lotSize: 0.1,
    entryPrice: 1.08345,
    exitPrice: null,
    stopLoss: null,
    takeProfit: 1.08745,
    initialStopLoss: null,
    initialTakeProfit: null,
    profit: 40,
    commission: null,
    entryCommission: null,
    swap: null,
    fee: null,
    openTime: 1767348672,
    closeTime: 1767362400,
    utcOffsetMinutes: null,
    magicNumber: 12345,
    comment: null,
  }),
};

const again = (change: Partial<TradeValues>): TradeValues => ({ ...legacyRow, ...change });

describe("reconcileTrade", () => {
  it("is a duplicate when every sent field is equal", () => {
    expect(reconcileTrade(legacyRow, again({}))).toEqual({ status: "duplicate" });
  });

  it("ignores fields that were not sent", () => {
    expect(reconcileTrade(legacyRow, again({ positionTicket: null, entryPrice: null, openTime: null }))).toEqual({
      status: "duplicate",
    });
  });

  it("enriches empty fields and recomputes net profit", () => {
    const verdict = reconcileTrade(
      legacyRow,
      again({ source: "ea", positionType: "BUY", exitPrice: 1.08745, commission: -0.7, swap: -0.35, fee: 0, utcOffsetMinutes: 120 }),
    );
    expect(verdict).toMatchObject({
      status: "enriched",
      fields: ["exit_price", "commission", "swap", "fee", "utc_offset_minutes"],
    });
    expect(verdict.status === "enriched" && verdict.values.netProfit).toBe(38.95);
    expect(verdict.status === "enriched" && verdict.values.source).toBe("legacy");
  });

  it("is a conflict naming each differing field with both values", () => {
    expect(reconcileTrade(legacyRow, again({ lotSize: 0.2, side: "SELL", profit: 40 }))).toEqual({
      status: "conflict",
      differences: [
        { field: "side", stored: "BUY", received: "SELL" },
        { field: "lot_size", stored: 0.1, received: 0.2 },
      ],
    });
  });

  it("fills our EA's initial SL/TP and entry commission on a row that lacks them, net profit unchanged by the entry part", () => {
    const verdict = reconcileTrade(
      legacyRow,
      again({ commission: -7, entryCommission: -3.5, initialStopLoss: 1.08945, initialTakeProfit: 1.07745 }),
    );
    expect(verdict).toMatchObject({
      status: "enriched",
      fields: ["initial_stop_loss", "initial_take_profit", "commission", "entry_commission"],
    });
    expect(verdict.status === "enriched" && verdict.values).toMatchObject({ entryCommission: -3.5, initialStopLoss: 1.08945, netProfit: 33 });
  });

  it("compares initial SL/TP and entry commission like the other fields", () => {
    const stored = { ...legacyRow, commission: -7, entryCommission: -3.5, initialStopLoss: 1.08945, initialTakeProfit: null };
    expect(reconcileTrade(stored, again({ commission: -7, entryCommission: -3.5, initialStopLoss: 1.08945 }))).toEqual({ status: "duplicate" });
    expect(reconcileTrade(stored, again({ commission: -7, entryCommission: -3, initialStopLoss: 1.0895, initialTakeProfit: 1.07 }))).toEqual({
      status: "conflict",
      differences: [
        { field: "initial_stop_loss", stored: 1.08945, received: 1.0895 },
        { field: "entry_commission", stored: -3.5, received: -3 },
      ],
    });
  });

  it("never conflicts on the UTC offset hint", () => {
    const stored = { ...legacyRow, utcOffsetMinutes: 120 };
    expect(reconcileTrade(stored, again({ utcOffsetMinutes: 180 }))).toEqual({ status: "duplicate" });
  });

  it("treats float noise below 8 decimals as equal", () => {
    expect(reconcileTrade(legacyRow, again({ entryPrice: 1.0834500000001, lotSize: 0.1 + 1e-12 }))).toEqual({
      status: "duplicate",
    });
  });
});

describe("sameValue", () => {
  it.each([
    [1.08345, 1.08345, true],
    [0.1 + 0.2, 0.3, true],
    [1.08345, 1.08346, false],
    [10, 10.01, false],
    [123456789.12, 123456789.12000001, true],
    ["EURUSD", "EURUSD", true],
    ["EURUSD", "EURUSD.m", false],
  ])("%s vs %s -> %s", (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});

describe("reconcileTrade with a difference rule", () => {
  const eaRow: TradeRecord = { ...legacyRow, source: "ea", exitPrice: 1.08745, commission: -0.7, stopLoss: null };

  it("an import ('stored') fills empty fields and keeps differing values, reporting them", () => {
    const verdict = reconcileTrade(eaRow, { ...eaRow, source: "import", profit: 41, stopLoss: 1.08, magicNumber: null }, "stored");
    expect(verdict).toMatchObject({
      status: "enriched",
      fields: ["stop_loss"],
      kept: [{ field: "profit", stored: 40, received: 41 }],
    });
    if (verdict.status !== "enriched") throw new Error("expected enriched");
    expect(verdict.values).toMatchObject({ profit: 40, stopLoss: 1.08, netProfit: 39.3 });
  });

  it("an import that only differs is a duplicate with what it kept", () => {
    expect(reconcileTrade(eaRow, { ...eaRow, commission: -0.5 }, "stored")).toEqual({
      status: "duplicate",
      kept: [{ field: "commission", stored: -0.7, received: -0.5 }],
    });
  });

  it("an EA over an imported row ('incoming') replaces differing values and fills empty ones", () => {
    const verdict = reconcileTrade(eaRow, { ...eaRow, commission: -0.5, stopLoss: 1.08, utcOffsetMinutes: 120 }, "incoming");
    expect(verdict).toMatchObject({ status: "enriched", fields: ["stop_loss", "utc_offset_minutes", "commission"] });
    if (verdict.status !== "enriched") throw new Error("expected enriched");
    expect(verdict.values).toMatchObject({ commission: -0.5, stopLoss: 1.08, utcOffsetMinutes: 120, netProfit: 39.5 });
  });

  it("the default rule is still a conflict", () => {
    expect(reconcileTrade(eaRow, { ...eaRow, commission: -0.5 })).toMatchObject({ status: "conflict" });
  });
});
