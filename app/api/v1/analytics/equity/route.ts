import { getEquitySeries } from "@/lib/analytics/get-equity-series";
import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { equityQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/equity - cumulative net P&L with drawdown, downsampled keeping each run's low and high
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(equityQuery, searchParamsObject(request.url), "query"));
  return Response.json({ data: getEquitySeries(query) });
});
