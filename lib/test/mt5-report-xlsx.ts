import { reportLabels, type ReportLabels, type ResultKey } from "@/lib/test/mt5-report-labels";
import type { ReportFixture } from "@/lib/test/mt5-report-writer";
import { deflatePieces, joinDeflated, writeZip, type ZipEntry } from "@/lib/test/write-zip";

// The terminal's "Open XML" layout (as in the sample export): one sheet, columns A..O, XML parts in
// UTF-16 LE with a BOM and CRLF lines, text in shared strings, numbers in <v> without separators.

type Cell = { column: string; style: number; /** A footer total: =SUM over the section's data rows. */ sum?: boolean } & (
  | { kind: "empty" }
  | { kind: "text" | "number"; value: string }
);
interface Row {
  height: number;
  cells: Cell[];
  /** Column ranges merged in this row, e.g. "M:O". */
  merges: string[];
  /** A column header row: the rows after it are the data that footer sums add up. */
  dataFollows?: boolean;
}

interface RowStyles {
  text: number;
  integer: number;
  price5: number;
  money: number;
  price3: number;
}
const whiteRow: RowStyles = { text: 10, integer: 11, price5: 12, money: 13, price3: 15 };
const greyRow: RowStyles = { text: 6, integer: 7, price5: 8, money: 9, price3: 14 };
const rowStyles = (index: number) => (index % 2 === 0 ? whiteRow : greyRow);

const header = 5;
const sectionTitle = 4;
const dealsTitle = 16;
const footerEmpty = 17;
const footerNumber = 18;
const boldMoney = 19;
const boldPercent = 20;
const boldText = 21;
const boldInteger = 22;

/** The number a report text stands for, written without separators; undefined when it is not one. */
function plainNumber(text: string): string | undefined {
  const plain = text.replace(/[ \u00a0]/g, "");
  return /^-?\d+(\.\d+)?$/.test(plain) ? plain : undefined;
}

const text = (column: string, style: number, value: string): Cell =>
  value === "" ? { column, style, kind: "empty" } : { column, style, kind: "text", value };
const empty = (column: string, style: number): Cell => ({ column, style, kind: "empty" });

/** A number cell when the text is a plain number, else the text as written (e.g. a decimal comma). */
function numeric(column: string, style: number, textStyle: number, value: string, fixed?: number): Cell {
  if (value === "") return empty(column, textStyle);
  const plain = plainNumber(value);
  if (plain === undefined) return { column, style: textStyle, kind: "text", value };
  return { column, style, kind: "number", value: fixed === undefined ? plain : Number(plain).toFixed(fixed) };
}

function price(column: string, styles: RowStyles, value: string): Cell {
  const digits = value.split(".")[1]?.length;
  return numeric(column, digits === 3 ? styles.price3 : styles.price5, styles.text, value);
}

const columns = "ABCDEFGHIJKLMNO".split("");
const headerRow = (labels: string[], placed: string[], merges: string[]): Row => ({
  height: 20,
  dataFollows: true,
  cells: labels.map((label, i) => text(placed[i] ?? "A", header, label)),
  merges,
});

function* reportRows(fixture: ReportFixture, labels: ReportLabels): Generator<Row> {
  const { account } = fixture;
  yield { height: 25, cells: [text("A", 1, labels.title)], merges: ["A:O"] };
  const accountText = `${account.login} (${account.currency}, ${account.server}, ${account.kind}, ${account.margin})`;
  const headLines: [string, string][] = [
    [labels.name, account.name],
    [labels.account, accountText],
    [labels.company, account.company],
    [labels.date, account.date],
  ];
  for (const [label, value] of headLines) {
    yield { height: 15, cells: [text("A", 2, label), text("D", 3, value)], merges: ["A:C", "D:O"] };
  }

  yield { height: 25, cells: [text("A", sectionTitle, labels.positions)], merges: ["A:O"] };
  yield headerRow(labels.positionsHeader, columns, ["M:O"]);
  let index = 0;
  for (const p of fixture.positions) {
    const s = rowStyles(index++);
    yield {
      height: 15,
      cells: [
        text("A", s.text, p.openTime),
        numeric("B", s.integer, s.text, String(p.ticket)),
        text("C", s.text, p.symbol),
        text("D", s.text, p.type),
        text("E", s.text, p.volume),
        price("F", s, p.openPrice),
        price("G", s, p.sl),
        price("H", s, p.tp),
        text("I", s.text, p.closeTime),
        price("J", s, p.closePrice),
        numeric("K", s.money, s.text, p.commission),
        numeric("L", s.money, s.text, p.swap),
        numeric("M", s.money, s.text, p.profit),
      ],
      merges: ["M:O"],
    };
  }

  yield { height: 25, cells: [text("A", sectionTitle, labels.orders)], merges: ["A:O"] };
  yield headerRow(labels.ordersHeader, [..."ABCDEFGHIJ", "L"], ["J:K", "L:O"]);
  index = 0;
  for (const o of fixture.orders) {
    const s = rowStyles(index++);
    yield {
      height: 15,
      cells: [
        text("A", s.text, o.openTime),
        numeric("B", s.integer, s.text, String(o.ticket)),
        text("C", s.text, o.symbol),
        text("D", s.text, o.type),
        text("E", s.text, o.volume),
        price("F", s, o.price),
        price("G", s, o.sl),
        price("H", s, o.tp),
        text("I", s.text, o.time),
        text("J", s.text, o.state),
        text("L", s.text, o.comment),
      ],
      merges: ["J:K", "L:O"],
    };
  }

  yield { height: 25, cells: [text("A", dealsTitle, labels.deals)], merges: ["A:O"] };
  // The sheet has no Cost column at all (the HTML hides it).
  yield headerRow(labels.dealsHeader.filter((_, i) => i !== 8), columns, ["N:O"]);
  index = 0;
  for (const d of fixture.deals) {
    const s = rowStyles(index++);
    yield {
      height: 15,
      cells: [
        text("A", s.text, d.time),
        numeric("B", s.integer, s.text, String(d.ticket)),
        text("C", s.text, d.symbol),
        text("D", s.text, d.type),
        text("E", s.text, d.direction),
        text("F", s.text, d.volume),
        price("G", s, d.price),
        numeric("H", s.integer, s.text, d.order),
        ...[d.commission, d.fee, d.swap, d.profit, d.balance].map((v, i) => numeric("IJKLM".charAt(i), s.money, s.text, v)),
        text("N", s.text, d.comment),
      ],
      merges: ["N:O"],
    };
  }
  const t = fixture.dealsTotal;
  yield {
    height: 20,
    cells: [
      ..."ABCDEFGH".split("").map((c) => empty(c, footerEmpty)),
      ...[t.commission, t.fee, t.swap].map((v, i) => ({ ...numeric("IJK".charAt(i), footerNumber, footerEmpty, v, 6), sum: true })),
      numeric("L", footerNumber, footerEmpty, t.profit),
      numeric("M", footerNumber, footerEmpty, t.balance),
      empty("N", footerEmpty),
      empty("O", footerEmpty),
    ],
    merges: ["A:H", "N:O"],
  };

  let hasOpen = false;
  index = 0;
  for (const p of fixture.openPositions) {
    if (!hasOpen) {
      hasOpen = true;
      yield { height: 25, cells: [text("A", sectionTitle, labels.openPositions)], merges: ["A:O"] };
      yield headerRow(labels.openPositionsHeader, [..."ABCDEFGHIJ", "L", "M"], ["J:K", "M:O"]);
    }
    const s = rowStyles(index++);
    yield {
      height: 15,
      cells: [
        text("A", s.text, p.openTime),
        numeric("B", s.integer, s.text, String(p.ticket)),
        text("C", s.text, p.symbol),
        text("D", s.text, p.type),
        text("E", s.text, p.volume),
        price("F", s, p.openPrice),
        price("G", s, p.sl),
        price("H", s, p.tp),
        price("I", s, p.marketPrice),
        numeric("J", s.money, s.text, p.swap),
        numeric("L", s.money, s.text, p.profit),
        text("M", s.text, p.comment),
      ],
      merges: ["J:K", "M:O"],
    };
  }
  if (hasOpen) {
    const ot = fixture.openPositionsTotal;
    yield {
      height: 20,
      cells: [
        ..."ABCDEFGHIJ".split("").map((c) => empty(c, footerEmpty)),
        // The sample sums K and L, though the swaps stand in J: mirrored as the terminal wrote it.
        { ...numeric("K", footerNumber, footerEmpty, ot.swap, 6), sum: true },
        { ...numeric("L", footerNumber, footerEmpty, ot.profit, 6), sum: true },
        ..."MNO".split("").map((c) => empty(c, footerEmpty)),
      ],
      merges: ["A:J", "M:O"],
    };
  }

  // Not in the sample: laid out like Orders, with the market price where Orders have the time.
  let hasWorking = false;
  index = 0;
  for (const o of fixture.workingOrders) {
    if (!hasWorking) {
      hasWorking = true;
      yield { height: 25, cells: [text("A", sectionTitle, labels.workingOrders)], merges: ["A:O"] };
      yield headerRow(labels.workingOrdersHeader, [..."ABCDEFGHIJ", "L"], ["J:K", "L:O"]);
    }
    const s = rowStyles(index++);
    yield {
      height: 15,
      cells: [
        text("A", s.text, o.openTime),
        numeric("B", s.integer, s.text, String(o.ticket)),
        text("C", s.text, o.symbol),
        text("D", s.text, o.type),
        text("E", s.text, o.volume),
        price("F", s, o.price),
        price("G", s, o.sl),
        price("H", s, o.tp),
        price("I", s, o.marketPrice),
        text("J", s.text, o.state),
        text("L", s.text, o.comment),
      ],
      merges: ["J:K", "L:O"],
    };
  }

  const sl = labels.summary;
  const sv = fixture.summary;
  const money = (column: string, value: string) => numeric(column, boldMoney, 10, value, 6);
  const summaryPair = (label: string, value: string, right?: Cell[]): Row => ({
    height: 15,
    cells: [text("A", 10, label), money("D", value), ...(right ?? [])],
    merges: right ? ["A:C", "D:E", "G:I", "J:K"] : ["A:C", "D:E"],
  });
  yield summaryPair(sl.balance, sv.balance, [text("G", 10, sl.freeMargin), money("J", sv.freeMargin)]);
  yield summaryPair(sl.creditFacility, sv.creditFacility, [text("G", 10, sl.margin), money("J", sv.margin)]);
  yield summaryPair(sl.floatingPL, sv.floatingPL, [
    text("G", 10, sl.marginLevel),
    numeric("J", boldPercent, 10, sv.marginLevel.replace(/%$/, ""), 6),
  ]);
  yield summaryPair(sl.equity, sv.equity);
  // Where the HTML shows the balance graph.
  for (let i = 0; i < 20; i++) yield { height: 15, cells: [], merges: [] };

  yield { height: 25, cells: [text("A", sectionTitle, labels.results)], merges: ["A:O"] };
  const r = fixture.results;
  const label = (column: string, key: ResultKey) => text(column, 10, labels.resultLabels[key]);
  const value = (column: string, key: Exclude<ResultKey, "balanceDrawdown">): Cell => {
    const v = r[key];
    if (key === "averageConsecutiveWins" || key === "averageConsecutiveLosses") return numeric(column, boldInteger, boldText, v);
    return numeric(column, key === "totalTrades" ? boldInteger : boldMoney, boldText, v, 6);
  };
  type Key = Exclude<ResultKey, "balanceDrawdown">;
  const full = (a: Key, b: Key, c?: Key): Row => ({
    height: 15,
    cells: [label("A", a), value("D", a), label("E", b), value("H", b), ...(c ? [label("I", c), value("L", c)] : [])],
    merges: c ? ["A:C", "E:G", "I:K", "L:N"] : ["A:C", "E:G"],
  });
  const indented = (b: Key, c: Key): Row => ({
    height: 15,
    cells: [label("E", b), value("H", b), label("I", c), value("L", c)],
    merges: ["E:G", "I:K", "L:N"],
  });
  yield full("totalNetProfit", "grossProfit", "grossLoss");
  yield full("profitFactor", "expectedPayoff");
  yield full("recoveryFactor", "sharpeRatio");
  yield { height: 15, cells: [label("A", "balanceDrawdown")], merges: ["A:C"] };
  yield full("balanceDrawdownAbsolute", "balanceDrawdownMaximal", "balanceDrawdownRelative");
  yield full("totalTrades", "shortTrades", "longTrades");
  yield indented("profitTrades", "lossTrades");
  yield indented("largestProfitTrade", "largestLossTrade");
  yield indented("averageProfitTrade", "averageLossTrade");
  yield indented("maxConsecutiveWins", "maxConsecutiveLosses");
  yield indented("maxConsecutiveProfit", "maxConsecutiveLoss");
  yield indented("averageConsecutiveWins", "averageConsecutiveLosses");
}

const nl = "\r\n";

function escapeXml(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export interface XlsxWriteOptions {
  /** The terminal writes UTF-16 LE with a BOM; other writers use UTF-8. */
  partEncoding?: "utf16le" | "utf8";
}

function encodePart(xml: string, encoding: "utf16le" | "utf8"): Buffer {
  const declared = encoding === "utf16le" ? xml : xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>');
  return encoding === "utf16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(declared, "utf16le")]) : Buffer.from(declared, "utf8");
}

/**
 * The report as an XLSX file in the terminal's layout. The sheet is deflated as it is generated, so a
 * report of 100,000 positions is held compressed, not as text.
 */
export function writeReportXlsx(fixture: ReportFixture, options: XlsxWriteOptions = {}): Buffer {
  const encoding = options.partEncoding ?? "utf16le";
  const labels = reportLabels[fixture.language];
  const sharedIndex = new Map<string, number>();
  let sharedCount = 0;
  const merges: string[] = [];
  let rowNumber = 0;

  let dataStart = 0;
  const cellXml = (cell: Cell, r: number): string => {
    const ref = `${cell.column}${r}`;
    if (cell.kind === "empty") return `   <c r="${ref}" s="${cell.style}"/>${nl}`;
    if (cell.kind === "number") {
      const formula = cell.sum ? `<f>SUM(Sheet1!${cell.column}${dataStart}:${cell.column}${r - 1})</f>` : "";
      return `   <c r="${ref}" s="${cell.style}">${formula}<v>${cell.value}</v></c>${nl}`;
    }
    let index = sharedIndex.get(cell.value);
    if (index === undefined) {
      index = sharedIndex.size;
      sharedIndex.set(cell.value, index);
    }
    sharedCount++;
    return `   <c r="${ref}" s="${cell.style}" t="s"><v>${index}</v></c>${nl}`;
  };

  function* sheetDataPieces(): Generator<Buffer> {
    let piece = "";
    for (const row of reportRows(fixture, labels)) {
      const r = ++rowNumber;
      piece += `  <row r="${r}" spans="1:15" ht="${row.height.toFixed(4)}" customHeight="1">${nl}`;
      for (const cell of row.cells) piece += cellXml(cell, r);
      piece += `  </row>${nl}`;
      if (row.dataFollows) dataStart = r + 1;
      for (const range of row.merges) {
        const [from, to] = range.split(":");
        merges.push(`${from}${r}:${to}${r}`);
      }
      if (piece.length >= 1 << 19) {
        yield Buffer.from(piece, encoding);
        piece = "";
      }
    }
    yield Buffer.from(`${piece} </sheetData>${nl}`, encoding);
  }

  const body = deflatePieces(sheetDataPieces());
  const widths = [18, 10, 10, 10, 10, 10, 10, 10, 18, 10, 10, 10, 10, 10, 1];
  const sheetHead =
    `<?xml version="1.0"?>${nl}` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${nl}` +
    `           xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${nl}` +
    ` <dimension ref="A1:O${rowNumber}"/>${nl}` +
    ` <sheetViews>${nl}  <sheetView tabSelected="1" workbookViewId="0"><selection activeCell="D4" sqref="D4"/></sheetView>${nl} </sheetViews>${nl}` +
    ` <sheetFormatPr defaultRowHeight="15" customHeight="1"/>${nl}` +
    ` <cols>${nl}` +
    widths.map((w, i) => `  <col min="${i + 1}" max="${i + 1}" width="${w.toFixed(4)}" bestFit="1" customWidth="1"/>${nl}`).join("") +
    ` </cols>${nl} <sheetData>${nl}`;
  const sheetTail =
    ` <mergeCells count="${merges.length}">${nl}` +
    merges.map((ref) => `  <mergeCell ref="${ref}"/>${nl}`).join("") +
    ` </mergeCells>${nl}` +
    ` <pageMargins left="0.7" right="0.7" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>${nl}` +
    ` <pageSetup paperSize="9" orientation="landscape" horizontalDpi="360" verticalDpi="360"/>${nl}` +
    `</worksheet>${nl}`;
  const headBytes = encodePart(sheetHead, encoding);
  const sheet = joinDeflated([deflatePieces([headBytes]), body, deflatePieces([Buffer.from(sheetTail, encoding)])]);

  const shared =
    `<?xml version="1.0"?>${nl}` +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedCount}" uniqueCount="${sharedIndex.size}">${nl}` +
    [...sharedIndex.keys()].map((s) => ` <si><t>${escapeXml(s)}</t></si>${nl}`).join("") +
    `</sst>${nl}`;

  const part = (name: string, xml: string): ZipEntry => ({ name, data: encodePart(xml, encoding) });
  const folder = (name: string): ZipEntry => ({ name, data: Buffer.alloc(0) });
  return writeZip([
    folder("docProps/"),
    part("docProps/app.xml", appXml),
    part("docProps/core.xml", coreXml(fixture)),
    folder("xl/"),
    part("xl/styles.xml", stylesXml),
    part("xl/sharedStrings.xml", shared),
    part("xl/workbook.xml", workbookXml),
    folder("xl/worksheets/"),
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    folder("xl/_rels/"),
    part("xl/_rels/workbook.xml.rels", workbookRelsXml),
    part("[Content_Types].xml", contentTypesXml),
    folder("_rels/"),
    part("_rels/.rels", relsXml),
  ]);
}

const lines = (...parts: string[]) => parts.join(nl) + nl;
const officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const contentType = "application/vnd.openxmlformats-officedocument";

const contentTypesXml = lines(
  '<?xml version="1.0"?>',
  ' <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
  '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '  <Default Extension="xml" ContentType="application/xml"/>',
  `  <Override PartName="/docProps/app.xml" ContentType="${contentType}.extended-properties+xml"/>`,
  '  <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
  `  <Override PartName="/xl/sharedStrings.xml" ContentType="${contentType}.spreadsheetml.sharedStrings+xml"/>`,
  `  <Override PartName="/xl/styles.xml" ContentType="${contentType}.spreadsheetml.styles+xml"/>`,
  `  <Override PartName="/xl/workbook.xml" ContentType="${contentType}.spreadsheetml.sheet.main+xml"/>`,
  `  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="${contentType}.spreadsheetml.worksheet+xml"/>`,
  " </Types>",
);

const relsXml = lines(
  '<?xml version="1.0"?>',
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
  ` <Relationship Id="rId3" Type="${officeRel}/extended-properties" Target="docProps/app.xml"/>`,
  ' <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
  ` <Relationship Id="rId1" Type="${officeRel}/officeDocument" Target="xl/workbook.xml"/>`,
  "</Relationships>",
);

const workbookRelsXml = lines(
  '<?xml version="1.0"?>',
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
  ` <Relationship Id="rId1" Type="${officeRel}/worksheet" Target="worksheets/sheet1.xml"/>`,
  ` <Relationship Id="rId2" Type="${officeRel}/sharedStrings" Target="sharedStrings.xml"/>`,
  ` <Relationship Id="rId3" Type="${officeRel}/styles" Target="styles.xml"/>`,
  "</Relationships>",
);

const workbookXml = lines(
  '<?xml version="1.0"?>',
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
  `          xmlns:r="${officeRel}">`,
  ' <fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/>',
  ' <workbookPr defaultThemeVersion="124226"/>',
  " <bookViews>",
  '  <workbookView xWindow="180" yWindow="450" windowWidth="15000" windowHeight="7605"/>',
  " </bookViews>",
  " <sheets>",
  '  <sheet name="Sheet1" sheetId="1" r:id="rId1"/>',
  " </sheets>",
  "</workbook>",
);

const appXml = lines(
  '<?xml version="1.0"?>',
  `<Properties xmlns="${officeRel.replace("relationships", "extended-properties")}"`,
  '            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">',
  " <DocSecurity>0</DocSecurity>",
  " <ScaleCrop>false</ScaleCrop>",
  " <LinksUpToDate>false</LinksUpToDate>",
  " <SharedDoc>false</SharedDoc>",
  " <HyperlinksChanged>false</HyperlinksChanged>",
  " <AppVersion>12.0000</AppVersion>",
  "</Properties>",
);

function coreXml(fixture: ReportFixture): string {
  const [date = "", time = ""] = fixture.account.date.split(" ");
  const stamp = `${date.replace(/\./g, "-")}T${time}:00Z`;
  return lines(
    '<?xml version="1.0"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    '                   xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '                   xmlns:dcterms="http://purl.org/dc/terms/"',
    '                   xmlns:dcmitype="http://purl.org/dc/dcmitype/"',
    '                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    " <dc:title>MetaTrader 5</dc:title>",
    ` <dc:subject>${fixture.account.login}:${escapeXml(fixture.account.name)}</dc:subject>`,
    " <dc:creator>MetaQuotes Software Corp.</dc:creator>",
    " <dc:description>Trade history report contains client positions and orders history</dc:description>",
    " <cp:lastModifiedBy>MetaQuotes Software Corp.</cp:lastModifiedBy>",
    ` <dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    ` <dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    " <cp:category>Reports</cp:category>",
    "</cp:coreProperties>",
  );
}

const xf = (numFmt: number, font: number, fill: number, border: number, horizontal: string, vertical = "center") =>
  `  <xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="${numFmt ? 1 : 0}" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment horizontal="${horizontal}" vertical="${vertical}"/></xf>`;

// The sample's style sheet; the cell styles above index its cellXfs. Its lines end in LF, unlike the other parts.
const stylesXml = `<?xml version="1.0"?>${nl}` + [
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  ' <numFmts count="6">',
  '  <numFmt numFmtId="200" formatCode="###0;-###0;0;"/>',
  '  <numFmt numFmtId="201" formatCode="# ##0.00000;-# ##0.00000;0.00000;"/>',
  '  <numFmt numFmtId="202" formatCode="# ##0.00;-# ##0.00;0.00;"/>',
  '  <numFmt numFmtId="203" formatCode="# ##0.000;-# ##0.000;0.000;"/>',
  '  <numFmt numFmtId="204" formatCode="# ##0.00%;-# ##0.00%;0.00%;"/>',
  '  <numFmt numFmtId="205" formatCode="# ##0;-# ##0;0;"/>',
  " </numFmts>",
  ' <fonts count="6">',
  ...[
    [11, false],
    [14, true],
    [10, false],
    [10, true],
    [8, true],
    [8, false],
  ].map(([size, bold]) => `  <font><sz val="${size}"/><color rgb="FF000000"/><name val="Tahoma"/>${bold ? "<b/>" : ""}</font>`),
  " </fonts>",
  ' <fills count="5">',
  '  <fill><patternFill patternType="none"/></fill>',
  '  <fill><patternFill patternType="gray125"/></fill>',
  ...["FFFFFFFF", "FFE5F0FC", "FFF7F7F7"].map((rgb) => `  <fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/></patternFill></fill>`),
  " </fills>",
  ' <borders count="3">',
  "  <border><left/><right/><top/><bottom/><diagonal/></border>",
  '  <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
  '  <border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>',
  " </borders>",
  ' <cellXfs count="23">',
  '  <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  xf(0, 1, 2, 0, "center"),
  xf(0, 2, 2, 0, "right"),
  xf(0, 3, 2, 0, "left"),
  xf(0, 3, 2, 0, "center", "bottom"),
  xf(0, 4, 3, 1, "right"),
  xf(0, 5, 4, 0, "right"),
  xf(200, 5, 4, 0, "right"),
  xf(201, 5, 4, 0, "right"),
  xf(202, 5, 4, 0, "right"),
  xf(0, 5, 2, 0, "right"),
  xf(200, 5, 2, 0, "right"),
  xf(201, 5, 2, 0, "right"),
  xf(202, 5, 2, 0, "right"),
  xf(203, 5, 4, 0, "right"),
  xf(203, 5, 2, 0, "right"),
  xf(0, 3, 2, 2, "center", "bottom"),
  xf(0, 4, 2, 2, "right"),
  xf(202, 4, 2, 2, "right"),
  xf(202, 4, 2, 0, "right"),
  xf(204, 4, 2, 0, "right"),
  xf(0, 4, 2, 0, "right"),
  xf(205, 4, 2, 0, "right"),
  " </cellXfs>",
  "</styleSheet>",
].join("\n") + "\n";
