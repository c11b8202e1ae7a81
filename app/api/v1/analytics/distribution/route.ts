import { getDistribution } from "@/lib/analytics/get-distribution";
import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { distributionQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/distribution - histogram of trade net results (edges chosen for the data, or given)
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(distributionQuery, searchParamsObject(request.url), "query"));
  return Response.json({ data: getDistribution(query) });
});
