import { expect, test, type APIRequestContext } from "@playwright/test";
import { writeReportHtml } from "@/lib/test/mt5-report-writer";
import { sampleReportFixture } from "@/lib/test/sample-report-fixture";
import { expectError } from "./helpers";

// An MT5 History report in the terminal's layout (UTF-16 with BOM), in an account of its own.
const account = { ...sampleReportFixture("en").account, login: 77000701, server: "E2E-Import" };
const report = writeReportHtml({ ...sampleReportFixture("en", 3), account }, { encoding: "utf16le", bom: true });

interface ImportBody {
  data: { id: number; status: string; format: string; preview: Record<string, unknown> | null; result: { trades: unknown; balance_operations: unknown; undo?: unknown } | null; error: string | null; utc_offset_minutes: number | null };
}

async function upload(request: APIRequestContext, fields: Record<string, string> = {}) {
  return request.post("/api/v1/imports", {
    multipart: { file: { name: "ReportHistory-77000701.html", mimeType: "text/html", buffer: report }, ...fields },
  });
}

/** Polls the import until it settles (the API answers 202 first, then works in the background). */
async function settled(request: APIRequestContext, id: number): Promise<ImportBody["data"]> {
  let body: ImportBody | undefined;
  await expect
    .poll(
      async () => {
        body = (await (await request.get(`/api/v1/imports/${id}`)).json()) as ImportBody;
        return body.data.status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^(done|failed|needs_mapping)$/);
  return body!.data;
}

async function accountTrades(request: APIRequestContext) {
  const accounts = (await (await request.get("/api/v1/accounts")).json()).data as { id: number; login: number | null }[];
  const id = accounts.find((item) => item.login === account.login)?.id;
  if (id === undefined) return [];
  return (await (await request.get(`/api/v1/trades?account_id=${id}&sort=close_time`)).json()).data as Record<string, unknown>[];
}

test("an MT5 report is imported in the background, idempotently, and can be undone", async ({ request }) => {
  const response = await upload(request, { utc_offset_minutes: "120" });
  expect(response.status()).toBe(202);
  const accepted = (await response.json()) as ImportBody;
  expect(response.headers()["location"]).toBe(`/api/v1/imports/${accepted.data.id}`);
  expect(accepted.data).toMatchObject({ format: "mt5-html", utc_offset_minutes: 120 });

  const first = await settled(request, accepted.data.id);
  expect(first.error).toBeNull();
  expect(first.status).toBe("done");
  expect(first.preview).toMatchObject({ format: "mt5-html", language: "en", account: { login: 77000701, server: "E2E-Import", currency: "USD", margin: "hedging" }, trades: 3 });
  expect(first.result!.trades).toEqual({ new: 3, present: 0, enriched: 0, rejected: 0 });
  expect(first.result!.balance_operations).toEqual({ new: 1, present: 0, enriched: 0, rejected: 0 });

  const trades = await accountTrades(request);
  expect(trades).toHaveLength(3);
  for (const trade of trades) expect(trade).toMatchObject({ source: "import", magic_number: null, utc_offset_minutes: 120 });
  // Broker wall-clock times as the report shows them; the offset only fills the hint.
  expect(trades[0]).toMatchObject({ symbol: "EURUSD", open_time: "2024-03-01T00:00:00", close_time: "2024-03-01T00:05:00", lot_size: 0.1, entry_price: 1.08512, exit_price: 1.08601 });

  const again = await settled(request, ((await (await upload(request)).json()) as ImportBody).data.id);
  expect(again.result!.trades).toEqual({ new: 0, present: 3, enriched: 0, rejected: 0 });
  expect(await accountTrades(request)).toHaveLength(3);

  const undo = await request.delete(`/api/v1/imports/${accepted.data.id}`);
  expect(undo.status()).toBe(200);
  const undone = ((await undo.json()) as ImportBody).data;
  expect(undone.status).toBe("undone");
  expect(undone.result!.undo).toEqual({ trades_deleted: 3, trades_kept: 0, balance_operations_deleted: 1 });
  expect(await accountTrades(request)).toHaveLength(0);
  await expectError(await request.delete(`/api/v1/imports/${accepted.data.id}`), 409, "conflict");
});

test("bad uploads are refused with the field named, and nothing is queued", async ({ request }) => {
  const before = ((await (await request.get("/api/v1/imports?limit=200")).json()).data as unknown[]).length;
  await expectError(await request.post("/api/v1/imports", { data: { file: "x" } }), 415, "unsupported_media_type");
  await expectError(await request.post("/api/v1/imports", { multipart: { note: "no file" } }), 422, "validation_error", "file");
  const garbage = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x13, 0x37]);
  await expectError(
    await request.post("/api/v1/imports", { multipart: { file: { name: "x.bin", mimeType: "application/octet-stream", buffer: garbage } } }),
    422,
    "validation_error",
    "file",
  );
  await expectError(await upload(request, { utc_offset_minutes: "two hours" }), 422, "validation_error", "utc_offset_minutes");
  await expectError(await request.get("/api/v1/imports/999999"), 404, "not_found");
  const after = ((await (await request.get("/api/v1/imports?limit=200")).json()).data as unknown[]).length;
  expect(after).toBe(before);
});
