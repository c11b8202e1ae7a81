import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportRow } from "@/lib/import/report-rows";
import { readXlsxReportRows } from "@/lib/import/xlsx-report-rows";
import { writeReportXlsx } from "@/lib/test/mt5-report-writer";
import { sampleReportFixture } from "@/lib/test/sample-report-fixture";
import { writeZip, type ZipEntry } from "@/lib/test/write-zip";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "xlsx-rows-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fileOf(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function readAll(file: string, onProgress?: (fraction: number) => void): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of readXlsxReportRows(file, { onProgress })) rows.push(row);
  return rows;
}

const texts = (row: ReportRow | undefined) => row?.cells.map((c) => c.text);

describe("readXlsxReportRows on the terminal's layout", () => {
  const fixture = () => sampleReportFixture("en", 3);

  it.each(["utf16le", "utf8"] as const)("reads back what the writer put in, parts in %s", async (partEncoding) => {
    const file = fileOf(`report-${partEncoding}.xlsx`, writeReportXlsx(fixture(), { partEncoding }));
    const progress: number[] = [];
    const rows = await readAll(file, (fraction) => progress.push(fraction));
    expect(rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
    expect(texts(rows[2])).toEqual(["Account:", "12345678 (USD, Broker-Demo, demo, Hedge)"]);
    expect(texts(rows[3])).toEqual(["Company:", "Broker & Co."]);
    expect(texts(rows[6])).toEqual(["Time", "Position", "Symbol", "Type", "Volume", "Price", "S / L", "T / P", "Time", "Price", "Commission", "Swap", "Profit"]);
    const [first] = fixture().positions;
    // Numbers are written without separators; empty cells stay in place as "".
    expect(texts(rows[7])).toEqual([first!.openTime, "5000000", "EURUSD", "buy", "0.10", "1.08512", "", "", first!.closeTime, "1.08601", "-0.70", "-1.25", "-2186.25"]);
    const deals = rows.findIndex((r) => r.cells[0]?.text === "Deals");
    expect(texts(rows[deals + 1])).toEqual(["Time", "Deal", "Symbol", "Type", "Direction", "Volume", "Price", "Order", "Commission", "Fee", "Swap", "Profit", "Balance", "Comment"]);
    expect(texts(rows[deals + 2])).toEqual(["2024.02.29 23:00:00", "1", "", "balance", "", "", "", "", "0.00", "0.00", "0.00", "10000.00", "10000.00", "Deposit"]);
    expect(texts(rows[deals + 3])?.at(-1)).toBe("");
    expect(texts(rows[deals + 5])?.at(-1)).toBe("ea #1 <&>");
    expect(texts(rows.find((r) => r.cells[0]?.text === "Floating P/L:"))).toEqual(["Floating P/L:", "10.000000", "Margin Level:", "4636.910000"]);
    expect(texts(rows.at(-1))).toEqual(["Average consecutive wins:", "2", "Average consecutive losses:", "1"]);
    expect(rows.every((r) => r.cells.every((c) => !c.hidden))).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});

const part = (xml: string) => Buffer.from(xml, "utf8");
const workbook = (target: string): ZipEntry[] => [
  { name: "xl/workbook.xml", data: part('<workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId7"/></sheets></workbook>') },
  { name: "xl/_rels/workbook.xml.rels", data: part(`<Relationships><Relationship Id="rId7" Target="${target}"/></Relationships>`) },
];

describe("readXlsxReportRows on other writers' sheets", () => {
  it("resolves rich-text and inline strings, str cells, entities, and the first sheet through the workbook", async () => {
    const file = fileOf(
      "other.xlsx",
      writeZip([
        ...workbook("/xl/worksheets/report.xml"),
        {
          name: "xl/sharedStrings.xml",
          data: part('<sst><si><t>plain &amp; simple</t></si><si><r><rPr><b/></rPr><t>Ri</t></r><r><t xml:space="preserve">ch </t></r><rPh><t>ruby</t></rPh></si><si><t/></si></sst>'),
        },
        {
          name: "xl/worksheets/report.xml",
          data: part(
            '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>' +
              '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>' +
              '<row r="5" spans="1:3"><c r="A5" t="inlineStr"><is><t>in</t><r><t>line</t></r></is></c><c r="B5" t="str"><v>a&lt;b</v></c><c r="C5"><v>-1.5</v></c><c r="D5" t="s"><v>2</v></c></row>' +
              '<row r="6"/><row><c><v>7</v></c></row>' +
              "</sheetData></worksheet>",
          ),
        },
      ]),
    );
    expect(await readAll(file)).toEqual([
      { line: 2, cells: [{ text: "plain & simple", hidden: false }, { text: "Rich ", hidden: false }] },
      {
        line: 5,
        cells: ["inline", "a<b", "-1.5", ""].map((text) => ({ text, hidden: false })),
      },
      { line: 6, cells: [] },
      { line: 7, cells: [{ text: "7", hidden: false }] },
    ]);
  });

  it("falls back to xl/worksheets/sheet1.xml without a workbook", async () => {
    const file = fileOf("bare.xlsx", writeZip([{ name: "xl/worksheets/sheet1.xml", data: part('<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>'), store: true }]));
    expect(await readAll(file)).toEqual([{ line: 1, cells: [{ text: "1", hidden: false }] }]);
  });

  it("refuses a file that is not a zip, a zip without a worksheet, and a zip bomb", async () => {
    await expect(readAll(fileOf("text.xlsx", Buffer.from("Time,Symbol\n")))).rejects.toThrow(/Not an XLSX file/);
    await expect(readAll(fileOf("empty.xlsx", writeZip([{ name: "readme.txt", data: part("hi") }])))).rejects.toThrow(/no worksheet/);

    const sheet = part('<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>');
    const zip = writeZip([{ name: "xl/worksheets/sheet1.xml", data: sheet }]);
    // Declare 3 GB unpacked in the central directory for a part of a few dozen bytes.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(3_000_000_000, central + 24);
    await expect(readAll(fileOf("bomb.xlsx", zip))).rejects.toThrow(/zip bomb/);
  });
});
