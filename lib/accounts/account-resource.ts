import type Database from "better-sqlite3";
import type { z } from "zod";
import { cached } from "@/lib/db/cached-statement";
import type { accountResource } from "@/lib/schemas/responses";

/** A stored account with its number of trades, as read through Prisma (bigint, boolean) or the raw handle. */
export interface AccountRow {
  id: number;
  login: number | bigint;
  server: string;
  currency: string | null;
  name: string | null;
  isDefault: boolean | number;
  tradeCount: number;
}

export type AccountResource = z.infer<typeof accountResource>;

/** The wire shape of an account; an account without a name gets a label. */
export function toAccountResource(account: AccountRow): AccountResource {
  const isDefault = Boolean(account.isDefault);
  return {
    id: account.id,
    login: isDefault ? null : Number(account.login),
    server: isDefault ? null : account.server,
    currency: account.currency,
    name: account.name ?? (isDefault ? "Default account" : `${account.login} @ ${account.server}`),
    is_default: isDefault,
    trade_count: account.tradeCount,
  };
}

/** One account as GET /api/v1/accounts shows it, read on the raw handle (inside a write transaction). */
export function readAccount(handle: Database.Database, id: number): AccountResource | null {
  const row = cached(
    handle,
    `SELECT id, login, server, currency, name, is_default AS isDefault,
            (SELECT COUNT(*) FROM trades WHERE account_id = accounts.id) AS tradeCount
       FROM accounts WHERE id = ?`,
  ).get(id) as AccountRow | undefined;
  return row ? toAccountResource(row) : null;
}
