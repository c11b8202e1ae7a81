import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHtmlReportRows } from "@/lib/import/html-report-rows";
import type { ReportRow } from "@/lib/import/report-rows";
import { reportLabels } from "@/lib/test/mt5-report-labels";
import { formatReportNumber, writeReportHtml, writeReportHtmlFile, type ReportFixture } from "@/lib/test/mt5-report-writer";
import { sampleReportFixture } from "@/lib/test/sample-report-fixture";

async function readRows(bytes: Buffer): Promise<ReportRow[]> {
  async function* source() {
    yield bytes;
  }
  const rows: ReportRow[] = [];
  for await (const row of readHtmlReportRows(source())) rows.push(row);
  return rows;
}

const texts = (row: ReportRow | undefined) => row?.cells.map((c) => (c.hidden ? `[hidden]${c.text}` : c.text));

/** The rows after a section's title and column header, up to the next row of another width. */
function sectionRows(rows: ReportRow[], title: string): string[][] {
  const start = rows.findIndex((r) => r.cells.length === 1 && r.cells[0]?.text === title);
  expect(start).toBeGreaterThan(0);
  // Positions rows have one cell more than their header: the hidden comment.
  const width = rows[start + 2]?.cells.length;
  const out: string[][] = [];
  for (let i = start + 2; rows[i]?.cells.length === width; i++) out.push(texts(rows[i]) ?? []);
  return out;
}

describe.each(["en", "ja"] as const)("writeReportHtml (%s)", (language) => {
  const fixture = sampleReportFixture(language, 4);
  const labels = reportLabels[language];

  it("writes rows the HTML reader gives back as the fixture's strings", async () => {
    for (const options of [{ encoding: "utf16le" as const, strayTrailingByte: true }, { encoding: "utf8" as const }]) {
      const rows = await readRows(writeReportHtml(fixture, options));
      expect(texts(rows[0])).toEqual([labels.title]);
      expect(texts(rows[2])).toEqual([labels.account, "12345678\u00a0(" + fixture.account.currency + ",\u00a0Broker-Demo,\u00a0demo,\u00a0Hedge)"]);
      expect(texts(rows[3])).toEqual([labels.company, "Broker & Co."]);
      expect(texts(rows[7])).toEqual(labels.positionsHeader);
      expect(sectionRows(rows, labels.positions)).toEqual(
        [...fixture.positions].map((p) => [p.openTime, String(p.ticket), p.symbol, p.type, `[hidden]${p.comment}`, p.volume, p.openPrice, p.sl, p.tp, p.closeTime, p.closePrice, p.commission, p.swap, p.profit]),
      );
      expect(sectionRows(rows, labels.orders)).toEqual(
        [...fixture.orders].map((o) => [o.openTime, String(o.ticket), o.symbol, o.type, o.volume, o.price, o.sl, o.tp, o.time, o.state, o.comment]),
      );
      const deals = sectionRows(rows, labels.deals);
      expect(deals).toEqual(
        [...fixture.deals].map((d) => [d.time, String(d.ticket), d.symbol, d.type, d.direction, d.volume, d.price, d.order, "[hidden]", d.commission, d.fee, d.swap, d.profit, d.balance, d.comment]),
      );
      const afterDeals = rows.findIndex((r) => r.cells[0]?.text === labels.deals) + 2 + deals.length;
      expect(texts(rows[afterDeals])).toEqual(["", "-2.10", "0.00", "-1.25", "1 234.56", "11 232.46", ""]);
      expect(sectionRows(rows, labels.openPositions)).toEqual([
        ["2024.03.01 11:00:00", "9000001", "EURUSD", "buy", "0.20", "1.08400", "", "1.09000", "1.08450", "0.00", "10.00", "open"],
      ]);
      expect(sectionRows(rows, labels.workingOrders)).toEqual([
        ["2024.03.01 11:30:00", "9000002", "USDJPY", "buy limit", "0.10 / 0", "142.000", "", "", "143.100", "placed", ""],
      ]);
      const byLabel = new Map<string, string>();
      for (const row of rows) {
        row.cells.forEach((c, i) => {
          if (c.text.endsWith(":")) byLabel.set(c.text, row.cells[i + 1]?.text ?? "");
        });
      }
      expect(byLabel.get(labels.summary.marginLevel)).toBe("4 636.91%");
      expect(byLabel.get(labels.summary.equity)).toBe("11 242.46");
      for (const [key, value] of Object.entries(fixture.results)) {
        expect(byLabel.get(labels.resultLabels[key as keyof typeof fixture.results])).toBe(value);
      }
    }
  });
});

describe("writeReportHtml encodings", () => {
  const fixture: ReportFixture = { ...sampleReportFixture("en", 1), openPositions: [], workingOrders: [] };

  it("writes UTF-16 LE with BOM, an odd stray byte on request, and UTF-8 with or without BOM", () => {
    const utf16 = writeReportHtml(fixture, { encoding: "utf16le", strayTrailingByte: true });
    expect([...utf16.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x3c, 0x00]);
    expect(utf16.length % 2).toBe(1);
    expect([...writeReportHtml(fixture, { encoding: "utf8", bom: true }).subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x3c]);
    expect(writeReportHtml(fixture, { encoding: "utf8" })[0]).toBe(0x3c);
  });

  it("leaves out empty Open Positions and Working Orders sections", async () => {
    const rows = await readRows(writeReportHtml(fixture, { encoding: "utf8" }));
    expect(rows.some((r) => r.cells[0]?.text === "Open Positions")).toBe(false);
    expect(rows.some((r) => r.cells[0]?.text === "Working Orders")).toBe(false);
  });

  it("streams to a file the same bytes it writes in memory", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mt5-report-"));
    try {
      const file = path.join(dir, "report.html");
      await writeReportHtmlFile(file, sampleReportFixture("ja", 50), { encoding: "utf16le" });
      expect(readFileSync(file).equals(writeReportHtml(sampleReportFixture("ja", 50), { encoding: "utf16le" }))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("formatReportNumber", () => {
  it("groups thousands with a plain space and keeps the sign and digits", () => {
    expect(formatReportNumber(1234.5)).toBe("1 234.50");
    expect(formatReportNumber(-1234567.891, 3)).toBe("-1 234 567.891");
    expect(formatReportNumber(999.999)).toBe("1 000.00");
    expect(formatReportNumber(-0.001)).toBe("0.00");
    expect(formatReportNumber(3002745, 0)).toBe("3 002 745");
  });
});
