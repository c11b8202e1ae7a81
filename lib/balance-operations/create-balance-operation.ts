import type Database from "better-sqlite3";
import { createAccountResolver } from "@/lib/accounts/resolve-account";
import { createSegmentWriter, forgetSegments } from "@/lib/analytics/trade-segments";
import {
  toBalanceOperationResource,
  type BalanceOperationRow,
} from "@/lib/balance-operations/balance-operation-resource";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import { conflictError, reconcile } from "@/lib/ingestion/reconcile";
import type { CreateBalanceOperationBody } from "@/lib/schemas/balance-operation";

const selectRow = `SELECT id, account_id AS accountId, type, amount, time, ticket, comment, created_at AS createdAt
                     FROM balance_operations`;

type Values = Omit<BalanceOperationRow, "id" | "createdAt">;

/**
 * Stores a deposit, withdrawal, credit or adjustment. With a ticket it is idempotent like a trade: the same
 * ticket again is a duplicate (200), may fill an empty comment, and a differing value is a 409.
 */
export function createBalanceOperation(body: CreateBalanceOperationBody) {
  const handle = sqlite();
  const stored = handle.transaction(() => storeOperation(handle, body, null)).immediate();
  const data = readOperation(handle, stored.id);
  if (stored.outcome === "created") return { status: 201, body: { duplicate: false, data } };
  const enriched = stored.outcome === "enriched" ? { enriched: stored.filled } : {};
  return { status: 200, body: { duplicate: true, ...enriched, data } };
}

/**
 * An import's balance operation: stored with its import when new; one stored already (same ticket)
 * only gets an empty comment filled, and a differing value is kept, never a conflict.
 */
export function importBalanceOperation(body: CreateBalanceOperationBody, importId: number): "new" | "present" | "enriched" {
  const handle = sqlite();
  const stored = handle.transaction(() => storeOperation(handle, body, importId)).immediate();
  return stored.outcome === "created" ? "new" : stored.outcome === "enriched" ? "enriched" : "present";
}

/** The one writer of balance operations; with an `importId` the row remembers its import. */
function storeOperation(handle: Database.Database, body: CreateBalanceOperationBody, importId: number | null) {
  const accountId = resolveAccount(handle, body);
  const values: Values = {
    accountId,
    type: body.type,
    amount: body.amount,
    time: body.time.seconds,
    ticket: body.ticket ?? null,
    comment: body.comment ?? null,
  };
  const stored =
    values.ticket === null
      ? undefined
      : (cached(handle, `${selectRow} WHERE account_id = ? AND ticket = ?`).get(accountId, values.ticket) as
          | BalanceOperationRow
          | undefined);
  if (!stored) {
    const inserted = cached(
      handle,
      `INSERT INTO balance_operations (account_id, type, amount, time, ticket, comment, created_at, import_id)
       VALUES (@accountId, @type, @amount, @time, @ticket, @comment, @createdAt, @importId) RETURNING id`,
    ).get({ ...values, createdAt: new Date().toISOString(), importId }) as { id: number };
    return { outcome: "created" as const, id: inserted.id, filled: [] };
  }
  const verdict = reconcile(stored as Values, values, ["type", "amount", "time"], ["comment"], (field) => field);
  if (verdict.status === "conflict") {
    if (importId === null) throw conflictError(`Balance operation ${stored.id}`, verdict.differences);
    return { outcome: "kept" as const, id: stored.id, filled: [] };
  }
  if (verdict.status === "enriched") {
    cached(handle, "UPDATE balance_operations SET comment = ? WHERE id = ?").run(values.comment, stored.id);
    return { outcome: "enriched" as const, id: stored.id, filled: verdict.filled };
  }
  return { outcome: "duplicate" as const, id: stored.id, filled: [] };
}

function resolveAccount(handle: Database.Database, body: CreateBalanceOperationBody): number {
  if (body.account_id != null) {
    const account = cached(handle, "SELECT id FROM accounts WHERE id = ?").get(body.account_id);
    if (!account) {
      throw new ApiError("validation_error", "Invalid balance operation: account_id", [
        { field: "account_id", message: "no account has this id (see GET /api/v1/accounts)" },
      ]);
    }
    return body.account_id;
  }
  // Naming the account's currency moves its trades to that currency's analytics streams.
  const segments = createSegmentWriter(handle);
  const account = createAccountResolver(handle, (accountId, currency) =>
    segments.refreshAccount(accountId, null, currency),
  )(body);
  segments.flush();
  forgetSegments(handle); // rare (an account's first currency): simpler to forget than to remember after commit
  if (account.currencyConflict) throw conflictError(`Account ${account.id}`, [account.currencyConflict]);
  return account.id;
}

function readOperation(handle: Database.Database, id: number) {
  return toBalanceOperationResource(cached(handle, `${selectRow} WHERE id = ?`).get(id) as BalanceOperationRow);
}

