import { listAccounts } from "@/lib/accounts/list-accounts";
import { scopedAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";

// GET /api/v1/accounts - every account with its trade count (ids are the account_id filter's values)
export const GET = route("read", async (_request, _params, principal) => {
  const scope = scopedAccount(principal);
  const accounts = (await listAccounts()).filter((account) => scope === null || account.id === scope.id);
  return Response.json({
    data: accounts,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: accounts.length },
  });
});
