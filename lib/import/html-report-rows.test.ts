import { describe, expect, it } from "vitest";
import { readHtmlReportRows } from "@/lib/import/html-report-rows";
import type { ReportRow } from "@/lib/import/report-rows";

async function* chunksOf(bytes: Uint8Array, ...cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of readHtmlReportRows(source)) rows.push(row);
  return rows;
}

const cell = (text: string, hidden = false) => ({ text, hidden });

const sample = [
  "<html><head><style>td { color: red } /* <tr><td>not a row</td></tr> */</style>",
  "<script>var s = '<tr><td>no</td></tr>';</script></head>",
  '<body><table cellspacing="1">',
  '  <tr align="center">',
  '    <td colspan="14"><div style="font: 14pt Tahoma"><b>Trade History Report</b><br></div></td>',
  "  </tr>",
  "  <!-- <tr><td>commented out</td></tr> -->",
  '  <TR bgcolor="#FFFFFF"><td>2024.03.01 10:00:00</td><td class="hidden" colspan="8">ea &amp; co</td>',
  '    <td class="">10&nbsp;000.00</td><td nowrap class="x hidden">cost</td><td>a<br>b &lt;c&gt; &#x41;&#66;&quot;</td>',
  "    <td>  spread\r\n   over  lines </td><th>Head</th></tr>",
  "  <tr><td>no closing tr</td>",
  "  <tr><td>second</td><td></td>",
  "</table></body></html>",
].join("\n");

const expected: ReportRow[] = [
  { line: 4, cells: [cell("Trade History Report")] },
  {
    line: 8,
    cells: [
      cell("2024.03.01 10:00:00"),
      cell("ea & co", true),
      cell("10\u00a0000.00"),
      cell("cost", true),
      cell('a b <c> AB"'),
      cell("spread over lines"),
      cell("Head"),
    ],
  },
  { line: 12, cells: [cell("no closing tr")] },
  { line: 13, cells: [cell("second"), cell("")] },
];

describe("readHtmlReportRows", () => {
  it("reads cells with hidden flags, entities, NBSP kept, <br> as a space, and the <tr> line", async () => {
    expect(await readAll(chunksOf(Buffer.from(sample, "utf8")))).toEqual(expected);
  });

  it("reads the same rows however the bytes are split in two", async () => {
    const bytes = Buffer.from(sample, "utf8");
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await readAll(chunksOf(bytes, cut))).toEqual(expected);
    }
  });

  it("reads UTF-16 LE with BOM one byte at a time", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]);
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(await readAll(chunksOf(bytes, ...cuts))).toEqual(expected);
  });

  it("answers no rows for text without a table", async () => {
    expect(await readAll(chunksOf(Buffer.from("<html><body>nothing</body></html>")))).toEqual([]);
  });
});
