import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { tradeIdParams } from "@/lib/schemas/trade-query";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";

// GET /api/v1/trades/{id} - one trade with its derived fields
export const GET = route<{ id: string }>("read", (_request, params) => {
  const { id } = validate(tradeIdParams, params, "path");
  return Response.json({ data: getTradeOrThrow(id) });
});
