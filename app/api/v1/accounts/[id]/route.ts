import { deleteAccount } from "@/lib/accounts/delete-account";
import { updateAccount } from "@/lib/accounts/update-account";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { updateAccountBody } from "@/lib/schemas/account";
import { idParams } from "@/lib/schemas/fields";

// PATCH /api/v1/accounts/{id} - rename an account or set its currency
export const PATCH = route<{ id: string }>("owner", async (request, params) => {
  const { id } = validate(idParams, params, "path");
  const body = validate(updateAccountBody, await readJsonBody(request, 4 * kib), "account");
  return Response.json({ data: updateAccount(id, body) });
});

// DELETE /api/v1/accounts/{id} - delete an account with its trades, balance operations and strategy names
export const DELETE = route<{ id: string }>("owner", async (_request, params) => {
  deleteAccount(validate(idParams, params, "path").id);
  return new Response(null, { status: 204 });
});
