import type Database from "better-sqlite3";
import type { z } from "zod";
import { currencyGroups, dayPieces, segmentPlan } from "@/lib/analytics/day-pieces";
import { niceEdges } from "@/lib/analytics/histogram";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { DistributionQuery, TradeFilters } from "@/lib/schemas/trade-query";
import type { distributionResource } from "@/lib/schemas/responses";
import { tradeFilterSql } from "@/lib/trades/trade-filters";

const defaultBuckets = 20;

/**
 * A histogram of trade net results per account currency: buckets [from, to) over the given edges,
 * or edges of a round width chosen for each currency's results and 0. The range comes from the day
 * segments (largest win and loss) when the filters pick one stream, else from MIN and MAX; the counts
 * from one pass that needs no join when every account shares a currency, and equal-width edges are
 * found by arithmetic rather than a CASE per edge. (An index on net_profit would make the pass
 * index-only, but costs a third of the batch ingest rate: measured, not kept.)
 */
export function getDistribution(query: DistributionQuery): z.infer<typeof distributionResource> {
  const { buckets, edges: givenEdges, ...filters } = query;
  const handle = sqlite();
  const filter = tradeFilterSql(filters);
  const accounts = cached(handle, "SELECT id, COALESCE(currency, '') AS currency FROM accounts").all() as { id: number; currency: string }[];
  const byCurrency = new Map<string, number[]>();
  for (const account of accounts) byCurrency.set(account.currency, [...(byCurrency.get(account.currency) ?? []), account.id]);

  const fromSegments = segmentPlan(handle, filters) ? rangesOfSegments(handle, filters) : null;

  const series = currencyGroups(byCurrency).flatMap(({ currency, value: accountIds }) => {
    const scope =
      byCurrency.size === 1
        ? filter
        : { sql: `${filter.sql} AND t.account_id IN (${accountIds.map(() => "?").join(", ")})`, params: [...filter.params, ...accountIds] };
    const extreme = (fn: "MIN" | "MAX") =>
      (cached(handle, `SELECT ${fn}(t.net_profit) AS value FROM trades t WHERE ${scope.sql}`).get(...scope.params) as { value: number | null })
        .value;
    const range = fromSegments ? fromSegments.get(currency ?? "") : rangeOf(extreme("MIN"), extreme("MAX"));
    if (!range) return [];
    const edges = givenEdges ?? niceEdges(range.low, range.high, buckets ?? defaultBuckets);
    const bucketOf = bucketFinder(edges);
    const rows = new Map<number, { trades: number; wins: number; losses: number }>();
    const nets = cached(handle, `SELECT t.net_profit FROM trades t WHERE ${scope.sql}`).pluck(true).iterate(...scope.params);
    for (const net of nets as IterableIterator<number>) {
      const index = bucketOf(net);
      const row = rows.get(index) ?? { trades: 0, wins: 0, losses: 0 };
      row.trades += 1;
      if (net > 0) row.wins += 1;
      else if (net < 0) row.losses += 1;
      rows.set(index, row);
    }
    const counted = rows;
    return [
      {
        currency,
        trades: [...rows.values()].reduce((sum, row) => sum + row.trades, 0),
        edges,
        buckets: edges.slice(0, -1).map((edge, index) => ({
          from: edge,
          to: edges[index + 1]!,
          trades: counted.get(index)?.trades ?? 0,
          wins: counted.get(index)?.wins ?? 0,
          losses: counted.get(index)?.losses ?? 0,
        })),
        below: counted.get(-1)?.trades ?? 0,
        above: counted.get(edges.length - 1)?.trades ?? 0,
      },
    ];
  });
  return { currency: series.length === 1 ? series[0]!.currency : null, series };
}

/** The results' range widened to 0; undefined without trades. */
function rangeOf(low: number | null, high: number | null): { low: number; high: number } | undefined {
  return low === null || high === null ? undefined : { low: Math.min(low, 0), high: Math.max(high, 0) };
}

/** Per currency, the range from the day summaries' largest loss and largest win (and 0). */
function rangesOfSegments(handle: Database.Database, filters: TradeFilters) {
  const ranges = new Map<string, { low: number; high: number }>();
  for (const piece of dayPieces(handle, filters)) {
    const range = ranges.get(piece.currency) ?? { low: 0, high: 0 };
    range.low = Math.min(range.low, piece.stats.largestLoss?.netProfit ?? 0);
    range.high = Math.max(range.high, piece.stats.largestWin?.netProfit ?? 0);
    ranges.set(piece.currency, range);
  }
  return ranges;
}

/**
 * The bucket of a net: -1 below the first edge, edges.length - 1 at or above the last. Equal widths
 * (the chosen edges) divide; the 1e-9 keeps a net exactly on an edge in the bucket that starts there
 * (nets are cents, far coarser). Other given edges are searched. Counting in JS over the plucked
 * nets is twice as fast here as SQLite's GROUP BY, which sorts every row.
 */
function bucketFinder(edges: number[]): (net: number) => number {
  const last = edges.length - 1;
  const first = edges[0]!;
  const width = edges[1]! - first;
  const equal = edges.every((edge, index) => index === 0 || Math.abs(edge - edges[index - 1]! - width) < width * 1e-9);
  return (net) => {
    if (net < first) return -1;
    if (net >= edges[last]!) return last;
    if (equal) return Math.min(last - 1, Math.floor((net - first) / width + 1e-9));
    let low = 0;
    let high = last; // edges[low] <= net < edges[high]
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (net < edges[middle]!) high = middle;
      else low = middle;
    }
    return low;
  };
}
