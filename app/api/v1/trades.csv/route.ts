import { limitToAccount } from "@/lib/auth/account-scope";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { exportTradesQuery } from "@/lib/schemas/trade-query";
import { exportTrades } from "@/lib/trades/export-trades";

// GET /api/v1/trades.csv - every trade under the list's filters and sort, as a streamed CSV download
export const GET = route("read", (request, _params, principal) => {
  const query = limitToAccount(principal, validate(exportTradesQuery, searchParamsObject(request.url), "query"));
  const csv = exportTrades(query);
  return new Response(csv.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.fileName}"`,
    },
  });
});
