import { decimalsOf, parseReportNumber, parseReportTime } from "@/lib/import/report-numbers";
import {
  columnsFromHeader,
  languageOfLabel,
  normalizeLabel,
  reportLabels,
  reportLayouts,
  resultOfLabel,
  sectionOfTitle,
  type ColumnKey,
  type ReportLanguage,
  type SectionKind,
} from "@/lib/import/report-labels";
import type { ReportRow } from "@/lib/import/report-rows";
import type { Deal, DealEntry, DealType } from "@/lib/mt5/trades-from-deals";

// Reads the rows of the terminal's Trade History Report (HTML or XLSX) into its tables. Sections
// are recognised by their place and the shape of their rows before their labels, so a report in a
// language we have no labels for still imports.

export interface ReportAccount {
  login: number;
  currency: string;
  server: string;
  name: string | null;
  company: string | null;
  /** "real", "demo", "contest", as the report writes it. */
  kind: string | null;
  margin: "hedging" | "netting" | null;
}

/** A closed position (Positions table). sl/tp 0 = none; money excludes nothing the row shows. */
export interface ReportPosition {
  line: number;
  ticket: number;
  openTime: number;
  symbol: string;
  side: "BUY" | "SELL";
  /** The volume that was opened (a partly closed position still shows its entry volume). */
  volume: number;
  openPrice: number;
  sl: number;
  tp: number;
  /** The last close. */
  closeTime: number;
  closePrice: number;
  /** Summed over the position's deals. */
  commission: number;
  swap: number;
  profit: number;
  comment: string;
  priceDecimals: number;
}

export interface ReportOrder {
  line: number;
  ticket: number;
  symbol: string;
  /** As written: "buy", "sell limit", ... */
  type: string;
  sl: number;
  tp: number;
  state: string;
}

export interface ReportDeal {
  line: number;
  /** positionId 0 until linked; magic 0, sl/tp 0: the report has none of them. */
  deal: Deal;
  priceDecimals: number;
  moneyDecimals: number;
}

export interface ReportOpenPosition {
  line: number;
  ticket: number;
  openTime: number;
  symbol: string;
  side: "BUY" | "SELL";
  volume: number;
  price: number;
  swap: number;
  profit: number;
  comment: string;
}

export interface ReportResults {
  totalNetProfit: number | null;
  grossProfit: number | null;
  grossLoss: number | null;
  totalTrades: number | null;
}

export interface ReportRejection {
  line: number;
  reason: string;
}

export interface ParsedReport {
  account: ReportAccount | null;
  reportTime: number | null;
  language: ReportLanguage | null;
  positions: ReportPosition[];
  orders: ReportOrder[];
  deals: ReportDeal[];
  openPositions: ReportOpenPosition[];
  results: ReportResults | null;
  rejected: ReportRejection[];
}

export interface ReportReader {
  push(row: ReportRow): void;
  finish(): ParsedReport;
}

const sectionNames: Record<SectionKind, string> = {
  positions: "Positions",
  orders: "Orders",
  deals: "Deals",
  openPositions: "Open Positions",
  workingOrders: "Working Orders",
};

const accountPattern = /^(\d+)\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/;
const slashVolume = /^\d[\d.,\s]*\/\s*\d[\d.,\s]*$/;

interface LabelValue {
  label: string;
  value: string;
}

interface Section {
  title: string;
  header: string[];
  kind: SectionKind | null;
  columns: string[] | null;
  /** Why the section's rows cannot be read, once that is known. */
  unreadable: string | null;
}

/** A reader that takes the report's rows one by one and keeps only what it parsed from them. */
export function createReportReader(): ReportReader {
  const report: ParsedReport = {
    account: null,
    reportTime: null,
    language: null,
    positions: [],
    orders: [],
    deals: [],
    openPositions: [],
    results: null,
    rejected: [],
  };
  const headerPairs: LabelValue[] = [];
  let accountAt = -1;
  let sawSection = false;
  let pendingTitle: string | null = null;
  let section: Section | null = null;
  const seenKinds = new Set<SectionKind>();
  let inResults = false;
  let resultRows = 0;
  const byLabel: ReportResults = { totalNetProfit: null, grossProfit: null, grossLoss: null, totalTrades: null };
  const byPlace: ReportResults = { totalNetProfit: null, grossProfit: null, grossLoss: null, totalTrades: null };

  function noteLanguage(text: string): void {
    report.language ??= languageOfLabel(text);
  }

  function push(row: ReportRow): void {
    const texts = row.cells.filter((cell) => !cell.hidden).map((cell) => cell.text.trim());
    const filled = texts.filter((text) => text !== "");
    if (filled.length === 0) {
      section = null;
      return;
    }
    const pairs = labelValuePairs(texts);

    if (!sawSection && pairs.length > 0) {
      if (accountAt < 0 && pairs.some((pair) => accountPattern.test(pair.value.replace(/\u00a0/g, " ")))) accountAt = headerPairs.length;
      headerPairs.push(...pairs.slice(0, 1));
      return;
    }

    if (filled.length === 1 && texts[0] !== "" && isTitle(texts[0]!)) {
      pendingTitle = texts[0]!;
      section = null;
      inResults = false;
      noteLanguage(pendingTitle);
      return;
    }

    if (pendingTitle !== null) {
      const title = pendingTitle;
      pendingTitle = null;
      if (pairs.length > 0 && sawSection) {
        inResults = true;
      } else if (pairs.length === 0) {
        sawSection = true;
        section = { title, header: texts, kind: null, columns: null, unreadable: null };
        return;
      }
    }

    if (inResults) {
      readResultsRow(pairs);
      return;
    }
    // Summary rows (Balance:, Equity:) may follow a table with no blank row between them (XLSX).
    if (section !== null && /[:：]$/.test(texts[0]!)) section = null;
    if (section !== null) readTableRow(section, row, texts);
  }

  function readResultsRow(pairs: LabelValue[]): void {
    if (pairs.length === 0) return;
    resultRows += 1;
    for (const pair of pairs) {
      const key = resultOfLabel(pair.label);
      if (key !== null) byLabel[key] ??= parseReportNumber(pair.value);
    }
    // Without known labels: the first row is Total Net Profit, Gross Profit, Gross Loss; Total
    // Trades leads the row whose other two values are "count (won %)".
    if (resultRows === 1 && pairs.length >= 3) {
      byPlace.totalNetProfit = parseReportNumber(pairs[0]!.value);
      byPlace.grossProfit = parseReportNumber(pairs[1]!.value);
      byPlace.grossLoss = parseReportNumber(pairs[2]!.value);
    }
    const countWon = /^\d+ \([\d.,]+%\)$/;
    if (pairs.length === 3 && countWon.test(pairs[1]!.value) && countWon.test(pairs[2]!.value)) {
      byPlace.totalTrades ??= parseReportNumber(pairs[0]!.value);
    }
  }

  function readTableRow(current: Section, row: ReportRow, texts: string[]): void {
    // Footer rows (totals) leave the first cells empty.
    if (texts[0] === "") return;
    if (current.kind === null) {
      current.kind = kindOfSection(current, texts, seenKinds);
      if (current.kind === null) {
        current.unreadable = `a table titled "${current.title}" whose rows we do not recognise`;
      } else {
        seenKinds.add(current.kind);
        current.columns = columnsFromHeader(current.kind, current.header) ?? columnsByCount(current.kind, texts.length);
        if (current.columns === null) {
          current.unreadable = `${sectionNames[current.kind]} table with ${texts.length} columns, a layout we do not know`;
        }
      }
    }
    if (current.unreadable !== null || current.kind === null || current.columns === null) {
      report.rejected.push({ line: row.line, reason: `Row of ${current.unreadable ?? "an unknown table"}` });
      return;
    }
    const cells = new Map<string, string>();
    current.columns.forEach((key, index) => cells.set(key, texts[index] ?? ""));
    const hidden = row.cells.filter((cell) => cell.hidden).map((cell) => cell.text.trim());
    const cellReader = new CellReader(sectionNames[current.kind], row.line, cells);
    switch (current.kind) {
      case "positions":
        readPosition(cellReader, hidden[0] ?? "");
        break;
      case "orders":
        readOrder(cellReader);
        break;
      case "deals":
        readDeal(cellReader);
        break;
      case "openPositions":
        readOpenPosition(cellReader);
        break;
      case "workingOrders":
        break;
    }
  }

  function reject(reader: CellReader): void {
    report.rejected.push({ line: reader.line, reason: reader.errors.join("; ") });
  }

  function readPosition(cells: CellReader, hiddenComment: string): void {
    const position: ReportPosition = {
      line: cells.line,
      openTime: cells.time("openTime"),
      ticket: cells.ticket("ticket"),
      symbol: cells.text("symbol"),
      side: cells.side("type"),
      volume: cells.number("volume", { required: true }),
      openPrice: cells.number("openPrice", { required: true }),
      sl: cells.number("sl"),
      tp: cells.number("tp"),
      closeTime: cells.time("closeTime"),
      closePrice: cells.number("closePrice", { required: true }),
      commission: cells.number("commission"),
      swap: cells.number("swap"),
      profit: cells.number("profit"),
      // XLSX exports drop the hidden comment cell; HTML keeps it after Type.
      comment: hiddenComment,
      priceDecimals: Math.max(cells.decimals("openPrice"), cells.decimals("closePrice"), cells.decimals("sl"), cells.decimals("tp")),
    };
    if (cells.errors.length > 0) reject(cells);
    else report.positions.push(position);
  }

  function readOrder(cells: CellReader): void {
    const order: ReportOrder = {
      line: cells.line,
      ticket: cells.ticket("ticket"),
      symbol: cells.text("symbol"),
      type: cells.text("type"),
      sl: cells.number("sl"),
      tp: cells.number("tp"),
      state: cells.text("state"),
    };
    if (cells.errors.length > 0) reject(cells);
    else report.orders.push(order);
  }

  function readOpenPosition(cells: CellReader): void {
    const position: ReportOpenPosition = {
      line: cells.line,
      openTime: cells.time("openTime"),
      ticket: cells.ticket("ticket"),
      symbol: cells.text("symbol"),
      side: cells.side("type"),
      volume: cells.number("volume", { required: true }),
      price: cells.number("price", { required: true }),
      swap: cells.number("swap"),
      profit: cells.number("profit"),
      comment: cells.text("comment"),
    };
    if (cells.errors.length > 0) reject(cells);
    else report.openPositions.push(position);
  }

  function readDeal(cells: CellReader): void {
    const symbol = cells.text("symbol");
    const type = dealTypeOf(cells.text("type"), symbol);
    if (type === null) cells.problem(`type ${JSON.stringify(cells.text("type"))} is not a deal type`);
    const trading = type === "BUY" || type === "SELL";
    const entry: DealEntry | null = trading ? dealEntryOf(cells.text("direction")) : "IN";
    if (entry === null) cells.problem(`direction ${JSON.stringify(cells.text("direction"))} is not in, out, in/out or out by`);
    const comment = cells.text("comment");
    const deal: Deal = {
      ticket: cells.ticket("ticket"),
      order: trading ? cells.ticket("order") : (cells.number("order") || 0),
      positionId: 0,
      time: cells.time("time"),
      type: type ?? "OTHER",
      entry: entry ?? "IN",
      symbol,
      volume: cells.number("volume", { required: trading }),
      price: cells.number("price", { required: trading }),
      commission: cells.number("commission"),
      swap: cells.number("swap"),
      profit: cells.number("profit"),
      fee: cells.number("fee"),
      sl: 0,
      tp: 0,
      magic: 0,
      reason: trading && entry !== "IN" ? exitReasonOf(comment) : "",
      comment,
    };
    if (cells.errors.length > 0) {
      reject(cells);
      return;
    }
    const moneyDecimals = Math.max(...(["commission", "fee", "swap", "profit", "balance"] as const).map((key) => cells.decimals(key)));
    report.deals.push({ line: cells.line, deal, priceDecimals: cells.decimals("price"), moneyDecimals });
  }

  function finish(): ParsedReport {
    resolveHeader();
    if (resultRows > 0) {
      report.results = {
        totalNetProfit: byLabel.totalNetProfit ?? byPlace.totalNetProfit,
        grossProfit: byLabel.grossProfit ?? byPlace.grossProfit,
        grossLoss: byLabel.grossLoss ?? byPlace.grossLoss,
        totalTrades: byLabel.totalTrades ?? byPlace.totalTrades,
      };
    }
    return report;
  }

  /** Name, Account, Company, Date: by label when known, else by their place around the account row. */
  function resolveHeader(): void {
    if (accountAt < 0) {
      report.reportTime = headerPairs.map((pair) => parseReportTime(pair.value)).find((time) => time !== null) ?? null;
      return;
    }
    const accountPair = headerPairs[accountAt]!;
    noteLanguage(accountPair.label);
    const match = accountPattern.exec(accountPair.value.replace(/\u00a0/g, " "))!;
    const [, login, currency, server, kind, margin] = match as unknown as [string, string, string, string, string, string];
    const labelled = (field: "name" | "company") =>
      headerPairs.find((pair) => Object.values(reportLabels).some((labels) => normalizeLabel(labels.header[field]) === normalizeLabel(pair.label)));
    const name = labelled("name") ?? headerPairs[accountAt - 1];
    const company = labelled("company") ?? headerPairs[accountAt + 1];
    const marginText = margin.toLowerCase();
    report.account = {
      login: Number(login),
      currency,
      server,
      name: name && name.value !== "" ? name.value : null,
      company: company && company.value !== "" ? company.value : null,
      kind,
      margin: marginText === "hedge" || marginText === "hedging" ? "hedging" : marginText === "netting" ? "netting" : null,
    };
    report.reportTime = headerPairs.slice(accountAt + 1).map((pair) => parseReportTime(pair.value)).find((time) => time !== null) ?? null;
  }

  return { push, finish };
}

/** Reads the cells of one table row by column, collecting what cannot be read. */
class CellReader {
  readonly errors: string[] = [];

  constructor(
    private readonly table: string,
    readonly line: number,
    private readonly cells: Map<string, string>,
  ) {}

  text(key: string): string {
    return this.cells.get(key) ?? "";
  }

  /** Notes what is wrong; the first note names the table. */
  problem(message: string): void {
    this.errors.push(`${this.errors.length === 0 ? `${this.table} row: ` : ""}${message}`);
  }

  private fail(key: string, problem: string): void {
    this.problem(`${columnName(key)} ${JSON.stringify(this.text(key))} ${problem}`);
  }

  /** A number; an empty cell is 0 unless required. */
  number(key: string, { required = false } = {}): number {
    const text = this.text(key);
    if (text === "" && !required) return 0;
    const value = parseReportNumber(text);
    if (value === null) this.fail(key, text === "" ? "is empty" : "is not a number");
    return value ?? 0;
  }

  ticket(key: string): number {
    const text = this.text(key);
    if (!/^\d+$/.test(text)) this.fail(key, "is not a ticket number");
    return Number(text) || 0;
  }

  time(key: string): number {
    const value = parseReportTime(this.text(key));
    if (value === null) this.fail(key, "is not a date and time");
    return value ?? 0;
  }

  side(key: string): "BUY" | "SELL" {
    const text = this.text(key).toLowerCase();
    if (text !== "buy" && text !== "sell") this.fail(key, "is not buy or sell");
    return text === "sell" ? "SELL" : "BUY";
  }

  decimals(key: string): number {
    return decimalsOf(this.text(key));
  }
}

function columnName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`).replace(/^sl$/, "S/L").replace(/^tp$/, "T/P");
}

/** Label: value cells of a row (Name:, Balance:, Total Net Profit:, ...). */
function labelValuePairs(texts: string[]): LabelValue[] {
  const pairs: LabelValue[] = [];
  texts.forEach((text, index) => {
    if (/[:：]$/.test(text) && index + 1 < texts.length && !/[:：]$/.test(texts[index + 1]!)) {
      pairs.push({ label: text, value: texts[index + 1]! });
    }
  });
  return pairs;
}

function isTitle(text: string): boolean {
  return !/[:：]$/.test(text) && parseReportNumber(text) === null && parseReportTime(text) === null;
}

/**
 * A table's kind from its first data row (labels only break ties): Orders show "filled / asked"
 * volumes and two times, Working Orders such volumes and one time; Deals a direction or a wide row
 * with one time; Positions two times; Open Positions one.
 */
function kindOfSection(section: Section, texts: string[], seen: Set<SectionKind>): SectionKind | null {
  const times = texts.filter((text) => parseReportTime(text) !== null).length;
  if (texts.some((text) => slashVolume.test(text))) return times >= 2 ? "orders" : "workingOrders";
  if (texts.some((text) => dealEntryOf(text) !== null)) return "deals";
  if (times >= 2) return "positions";
  if (times === 1) {
    if (texts.length >= reportLayouts.deals.length - 1 && !seen.has("deals")) return "deals";
    return "openPositions";
  }
  const titled = sectionOfTitle(section.title);
  return titled === "results" ? null : titled;
}

/** The layout for a row of this many visible cells; old builds write Deals without the Fee column. */
function columnsByCount(kind: SectionKind, count: number): string[] | null {
  const layout: readonly string[] = reportLayouts[kind];
  if (count === layout.length) return [...layout];
  if (kind === "deals" && count === layout.length - 1) return layout.filter((key) => key !== ("fee" satisfies ColumnKey<"deals">));
  return null;
}

function dealTypeOf(text: string, symbol: string): DealType | null {
  const type = text.toLowerCase();
  if (type === "buy") return "BUY";
  if (type === "sell") return "SELL";
  if (type === "balance") return "BALANCE";
  if (type === "credit") return "CREDIT";
  // Charges, corrections, bonuses, commissions, interest, dividends, taxes: no symbol, no trade.
  return symbol === "" && type !== "" ? "OTHER" : null;
}

function dealEntryOf(text: string): DealEntry | null {
  const direction = text.toLowerCase().replace(/[\s_/]/g, "");
  if (direction === "in") return "IN";
  if (direction === "out") return "OUT";
  if (direction === "inout") return "INOUT";
  if (direction === "outby") return "OUT_BY";
  return null;
}

/** How an exit closed, from the comment the terminal writes on it: "[sl 1.0850]", "[tp ...]", "[so 50%...]". */
export function exitReasonOf(comment: string): string {
  const text = comment.trim().toLowerCase();
  if (/^\[sl\b/.test(text)) return "STOP_LOSS";
  if (/^\[tp\b/.test(text)) return "TAKE_PROFIT";
  if (/^\[so\b/.test(text) || /^so\b.*%/.test(text)) return "STOP_OUT";
  return "";
}
