// Per-day summaries of trade streams, kept by the trade writer in its own transaction, so analytics
// read ~1 row per day instead of every trade. A segment depends only on its own day's trades, so:
// - a trade that comes last in its stream-day is appended (O(1));
// - an older one (backfill, import) or a changed one (enrichment) marks that day stale, and the next
//   reader recomputes it from the day's trades (freshenSegments);
// - days combine exactly in order (concatStats), drawdown and streaks included;
// - the additive breakdown totals of a day (segment_groups) are cheap to recompute but costly to keep
//   on every write, so writes only flag them and breakdowns recompute flagged days (freshenGroups).
import type Database from "better-sqlite3";
import { addTrade, emptyGroups, groupsOfTrades, type Groups, type GroupTrade } from "@/lib/analytics/group-totals";
import { breakdownDimensions } from "@/lib/schemas/fields";
import { concatStats, statsOfTrade, statsOfTrades, type StatsTrade, type TradeStats } from "@/lib/analytics/trade-stats";
import { cached } from "@/lib/db/cached-statement";
import type { SqlFragment } from "@/lib/trades/trade-filters";

export type StreamKind = "all" | "symbol" | "magic" | "account";

/** A sequence of trades in close-time order that analytics can ask about as a whole. */
export interface Stream {
  kind: StreamKind;
  /** The symbol, the magic number ("" when unknown), the account id, or "" for all. */
  key: string;
  /** The accounts' currency, "" when unknown: money of different currencies is never combined. */
  currency: string;
}

/** What a segment needs of a trade: its metrics and group fields, its place in the ordering and its streams. */
export interface SegmentTrade extends StatsTrade, GroupTrade {
  accountId: number;
  dealTicket: number;
  symbol: string;
  magicNumber: number | null;
  currency: string | null;
}

export const secondsPerDay = 86_400;
export const dayOf = (closeTime: number) => Math.floor(closeTime / secondsPerDay);

export function streamsOf(trade: Pick<SegmentTrade, "accountId" | "symbol" | "magicNumber" | "currency">): Stream[] {
  const currency = trade.currency ?? "";
  return [
    { kind: "all", key: "", currency },
    { kind: "symbol", key: trade.symbol, currency },
    { kind: "magic", key: trade.magicNumber === null ? "" : String(trade.magicNumber), currency },
    { kind: "account", key: String(trade.accountId), currency },
  ];
}

/** The stream's trades, over `trades t JOIN accounts a`. */
export function streamSql(stream: Stream): SqlFragment {
  const currency = "COALESCE(a.currency, '') = ?";
  switch (stream.kind) {
    case "all":
      return { sql: currency, params: [stream.currency] };
    case "symbol":
      return { sql: `t.symbol = ? AND ${currency}`, params: [stream.key, stream.currency] };
    case "magic":
      return stream.key === ""
        ? { sql: `t.magic_number IS NULL AND ${currency}`, params: [stream.currency] }
        : { sql: `t.magic_number = ? AND ${currency}`, params: [Number(stream.key), stream.currency] };
    case "account":
      return { sql: `t.account_id = ? AND ${currency}`, params: [Number(stream.key), stream.currency] };
  }
}

/** The columns of a SegmentTrade, for SELECTs over `trades t JOIN accounts a`. */
export const selectSegmentTrade = `t.id AS id, t.net_profit AS netProfit, t.commission AS commission, t.swap AS swap,
  t.fee AS fee, t.lot_size AS lotSize, t.side AS side, t.duration_seconds AS durationSeconds, t.close_time AS closeTime,
  t.account_id AS accountId, t.deal_ticket AS dealTicket, t.symbol AS symbol, t.magic_number AS magicNumber,
  t.position_reason AS positionReason, t.open_time AS openTime, a.currency AS currency`;

export const tradeOrderSql = "t.close_time, t.account_id, t.deal_ticket";

/** An account as its trades' streams see it: its id (the account stream's key) and its currency. */
export interface AccountStreams {
  id: number;
  currency: string | null;
}

interface Segment {
  stream: Stream;
  day: number;
  trades: number;
  last: [number, number, number];
  stats: TradeStats;
}

interface SegmentRow {
  trades: number;
  lastCloseTime: number;
  lastAccountId: number;
  lastDeal: number;
  stats: string;
  stale: number;
}

const segmentId = (stream: Stream, day: number) => `${stream.kind}\u0000${stream.key}\u0000${stream.currency}\u0000${day}`;
const orderKey = (trade: SegmentTrade): [number, number, number] => [trade.closeTime, trade.accountId, trade.dealTicket];

function after(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
}

/** Reads a stream's trades in [from, to) in trade order (a day, or part of one at a range's edge). */
export function streamTrades(handle: Database.Database, stream: Stream, from: number, to: number): SegmentTrade[] {
  const condition = streamSql(stream);
  return cached(
    handle,
    `SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id
      WHERE ${condition.sql} AND t.close_time >= ? AND t.close_time < ? ORDER BY ${tradeOrderSql}`,
  ).all(...condition.params, from, to) as SegmentTrade[];
}

/**
 * The segment bookkeeping of one write transaction: `add` each new trade, `refresh` each changed
 * one, then `flush` before the transaction commits. Appending a stream-day's newest trade is O(1);
 * anything else only marks the stream-day stale, for the next reader to recompute (freshenSegments),
 * so a backfill of history costs one recompute per day, not one per trade.
 */
export function createSegmentWriter(handle: Database.Database) {
  const touched = new Map<string, Segment | null>();
  const stale = new Map<string, { stream: Stream; day: number }>();
  /** Keys of account streams to delete whole (their account is gone). */
  const dropped = new Set<string>();
  const recent = recentSegments(handle);

  function load(stream: Stream, day: number): Segment | null {
    const id = segmentId(stream, day);
    const remembered = recent.get(id);
    if (!touched.has(id) && remembered) touched.set(id, remembered);
    if (!touched.has(id)) {
      const row = cached(
        handle,
        `SELECT trades, last_close_time AS lastCloseTime, last_account_id AS lastAccountId, last_deal_ticket AS lastDeal,
                stats, stale
           FROM trade_segments WHERE kind = ? AND key = ? AND currency = ? AND day = ?`,
      ).get(stream.kind, stream.key, stream.currency, day) as SegmentRow | undefined;
      if (row?.stale) stale.set(id, { stream, day });
      touched.set(
        id,
        row && !row.stale
          ? { stream, day, trades: row.trades, last: [row.lastCloseTime, row.lastAccountId, row.lastDeal], stats: JSON.parse(row.stats) }
          : null,
      );
    }
    return touched.get(id)!;
  }

  /** The stream-days an account's trades occupy: (day, symbol, magic number), each once. */
  function accountDays(accountId: number) {
    return cached(
      handle,
      "SELECT DISTINCT close_time / 86400 AS day, symbol, magic_number AS magicNumber FROM trades WHERE account_id = ?",
    ).all(accountId) as { day: number; symbol: string; magicNumber: number | null }[];
  }

  function markStale(stream: Stream, day: number): void {
    const id = segmentId(stream, day);
    stale.set(id, { stream, day });
    touched.delete(id);
  }

  return {
    /** A trade just inserted. */
    add(trade: SegmentTrade): void {
      const day = dayOf(trade.closeTime);
      const stats = statsOfTrade(trade);
      const key = orderKey(trade);
      for (const stream of streamsOf(trade)) {
        const id = segmentId(stream, day);
        if (stale.has(id)) continue;
        const segment = load(stream, day);
        if (stale.has(id)) continue; // stale in the database already
        if (segment && !after(key, segment.last)) {
          markStale(stream, day); // it lands before the day's last trade
          continue;
        }
        touched.set(id, {
          stream,
          day,
          trades: (segment?.trades ?? 0) + 1,
          last: key,
          stats: segment ? concatStats(segment.stats, stats) : stats,
        });
      }
    },

    /** A stored trade whose values changed: its days go stale (before and after, if it moved streams). */
    refresh(before: SegmentTrade, changed: SegmentTrade): void {
      for (const trade of [before, changed]) {
        for (const stream of streamsOf(trade)) markStale(stream, dayOf(trade.closeTime));
      }
    },

    /** Every day of an account's trades, in the streams of both currencies (its currency was just set). */
    refreshAccount(accountId: number, previousCurrency: string | null, currency: string | null): void {
      for (const { day, symbol, magicNumber } of accountDays(accountId)) {
        for (const each of [previousCurrency, currency]) {
          for (const stream of streamsOf({ accountId, symbol, magicNumber, currency: each })) markStale(stream, day);
        }
      }
    },

    /**
     * Call before an account's trades leave it (the account is deleted, or merged `into` another):
     * their days go stale in the shared streams of its currency and in the streams of `into`, where
     * a day left without trades loses its segment on the next read; the account's own stream is
     * dropped whole, as nothing would read it again.
     */
    removeAccount(account: AccountStreams, into?: AccountStreams): void {
      for (const { day, symbol, magicNumber } of accountDays(account.id)) {
        for (const stream of streamsOf({ accountId: account.id, symbol, magicNumber, currency: account.currency })) {
          if (stream.kind !== "account") markStale(stream, day);
        }
        if (!into) continue;
        for (const stream of streamsOf({ accountId: into.id, symbol, magicNumber, currency: into.currency })) markStale(stream, day);
      }
      dropped.add(String(account.id));
    },

    /** Writes what changed; call inside the transaction, after the trades were written. */
    flush(): void {
      // An appended day's breakdown groups go stale: the next breakdown recomputes them.
      for (const segment of touched.values()) if (segment) writeSegment(handle, segment, { groupsFresh: false });
      for (const { stream, day } of stale.values()) {
        cached(
          handle,
          `INSERT INTO trade_segments (kind, key, currency, day, trades, last_close_time, last_account_id, last_deal_ticket, stats, stale)
           VALUES (?, ?, ?, ?, 0, 0, 0, 0, 'null', 1)
           ON CONFLICT (kind, key, currency, day) DO UPDATE SET stale = 1`,
        ).run(stream.kind, stream.key, stream.currency, day);
      }
      for (const key of dropped) {
        cached(handle, "DELETE FROM trade_segments WHERE kind = 'account' AND key = ?").run(key);
        cached(handle, "DELETE FROM segment_groups WHERE kind = 'account' AND key = ?").run(key);
      }
    },

    /** After the transaction committed: remember what was written, for the next write to skip reading it. */
    remember(): void {
      for (const [id, segment] of touched) {
        if (segment) recent.set(id, segment);
      }
      for (const id of stale.keys()) recent.delete(id);
      if (recent.size > 10_000 || dropped.size > 0) recent.clear();
      touched.clear();
      stale.clear();
      dropped.clear();
    },
  };
}

// The segments this process wrote last, parsed: the next write to the same day (the usual case: the
// EA sends today's trades) need not read and parse them again. Valid only while no other
// connection has committed since (PRAGMA data_version); dropped whenever anything else rewrites segments.
const remembered = new WeakMap<Database.Database, { version: number; segments: Map<string, Segment> }>();

/** Call inside the write transaction, where no other connection can commit. */
function recentSegments(handle: Database.Database): Map<string, Segment> {
  const version = handle.pragma("data_version", { simple: true }) as number;
  let cache = remembered.get(handle);
  if (!cache || cache.version !== version) remembered.set(handle, (cache = { version, segments: new Map() }));
  return cache.segments;
}

/** Forgets the remembered segments (after a failed write, a recompute, or a direct change to the tables). */
export function forgetSegments(handle: Database.Database): void {
  remembered.delete(handle);
}

function writeSegment(handle: Database.Database, segment: Segment, { groupsFresh }: { groupsFresh: boolean }): void {
  cached(
    handle,
    `INSERT INTO trade_segments (kind, key, currency, day, trades, last_close_time, last_account_id, last_deal_ticket, stats, stale, groups_stale)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
     ON CONFLICT (kind, key, currency, day) DO UPDATE SET trades = excluded.trades,
       last_close_time = excluded.last_close_time, last_account_id = excluded.last_account_id,
       last_deal_ticket = excluded.last_deal_ticket, stats = excluded.stats, stale = 0, groups_stale = excluded.groups_stale`,
  ).run(
    segment.stream.kind,
    segment.stream.key,
    segment.stream.currency,
    segment.day,
    segment.trades,
    ...segment.last,
    JSON.stringify(segment.stats),
    groupsFresh ? 0 : 1,
  );
}

/** Replaces a segment's group rows (written whole, after a recompute). */
function writeGroups(handle: Database.Database, stream: Stream, day: number, groups: Groups): void {
  for (const dimension of breakdownDimensions) {
    cached(handle, "DELETE FROM segment_groups WHERE kind = ? AND key = ? AND dimension = ? AND day = ? AND currency = ?").run(
      stream.kind,
      stream.key,
      dimension,
      day,
      stream.currency,
    );
    for (const [groupKey, totals] of Object.entries(groups[dimension])) {
      cached(
        handle,
        `INSERT INTO segment_groups (kind, key, dimension, day, currency, group_key, trades, wins, losses, breakevens,
           gross_profit, gross_loss, net_profit, duration_seconds, duration_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        stream.kind,
        stream.key,
        dimension,
        day,
        stream.currency,
        groupKey,
        totals.trades,
        totals.wins,
        totals.losses,
        totals.breakevens,
        totals.grossProfit,
        totals.grossLoss,
        totals.netProfit,
        totals.durationSeconds,
        totals.durationCount,
      );
    }
  }
}

/**
 * Recomputes the stale segments of one kind (optionally one key) from their trades, so that
 * every segment a reader then folds is exact. Returns how many it recomputed.
 */
export function freshenSegments(handle: Database.Database, kind: StreamKind, key?: string): number {
  const freshen = handle.transaction(() => {
    forgetSegments(handle);
    const stale = cached(
      handle,
      `SELECT kind, key, currency, day FROM trade_segments
        WHERE stale = 1 AND kind = ? AND (? IS NULL OR key = ?)`,
    ).all(kind, key ?? null, key ?? null) as (Stream & { day: number })[];
    for (const { day, ...stream } of stale) {
      const trades = streamTrades(handle, stream, day * secondsPerDay, (day + 1) * secondsPerDay);
      if (trades.length === 0) {
        cached(handle, "DELETE FROM trade_segments WHERE kind = ? AND key = ? AND currency = ? AND day = ?").run(
          stream.kind,
          stream.key,
          stream.currency,
          day,
        );
      } else {
        writeSegment(
          handle,
          { stream, day, trades: trades.length, last: orderKey(trades.at(-1)!), stats: statsOfTrades(trades) },
          { groupsFresh: true },
        );
      }
      writeGroups(handle, stream, day, groupsOfTrades(trades));
    }
    return stale.length;
  });
  return freshen.immediate();
}

/**
 * Recomputes every segment from the trades (after the migration that adds them, or to repair).
 * One ordered pass; returns the number of segments written.
 */
export function rebuildSegments(handle: Database.Database): number {
  const rebuild = handle.transaction(() => {
    forgetSegments(handle);
    handle.prepare("DELETE FROM trade_segments").run();
    handle.prepare("DELETE FROM segment_groups").run();
    const segments = new Map<string, Segment & { groups: Groups }>();
    const rows = handle
      .prepare(`SELECT ${selectSegmentTrade} FROM trades t JOIN accounts a ON a.id = t.account_id ORDER BY ${tradeOrderSql}`)
      .iterate() as IterableIterator<SegmentTrade>;
    for (const trade of rows) {
      const day = dayOf(trade.closeTime);
      const stats = statsOfTrade(trade);
      for (const stream of streamsOf(trade)) {
        const id = segmentId(stream, day);
        const segment = segments.get(id);
        if (segment) {
          segment.trades += 1;
          segment.last = orderKey(trade);
          segment.stats = concatStats(segment.stats, stats);
          addTrade(segment.groups, trade);
        } else {
          const groups = emptyGroups();
          addTrade(groups, trade);
          segments.set(id, { stream, day, trades: 1, last: orderKey(trade), stats, groups });
        }
      }
    }
    for (const segment of segments.values()) {
      writeSegment(handle, segment, { groupsFresh: true });
      writeGroups(handle, segment.stream, segment.day, segment.groups);
    }
    return segments.size;
  });
  return rebuild.immediate();
}

/**
 * Recomputes the breakdown groups of a stream's days in [fromDay, endDay) whose trades changed since
 * (call after freshenSegments). Returns how many days it recomputed.
 */
export function freshenGroups(handle: Database.Database, kind: StreamKind, key: string, fromDay: number, endDay: number): number {
  const freshen = handle.transaction(() => {
    const days = cached(
      handle,
      `SELECT kind, key, currency, day FROM trade_segments
        WHERE kind = ? AND key = ? AND day >= ? AND day < ? AND groups_stale = 1 AND stale = 0`,
    ).all(kind, key, fromDay, endDay) as (Stream & { day: number })[];
    for (const { day, ...stream } of days) {
      writeGroups(handle, stream, day, groupsOfTrades(streamTrades(handle, stream, day * secondsPerDay, (day + 1) * secondsPerDay)));
      cached(handle, "UPDATE trade_segments SET groups_stale = 0 WHERE kind = ? AND key = ? AND currency = ? AND day = ?").run(
        stream.kind,
        stream.key,
        stream.currency,
        day,
      );
    }
    return days.length;
  });
  return freshen.immediate();
}

/**
 * The shape of the stored stats and group totals. Bump it whenever TradeStats or Groups change:
 * segments written in another format are rebuilt on the next start. Kept in SQLite's user_version,
 * which Prisma's migrations leave alone.
 */
export const segmentFormat = 1;

/**
 * Builds the segments when trades exist without them (a database from before they existed) or with
 * segments of another format; returns how many were built, or null when nothing was needed.
 */
export function ensureSegments(handle: Database.Database): number | null {
  const format = handle.pragma("user_version", { simple: true }) as number;
  const state = handle
    .prepare("SELECT EXISTS (SELECT 1 FROM trades) AS trades, EXISTS (SELECT 1 FROM trade_segments) AS segments")
    .get() as { trades: number; segments: number };
  const built = state.trades && (!state.segments || format !== segmentFormat) ? rebuildSegments(handle) : null;
  if (format !== segmentFormat) handle.pragma(`user_version = ${segmentFormat}`);
  return built;
}
