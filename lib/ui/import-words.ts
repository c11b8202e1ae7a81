import type { z } from "zod";
import type { importResource } from "@/lib/schemas/import";

// How an import reads on the page: its format, status and detected account in the trader's words,
// shared by the uploader (client) and the list of recent imports (server).

/** An import as GET /api/v1/imports/{id} answers it. */
export type ImportView = z.infer<typeof importResource>;

export type ImportStatus = ImportView["status"];

const formatLabels: Record<ImportView["format"], string> = {
  "mt5-html": "MT5 report (HTML)",
  "mt5-xlsx": "MT5 report (Excel)",
  csv: "CSV",
};

export function formatLabel(format: ImportView["format"]): string {
  return formatLabels[format] ?? format;
}

const statusLabels: Record<ImportStatus, string> = {
  queued: "Waiting to start",
  running: "Importing",
  needs_mapping: "Needs a column mapping",
  done: "Done",
  failed: "Failed",
  undone: "Undone",
};

export function statusLabel(status: ImportStatus): string {
  return statusLabels[status] ?? status;
}

/** Statuses after which polling stops: nothing changes without the trader. */
export function isSettled(status: ImportStatus): boolean {
  return status === "done" || status === "failed" || status === "needs_mapping" || status === "undone";
}

/** The account line of an MT5 report, as the runner saves it in `preview.account`. */
export interface ReportAccount {
  login: number | string | null;
  server: string | null;
  currency: string | null;
  name: string | null;
  company: string | null;
  kind: string | null;
  margin: string | null;
}

export interface ReportPreview {
  format: "mt5-html" | "mt5-xlsx";
  language: string | null;
  account: ReportAccount;
  reportTime: string | null;
  trades: number | null;
  balanceOperations: number | null;
}

export interface CsvPreview {
  format: "csv";
  layout: "journal" | "mapped";
  columns: string[];
  suggested: Record<string, unknown> | null;
}

/** The preview JSON read defensively: it is written by the runner, not validated on the way out. */
export function readPreview(preview: ImportView["preview"]): ReportPreview | CsvPreview | null {
  if (!preview) return null;
  if (preview.format === "csv") {
    return {
      format: "csv",
      layout: preview.layout === "mapped" ? "mapped" : "journal",
      columns: Array.isArray(preview.columns) ? preview.columns.map(String) : [],
      suggested: isRecord(preview.suggested) ? preview.suggested : null,
    };
  }
  if (preview.format !== "mt5-html" && preview.format !== "mt5-xlsx") return null;
  const account = isRecord(preview.account) ? preview.account : {};
  return {
    format: preview.format,
    language: text(preview.language),
    account: {
      login: typeof account.login === "number" || typeof account.login === "string" ? account.login : null,
      server: text(account.server),
      currency: text(account.currency),
      name: text(account.name),
      company: text(account.company),
      kind: text(account.kind),
      margin: text(account.margin),
    },
    reportTime: text(preview.report_time),
    trades: typeof preview.trades === "number" ? preview.trades : null,
    balanceOperations: typeof preview.balance_operations === "number" ? preview.balance_operations : null,
  };
}

/** MT5 names the margin mode "Hedge", "Retail Hedging", "Netting", "Exchange"...: hedging or netting is what matters. */
export function marginLabel(margin: string | null): string {
  if (!margin) return "—";
  const lower = margin.toLowerCase();
  if (lower.includes("hedg")) return "hedging";
  if (lower.includes("net") || lower.includes("exchange")) return "netting";
  return margin;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;
}
