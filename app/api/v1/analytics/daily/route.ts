import { getDailySeries } from "@/lib/analytics/get-daily-series";
import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { dailyQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/daily - net P&L, trades and win rate per day, week or month (calendar heatmap)
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(dailyQuery, searchParamsObject(request.url), "query"));
  return Response.json({ data: getDailySeries(query) });
});
