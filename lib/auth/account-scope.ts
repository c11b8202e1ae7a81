import { ApiError, type ErrorDetail } from "@/lib/http/api-error";
import type { Principal } from "@/lib/http/access";
import type { AccountFields } from "@/lib/accounts/resolve-account";

/** The one account a principal is limited to (an account-scoped API key), or null for all accounts. */
export interface ScopedAccount {
  id: number;
  login: number;
  server: string;
}

export function scopedAccount(principal: Principal): ScopedAccount | null {
  return principal.via === "key" ? principal.key.account : null;
}

const forbiddenAccount = (details: ErrorDetail[]) =>
  new ApiError("forbidden", "This API key is tied to another account", details);

/**
 * Narrows a query's account filter to the key's account: no filter becomes that account, a filter
 * naming any other account is refused.
 */
export function limitToAccount<Query extends { account_id?: number[] | undefined }>(principal: Principal, query: Query): Query {
  const account = scopedAccount(principal);
  if (account === null) return query;
  if (query.account_id?.some((id) => id !== account.id)) {
    throw forbiddenAccount([{ field: "account_id", message: `this key may only read account ${account.id}` }]);
  }
  return { ...query, account_id: [account.id] };
}

/** Refuses to touch a stored record of another account than the key's. */
export function assertOwnAccount(principal: Principal, accountId: number, field = "id"): void {
  const account = scopedAccount(principal);
  if (account !== null && account.id !== accountId) {
    throw forbiddenAccount([{ field, message: `belongs to account ${accountId}; this key is tied to account ${account.id}` }]);
  }
}

/**
 * For payloads to store under a key tied to `account`: the account each one goes to when it names none (the key's account, or
 * null for the default account). A payload naming another account is refused, all of them in one
 * answer (`prefix` roots the field paths, e.g. "trades.3"), before anything is stored.
 */
export function intoOwnAccount(account: ScopedAccount | null, payloads: { fields: AccountFields; prefix: string }[]): number | null {
  if (account === null) return null;
  const details = payloads.flatMap(({ fields, prefix }) => {
    if (fields.account_login == null) return [];
    if (fields.account_login === account.login && (fields.account_server ?? "") === account.server) return [];
    return [{ field: `${prefix}account_login`, message: `names account ${fields.account_login}@${fields.account_server ?? ""}; this key writes to ${account.login}@${account.server}` }];
  });
  if (details.length > 0) throw forbiddenAccount(details);
  return account.id;
}
