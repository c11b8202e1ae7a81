import { scopedAccount } from "@/lib/auth/account-scope";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { createTradeBatchBody } from "@/lib/schemas/trade";
import { createTradeBatch } from "@/lib/trades/create-trade-batch";

// POST /api/v1/trades/batch - store up to 1,000 trades in one transaction, a result per item
export const POST = route("ingest", async (request, _params, principal) => {
  const body = validate(createTradeBatchBody, await readJsonBody(request, 2048 * kib), "batch");
  return Response.json(createTradeBatch(body.trades, scopedAccount(principal)));
});
