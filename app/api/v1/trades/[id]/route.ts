import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { idParams } from "@/lib/schemas/fields";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";

// GET /api/v1/trades/{id} - one trade with its derived fields
export const GET = route<{ id: string }>("read", (_request, params) => {
  const { id } = validate(idParams, params, "path");
  return Response.json({ data: getTradeOrThrow(id) });
});
