import { assertOwnAccount, intoOwnAccount, limitToAccount, scopedAccount } from "@/lib/auth/account-scope";
import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { listBalanceOperations } from "@/lib/balance-operations/list-balance-operations";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { createBalanceOperationBody, listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";

// GET /api/v1/balance-operations - deposits, withdrawals, credits and adjustments in time order
export const GET = route("read", async (request, _params, principal) => {
  const query = limitToAccount(principal, validate(listBalanceOperationsQuery, searchParamsObject(request.url), "query"));
  const operations = await listBalanceOperations(query);
  return Response.json({
    data: operations,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: operations.length },
  });
});

// POST /api/v1/balance-operations - record a deposit, withdrawal, credit or adjustment
export const POST = route("ingest", async (request, _params, principal) => {
  const body = validate(createBalanceOperationBody, await readJsonBody(request, 16 * kib), "balance operation");
  // An operation always names its account: a key tied to another one is refused.
  if (body.account_id != null) assertOwnAccount(principal, body.account_id, "account_id");
  else intoOwnAccount(scopedAccount(principal), [{ fields: body, prefix: "" }]);
  const result = createBalanceOperation(body);
  return Response.json(result.body, { status: result.status });
});
