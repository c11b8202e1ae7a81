import { assertOwnAccount } from "@/lib/auth/account-scope";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { idParams } from "@/lib/schemas/fields";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { deleteTrade } from "@/lib/trades/delete-trade";
import { getTradeOrThrow } from "@/lib/trades/get-trade-or-throw";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

// GET /api/v1/trades/{id} - one trade with its derived fields
export const GET = route<{ id: string }>("read", (_request, params, principal) => {
  const { id } = validate(idParams, params, "path");
  const trade = getTradeOrThrow(id);
  assertOwnAccount(principal, trade.account_id);
  return Response.json({ data: trade });
});

// PATCH /api/v1/trades/{id} - set the trader's note and/or tags (the journal); EA fields stay as sent
export const PATCH = route<{ id: string }>("write", async (request, params, principal) => {
  const { id } = validate(idParams, params, "path");
  assertOwnAccount(principal, getTradeOrThrow(id).account_id);
  const body = validate(updateTradeJournalBody, await readJsonBody(request, 64 * kib), "journal");
  return Response.json({ data: updateTradeJournal(id, body) });
});

// DELETE /api/v1/trades/{id} - delete one trade (its analytics days are recomputed)
export const DELETE = route<{ id: string }>("write", (_request, params, principal) => {
  const { id } = validate(idParams, params, "path");
  assertOwnAccount(principal, getTradeOrThrow(id).account_id);
  deleteTrade(id);
  return new Response(null, { status: 204 });
});
