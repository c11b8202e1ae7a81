import { expect, test } from "@playwright/test";
import { expectError, legacyPayload, postJson } from "./helpers";

test("strategy names: PUT, GET, DELETE, and the errors", async ({ request }) => {
  const login = 99000777;
  const created = await postJson(request, "/api/v1/trades", {
    ...legacyPayload(),
    position_type: "BUY",
    exit_price: 1.1,
    account_login: login,
    account_server: "E2E-Strategies",
  });
  const accountId = (await created.json()).data.account_id as number;
  const put = (magic: string, body: unknown) =>
    request.put(`/api/v1/strategies/${accountId}/${magic}`, {
      data: Buffer.from(JSON.stringify(body)),
      headers: { "Content-Type": "application/json" },
    });

  const response = await put("12345", { name: "Trend follower" });
  expect(response.status()).toBe(200);
  expect((await response.json()).data).toMatchObject({ account_id: accountId, magic_number: 12345, name: "Trend follower" });

  const list = await (await request.get("/api/v1/strategies")).json();
  expect(list.data).toContainEqual(expect.objectContaining({ account_id: accountId, magic_number: 12345, name: "Trend follower" }));

  await expectError(await put("12345", { name: "" }), 422, "validation_error", "name");
  await expectError(await put("12345", { title: "x" }), 422, "validation_error", "title");
  await expectError(await put("-1", { name: "x" }), 422, "validation_error", "magic_number");
  await expectError(await request.put(`/api/v1/strategies/999999/1`, { data: Buffer.from('{"name":"x"}'), headers: { "Content-Type": "application/json" } }), 404, "not_found");

  expect((await request.delete(`/api/v1/strategies/${accountId}/12345`)).status()).toBe(204);
  await expectError(await request.delete(`/api/v1/strategies/${accountId}/12345`), 404, "not_found");
});
