import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { reportLabels, type ReportLabels, type ResultKey } from "@/lib/test/mt5-report-labels";

export { writeReportXlsx, type XlsxWriteOptions } from "@/lib/test/mt5-report-xlsx";

// Test support: writes Trade History Reports in the terminal's own layout (HTML and XLSX) from
// rows given in report terms, for fixtures and benchmarks. Values are the strings the report shows.

export interface ReportPosition {
  openTime: string;
  ticket: number;
  symbol: string;
  type: "buy" | "sell";
  comment: string;
  volume: string;
  openPrice: string;
  sl: string;
  tp: string;
  closeTime: string;
  closePrice: string;
  commission: string;
  swap: string;
  profit: string;
}

export interface ReportOrder {
  openTime: string;
  ticket: number;
  symbol: string;
  type: string;
  /** Volume / filled volume, e.g. "0.10 / 0.10". */
  volume: string;
  price: string;
  sl: string;
  tp: string;
  time: string;
  state: string;
  comment: string;
}

export interface ReportDeal {
  time: string;
  ticket: number;
  symbol: string;
  type: string;
  direction: string;
  volume: string;
  price: string;
  order: string;
  /** The hidden Cost column; the terminal leaves it empty. */
  cost?: string;
  commission: string;
  fee: string;
  swap: string;
  profit: string;
  balance: string;
  comment: string;
}

export interface ReportOpenPosition {
  openTime: string;
  ticket: number;
  symbol: string;
  type: "buy" | "sell";
  volume: string;
  openPrice: string;
  sl: string;
  tp: string;
  marketPrice: string;
  swap: string;
  profit: string;
  comment: string;
}

export interface ReportWorkingOrder {
  openTime: string;
  ticket: number;
  symbol: string;
  type: string;
  volume: string;
  price: string;
  sl: string;
  tp: string;
  marketPrice: string;
  state: string;
  comment: string;
}

export type ReportResults = Record<Exclude<ResultKey, "balanceDrawdown">, string>;

export interface ReportFixture {
  language: "en" | "ja";
  account: {
    name: string;
    login: number;
    currency: string;
    server: string;
    kind: "demo" | "real";
    margin: "Hedge" | "Netting";
    company: string;
    /** "2024.03.01 12:00" */
    date: string;
  };
  positions: Iterable<ReportPosition>;
  orders: Iterable<ReportOrder>;
  deals: Iterable<ReportDeal>;
  /** The Deals footer row. */
  dealsTotal: { commission: string; fee: string; swap: string; profit: string; balance: string };
  /** Left out of the report when empty, as the terminal does with Working Orders. */
  openPositions: Iterable<ReportOpenPosition>;
  openPositionsTotal: { swap: string; profit: string };
  /** Left out of the report when empty. */
  workingOrders: Iterable<ReportWorkingOrder>;
  summary: {
    balance: string;
    creditFacility: string;
    floatingPL: string;
    equity: string;
    freeMargin: string;
    margin: string;
    marginLevel: string;
  };
  results: ReportResults;
}

/** A number as the terminal prints it: fixed digits, a plain space every three integer digits. */
export function formatReportNumber(value: number, digits = 2): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split(".");
  const grouped = (whole ?? "").replace(/\B(?=(\d{3})+$)/g, " ");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + grouped + (fraction === undefined ? "" : `.${fraction}`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Splits an iterable into its first item and the rest, so an empty section can be left out. */
function peek<T>(items: Iterable<T>): { first: T | undefined; rest: Iterator<T> } {
  const rest = items[Symbol.iterator]();
  const next = rest.next();
  return { first: next.done ? undefined : next.value, rest };
}

function* remaining<T>(first: T | undefined, rest: Iterator<T>): Generator<T> {
  if (first === undefined) return;
  yield first;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}

const nl = "\r\n";
const rowColor = (index: number) => (index % 2 === 0 ? "#FFFFFF" : "#F7F7F7");

function sectionTitle(title: string): string {
  return (
    `        <tr align="center">${nl}` +
    `            <th colspan="14" style="height: 25px"><div style="font: 10pt Tahoma"><b>${escapeHtml(title)}</b></div></th>${nl}` +
    `        </tr>${nl}`
  );
}

/** spans: colspan by column index; end is what follows </tr> (the terminal leaves a space after some). */
function headerRow(labels: string[], spans: Record<number, number>, end = "", hiddenIndex = -1): string {
  let html = `        <tr align="center" bgcolor="#E5F0FC">${nl}`;
  labels.forEach((label, index) => {
    const colspan = spans[index];
    const hidden = index === hiddenIndex;
    const attributes = `${index === 0 ? ' style="height: 30px"' : ""}${colspan ? ` colspan="${colspan}"` : ""}${hidden ? ' class="hidden"' : ""}`;
    html += `            <td nowrap${attributes}><b>${escapeHtml(label)}</b></td>${nl}`;
  });
  return `${html}        </tr>${end}${nl}`;
}

const spacer = `        <tr>${nl}            <td nowrap style="height: 10px"></td>${nl}        </tr>${nl}`;
const wideSpacer = `        <tr align="right">${nl}            <td colspan="13" style="height: 10px"></td>${nl}        </tr>${nl}`;

function summaryHtml(labels: ReportLabels, summary: ReportFixture["summary"]): string {
  const pair = (label: string, value: string, right?: [string, string]) =>
    `        <tr align="right">${nl}` +
    `            <td colspan="3" style="height: 20px">${escapeHtml(label)}</td>${nl}` +
    `            <td colspan="2"><b>${escapeHtml(value)}</b></td>${nl}` +
    (right
      ? `            <td></td>${nl}` +
        `            <td colspan="3">${escapeHtml(right[0])}</td>${nl}` +
        `            <td colspan="2"><b>${escapeHtml(right[1])}</b></td>${nl}`
      : "") +
    `        </tr>${nl}`;
  const s = labels.summary;
  return (
    pair(s.balance, summary.balance, [s.freeMargin, summary.freeMargin]) +
    pair(s.creditFacility, summary.creditFacility, [s.margin, summary.margin]) +
    pair(s.floatingPL, summary.floatingPL, [s.marginLevel, summary.marginLevel]) +
    pair(s.equity, summary.equity)
  );
}

type ResultCell = [ResultKey, string | undefined];

function resultsHtml(labels: ReportLabels, results: ReportResults): string {
  const label = (key: ResultKey) => escapeHtml(labels.resultLabels[key]);
  const value = (key: ResultKey) => escapeHtml(results[key as keyof ReportResults]);
  const row = (cells: ResultCell[], indent: boolean) => {
    let html = `        <tr align="right">${nl}`;
    if (indent) html += `            <td nowrap colspan="4"></td>${nl}`;
    cells.forEach(([key], index) => {
      html += `            <td nowrap colspan="3">${label(key)}</td>${nl}`;
      const last = index === cells.length - 1 && cells.length + (indent ? 1 : 0) === 3;
      html += `            <td nowrap${last ? ' colspan="2"' : ""}><b>${value(key)}</b></td>${nl}`;
    });
    return `${html}        </tr>${nl}`;
  };
  const k = (key: ResultKey): ResultCell => [key, undefined];
  return (
    row([k("totalNetProfit"), k("grossProfit"), k("grossLoss")], false) +
    row([k("profitFactor"), k("expectedPayoff")], false) +
    row([k("recoveryFactor"), k("sharpeRatio")], false) +
    spacer +
    `        <tr align="right">${nl}            <td nowrap colspan="3">${label("balanceDrawdown")}</td>${nl}        </tr>${nl}` +
    row([k("balanceDrawdownAbsolute"), k("balanceDrawdownMaximal"), k("balanceDrawdownRelative")], false) +
    spacer +
    row([k("totalTrades"), k("shortTrades"), k("longTrades")], false) +
    row([k("profitTrades"), k("lossTrades")], true) +
    row([k("largestProfitTrade"), k("largestLossTrade")], true) +
    row([k("averageProfitTrade"), k("averageLossTrade")], true) +
    row([k("maxConsecutiveWins"), k("maxConsecutiveLosses")], true) +
    row([k("maxConsecutiveProfit"), k("maxConsecutiveLoss")], true) +
    row([k("averageConsecutiveWins"), k("averageConsecutiveLosses")], true) +
    spacer
  );
}

function headHtml(fixture: ReportFixture, labels: ReportLabels): string {
  const { account } = fixture;
  const headerLine = (label: string, value: string) =>
    `        <tr align="left">${nl}` +
    `            <th colspan="4" nowrap align="right" style="width: 220px; height: 20px">${escapeHtml(label)}</th>${nl}` +
    `            <th colspan="10" nowrap align="left" style="width: 220px; height: 20px"><b>${value}</b></th>${nl}` +
    `        </tr>${nl}`;
  const accountText = [
    `${account.login}&nbsp;(${escapeHtml(account.currency)}`,
    escapeHtml(account.server),
    account.kind,
    `${account.margin})`,
  ].join(",&nbsp;");
  const widths = [140, 60, 60, 60, 70, 60, 60, 60, 140, 60, 60, 60, 60, 100];
  return (
    [
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">',
      "<html>",
      "  <head>",
      `    <title>${account.login}: ${escapeHtml(account.name)} - ${escapeHtml(labels.title)}</title>`,
      '    <meta name="generator" content="client terminal">',
      '    <style type="text/css">',
      "    <!--",
      "    @media screen {",
      "      td { font: 8pt  Tahoma,Arial; }",
      "      th { font: 10pt Tahoma,Arial; }",
      "    }",
      "    @media print {",
      "      td { font: 7pt Tahoma,Arial; }",
      "      th { font: 9pt Tahoma,Arial; }",
      "    }",
      '    .msdate { mso-number-format:"General Date"; }',
      "    .mspt   { mso-number-format:\\#\\,\\#\\#0\\.00;  }",
      "    .hidden { display: none; }",
      "    body {margin:1px;}",
      "    //-->",
      "    </style>",
      "  </head>",
      "<body>",
      '<div align="center">',
      '    <table cellspacing="1" cellpadding="3" border="0">',
      '        <tr align="center">',
      `            <td colspan="14"><div style="font: 14pt Tahoma"><b>${escapeHtml(labels.title)}</b><br></div></td>`,
      "        </tr>",
    ].join(nl) +
    nl +
    headerLine(labels.name, escapeHtml(account.name)) +
    headerLine(labels.account, accountText) +
    headerLine(labels.company, escapeHtml(account.company)) +
    headerLine(labels.date, escapeHtml(account.date)) +
    `        <tr>${nl}` +
    widths
      .map((width, index) => `            <td nowrap style="width: ${width}px;${index === 0 ? "height: 10px" : ""}"></td>${nl}`)
      .join("") +
    `        </tr>${nl}`
  );
}

/**
 * The report's HTML text in pieces (one per row or block), in the terminal's markup: CRLF lines,
 * hidden comment cells in Positions, the hidden Cost column in Deals. Iterables are read once.
 */
export function* reportHtmlChunks(fixture: ReportFixture): Generator<string> {
  const labels = reportLabels[fixture.language];
  const cell = (text: string, attributes = "") => `<td${attributes}>${escapeHtml(text)}</td>`;
  yield headHtml(fixture, labels);

  yield sectionTitle(labels.positions);
  yield headerRow(labels.positionsHeader, { 12: 2 });
  let index = 0;
  for (const p of fixture.positions) {
    const line = (text: string, attributes = "") => `            ${cell(text, attributes)}${nl}`;
    yield `        ${nl}        <tr bgcolor="${rowColor(index++)}" align="right">${nl}` +
      line(p.openTime) +
      line(String(p.ticket)) +
      line(p.symbol) +
      line(p.type) +
      line(p.comment, ' class="hidden" colspan="8"') +
      [p.volume, p.openPrice, p.sl, p.tp, p.closeTime, p.closePrice, p.commission, p.swap].map((v) => line(v, ' class=""')).join("") +
      line(p.profit, ' colspan="2"') +
      `        </tr>${nl}`;
  }
  yield `        ${nl}${spacer}`;

  yield sectionTitle(labels.orders);
  yield headerRow(labels.ordersHeader, { 9: 2, 10: 3 });
  index = 0;
  for (const o of fixture.orders) {
    yield `        <tr bgcolor="${rowColor(index++)}" align="right">` +
      [o.openTime, String(o.ticket), o.symbol, o.type, o.volume, o.price, o.sl, o.tp, o.time].map((v) => cell(v)).join("") +
      cell(o.state, ' colspan="2"') +
      cell(o.comment, ' colspan="3"') +
      `</tr>${nl}`;
  }
  yield spacer;

  yield sectionTitle(labels.deals);
  yield headerRow(labels.dealsHeader, {}, "", 8);
  index = 0;
  for (const d of fixture.deals) {
    const values = [d.time, String(d.ticket), d.symbol, d.type, d.direction, d.volume, d.price, d.order];
    yield `        <tr bgcolor="${rowColor(index++)}" align="right">` +
      values.map((v) => cell(v, " nowrap")).join("") +
      cell(d.cost ?? "", ' nowrap class="hidden"') +
      [d.commission, d.fee, d.swap, d.profit, d.balance, d.comment].map((v) => cell(v, " nowrap")).join("") +
      `</tr>${nl}`;
  }
  const t = fixture.dealsTotal;
  yield `        <tr align="right">${nl}            <td nowrap colspan="8" style="height: 30px"></td>${nl}` +
    [t.commission, t.fee, t.swap, t.profit, t.balance].map((v) => `            <td nowrap><b>${escapeHtml(v)}</b></td>${nl}`).join("") +
    `            <td nowrap></td>${nl}        </tr>${nl}`;

  const open = peek(fixture.openPositions);
  const working = peek(fixture.workingOrders);
  if (open.first !== undefined) {
    yield sectionTitle(labels.openPositions);
    yield headerRow(labels.openPositionsHeader, { 11: 3 }, " ");
    index = 0;
    for (const p of remaining(open.first, open.rest)) {
      // The terminal ends only the last row with "</tr> ": each row's line break is written by the next.
      yield (index === 0 ? "" : nl) +
        `        <tr bgcolor="${rowColor(index++)}" align="right">` +
        [p.openTime, String(p.ticket), p.symbol, p.type, p.volume, p.openPrice, p.sl, p.tp, p.marketPrice, p.swap, p.profit].map((v) => cell(v)).join("") +
        cell(p.comment, ' colspan="3"') +
        "</tr>";
    }
    const ot = fixture.openPositionsTotal;
    yield ` ${nl}        <tr align="right">${nl}            <td colspan="9" style="height: 30px"></td>${nl}` +
      `            <td nowrap><b>${escapeHtml(ot.swap)}</b></td>${nl}            <td nowrap><b>${escapeHtml(ot.profit)}</b></td>${nl}` +
      // One more space when Working Orders follow no more (both the English and Japanese samples agree).
      `            <td></td>${nl}        </tr> ${working.first === undefined ? " " : ""}${nl}`;
  }

  if (working.first !== undefined) {
    yield sectionTitle(labels.workingOrders);
    yield headerRow(labels.workingOrdersHeader, { 9: 2, 10: 3 }, " ");
    index = 0;
    for (const o of remaining(working.first, working.rest)) {
      yield `        <tr bgcolor="${rowColor(index++)}" align="right">` +
        [o.openTime, String(o.ticket), o.symbol, o.type, o.volume, o.price, o.sl, o.tp, o.marketPrice].map((v) => cell(v)).join("") +
        cell(o.state, ' colspan="2"') +
        cell(o.comment, ' colspan="3"') +
        `</tr>${nl}`;
    }
  }

  yield wideSpacer + summaryHtml(labels, fixture.summary) + wideSpacer;
  yield `        <tr align="center">${nl}` +
    `            <th colspan="13"><img src="ReportHistory-${fixture.account.login}.png" title="${escapeHtml(labels.balanceGraph)}" width=820 height=200 border=0 alt="Graph"></th>${nl}` +
    `        </tr>${nl}` +
    `        <tr>${nl}            <td colspan="13" align="center"><div style="font: 10pt Tahoma"><b>${escapeHtml(labels.results)}</b></div></td>${nl}        </tr>${nl}`;
  yield resultsHtml(labels, fixture.results);
  yield `    </table>${nl}</div>${nl}</body>${nl}</html>`;
}

export interface HtmlWriteOptions {
  /** The terminal writes UTF-16 LE with a BOM. */
  encoding: "utf16le" | "utf8";
  bom?: boolean;
  /** One extra byte after the text, as in a real Japanese export (UTF-16 only makes it odd). */
  strayTrailingByte?: boolean;
}

function encodeHtml(text: string, encoding: HtmlWriteOptions["encoding"]): Buffer {
  return Buffer.from(text, encoding);
}

function htmlPrefix({ encoding, bom = encoding === "utf16le" }: HtmlWriteOptions): Buffer {
  if (!bom) return Buffer.alloc(0);
  return encoding === "utf16le" ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xef, 0xbb, 0xbf]);
}

const strayByte = Buffer.from([0x0a]);

export function writeReportHtml(fixture: ReportFixture, options: HtmlWriteOptions): Buffer {
  const parts = [htmlPrefix(options)];
  for (const chunk of reportHtmlChunks(fixture)) parts.push(encodeHtml(chunk, options.encoding));
  if (options.strayTrailingByte) parts.push(strayByte);
  return Buffer.concat(parts);
}

/** Writes the report to a file as it is generated, waiting on the stream, so any size fits in memory. */
export async function writeReportHtmlFile(path: string, fixture: ReportFixture, options: HtmlWriteOptions): Promise<void> {
  const file = createWriteStream(path);
  const write = async (bytes: Buffer) => {
    if (!file.write(bytes)) await once(file, "drain");
  };
  try {
    await write(htmlPrefix(options));
    let pending = "";
    for (const chunk of reportHtmlChunks(fixture)) {
      pending += chunk;
      if (pending.length >= 1 << 16) {
        await write(encodeHtml(pending, options.encoding));
        pending = "";
      }
    }
    await write(encodeHtml(pending, options.encoding));
    if (options.strayTrailingByte) await write(strayByte);
  } finally {
    file.end();
    await once(file, "close");
  }
}
