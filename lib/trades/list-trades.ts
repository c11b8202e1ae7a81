import type Database from "better-sqlite3";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { ListTradesQuery } from "@/lib/schemas/trade-query";
import { cursorFingerprint, decodeCursor, encodeCursor } from "@/lib/trades/trade-cursor";
import { tradeFilterSql, type SqlFragment } from "@/lib/trades/trade-filters";
import { keysetSql, orderBySql, sortValues, tradeOrder, type TradeOrder } from "@/lib/trades/trade-order";
import { selectTradeRow, toTradeResource, type TradeJournal, type TradeRecord } from "@/lib/trades/trade-record";

/**
 * One page of trades under the shared filters, in keyset order (no OFFSET: page 20,000 costs what
 * page 1 does), with cursors both ways and the total under the same filters.
 */
export function listTrades(query: ListTradesQuery) {
  const handle = sqlite();
  const order = tradeOrder(query.sort);
  const fingerprint = cursorFingerprint(query);
  const cursor = query.cursor ? decodeCursor(query.cursor, fingerprint, order.keys.length) : null;
  const backwards = cursor?.direction === "prev";

  const filter = tradeFilterSql(query);
  const rows = readTradesInOrder(handle, { filter, order, after: cursor?.values ?? null, backwards, limit: query.limit + 1 });

  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const cursorAt = (direction: "next" | "prev", trade: TradeRecord | undefined) =>
    trade ? encodeCursor(fingerprint, { direction, values: sortValues(order, trade) }) : null;

  // Forwards, "more" means a next page; backwards it means a previous one. Having come from a
  // cursor means there is a page on the side we came from.
  const nextCursor = backwards ? cursorAt("next", last) : more ? cursorAt("next", last) : null;
  const prevCursor = backwards ? (more ? cursorAt("prev", first) : null) : cursor ? cursorAt("prev", first) : null;

  const total = cached(handle, `SELECT COUNT(*) AS total FROM trades t WHERE ${filter.sql}`).get(...filter.params) as {
    total: number;
  };
  return {
    data: page.map(toTradeResource),
    page: { limit: query.limit, next_cursor: nextCursor, prev_cursor: prevCursor, total: total.total },
  };
}

export interface OrderedRead {
  filter: SqlFragment;
  order: TradeOrder;
  /** The sort values of the row to continue from (sortValues); null to start at the beginning. */
  after: (number | string | null)[] | null;
  /** Read towards the start instead: rows before `after`, nearest first. */
  backwards?: boolean;
  limit: number;
}

/**
 * Up to `limit` trades under the filter, strictly after `after` in the order: one keyset step,
 * read with one complete statement (the list's pages and the CSV export's chunks).
 */
export function readTradesInOrder(handle: Database.Database, read: OrderedRead) {
  const backwards = read.backwards ?? false;
  const conditions = [read.filter.sql];
  const params = [...read.filter.params];
  if (read.after) {
    const keyset = keysetSql(read.order, read.after, backwards);
    conditions.push(keyset.sql);
    params.push(...keyset.params);
  }
  return cached(
    handle,
    `SELECT ${selectTradeRow} FROM trades t WHERE ${conditions.join(" AND ")}
     ORDER BY ${orderBySql(read.order, backwards)} LIMIT ?`,
  ).all(...params, read.limit) as (TradeRecord & TradeJournal)[];
}
