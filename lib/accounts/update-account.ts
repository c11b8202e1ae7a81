import { readAccount } from "@/lib/accounts/account-resource";
import { createSegmentWriter, forgetSegments } from "@/lib/analytics/trade-segments";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import type { UpdateAccountBody } from "@/lib/schemas/account";

/**
 * Renames an account and/or sets its currency, in one transaction; answers the account. A new
 * currency moves the account's trades to that currency's analytics streams.
 */
export function updateAccount(id: number, body: UpdateAccountBody) {
  const handle = sqlite();
  const update = handle.transaction(() => {
    const account = cached(handle, "SELECT currency FROM accounts WHERE id = ?").get(id) as { currency: string | null } | undefined;
    if (!account) throw new ApiError("not_found", `Account ${id} does not exist`);
    if (body.name !== undefined) cached(handle, "UPDATE accounts SET name = ? WHERE id = ?").run(body.name, id);
    if (body.currency !== undefined && body.currency !== account.currency) {
      const segments = createSegmentWriter(handle);
      segments.refreshAccount(id, account.currency, body.currency);
      cached(handle, "UPDATE accounts SET currency = ? WHERE id = ?").run(body.currency, id);
      segments.flush();
    }
    return readAccount(handle, id)!;
  });
  try {
    return update.immediate();
  } finally {
    forgetSegments(handle); // rare: simpler to forget the remembered segments than to keep them exact
  }
}
