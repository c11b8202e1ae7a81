import type { z } from "zod";
import { currencyGroups } from "@/lib/analytics/day-pieces";
import { niceEdges } from "@/lib/analytics/histogram";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { DistributionQuery } from "@/lib/schemas/trade-query";
import type { distributionResource } from "@/lib/schemas/responses";
import { tradeFilterSql } from "@/lib/trades/trade-filters";

const defaultBuckets = 20;

/**
 * A histogram of trade net results per account currency: buckets [from, to) over the given edges,
 * or edges of a round width chosen for each currency's results.
 */
export function getDistribution(query: DistributionQuery): z.infer<typeof distributionResource> {
  const { buckets, edges: givenEdges, ...filters } = query;
  const handle = sqlite();
  const filter = tradeFilterSql(filters);
  const from = "FROM trades t JOIN accounts a ON a.id = t.account_id";
  const ranges = cached(
    handle,
    `SELECT COALESCE(a.currency, '') AS currency, COUNT(*) AS trades, MIN(t.net_profit) AS low, MAX(t.net_profit) AS high
       ${from} WHERE ${filter.sql} GROUP BY 1`,
  ).all(...filter.params) as { currency: string; trades: number; low: number; high: number }[];

  const series = currencyGroups(new Map(ranges.map((range) => [range.currency, range]))).map(({ currency, value: range }) => {
    const edges = givenEdges ?? niceEdges(range.low, range.high, buckets ?? defaultBuckets);
    // Bucket -1 is below the first edge, edges.length - 1 at or above the last.
    const bucket = `CASE ${edges.map(() => "WHEN t.net_profit < ? THEN ?").join(" ")} ELSE ? END`;
    const rows = cached(
      handle,
      `SELECT ${bucket} AS bucket, COUNT(*) AS trades, COUNT(CASE WHEN t.net_profit > 0 THEN 1 END) AS wins,
              COUNT(CASE WHEN t.net_profit < 0 THEN 1 END) AS losses
         ${from} WHERE ${filter.sql} AND COALESCE(a.currency, '') = ? GROUP BY 1`,
    ).all(...edges.flatMap((edge, index) => [edge, index - 1]), edges.length - 1, ...filter.params, range.currency) as {
      bucket: number;
      trades: number;
      wins: number;
      losses: number;
    }[];
    const counted = new Map(rows.map((row) => [row.bucket, row]));
    return {
      currency,
      trades: range.trades,
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
    };
  });
  return { currency: series.length === 1 ? series[0]!.currency : null, series };
}
