import { expect, test, type APIRequestContext } from "@playwright/test";
import { parseCsv } from "@/lib/import/parse-csv";
import { tradeCsvRow, tradeResource } from "@/lib/schemas/responses";
import { generateDemoTrades } from "@/lib/seed/demo-trades";
import { decodeTradeCsvRecord, tradeCsvColumns } from "@/lib/trades/trades-csv";
import { expectError, postJson } from "./helpers";

// A known set in an account of its own, so other specs' trades do not change the answers.
const account = { login: 77000301, server: "E2E-Export", currency: "USD" };
const demo = generateDemoTrades({ seed: 3003, positionsPerAccount: 120, accounts: [account] });
// Comments that CSV and spreadsheets find awkward, on EURUSD trades so the symbol filter sees them.
const awkward = ['tp, "runner"\r\nsecond line', "=HYPERLINK(\"http://x\")", "-sl moved", "@me", "'quoted", "Größe 👍 日本", ""];
const eurusd = demo.filter((trade) => trade.symbol === "EURUSD");
const seeded = demo.map((trade) => {
  const index = eurusd.indexOf(trade);
  return index >= 0 && index < awkward.length ? { ...trade, comment: awkward[index] } : trade;
});

let accountId = 0;
let seeding: Promise<void> | undefined;

/** Posts the set once (through the batch endpoint, i.e. lib/trades) and learns the account id. */
function seed(request: APIRequestContext): Promise<void> {
  seeding ??= (async () => {
    const response = await postJson(request, "/api/v1/trades/batch", { trades: seeded });
    // After a failed test Playwright starts a new worker, which posts again: duplicates then.
    const { counts } = await response.json();
    expect(counts.created + counts.duplicate).toBe(seeded.length);
    const list = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number }[];
    accountId = list.find((item) => item.login === account.login)!.id;
  })();
  return seeding;
}

test.beforeEach(async ({ request }) => seed(request));

/** Every page of GET /api/v1/trades for the query. */
async function listAll(request: APIRequestContext, query: string) {
  const trades: unknown[] = [];
  let url = `/api/v1/trades?${query}&limit=50`;
  for (;;) {
    const body = await (await request.get(url)).json();
    trades.push(...body.data);
    if (!body.page.next_cursor) return trades;
    url = `/api/v1/trades?${query}&limit=50&cursor=${encodeURIComponent(body.page.next_cursor)}`;
  }
}

test.describe("GET /api/v1/trades.csv", () => {
  for (const [name, filters] of [
    ["a symbol", "symbol=EURUSD"],
    ["the whole account by net profit", "sort=-net_profit"],
  ] as const) {
    test(`answers the list's trades row by row: ${name}`, async ({ request }) => {
      const query = `account_id=${accountId}&${filters}`;
      const response = await request.get(`/api/v1/trades.csv?${query}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="trades-\d{8}-\d{4}\.csv"$/);
      const bytes = await response.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text.endsWith("\r\n")).toBe(true);

      const [header, ...records] = parseCsv(text);
      expect(header).toEqual(tradeCsvColumns);
      const expected = await listAll(request, query);
      expect(expected.length).toBeGreaterThan(filters.startsWith("symbol") ? awkward.length : 100);
      expect(records).toHaveLength(expected.length);
      records.forEach((record, index) => {
        const row = tradeCsvRow.parse(decodeTradeCsvRecord(header!, record));
        expect(tradeResource.parse(row), `row ${index + 1}`).toEqual(expected[index]);
        expect(row, `row ${index + 1}`).toMatchObject({ account_login: account.login, account_server: account.server, account_currency: "USD" });
      });
    });
  }

  test("keeps awkward comments, and guards the formula-like ones", async ({ request }) => {
    const text = (await (await request.get(`/api/v1/trades.csv?account_id=${accountId}&symbol=EURUSD`)).body()).toString("utf8");
    const [header, ...records] = parseCsv(text);
    const comments = records.map((record) => record[header!.indexOf("comment")]);
    expect(comments).toEqual(expect.arrayContaining(['tp, "runner"\r\nsecond line', "'=HYPERLINK(\"http://x\")", "'-sl moved", "'@me", "''quoted", "Größe 👍 日本", ""]));
    const decoded = records.map((record) => tradeResource.parse(decodeTradeCsvRecord(header!, record)).comment);
    expect(decoded).toEqual(expect.arrayContaining(awkward));
  });

  test("answers only the header when nothing matches", async ({ request }) => {
    const response = await request.get(`/api/v1/trades.csv?account_id=${accountId}&symbol=NONE`);
    expect(response.status()).toBe(200);
    expect((await response.body()).toString("utf8")).toBe(`\uFEFF${tradeCsvColumns.join(",")}\r\n`);
  });

  test("refuses bad filters with the list's 422", async ({ request }) => {
    for (const [query, field] of [["magic_number=abc", "magic_number.0"], ["sort=comment", "sort"], ["from=2026.02.30", "from"]] as const) {
      const body = await expectError(await request.get(`/api/v1/trades.csv?${query}`), 422, "validation_error", field);
      expect(body, query).toEqual(await (await request.get(`/api/v1/trades?${query}`)).json());
    }
    // Paging is the list's alone.
    await expectError(await request.get("/api/v1/trades.csv?limit=10"), 422, "validation_error", "limit");
  });

  test("is described in the OpenAPI document as text/csv with the list's filters", async ({ request }) => {
    const document = await (await request.get("/api/v1/openapi.json")).json();
    const operation = document.paths["/api/v1/trades.csv"].get;
    expect(Object.keys(operation.responses["200"].content)).toEqual(["text/csv"]);
    const names = operation.parameters.map((parameter: { name: string }) => parameter.name);
    expect(names).toEqual(expect.arrayContaining(["symbol", "magic_number", "outcome", "from", "to", "sort"]));
    expect(names).not.toContain("limit");
    expect(names).not.toContain("cursor");
  });
});
