import type Database from "better-sqlite3";
import type { z } from "zod";
import { readAccount } from "@/lib/accounts/account-resource";
import { createSegmentWriter, forgetSegments, type AccountStreams } from "@/lib/analytics/trade-segments";
import type { BalanceOperationRow } from "@/lib/balance-operations/balance-operation-resource";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import { reconcile } from "@/lib/ingestion/reconcile";
import type { MergeAccountBody } from "@/lib/schemas/account";
import type { accountMergeResource } from "@/lib/schemas/responses";
import { maxTagsPerTrade } from "@/lib/schemas/trade-journal";
import { reconcileTrade } from "@/lib/trades/reconcile-trade";
import { writeEnrichment } from "@/lib/trades/store-trades";
import { selectTradeRecord, type TradeRecord } from "@/lib/trades/trade-record";

type SegmentWriter = ReturnType<typeof createSegmentWriter>;

/** Records moved to the target, and those it held already (same ticket): filled in, or differing. */
interface MergeCounts {
  moved: number;
  duplicates: number;
  enriched: number;
  conflicts: number;
}

/**
 * Moves every trade, balance operation and strategy name of account `id` (typically the default
 * account, holding the old EA's trades) into another account, then deletes it, in one
 * transaction. A record the target holds already (same deal ticket, same balance ticket) stays as
 * the target has it: its empty fields are filled from the moved one by ingestion's rules, and a
 * differing value never fails the merge: the target's row is kept unchanged and counted as a conflict.
 */
export function mergeAccount(id: number, body: MergeAccountBody): z.infer<typeof accountMergeResource> {
  const targetId = body.into_account_id;
  if (targetId === id) throw invalidTarget("must be another account than the one merged");
  const handle = sqlite();
  const merge = handle.transaction(() => {
    const source = findAccount(handle, id);
    if (!source) throw new ApiError("not_found", `Account ${id} does not exist`);
    const target = findAccount(handle, targetId);
    if (!target) throw invalidTarget("no account has this id (see GET /api/v1/accounts)");
    if (source.currency !== null && source.currency !== target.currency) throw currencyConflict(source, target);

    const segments = createSegmentWriter(handle);
    segments.removeAccount(source, target); // reads the days of the source's trades: before they move
    const trades = mergeTrades(handle, segments, source.id, target);
    const balanceOperations = mergeBalanceOperations(handle, source.id, target.id);
    // The target's name wins for a magic number both accounts name.
    const strategies = cached(
      handle,
      `UPDATE strategies SET account_id = @target WHERE account_id = @source
          AND NOT EXISTS (SELECT 1 FROM strategies kept WHERE kept.account_id = @target AND kept.magic_number = strategies.magic_number)`,
    ).run({ source: source.id, target: target.id }).changes;
    // A key tied to the source keeps working, for the account its trades now live in.
    cached(handle, "UPDATE api_keys SET account_id = @target WHERE account_id = @source").run({ source: source.id, target: target.id });
    // What did not move (the target's duplicates) goes with the account.
    cached(handle, "DELETE FROM accounts WHERE id = ?").run(source.id);
    segments.flush();
    return { account: readAccount(handle, target.id)!, ...trades, balance_operations: balanceOperations, strategies };
  });
  try {
    return merge.immediate();
  } finally {
    forgetSegments(handle);
  }
}

function findAccount(handle: Database.Database, id: number): AccountStreams | undefined {
  return cached(handle, "SELECT id, currency FROM accounts WHERE id = ?").get(id) as AccountStreams | undefined;
}

function invalidTarget(message: string): ApiError {
  return new ApiError("validation_error", "Invalid merge: into_account_id", [{ field: "into_account_id", message }]);
}

function currencyConflict(source: AccountStreams, target: AccountStreams): ApiError {
  const targetCurrency = target.currency ?? "no known currency";
  return new ApiError(
    "conflict",
    `Account ${source.id} is in ${source.currency} and account ${target.id} in ${targetCurrency}: money of different currencies is never combined`,
    [
      {
        field: "currency",
        message: `account ${target.id}: ${JSON.stringify(target.currency)}, account ${source.id}: ${JSON.stringify(source.currency)}` +
          (target.currency === null ? ` (set account ${target.id}'s currency first)` : ""),
      },
    ],
  );
}

function mergeTrades(handle: Database.Database, segments: SegmentWriter, sourceId: number, target: AccountStreams): MergeCounts {
  const counts = { moved: 0, duplicates: 0, enriched: 0, conflicts: 0 };
  // Ids only (a merge may meet a million duplicates); each row is read in its turn.
  const twinIds = handle
    .prepare(
      `SELECT t.id FROM trades t
        WHERE t.account_id = ? AND EXISTS (SELECT 1 FROM trades kept WHERE kept.deal_ticket = t.deal_ticket AND kept.account_id = ?)`,
    )
    .pluck()
    .all(sourceId, target.id) as number[];
  const readTrade = cached(handle, `SELECT ${selectTradeRecord} FROM trades t WHERE t.id = ?`);
  const findKept = cached(handle, `SELECT ${selectTradeRecord} FROM trades t WHERE t.deal_ticket = ? AND t.account_id = ?`);
  for (const twinId of twinIds) {
    const twin = readTrade.get(twinId) as TradeRecord;
    const kept = findKept.get(twin.dealTicket, target.id) as TradeRecord;
    counts.duplicates += 1;
    // The target's row is what its own EA sent; the moved one only fills what it lacks.
    const verdict = reconcileTrade(kept, twin);
    if (verdict.status === "conflict") counts.conflicts += 1;
    if (verdict.status === "enriched") {
      counts.enriched += 1;
      writeEnrichment(handle, segments, kept, verdict, target.currency);
    }
    mergeJournal(handle, twin.id, kept.id);
  }
  counts.moved = cached(
    handle,
    `UPDATE trades SET account_id = @target WHERE account_id = @source
        AND NOT EXISTS (SELECT 1 FROM trades kept WHERE kept.deal_ticket = trades.deal_ticket AND kept.account_id = @target)`,
  ).run({ source: sourceId, target: target.id }).changes;
  return counts;
}

/** The trader's journal of a duplicate is not lost: its note fills an empty one, its tags join the kept row's (up to the limit). */
function mergeJournal(handle: Database.Database, fromId: number, toId: number): void {
  cached(handle, "UPDATE trades SET note = (SELECT note FROM trades WHERE id = @from) WHERE id = @to AND note IS NULL").run({
    from: fromId,
    to: toId,
  });
  const tagsOf = (tradeId: number) =>
    (cached(handle, "SELECT tag FROM trade_tags WHERE trade_id = ? ORDER BY tag").all(tradeId) as { tag: string }[]).map((row) => row.tag);
  const kept = new Set(tagsOf(toId));
  const added = tagsOf(fromId).filter((tag) => !kept.has(tag)).slice(0, Math.max(0, maxTagsPerTrade - kept.size));
  for (const tag of added) cached(handle, "INSERT INTO trade_tags (trade_id, tag) VALUES (?, ?)").run(toId, tag);
}

type BalanceValues = Pick<BalanceOperationRow, "type" | "amount" | "time" | "comment">;

function mergeBalanceOperations(handle: Database.Database, sourceId: number, targetId: number): MergeCounts {
  const counts = { moved: 0, duplicates: 0, enriched: 0, conflicts: 0 };
  const twins = cached(
    handle,
    `SELECT kept.id AS kept, moved.id AS moved
       FROM balance_operations moved JOIN balance_operations kept ON kept.account_id = ? AND kept.ticket = moved.ticket
      WHERE moved.account_id = ?`,
  ).all(targetId, sourceId) as { kept: number; moved: number }[];
  const read = cached(handle, "SELECT type, amount, time, comment FROM balance_operations WHERE id = ?");
  for (const twin of twins) {
    counts.duplicates += 1;
    const moved = read.get(twin.moved) as BalanceValues;
    // The rule of a balance operation sent again (lib/balance-operations/create-balance-operation.ts).
    const verdict = reconcile(read.get(twin.kept) as BalanceValues, moved, ["type", "amount", "time"], ["comment"], (field) => field);
    if (verdict.status === "conflict") counts.conflicts += 1;
    if (verdict.status === "enriched") {
      counts.enriched += 1;
      cached(handle, "UPDATE balance_operations SET comment = ? WHERE id = ?").run(moved.comment, twin.kept);
    }
  }
  counts.moved = cached(
    handle,
    `UPDATE balance_operations SET account_id = @target WHERE account_id = @source
        AND (ticket IS NULL OR NOT EXISTS (
          SELECT 1 FROM balance_operations kept WHERE kept.account_id = @target AND kept.ticket = balance_operations.ticket))`,
  ).run({ source: sourceId, target: targetId }).changes;
  return counts;
}
