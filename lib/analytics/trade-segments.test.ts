import { beforeEach, describe, expect, it } from "vitest";
import { ensureSegments, freshenGroups, freshenSegments, rebuildSegments, segmentFormat, type StreamKind } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { createTradeBody } from "@/lib/schemas/trade";
import { createRandom, generateDemoTrades } from "@/lib/seed/demo-trades";
import { resetDatabase } from "@/lib/test/reset-database";
import { createTrade } from "@/lib/trades/create-trade";
import { storeTrades } from "@/lib/trades/store-trades";

const body = (payload: Record<string, unknown>) => validate(createTradeBody, payload, "trade");

/** The segments table after every stale one was recomputed, in a stable order, with stats parsed. */
function segments(): Record<string, unknown>[] {
  for (const kind of ["all", "symbol", "magic", "account"] satisfies StreamKind[]) freshenSegments(sqlite(), kind);
  const streams = sqlite().prepare("SELECT DISTINCT kind, key FROM trade_segments").all() as { kind: StreamKind; key: string }[];
  for (const { kind, key } of streams) freshenGroups(sqlite(), kind, key, -1e9, 1e9);
  const rows = sqlite().prepare("SELECT * FROM trade_segments ORDER BY kind, key, currency, day").all() as { stats: string }[];
  // Group sums are added per write, not in one pass: compare them to 6 decimals.
  const groups = (sqlite().prepare("SELECT * FROM segment_groups ORDER BY kind, key, dimension, day, currency, group_key").all() as Record<string, unknown>[]).map(
    (row) => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, typeof value === "number" ? Number(value.toFixed(6)) : value])),
  );
  return [...rows.map((row) => ({ ...row, stats: JSON.parse(row.stats) })), ...groups];
}

beforeEach(resetDatabase);

describe("trade segments kept by the writer", () => {
  it("equal a rebuild from scratch after shuffled batches, single posts, older trades and enrichments", async () => {
    const demo = generateDemoTrades({ seed: 5, positionsPerAccount: 150 });
    const random = createRandom(11);
    const shuffled = [...demo].sort(() => random() - 0.5);
    // Mostly in order (as an EA sends), then a backfill of older trades in random order.
    const inOrder = demo.slice(0, 200);
    const older = shuffled.filter((trade) => !inOrder.includes(trade));
    storeTrades(inOrder.slice(0, 150).map(body));
    await Promise.all(inOrder.slice(150).map((trade) => createTrade(body(trade))));
    for (let start = 0; start < older.length; start += 37) storeTrades(older.slice(start, start + 37).map(body));

    // Enrichment: legacy-style rows without costs, then the full rows fill them (net changes).
    const bare = demo.slice(0, 20).map((trade) => ({ ...trade, deal_ticket: Number(trade.deal_ticket) + 1e9, commission: null, entry_commission: null, swap: null, magic_number: null }));
    storeTrades(bare.map(body));
    storeTrades(bare.map((trade, index) => body({ ...trade, commission: demo[index]!.commission, swap: -1.5, magic_number: 77 })));

    const kept = segments();
    expect(kept.length).toBeGreaterThan(100);
    rebuildSegments(sqlite());
    expect(segments()).toEqual(kept);
  });

  it("are rebuilt on start when missing or written in another format, and left alone otherwise", () => {
    storeTrades(generateDemoTrades({ seed: 4, positionsPerAccount: 20 }).map(body));
    const kept = segments();
    const handle = sqlite();
    handle.pragma(`user_version = ${segmentFormat}`);
    expect(ensureSegments(handle)).toBeNull();
    handle.prepare("UPDATE trade_segments SET stats = '{}'").run(); // as if an older code wrote another shape
    handle.pragma(`user_version = ${segmentFormat - 1}`);
    expect(ensureSegments(handle)).toBeGreaterThan(0);
    expect(handle.pragma("user_version", { simple: true })).toBe(segmentFormat);
    expect(segments()).toEqual(kept);
    handle.prepare("DELETE FROM trade_segments").run();
    expect(ensureSegments(handle)).toBeGreaterThan(0);
    expect(segments()).toEqual(kept);
  });

  it("move an account's trades to its currency's streams when the currency becomes known", () => {
    const trade = generateDemoTrades({ seed: 3, positionsPerAccount: 5 })[0]!;
    const currencies = () => [...new Set(segments().map((segment) => segment.currency))];
    storeTrades([body({ ...trade, account_currency: null })]);
    expect(currencies()).toEqual([""]);
    storeTrades([body({ ...trade, deal_ticket: 1, account_currency: "USD" })]);
    expect(currencies()).toEqual(["USD"]);
    const kept = segments();
    rebuildSegments(sqlite());
    expect(segments()).toEqual(kept);
  });

  it("roll back with the trades when the transaction fails", () => {
    const demo = generateDemoTrades({ seed: 4, positionsPerAccount: 5 });
    const handle = sqlite();
    handle.exec(`CREATE TRIGGER fail_segment BEFORE INSERT ON trade_segments WHEN NEW.kind = 'account' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    try {
      expect(() => storeTrades(demo.map(body))).toThrow("boom");
      expect(handle.prepare("SELECT (SELECT COUNT(*) FROM trades) AS trades, (SELECT COUNT(*) FROM trade_segments) AS segments").get()).toEqual({
        trades: 0,
        segments: 0,
      });
    } finally {
      handle.exec("DROP TRIGGER fail_segment");
    }
  });
});
