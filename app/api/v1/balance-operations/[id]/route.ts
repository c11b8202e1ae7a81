import { assertOwnAccount } from "@/lib/auth/account-scope";
import { deleteBalanceOperation } from "@/lib/balance-operations/delete-balance-operation";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { idParams } from "@/lib/schemas/fields";

// DELETE /api/v1/balance-operations/{id} - remove a balance operation entered by mistake
export const DELETE = route<{ id: string }>("write", async (_request, params, principal) => {
  await deleteBalanceOperation(validate(idParams, params, "path").id, (accountId) => assertOwnAccount(principal, accountId));
  return new Response(null, { status: 204 });
});
