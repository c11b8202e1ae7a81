import { getBreakdown } from "@/lib/analytics/get-breakdown";
import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { breakdownQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/breakdown - per symbol, strategy, side, reason, weekday, hour or account
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(breakdownQuery, searchParamsObject(request.url), "query"));
  return Response.json({ data: getBreakdown(query) });
});
