import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, expect, it } from "vitest";
import { sqlite } from "@/lib/db";
import { validate } from "@/lib/http/validate";
import { parseCsv } from "@/lib/import/parse-csv";
import { exportTradesQuery } from "@/lib/schemas/trade-query";
import { createTradeBody } from "@/lib/schemas/trade";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { legacyPayloadText } from "@/lib/test/fixtures";
import { fixturesDirectory, importBytes } from "@/lib/test/import-fixtures";
import { resetDatabase } from "@/lib/test/reset-database";
import { testTrade } from "@/lib/test/test-trade";
import { exportTrades } from "@/lib/trades/export-trades";
import { storeTrades } from "@/lib/trades/store-trades";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

// Our CSV export imported into an empty journal gives the same export again: every column but
// the ones the database assigns (id, account_id, created_at).

async function exportText(): Promise<string> {
  const { body } = exportTrades(validate(exportTradesQuery, { sort: "close_time" }, "query"));
  const reader = body.getReader();
  const pieces: Uint8Array[] = [];
  for (let piece = await reader.read(); !piece.done; piece = await reader.read()) pieces.push(piece.value);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(pieces));
}

const assigned = new Set(["id", "account_id", "created_at"]);

/** The export's records with the columns the database assigns left out. */
function comparableRows(text: string): (string | null)[][] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  const kept = header!.flatMap((name, index) => (assigned.has(name ?? "") ? [] : [index]));
  return [header!, ...rows].map((row) => kept.map((index) => row[index] ?? null));
}

function tradeIdOf(dealTicket: number): number {
  return (sqlite().prepare("SELECT id FROM trades WHERE deal_ticket = ?").get(dealTicket) as { id: number }).id;
}

beforeEach(() => {
  resetDatabase();
  sqlite().exec("DELETE FROM balance_operations");
});

it("exporting, importing the CSV into an empty journal and exporting again gives the same rows; importing it again adds nothing", async () => {
  const report = await importBytes("hedge-en.html", readFileSync(path.join(fixturesDirectory, "hedge-en.html")));
  expect(report.result?.trades.new).toBe(4);
  updateTradeJournal(tradeIdOf(70000007), validate(updateTradeJournalBody, { note: 'Waited for the retest, "clean" entry', tags: ["breakout", "london"] }, "trade"));
  updateTradeJournal(tradeIdOf(70000004), validate(updateTradeJournalBody, { tags: ["partial"] }, "trade"));
  // The legacy bridge EA's row and one of our EA's without account fields: both in the default account.
  const { account_login: _login, account_server: _server, account_currency: _currency, ...withoutAccount } = testTrade(7);
  const stored = storeTrades([
    validate(createTradeBody, JSON.parse(legacyPayloadText), "trade"),
    withoutAccount,
  ]);
  expect(stored.map((outcome) => outcome.status)).toEqual(["created", "created"]);

  const first = await exportText();
  const firstRows = comparableRows(first);
  expect(firstRows).toHaveLength(1 + 6);
  const column = (name: string) => firstRows[0]!.indexOf(name);
  // What the export holds, so that an empty or partial export cannot pass the comparison below.
  expect(firstRows.slice(1).map((row) => [row[column("deal_ticket")], row[column("source")], row[column("account_login")], row[column("note")], row[column("tags")]])).toEqual([
    ["70000004", "import", "40212345", null, "partial"],
    ["70000005", "import", "40212345", null, ""],
    ["70000007", "import", "40212345", 'Waited for the retest, "clean" entry', "breakout,london"],
    ["70000009", "import", "40212345", null, ""],
    ["2001", "legacy", null, null, ""],
    ["7", "ea", null, null, ""],
  ]);

  resetDatabase();
  const imported = await importBytes("trades.csv", first);
  expect(imported.format).toBe("csv");
  expect(imported.status).toBe("done");
  expect(imported.result?.trades).toEqual({ new: 6, present: 0, enriched: 0, rejected: 0 });
  expect(imported.result?.rejected).toEqual([]);
  expect(comparableRows(await exportText())).toEqual(firstRows);

  const again = await importBytes("trades.csv", first);
  expect(again.result?.trades).toEqual({ new: 0, present: 6, enriched: 0, rejected: 0 });
  expect(again.result?.kept_total).toBe(0);
  expect(comparableRows(await exportText())).toEqual(firstRows);
});
