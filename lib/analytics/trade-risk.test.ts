import { describe, expect, it } from "vitest";
import { measureTradeRisk } from "@/lib/analytics/trade-risk";

// A long from 1.10000: initial SL 1.09800 (20 pips), TP 1.10400; the stop was moved to 1.09950 later.
const long = {
  side: "BUY" as const,
  entry_price: 1.1,
  exit_price: 1.103,
  stop_loss: 1.0995,
  take_profit: 1.104,
  initial_stop_loss: 1.098,
  initial_take_profit: 1.105,
};

describe("measureTradeRisk", () => {
  it("measures the risk to the initial stop loss when it is known", () => {
    const risk = measureTradeRisk(long);
    expect(risk.stop).toBe("initial");
    expect(risk.risk).toBeCloseTo(0.002, 10);
    expect(risk.reward).toBeCloseTo(0.005, 10);
    expect(risk.move).toBeCloseTo(0.003, 10);
    expect(risk.rMultiple).toBeCloseTo(1.5, 10);
  });

  it("falls back to the stop loss at close without an initial one (today's behaviour)", () => {
    const risk = measureTradeRisk({ ...long, initial_stop_loss: null, initial_take_profit: null });
    expect(risk.stop).toBe("at_close");
    expect(risk.risk).toBeCloseTo(0.0005, 10);
    expect(risk.reward).toBeCloseTo(0.004, 10);
    expect(risk.rMultiple).toBeCloseTo(6, 10);
  });

  it("keeps the R of a stop moved to breakeven: the initial stop still gives it", () => {
    expect(measureTradeRisk({ ...long, stop_loss: 1.1 }).rMultiple).toBeCloseTo(1.5, 10);
    expect(measureTradeRisk({ ...long, stop_loss: 1.1, initial_stop_loss: null })).toMatchObject({ stop: "at_close", risk: 0, rMultiple: null });
  });

  it("reads a short's move against its direction, a loss as negative R", () => {
    const short = { ...long, side: "SELL" as const, exit_price: 1.101, initial_stop_loss: 1.102, initial_take_profit: null };
    const risk = measureTradeRisk(short);
    expect(risk.rMultiple).toBeCloseTo(-0.5, 10);
    expect(risk.reward).toBeNull();
  });

  it("has no R without a stop, an entry, an exit or a known side", () => {
    expect(measureTradeRisk({ ...long, stop_loss: null, initial_stop_loss: null })).toEqual({ stop: null, risk: null, reward: null, move: expect.any(Number), rMultiple: null });
    expect(measureTradeRisk({ ...long, entry_price: null })).toMatchObject({ stop: null, move: null, rMultiple: null });
    expect(measureTradeRisk({ ...long, exit_price: null })).toMatchObject({ stop: "initial", move: null, rMultiple: null });
    expect(measureTradeRisk({ ...long, side: null })).toMatchObject({ stop: "initial", move: null, rMultiple: null });
  });
});
