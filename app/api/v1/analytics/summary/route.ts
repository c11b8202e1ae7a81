import { getSummary } from "@/lib/analytics/get-summary";
import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { tradeFiltersQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/summary - totals, win rate and averages of the filtered trades
export const GET = route("read", (request, _params, principal) => {
  const filters = limitToAccount(principal, validate(tradeFiltersQuery, searchParamsObject(request.url), "query"));
  return Response.json({ data: getSummary(filters) });
});
