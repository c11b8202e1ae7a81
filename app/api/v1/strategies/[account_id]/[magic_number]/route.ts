import { assertOwnAccount } from "@/lib/auth/account-scope";
import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { setStrategyNameBody, strategyParams } from "@/lib/schemas/strategy";
import { deleteStrategyName } from "@/lib/strategies/delete-strategy-name";
import { setStrategyName } from "@/lib/strategies/set-strategy-name";

type Params = { account_id: string; magic_number: string };

// PUT /api/v1/strategies/{account_id}/{magic_number} - name the strategy behind a magic number
export const PUT = route<Params>("write", async (request, params, principal) => {
  const key = validate(strategyParams, params, "path");
  assertOwnAccount(principal, key.account_id, "account_id");
  const body = validate(setStrategyNameBody, await readJsonBody(request, 4 * kib), "strategy");
  return Response.json({ data: await setStrategyName(key, body) });
});

// DELETE /api/v1/strategies/{account_id}/{magic_number} - forget the name
export const DELETE = route<Params>("write", async (_request, params, principal) => {
  const key = validate(strategyParams, params, "path");
  assertOwnAccount(principal, key.account_id, "account_id");
  await deleteStrategyName(key);
  return new Response(null, { status: 204 });
});
