import { getDistribution } from "@/lib/analytics/get-distribution";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { distributionQuery } from "@/lib/schemas/trade-query";

// GET /api/v1/analytics/distribution - histogram of trade net results (edges chosen for the data, or given)
export const GET = route("read", (request) => {
  const query = validate(distributionQuery, searchParamsObject(request.url), "query");
  return Response.json({ data: getDistribution(query) });
});
