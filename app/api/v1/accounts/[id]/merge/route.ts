import { mergeAccount } from "@/lib/accounts/merge-account";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { mergeAccountBody } from "@/lib/schemas/account";
import { idParams } from "@/lib/schemas/fields";

// POST /api/v1/accounts/{id}/merge - move everything of account {id} into another account, then delete it
export const POST = route<{ id: string }>("owner", async (request, params) => {
  const { id } = validate(idParams, params, "path");
  const body = validate(mergeAccountBody, await readJsonBody(request, 4 * kib), "merge");
  return Response.json({ data: mergeAccount(id, body) });
});
