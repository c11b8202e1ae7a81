import { intoOwnAccount, limitToAccount, scopedAccount } from "@/lib/auth/account-scope";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { createTradeBody } from "@/lib/schemas/trade";
import { createTrade } from "@/lib/trades/create-trade";
import { listTrades } from "@/lib/trades/list-trades";

// GET /api/v1/trades - one page of trades under the filters, with cursors and the total
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(listTradesQuery, searchParamsObject(request.url), "query"));
  return Response.json(listTrades(query));
});

// POST /api/v1/trades - store a closed trade sent by the EA (legacy 14-key payload or extended)
export const POST = route("ingest", async (request, _params, principal) => {
  const body = validate(createTradeBody, await readJsonBody(request, 64 * kib), "trade");
  const result = await createTrade(body, intoOwnAccount(scopedAccount(principal), [{ fields: body, prefix: "" }]));
  return Response.json(result.body, { status: result.status });
});
