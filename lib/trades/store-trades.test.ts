import { beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { legacyPayloadText, ourEaFields } from "@/lib/test/fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { createTrade } from "@/lib/trades/create-trade";
import { createTradeBatch } from "@/lib/trades/create-trade-batch";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";
import { storeTrades } from "@/lib/trades/store-trades";

const legacy = JSON.parse(legacyPayloadText) as Record<string, unknown>;
const account = { account_login: 5123456, account_server: "Broker-Live", account_currency: "USD" };
// Our EA's payload without its account: it lands on the legacy row of the default account.
const noAccount = { account_login: undefined, account_server: undefined, account_currency: undefined };
const body = (payload: Record<string, unknown>) => validate(createTradeBody, payload, "trade");
const rowCount = () => (sqlite().prepare("SELECT COUNT(*) AS n FROM trades").get() as { n: number }).n;

beforeEach(resetDatabase);

describe("createTrade", () => {
  it("stores the legacy payload in the default account with unknowns as null and the side flipped", async () => {
    const result = await createTrade(body(legacy));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ trade_id: 1, duplicate: false });
    expect(getTradeOrThrow(1)).toMatchObject({
      account_id: 1,
      source: "legacy",
      position_type: "SELL",
      side: "BUY",
      lot_size: 0.1,
      entry_price: 1.08345,
      stop_loss: null,
      take_profit: 1.08745,
      exit_price: null,
      commission: null,
      net_profit: 40,
      open_time: "2026-01-02T10:11:12",
      close_time: "2026-01-02T14:00:00",
      duration_seconds: 13728,
      magic_number: 12345,
    });
    const defaultAccount = sqlite().prepare("SELECT login, server, name, is_default FROM accounts").get();
    expect(defaultAccount).toEqual({ login: 0, server: "", name: "Default account", is_default: 1 });
  });

  it("stores an unknown open time and entry price as null, never as 1970 or 0", async () => {
    await createTrade(body({ ...legacy, open_time: "1970.01.01 00:00:00", entry_price: 0 }));
    expect(getTradeOrThrow(1)).toMatchObject({ open_time: null, entry_price: null, duration_seconds: null });
  });

  it("answers 200 duplicate for the same payload and keeps one row", async () => {
    await createTrade(body(legacy));
    expect(await createTrade(body(legacy))).toEqual({ status: 200, body: { trade_id: 1, duplicate: true } });
    expect(rowCount()).toBe(1);
  });

  it("lets a richer payload fill empty fields, then recomputes net profit", async () => {
    await createTrade(body(legacy));
    const richer = { ...legacy, position_type: "BUY", exit_price: 1.08745, commission: -0.7, swap: -0.25, fee: 0 };
    expect(await createTrade(body(richer))).toEqual({
      status: 200,
      body: { trade_id: 1, duplicate: true, enriched: ["exit_price", "commission", "swap", "fee"] },
    });
    expect(getTradeOrThrow(1)).toMatchObject({ source: "legacy", side: "BUY", net_profit: 39.05, exit_price: 1.08745 });
  });

  it("throws 409 naming each differing field with both values, and changes nothing", async () => {
    await createTrade(body(legacy));
    const error = await createTrade(body({ ...legacy, profit: 41.5, take_profit: 1.09 })).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      details: [
        { field: "take_profit", message: "stored 1.08745, received 1.09" },
        { field: "profit", message: "stored 40, received 41.5" },
      ],
    });
    expect(getTradeOrThrow(1)).toMatchObject({ profit: 40, take_profit: 1.08745 });
  });

  it("keeps the EA's side and creates the account from the payload", async () => {
    const result = await createTrade(body({ ...legacy, ...account, position_type: "BUY", exit_price: 1.08745, commission: -0.7 }));
    expect(result.body).toMatchObject({ data: { source: "ea", side: "BUY", net_profit: 39.3 } });
    expect(sqlite().prepare("SELECT login, server, currency, is_default FROM accounts").all()).toEqual([
      { login: 5123456, server: "Broker-Live", currency: "USD", is_default: 0 },
    ]);
  });

  it("tells deals apart by account: the same ticket in two accounts is two trades", async () => {
    await createTrade(body({ ...legacy, ...account }));
    await createTrade(body({ ...legacy, ...account, account_server: "Broker-Demo" }));
    await createTrade(body(legacy));
    expect(rowCount()).toBe(3);
  });

  it("rejects a currency that differs from the account's with 409", async () => {
    await createTrade(body({ ...legacy, ...account }));
    await expect(createTrade(body({ ...legacy, ...account, deal_ticket: 9, account_currency: "EUR" }))).rejects.toMatchObject({
      status: 409,
      details: [{ field: "account_currency", message: 'stored "USD", received "EUR"' }],
    });
    expect(rowCount()).toBe(1);
  });

  it("reads the legacy position_type as the side when configured for a fixed old EA", async () => {
    const { parseEnv } = await import("@/lib/env");
    const values = (await import("@/lib/trades/trade-values")).toTradeValues(
      body(legacy),
      1,
      parseEnv({ LEGACY_POSITION_TYPE: "position" }).LEGACY_POSITION_TYPE,
    );
    expect(values.side).toBe("SELL");
  });
});

describe("our EA's initial SL/TP and entry commission", () => {
  const ours = { ...legacy, ...account, ...ourEaFields, swap: -0.25, fee: 0 };
  const storedColumns = (id: number) =>
    sqlite().prepare("SELECT initial_stop_loss, initial_take_profit, commission, entry_commission, net_profit FROM trades WHERE id = ?").get(id);

  it("stores them (0 as none), answers them, and keeps commission the total in net profit", async () => {
    const result = await createTrade(body(ours));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      data: { stop_loss: 1.08345, initial_stop_loss: 1.08045, initial_take_profit: null, commission: -7, entry_commission: -3.5, net_profit: 32.75 },
    });
    expect(storedColumns(1)).toEqual({ initial_stop_loss: 1.08045, initial_take_profit: null, commission: -7, entry_commission: -3.5, net_profit: 32.75 });
    expect(getTradeOrThrow(1)).toMatchObject({ initial_stop_loss: 1.08045, initial_take_profit: null, entry_commission: -3.5 });
  });

  it("leaves them null for the legacy payload, whose answer is otherwise what it was", async () => {
    const result = await createTrade(body(legacy));
    expect(result.status).toBe(201);
    expect(storedColumns(1)).toEqual({ initial_stop_loss: null, initial_take_profit: null, commission: null, entry_commission: null, net_profit: 40 });
    expect(result.body.data).toMatchObject({ stop_loss: null, take_profit: 1.08745, initial_stop_loss: null, initial_take_profit: null, entry_commission: null });
  });

  it("a batch: fills them on a legacy row, is a duplicate when equal, a conflict naming the field when not", () => {
    const result = createTradeBatch([
      legacy,
      { ...ours, ...noAccount },
      { ...ours, ...noAccount },
      { ...ours, ...noAccount, entry_commission: -3 },
      { ...ours, ...noAccount, initial_stop_loss: 1.0805 },
    ]);
    expect(result.results).toEqual([
      { index: 0, status: "created", trade_id: 1 },
      {
        index: 1,
        status: "enriched",
        trade_id: 1,
        enriched: ["exit_price", "stop_loss", "initial_stop_loss", "commission", "entry_commission", "swap", "fee"],
      },
      { index: 2, status: "duplicate", trade_id: 1 },
      { index: 3, status: "conflict", trade_id: 1, errors: [{ field: "trades.3.entry_commission", message: "stored -3.5, received -3" }] },
      { index: 4, status: "conflict", trade_id: 1, errors: [{ field: "trades.4.initial_stop_loss", message: "stored 1.08045, received 1.0805" }] },
    ]);
    expect(storedColumns(1)).toEqual({ initial_stop_loss: 1.08045, initial_take_profit: null, commission: -7, entry_commission: -3.5, net_profit: 32.75 });
  });

  it("refuses entry_commission without commission in a batch item, storing the others", () => {
    const { commission: _commission, ...withoutCommission } = ours;
    const result = createTradeBatch([withoutCommission, { ...ours, deal_ticket: 9 }]);
    expect(result.results[0]).toEqual({ index: 0, status: "invalid", errors: [{ field: "trades.0.entry_commission", message: "needs commission" }] });
    expect(result.counts).toMatchObject({ created: 1, invalid: 1 });
  });
});

describe("group commit of single posts", () => {
  it("judges concurrent posts in arrival order: one row per deal, the first one 201", async () => {
    const results = await Promise.all([
      createTrade(body(legacy)),
      ...Array.from({ length: 18 }, () => createTrade(body(legacy))),
      createTrade(body({ ...legacy, deal_ticket: 77 })),
    ]);
    expect(results.map((result) => result.status)).toEqual([201, ...Array(18).fill(200), 201]);
    expect(rowCount()).toBe(2);
  });

  it("shares one transaction: when it fails, every post of the group is rejected and none is stored", async () => {
    const handle = sqlite();
    handle.exec("CREATE TRIGGER fail_second BEFORE INSERT ON trades WHEN NEW.deal_ticket = 2 BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      const results = await Promise.allSettled([1, 2, 3].map((deal) => createTrade(body({ ...legacy, deal_ticket: deal }))));
      expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
      expect(rowCount()).toBe(0);
    } finally {
      handle.exec("DROP TRIGGER fail_second");
    }
  });
});

describe("createTradeBatch", () => {
  it("stores valid items, reports the others, and judges a repeated key against the earlier item", () => {
    const items = [
      legacy,
      { ...legacy, deal_ticket: 2002, lot_size: "0.1" },
      { ...legacy, deal_ticket: 2003 },
      { ...legacy, deal_ticket: 2003, position_type: "BUY", exit_price: 1.08745 },
      { ...legacy, deal_ticket: 2003, profit: -1 },
      legacy,
      "not an object",
    ];
    const result = createTradeBatch(items);
    expect(result.counts).toEqual({ created: 2, duplicate: 1, enriched: 1, conflict: 1, invalid: 2 });
    expect(result.results.map((item) => item.status)).toEqual([
      "created",
      "invalid",
      "created",
      "enriched",
      "conflict",
      "duplicate",
      "invalid",
    ]);
    expect(result.results[1]!.errors).toEqual([{ field: "trades.1.lot_size", message: expect.any(String) }]);
    expect(result.results[4]).toMatchObject({
      trade_id: 2,
      errors: [{ field: "trades.4.profit", message: "stored 40, received -1" }],
    });
    expect(rowCount()).toBe(2);
  });

  it("writes all or nothing: a failing transaction leaves no partial batch", () => {
    const handle = sqlite();
    handle.exec("CREATE TRIGGER fail_third BEFORE INSERT ON trades WHEN NEW.deal_ticket = 3 BEGIN SELECT RAISE(ABORT, 'boom'); END");
    try {
      expect(() => storeTrades([1, 2, 3].map((deal) => body({ ...legacy, deal_ticket: deal })))).toThrow("boom");
      expect(rowCount()).toBe(0);
    } finally {
      handle.exec("DROP TRIGGER fail_third");
    }
  });
});

describe("storeTrades for an import", () => {
  const ea = () => body({ ...legacy, ...ourEaFields, ...account });
  const importRow = () =>
    sqlite()
      .prepare("INSERT INTO imports (format, file_name, file_size, status, created_at) VALUES ('csv', 'x.csv', 1, 'done', ?) RETURNING id")
      .get(new Date().toISOString()) as { id: number };
  const provenance = () =>
    sqlite().prepare("SELECT source, import_id AS importId, confirmed_by_ea AS confirmed FROM trades").all();

  it("stores new rows with their import and the import source", () => {
    const { id } = importRow();
    expect(storeTrades([ea()], [], { importId: id, source: "import" })).toMatchObject([{ status: "created" }]);
    expect(provenance()).toEqual([{ source: "import", importId: id, confirmed: 0 }]);
  });

  it("never contradicts a row an EA sent: fills empty fields, keeps differing ones", () => {
    const { id } = importRow();
    storeTrades([body({ ...legacy, ...ourEaFields, ...account, stop_loss: 0 })]);
    const outcome = storeTrades([body({ ...legacy, ...ourEaFields, ...account, stop_loss: 1.08, profit: 41 })], [], { importId: id, source: "import" });
    expect(outcome).toMatchObject([{ status: "enriched", enriched: ["stop_loss"], kept: [{ field: "profit", stored: 40, received: 41 }] }]);
    expect(getTradeOrThrow(1)).toMatchObject({ profit: 40, stop_loss: 1.08, source: "ea" });
    expect(provenance()).toEqual([{ source: "ea", importId: null, confirmed: 1 }]);
  });

  it("lets an EA replace what only an import wrote, then treats the row as the EA's", () => {
    const { id } = importRow();
    storeTrades([body({ ...legacy, ...ourEaFields, ...account, commission: -0.5 })], [], { importId: id, source: "import" });
    expect(storeTrades([ea()])).toMatchObject([{ status: "enriched", enriched: ["commission"] }]);
    expect(getTradeOrThrow(1).commission).toBe(ourEaFields.commission);
    expect(provenance()).toEqual([{ source: "import", importId: id, confirmed: 1 }]);
    // Confirmed: from now on a differing payload is a conflict again.
    expect(storeTrades([body({ ...legacy, ...ourEaFields, ...account, commission: -0.9 })])).toMatchObject([{ status: "conflict" }]);
  });
});
