import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import type { KeyScope } from "@/lib/schemas/api-key";
import { readSetting, writeSetting } from "@/lib/auth/server-settings";

/** What a key may do, as the access policy sees it. */
export interface ApiKeyGrant {
  id: number;
  name: string;
  scope: KeyScope;
  /** Set: the key is tied to this account (its login and server, to check payloads against). */
  account: { id: number; login: number; server: string } | null;
  revokedAt: string | null;
}

export interface ApiKeyRecord {
  id: number;
  name: string;
  scope: KeyScope;
  accountId: number | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const keyPrefix = "mtj_";
const shownPrefixLength = keyPrefix.length + 6;
const keysRequiredSetting = "keys_required";

/** Hex SHA-256: keys carry 256 random bits, so a fast hash is enough (no bcrypt on the hot path). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** True once the first key was created; from then on writes and API reads need a key. */
export function apiKeysRequired(): boolean {
  return readSetting(sqlite(), keysRequiredSetting) === "1";
}

/**
 * Creates a key and returns it with its record. The key itself exists only in this return value:
 * the database keeps its hash, so it can never be shown again.
 */
export function createApiKey(input: { name: string; scope: KeyScope; accountId: number | null }): {
  key: string;
  record: ApiKeyRecord;
} {
  const key = keyPrefix + randomBytes(32).toString("base64url");
  const handle = sqlite();
  const create = handle.transaction(() => {
    if (input.accountId !== null) {
      const account = cached(handle, "SELECT id FROM accounts WHERE id = ?").get(input.accountId);
      if (!account) {
        throw new ApiError("validation_error", `Account ${input.accountId} does not exist`, [
          { field: "account_id", message: "no account has this id (GET /api/v1/accounts lists them)" },
        ]);
      }
    }
    const row = cached(
      handle,
      `INSERT INTO api_keys (name, scope, account_id, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
       RETURNING ${recordColumns}`,
    ).get(input.name, input.scope, input.accountId, key.slice(0, shownPrefixLength), hashApiKey(key), new Date().toISOString());
    writeSetting(handle, keysRequiredSetting, "1");
    return row as ApiKeyRecord;
  });
  return { key, record: create.immediate() };
}

/** Every key, newest first, revoked ones included. */
export function listApiKeys(): ApiKeyRecord[] {
  const rows = cached(sqlite(), `SELECT ${recordColumns} FROM api_keys ORDER BY id DESC`).all() as ApiKeyRecord[];
  return rows;
}

/** Revokes a key for good; revoking it again changes nothing. */
export function revokeApiKey(id: number): ApiKeyRecord {
  const row = cached(
    sqlite(),
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING ${recordColumns}`,
  ).get(new Date().toISOString(), id) as ApiKeyRecord | undefined;
  if (!row) throw new ApiError("not_found", `API key ${id} does not exist`);
  return row;
}

/**
 * The key's grant, or null for an unknown key. Looked up by hash, then compared in constant time,
 * so neither the lookup nor the comparison tells an attacker how close a guess was.
 */
export function findApiKey(key: string): ApiKeyGrant | null {
  const hash = hashApiKey(key);
  const row = cached(
    sqlite(),
    `SELECT k.id, k.name, k.scope, k.hash, k.revoked_at AS revokedAt, k.last_used_at AS lastUsedAt,
            a.id AS accountId, a.login AS login, a.server AS server
     FROM api_keys k LEFT JOIN accounts a ON a.id = k.account_id WHERE k.hash = ?`,
  ).get(hash) as GrantRow | undefined;
  if (!row || !timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"))) return null;
  noteKeyUse(row.id, row.lastUsedAt);
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    account: row.accountId === null ? null : { id: row.accountId, login: Number(row.login), server: row.server! },
    revokedAt: row.revokedAt,
  };
}

// The last-used time is written at most once a minute per key: a write per request would put every
// read behind the writer's lock.
const lastUseWriteEveryMs = 60_000;
const lastUseWritten = new Map<number, number>();

function noteKeyUse(id: number, storedLastUse: string | null): void {
  const now = Date.now();
  const known = Math.max(storedLastUse === null ? 0 : Date.parse(storedLastUse), lastUseWritten.get(id) ?? 0);
  if (now - known < lastUseWriteEveryMs) return;
  lastUseWritten.set(id, now);
  try {
    cached(sqlite(), "UPDATE api_keys SET last_used_at = ? WHERE id = ?").run(new Date(now).toISOString(), id);
  } catch {
    // A busy database must not fail the request the key was used for; the next use tries again.
    lastUseWritten.delete(id);
  }
}


interface GrantRow {
  id: number;
  name: string;
  scope: KeyScope;
  hash: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  accountId: number | null;
  login: number | bigint | null;
  server: string | null;
}

const recordColumns = `id, name, scope, account_id AS accountId, prefix, created_at AS createdAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`;
