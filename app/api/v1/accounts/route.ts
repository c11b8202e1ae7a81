import { listAccounts } from "@/lib/accounts/list-accounts";
import { route } from "@/lib/http/route";

// GET /api/v1/accounts - every account with its trade count (ids are the account_id filter's values)
export const GET = route("read", async () => {
  const accounts = await listAccounts();
  return Response.json({
    data: accounts,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: accounts.length },
  });
});
