import { scopedAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { listStrategies } from "@/lib/strategies/list-strategies";

// GET /api/v1/strategies - every strategy name, per account and magic number
export const GET = route("read", async (_request, _params, principal) => {
  const scope = scopedAccount(principal);
  const strategies = (await listStrategies()).filter((strategy) => scope === null || strategy.account_id === scope.id);
  return Response.json({
    data: strategies,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: strategies.length },
  });
});
