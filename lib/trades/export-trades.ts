import type Database from "better-sqlite3";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { ExportTradesQuery } from "@/lib/schemas/trade-query";
import { readTradesInOrder } from "@/lib/trades/list-trades";
import { tradeFilterSql } from "@/lib/trades/trade-filters";
import { sortValues, tradeOrder } from "@/lib/trades/trade-order";
import { toTradeResource } from "@/lib/trades/trade-record";
import { byteOrderMark, tradeCsvHeader, tradeCsvLine, type TradeCsvAccount } from "@/lib/trades/trades-csv";

export const exportChunkSize = 1000;

// Orders an index serves (close time, symbol) read each chunk cheaply. The others (net profit, lots,
// duration...) rescan the filtered trades for every chunk, so they read fewer, larger chunks:
// at a million trades 50 scans instead of 1,000 (seconds, not minutes).
const indexedSorts = new Set(["close_time", "symbol"]);
const unindexedChunkSize = 20_000;

export function chunkSizeFor(sort: string): number {
  return indexedSorts.has(sort.replace(/^-/, "")) ? exportChunkSize : unindexedChunkSize;
}

/**
 * Every trade under the filters, in the requested order, as a CSV download. Trades are read in
 * keyset chunks, each one complete statement (no iterator stays open on the shared connection),
 * and only when the reader asks for more: memory stays flat however many trades there are, and
 * reading stops when the client goes away (a cancelled stream is never pulled again).
 */
export function exportTrades(query: ExportTradesQuery, { chunkSize = chunkSizeFor(query.sort), now = new Date() } = {}) {
  const order = tradeOrder(query.sort);
  const filter = tradeFilterSql(query);
  const encoder = new TextEncoder();
  let after: (number | string | null)[] | null = null;
  let finished = false;
  let accounts = new Map<number, TradeCsvAccount>();

  const readChunk = (): string => {
    const handle = sqlite();
    const trades = readTradesInOrder(handle, { filter, order, after, limit: chunkSize });
    const last = trades.at(-1);
    if (last) after = sortValues(order, last);
    finished = trades.length < chunkSize;
    // An account created while the download runs is read when its first trade comes.
    if (trades.some((trade) => !accounts.has(trade.accountId))) accounts = readAccountCells(handle);
    return trades.map((trade) => tradeCsvLine({ ...toTradeResource(trade), ...(accounts.get(trade.accountId) ?? noAccount) })).join("");
  };

  // The first chunk is read before answering, so a database that cannot be read gives the 503
  // error body rather than a 200 download that breaks off.
  let pending: string | null = byteOrderMark + tradeCsvHeader() + readChunk();
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const text = pending ?? readChunk();
        pending = null;
        if (text) controller.enqueue(encoder.encode(text));
        if (finished) controller.close();
      },
    },
    // Nothing is read ahead of the client.
    { highWaterMark: 0 },
  );
  return { fileName: exportFileName(now), body };
}

const noAccount: TradeCsvAccount = { account_login: null, account_server: null, account_currency: null };

/** Every account's CSV cells by id: the default account (login 0, server "") has none. */
function readAccountCells(handle: Database.Database): Map<number, TradeCsvAccount> {
  const rows = cached(handle, "SELECT id, login, server, currency, is_default AS isDefault FROM accounts").all() as {
    id: number;
    login: number;
    server: string;
    currency: string | null;
    isDefault: number;
  }[];
  return new Map(
    rows.map((row) => {
      const none = row.isDefault === 1 || row.login === 0;
      const cells: TradeCsvAccount = none
        ? noAccount
        : { account_login: row.login, account_server: row.server, account_currency: row.currency || null };
      return [row.id, cells];
    }),
  );
}

/** trades-20260102-1400.csv: when the export was made, in UTC. */
export function exportFileName(now: Date): string {
  const iso = now.toISOString();
  return `trades-${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 16).replace(":", "")}.csv`;
}
