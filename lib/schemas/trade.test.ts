import { describe, expect, it } from "vitest";
import { issueDetails } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { legacyPayloadText } from "@/lib/test/fixtures";

function fieldsOf(input: unknown): string[] {
  const result = safeValidate(createTradeBody, input);
  return result.success ? [] : issueDetails(result.error).map((detail) => detail.field);
}

describe("createTradeBody", () => {
  const legacy = JSON.parse(legacyPayloadText) as Record<string, unknown>;

  it("accepts the legacy 14-key payload", () => {
    const result = safeValidate(createTradeBody, legacy);
    expect(result.success).toBe(true);
    expect(result.data?.close_time).toEqual({ seconds: Date.UTC(2026, 0, 2, 14) / 1000, utcOffsetMinutes: null });
    expect(result.data?.lot_size).toBe(0.1);
  });

  it("accepts the legacy EA's unknown open time", () => {
    expect(fieldsOf({ ...legacy, open_time: "1970.01.01 00:00:00", entry_price: 0 })).toEqual([]);
  });

  it("accepts the extended payload with ISO times and account fields", () => {
    const extended = {
      ...legacy,
      open_time: "2026-01-02T10:11:12+02:00",
      close_time: "2026-01-02T14:00:00+02:00",
      exit_price: 1.08745,
      commission: -0.7,
      swap: -0.12,
      fee: 0,
      comment: "tp",
      account_login: 5123456,
      account_server: "Broker-Live",
      account_currency: "usd",
    };
    const result = safeValidate(createTradeBody, extended);
    expect(result.success).toBe(true);
    expect(result.data?.account_currency).toBe("USD");
    expect(result.data?.close_time.utcOffsetMinutes).toBe(120);
  });

  it("accepts our EA's fields: initial SL/TP (0 = none) and the entry part of the commission", () => {
    const ours = {
      ...legacy,
      exit_price: 1.08745,
      initial_stop_loss: 1.08145,
      initial_take_profit: 0,
      commission: -7,
      entry_commission: -3.5,
      account_login: 5123456,
      account_server: "Broker-Live",
    };
    const result = safeValidate(createTradeBody, ours);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ initial_stop_loss: 1.08145, initial_take_profit: 0, commission: -7, entry_commission: -3.5 });
    expect(fieldsOf({ ...ours, entry_commission: null, initial_stop_loss: null, initial_take_profit: null })).toEqual([]);
  });

  it("refuses entry_commission without commission, naming entry_commission", () => {
    for (const commission of [undefined, null]) {
      const result = safeValidate(createTradeBody, { ...legacy, commission, entry_commission: -3.5 });
      expect(result.success ? [] : issueDetails(result.error)).toEqual([{ field: "entry_commission", message: "needs commission" }]);
    }
  });

  it.each([
    [{ initial_stop_loss: -1 }, "initial_stop_loss"],
    [{ initial_take_profit: "1.1" }, "initial_take_profit"],
    [{ commission: -1, entry_commission: "-0.5" }, "entry_commission"],
    [{ commission: -1, entry_commission: 2e12 }, "entry_commission"],
    [{ lot_size: 0 }, "lot_size"],
    [{ lot_size: "0.10" }, "lot_size"],
    [{ deal_ticket: 0 }, "deal_ticket"],
    [{ deal_ticket: 1.5 }, "deal_ticket"],
    [{ deal_ticket: 2 ** 53 }, "deal_ticket"],
    [{ position_type: "buy" }, "position_type"],
    [{ position_reason: "MAGIC" }, "position_reason"],
    [{ close_time: "2026.02.30 10:00:00" }, "close_time"],
    [{ open_time: "2026.01.03 10:00:00" }, "open_time"],
    [{ symbol: "" }, "symbol"],
    [{ entry_price: -1 }, "entry_price"],
    [{ comission: -1 }, "comission"],
    [{ account_login: 5 }, "account_server"],
    [{ account_server: "X" }, "account_login"],
    [{ account_currency: "USD" }, "account_currency"],
    [{ account_login: 5, account_server: "X", account_currency: "US-D" }, "account_currency"],
    [{ utc_offset_minutes: 60, close_time: "2026-01-02T14:00:00+02:00" }, "utc_offset_minutes"],
  ])("rejects %j naming %s", (change, field) => {
    expect(fieldsOf({ ...legacy, ...change })).toContain(field);
  });

  it("names every missing required field", () => {
    expect(fieldsOf({})).toEqual(["symbol", "deal_ticket", "position_type", "lot_size", "profit", "close_time"]);
  });

  it('says "is required" for a missing field', () => {
    const { symbol: _symbol, ...rest } = legacy;
    const result = safeValidate(createTradeBody, rest);
    expect(result.success ? [] : issueDetails(result.error)).toEqual([{ field: "symbol", message: "is required" }]);
  });
});
