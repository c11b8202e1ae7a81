import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { listBalanceOperations } from "@/lib/balance-operations/list-balance-operations";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { createBalanceOperationBody, listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";

// GET /api/v1/balance-operations - deposits, withdrawals and credits in time order
export const GET = route("read", async (request) => {
  const query = validate(listBalanceOperationsQuery, searchParamsObject(request.url), "query");
  const operations = await listBalanceOperations(query);
  return Response.json({
    data: operations,
    page: { limit: null, next_cursor: null, prev_cursor: null, total: operations.length },
  });
});

// POST /api/v1/balance-operations - record a deposit, withdrawal or credit
export const POST = route("write", async (request) => {
  const body = validate(createBalanceOperationBody, await readJsonBody(request, 16 * kib), "balance operation");
  const result = createBalanceOperation(body);
  return Response.json(result.body, { status: result.status });
});
