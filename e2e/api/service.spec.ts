import { expect, test } from "@playwright/test";
import { readMigrationList } from "@/lib/db/migrate";

test.describe("service endpoints", () => {
  test("GET /api/v1 lists the endpoints", async ({ request }) => {
    const response = await request.get("/api/v1");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ name: "MT5 Journal", version: expect.any(String) });
    const routes = body.endpoints.map((endpoint: { method: string; path: string }) => `${endpoint.method} ${endpoint.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /api/v1/health",
        "POST /api/v1/trades",
        "POST /api/v1/trades/batch",
        "GET /api/v1/trades",
        "GET /api/v1/trades/{id}",
        "GET /api/v1/accounts",
        "GET /api/v1/analytics/summary",
        "GET /api/v1/openapi.json",
        "GET /api/v1/strategies",
        "PUT /api/v1/strategies/{account_id}/{magic_number}",
        "DELETE /api/v1/strategies/{account_id}/{magic_number}",
      ]),
    );
  });

  test("GET /api/v1/health reads the database", async ({ request }) => {
    const response = await request.get("/api/v1/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "running",
      database: { status: "ok", migration: readMigrationList().migrationDirectories.at(-1)!.path },
    });
  });

  test("GET /api/v1/openapi.json describes every endpoint from the zod schemas", async ({ request }) => {
    const document = await (await request.get("/api/v1/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
    const index = await (await request.get("/api/v1")).json();
    for (const endpoint of index.endpoints) {
      expect(document.paths[endpoint.path][endpoint.method.toLowerCase()], endpoint.path).toBeDefined();
    }
    const body = document.components.schemas.CreateTradeBody;
    expect(body.required).toEqual(["symbol", "deal_ticket", "position_type", "lot_size", "profit", "close_time"]);
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties)).toHaveLength(26);
    expect(body.properties.initial_stop_loss.description).toBe("SL of the opening deal; 0 means none");
    expect(body.properties.stop_loss.description).toBe("At close; 0 means none");
    expect(body.properties.entry_commission.description).toContain("Needs commission");
    expect(body.properties.magic_number.description).toContain("the opening deal's magic");
    expect(document.components.schemas.BalanceOperation.properties.type.enum).toEqual(["deposit", "withdrawal", "credit", "adjustment"]);
    const parameters = document.paths["/api/v1/trades"].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(["symbol", "magic_number", "outcome", "from", "to", "sort", "limit", "cursor"]));
  });
});
