"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cardClass, dangerButtonClass, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/settings/form-parts";
import { Signed } from "@/components/ui/signed";
import { formatInteger, formatMoney } from "@/lib/ui/format";
import {
  formatLabel,
  isSettled,
  marginLabel,
  readPreview,
  statusLabel,
  type CsvPreview,
  type ImportView,
  type ReportPreview,
} from "@/lib/ui/import-words";
import { plural } from "@/lib/ui/plural";
import { parseUtcOffset } from "@/lib/ui/utc-offset";

// Uploads a file to POST /api/v1/imports and follows the import it starts (GET every half second)
// until it is done, failed, or waits for a CSV column mapping; then shows what it did and can undo it.

const pollMs = 500;
const retryMs = 2000;

/** The fields of a CSV column mapping, in the order the form asks for them. */
const mappingFields = [
  { field: "deal_ticket", label: "Deal ticket" },
  { field: "order_ticket", label: "Order ticket" },
  { field: "position_ticket", label: "Position ticket" },
  { field: "symbol", label: "Symbol" },
  { field: "side", label: "Side (buy / sell)" },
  { field: "lot_size", label: "Lots" },
  { field: "entry_price", label: "Entry price" },
  { field: "exit_price", label: "Exit price" },
  { field: "stop_loss", label: "Stop loss" },
  { field: "take_profit", label: "Take profit" },
  { field: "profit", label: "Profit" },
  { field: "commission", label: "Commission" },
  { field: "swap", label: "Swap" },
  { field: "fee", label: "Fee" },
  { field: "open_time", label: "Open time" },
  { field: "close_time", label: "Close time" },
  { field: "magic_number", label: "Magic number" },
  { field: "comment", label: "Comment" },
] as const;

type MappingField = (typeof mappingFields)[number]["field"];
type TimeFormat = "mt5" | "iso" | "dmy" | "mdy";

/** The form's state: flat, one entry per field; sent as lib/schemas/csv-column-mapping.ts has it. */
type CsvColumnMapping = Record<MappingField, string | null> & {
  decimalComma: boolean;
  timeFormat: TimeFormat;
  account?: { login: number | string; server: string; currency: string };
};

const timeFormats: { value: TimeFormat; label: string }[] = [
  { value: "mt5", label: "MT5: 2024.01.31 14:05:00" },
  { value: "iso", label: "ISO: 2024-01-31 14:05:00" },
  { value: "dmy", label: "Day first: 31/01/2024 14:05" },
  { value: "mdy", label: "Month first: 01/31/2024 14:05" },
];

interface Problem {
  message: string;
  details: { field: string; message: string }[];
}

type Answer = { ok: true; data: ImportView } | { ok: false; problem: Problem; unreachable?: boolean };

export function ImportUploader({ initial }: { initial: ImportView | null }) {
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const offsetId = useId();
  const [current, setCurrent] = useState<ImportView | null>(initial);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offsetText, setOffsetText] = useState("");
  const [retries, setRetries] = useState(0);
  const offset = parseUtcOffset(offsetText);

  // Each answer sets `current`, which schedules the next look; a settled import stops it.
  useEffect(() => {
    if (!current || isSettled(current.status)) return;
    let stopped = false;
    const timer = setTimeout(
      async () => {
        const answer = await send(`/api/v1/imports/${current.id}`, { method: "GET" });
        if (stopped) return;
        if (answer.ok) {
          setProblem(null);
          setRetries(0);
          setCurrent(answer.data);
          if (isSettled(answer.data.status)) router.refresh();
        } else {
          setProblem(answer.unreachable ? { ...answer.problem, message: `${answer.problem.message}; trying again…` } : answer.problem);
          if (answer.unreachable) setRetries((count) => count + 1);
        }
      },
      retries > 0 ? retryMs : pollMs,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [current, retries, router]);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblem({ message: "Choose a file to import first", details: [] });
      return;
    }
    if (offset.error) return;
    const body = new FormData();
    if (offset.minutes !== null) body.append("utc_offset_minutes", String(offset.minutes));
    body.append("file", file);
    setUploading(true);
    setProblem(null);
    const answer = await send("/api/v1/imports", { method: "POST", body });
    setUploading(false);
    if (!answer.ok) {
      setProblem(answer.problem);
      return;
    }
    setRetries(0);
    setCurrent(answer.data);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={upload} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor={fileId} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            File to import
          </label>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            name="file"
            accept=".htm,.html,.xlsx,.csv,.txt"
            aria-describedby={`${fileId}-hint`}
            onChange={() => setProblem(null)}
            className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-2 file:py-1 file:text-sm dark:file:bg-zinc-800 dark:file:text-zinc-100`}
          />
          <p id={`${fileId}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            An MT5 report (.htm, .html, .xlsx) or a CSV (.csv, .txt).
          </p>
        </div>
        <div className="w-56 space-y-1">
          <label htmlFor={offsetId} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Broker time zone (UTC offset)
          </label>
          <input
            id={offsetId}
            name="utc_offset"
            value={offsetText}
            onChange={(event) => setOffsetText(event.target.value)}
            placeholder="e.g. +2, -5 or +5:30"
            inputMode="text"
            autoComplete="off"
            aria-invalid={offset.error ? true : undefined}
            aria-describedby={`${offsetId}-hint`}
            className={inputClass}
          />
          <p id={`${offsetId}-hint`} className={`text-xs ${offset.error ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`}>
            {offset.error ?? "Optional. Only fills the UTC-offset hint of the imported trades; their times stay broker time."}
          </p>
        </div>
        <button type="submit" disabled={uploading} className={`${primaryButtonClass} mb-5`}>
          {uploading ? "Uploading…" : "Upload and import"}
        </button>
      </form>

      {problem && <ProblemAlert problem={problem} />}

      {current && (
        <ImportProgress
          item={current}
          utcOffsetMinutes={offset.minutes}
          onChange={(item) => {
            setRetries(0);
            setCurrent(item);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

/** One import as it runs and after: what was detected, how far it got, and what it did. */
function ImportProgress({
  item,
  utcOffsetMinutes,
  onChange,
}: {
  item: ImportView;
  utcOffsetMinutes: number | null;
  onChange: (item: ImportView) => void;
}) {
  const preview = readPreview(item.preview);
  const currency = preview && preview.format !== "csv" ? preview.account.currency : null;
  const percent = Math.round((item.status === "done" ? 1 : item.progress) * 100);
  const showsProgress = item.status === "queued" || item.status === "running" || item.status === "done";
  return (
    <section aria-labelledby="current-import" className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="current-import" className="font-semibold wrap-anywhere">
          {item.file_name}
        </h3>
        <p data-testid="import-status" aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
          {statusLabel(item.status)}
          {item.status === "running" ? ` (${percent}%)` : ""}
        </p>
      </div>

      {showsProgress && (
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full bg-sky-600 transition-[width] dark:bg-sky-500" style={{ width: `${percent}%` }} />
        </div>
      )}

      {preview && <PreviewCard format={item.format} preview={preview} />}

      {item.status === "failed" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
          The import failed: {item.error ?? "no reason was given"}
        </p>
      )}

      {item.status === "needs_mapping" && preview?.format === "csv" && (
        <MappingForm importId={item.id} preview={preview} utcOffsetMinutes={utcOffsetMinutes} onQueued={onChange} />
      )}

      {item.result && <ResultView result={item.result} currency={currency} />}

      {item.result?.undo && <UndoneNote undo={item.result.undo} />}

      {(item.status === "done" || item.status === "failed") && <UndoButton importId={item.id} onUndone={onChange} />}
    </section>
  );
}

function PreviewCard({ format, preview }: { format: ImportView["format"]; preview: ReportPreview | CsvPreview }) {
  return (
    <section aria-labelledby="import-detected" className={`space-y-2 ${cardClass}`}>
      <h4 id="import-detected" className="text-sm font-semibold">
        Detected: {formatLabel(format)}
      </h4>
      {preview.format === "csv" ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <Term label="Layout">{preview.layout === "journal" ? "this journal's CSV export" : "another CSV: its columns are mapped by hand"}</Term>
          <Term label="Columns">{preview.columns.length > 0 ? preview.columns.join(", ") : "—"}</Term>
        </dl>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <Term label="Account">{preview.account.login ?? "—"}</Term>
          <Term label="Server">{preview.account.server ?? "—"}</Term>
          <Term label="Currency">{preview.account.currency ?? "—"}</Term>
          <Term label="Margin mode">{marginLabel(preview.account.margin)}</Term>
          {preview.account.name && <Term label="Name">{preview.account.name}</Term>}
          {preview.account.company && <Term label="Company">{preview.account.company}</Term>}
          <Term label="Report language">{preview.language ?? "—"}</Term>
          {preview.reportTime && <Term label="Report time">{preview.reportTime.replace("T", " ")}</Term>}
          {preview.trades !== null && <Term label="Found">{`${plural(preview.trades, "trade")}, ${plural(preview.balanceOperations ?? 0, "balance operation")}`}</Term>}
        </dl>
      )}
    </section>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="wrap-anywhere">{children}</dd>
    </>
  );
}

type ImportResult = NonNullable<ImportView["result"]>;

function ResultView({ result, currency }: { result: ImportResult; currency: string | null }) {
  const rejectedTotal = result.trades.rejected + result.balance_operations.rejected;
  return (
    <div className="space-y-4">
      <section aria-labelledby="import-result" className="space-y-2">
        <h4 id="import-result" className="text-sm font-semibold">
          Result
        </h4>
        <table className="w-full max-w-2xl text-sm">
          <thead className="text-left text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                <span className="sr-only">Rows</span>
              </th>
              <th scope="col" className="px-3 py-1 text-right font-medium">New</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Already present</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Enriched</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Rejected</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <CountsRow label="Trades" tally={result.trades} />
            <CountsRow label="Balance operations" tally={result.balance_operations} />
          </tbody>
        </table>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Already present: the journal had them, nothing changed. Enriched: the journal had them and the file filled in values it lacked.
        </p>
      </section>

      {result.reconciliation && <Reconciliation reconciliation={result.reconciliation} currency={currency} />}

      {rejectedTotal > 0 && (
        <section aria-labelledby="import-rejected" className="space-y-2">
          <h4 id="import-rejected" className="text-sm font-semibold">
            Rejected rows
          </h4>
          <ul className="space-y-1 text-sm">
            {result.rejected.map((rejection, index) => (
              <li key={`${rejection.line}-${index}`}>
                <span className="font-medium tabular-nums">Line {rejection.line}</span>: {rejection.reason}
              </li>
            ))}
          </ul>
          {rejectedTotal > result.rejected.length && <p className="text-sm text-zinc-600 dark:text-zinc-400">and {formatInteger(rejectedTotal - result.rejected.length)} more</p>}
        </section>
      )}

      {result.kept_total > 0 && (
        <section aria-labelledby="import-kept" className="space-y-2">
          <h4 id="import-kept" className="text-sm font-semibold">
            Kept values
          </h4>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">The file disagreed with a stored value; an import never overwrites, so the journal kept its value.</p>
          <ul className="space-y-1 text-sm">
            {result.kept.map((kept, index) => (
              <li key={`${kept.line}-${kept.field}-${index}`}>
                <span className="font-medium tabular-nums">Line {kept.line}</span>, deal {kept.deal_ticket}, {kept.field}: the journal kept its value{" "}
                <code className="tabular-nums">{showValue(kept.stored)}</code> (the file has <code className="tabular-nums">{showValue(kept.imported)}</code>)
              </li>
            ))}
          </ul>
          {result.kept_total > result.kept.length && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">and {formatInteger(result.kept_total - result.kept.length)} more</p>
          )}
        </section>
      )}
    </div>
  );
}

function CountsRow({ label, tally }: { label: string; tally: ImportResult["trades"] }) {
  return (
    <tr>
      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
        {label}
      </th>
      <td className="px-3 py-1.5 text-right tabular-nums">{formatInteger(tally.new)}</td>
      <td className="px-3 py-1.5 text-right tabular-nums">{formatInteger(tally.present)}</td>
      <td className="px-3 py-1.5 text-right tabular-nums">{formatInteger(tally.enriched)}</td>
      <td className={`px-3 py-1.5 text-right tabular-nums ${tally.rejected > 0 ? "text-red-700 dark:text-red-400" : ""}`}>{formatInteger(tally.rejected)}</td>
    </tr>
  );
}

type ReconciliationData = NonNullable<ImportResult["reconciliation"]>;

/** The report's own totals beside the journal's, each difference with its reason; what is left is unexplained. */
function Reconciliation({ reconciliation, currency }: { reconciliation: ReconciliationData; currency: string | null }) {
  const { report, ours, explained, unexplained } = reconciliation;
  const matches = Math.abs(unexplained.netProfit) < 0.005 && unexplained.trades === 0;
  const cell = "px-3 py-1.5 text-right tabular-nums";
  return (
    <section aria-labelledby="import-reconciliation" className="space-y-2">
      <h4 id="import-reconciliation" className="text-sm font-semibold">
        Reconciliation with the report
      </h4>
      <table className="w-full max-w-2xl text-sm">
        <thead className="text-left text-xs text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              <span className="sr-only">Source</span>
            </th>
            <th scope="col" className="px-3 py-1 text-right font-medium">Total Net Profit</th>
            <th scope="col" className="px-3 py-1 text-right font-medium">Total Trades</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          <tr>
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">Report</th>
            <td className={cell}>{formatMoney(report.totalNetProfit, currency)}</td>
            <td className={cell}>{formatInteger(report.totalTrades)}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">Journal</th>
            <td className={cell}>{formatMoney(ours.netProfit, currency)}</td>
            <td className={cell}>{formatInteger(ours.trades)}</td>
          </tr>
          {explained.map((difference, index) => (
            <tr key={`${difference.reason}-${index}`} data-testid="reconciliation-explained">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-zinc-600 dark:text-zinc-400">
                {difference.reason}
              </th>
              <td className={cell}>
                <Signed value={difference.netProfit} currency={currency} />
              </td>
              <td className={cell}>{formatCount(difference.trades)}</td>
            </tr>
          ))}
          <tr className={matches ? "" : "bg-amber-50 dark:bg-amber-950"}>
            <th scope="row" className="py-1.5 pr-3 text-left font-medium">Unexplained</th>
            <td className={`${cell} ${matches ? "" : "font-semibold text-amber-800 dark:text-amber-300"}`}>{formatMoney(unexplained.netProfit, currency)}</td>
            <td className={`${cell} ${matches ? "" : "font-semibold text-amber-800 dark:text-amber-300"}`}>{formatCount(unexplained.trades)}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="reconciliation-verdict" className={`text-sm ${matches ? "text-emerald-700 dark:text-emerald-400" : "text-amber-800 dark:text-amber-300"}`}>
        {matches
          ? "The journal matches the report: every difference is explained."
          : "The journal does not match the report: part of the difference is unexplained (see the highlighted row)."}
      </p>
    </section>
  );
}

function UndoneNote({ undo }: { undo: NonNullable<ImportResult["undo"]> }) {
  return (
    <p role="status" className="rounded border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
      Undone: {plural(undo.trades_deleted, "trade")} deleted
      {undo.trades_kept > 0 ? `, ${plural(undo.trades_kept, "trade")} kept (an EA has sent them since)` : ""},{" "}
      {plural(undo.balance_operations_deleted, "balance operation")} deleted.
    </p>
  );
}

/** DELETE /api/v1/imports/{id}, after a second, explicit button. */
function UndoButton({ importId, onUndone }: { importId: number; onUndone: (item: ImportView) => void }) {
  const [step, setStep] = useState<"idle" | "confirming" | "cancelled">("idle");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function undo() {
    setPending(true);
    const answer = await send(`/api/v1/imports/${importId}`, { method: "DELETE" });
    setPending(false);
    if (!answer.ok) {
      setProblem(answer.problem);
      return;
    }
    setStep("idle");
    onUndone(answer.data);
  }

  if (step !== "confirming") {
    return (
      <div className="space-y-2">
        <button type="button" onClick={() => setStep("confirming")} autoFocus={step === "cancelled"} className={dangerButtonClass}>
          Undo this import
        </button>
        {problem && <ProblemAlert problem={problem} />}
      </div>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label="Confirm undo"
      onKeyDown={(event) => event.key === "Escape" && setStep("cancelled")}
      className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <p>Delete the trades and balance operations this import added? Trades an EA has sent since stay; values it filled into existing trades stay.</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={undo} disabled={pending} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? "Undoing…" : "Yes, undo the import"}
        </button>
        <button type="button" onClick={() => setStep("cancelled")} autoFocus className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}

/** A CSV that is not this journal's export: which column holds what (POST /api/v1/imports/{id}/mapping). */
function MappingForm({
  importId,
  preview,
  utcOffsetMinutes,
  onQueued,
}: {
  importId: number;
  preview: CsvPreview;
  utcOffsetMinutes: number | null;
  onQueued: (item: ImportView) => void;
}) {
  const formId = useId();
  const [mapping, setMapping] = useState<CsvColumnMapping>(() => suggestedMapping(preview));
  const [account, setAccount] = useState({ login: "", server: "", currency: "" });
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const fieldErrors = new Map((problem?.details ?? []).map((detail) => [detail.field.replace(/^mapping\.(fields\.)?/, ""), detail.message]));

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const login = account.login.trim();
    const { decimalComma, timeFormat, ...fields } = mapping;
    const body = {
      mapping: {
        fields,
        decimalComma,
        timeFormat,
        ...(login || account.server.trim() || account.currency.trim()
          ? { account: { login: /^\d+$/.test(login) ? Number(login) : login, server: account.server.trim(), currency: account.currency.trim().toUpperCase() } }
          : {}),
      },
      ...(utcOffsetMinutes !== null ? { utc_offset_minutes: utcOffsetMinutes } : {}),
    };
    setPending(true);
    const answer = await send(`/api/v1/imports/${importId}/mapping`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setPending(false);
    if (!answer.ok) {
      setProblem(answer.problem);
      return;
    }
    setProblem(null);
    onQueued(answer.data);
  }

  const select = (id: string, error: string | undefined) => ({
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: inputClass,
  });

  return (
    <form onSubmit={submit} aria-labelledby={`${formId}-title`} className={`space-y-4 ${cardClass}`}>
      <div className="space-y-1">
        <h4 id={`${formId}-title`} className="text-sm font-semibold">
          Column mapping
        </h4>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This CSV is not this journal&apos;s export: say which column holds each field. Suggestions are filled in from the column names.
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {mappingFields.map(({ field, label }) => {
          const id = `${formId}-${field}`;
          const error = fieldErrors.get(field);
          return (
            <div key={field} className="min-w-0 space-y-1">
              <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {label}
              </label>
              <select
                {...select(id, error)}
                value={mapping[field] ?? ""}
                onChange={(event) => setMapping({ ...mapping, [field]: event.target.value === "" ? null : event.target.value })}
              >
                <option value="">— not in file —</option>
                {preview.columns.map((column, index) => (
                  <option key={`${column}-${index}`} value={column}>
                    {column === "" ? `(column ${index + 1} has no name)` : column}
                  </option>
                ))}
              </select>
              {error && (
                <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-64 space-y-1">
          <label htmlFor={`${formId}-time-format`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Time format
          </label>
          <select
            {...select(`${formId}-time-format`, fieldErrors.get("timeFormat"))}
            value={mapping.timeFormat}
            onChange={(event) => setMapping({ ...mapping, timeFormat: event.target.value as TimeFormat })}
          >
            {timeFormats.map((format) => (
              <option key={format.value} value={format.value}>
                {format.label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={mapping.decimalComma} onChange={(event) => setMapping({ ...mapping, decimalComma: event.target.checked })} />
          Decimal comma (1.234,56)
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Account (optional): the account these trades belong to
        </legend>
        <div className="flex flex-wrap gap-3">
          {(
            [
              { key: "login", label: "Account login", width: "w-40", inputMode: "numeric" },
              { key: "server", label: "Account server", width: "w-56", inputMode: "text" },
              { key: "currency", label: "Account currency", width: "w-28", inputMode: "text" },
            ] as const
          ).map(({ key, label, width, inputMode }) => {
            const id = `${formId}-account-${key}`;
            const error = fieldErrors.get(`account.${key}`);
            return (
              <div key={key} className={`${width} space-y-1`}>
                <label htmlFor={id} className="block text-xs text-zinc-600 dark:text-zinc-400">
                  {label}
                </label>
                <input
                  id={id}
                  value={account[key]}
                  inputMode={inputMode}
                  autoComplete="off"
                  onChange={(event) => setAccount({ ...account, [key]: event.target.value })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className={inputClass}
                />
                {error && (
                  <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {problem && <ProblemAlert problem={problem} />}
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Starting…" : "Import with this mapping"}
      </button>
    </form>
  );
}

function ProblemAlert({ problem }: { problem: Problem }) {
  return (
    <div role="alert" className="space-y-1 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">{problem.message}</p>
      {problem.details.length > 0 && (
        <ul className="list-disc pl-5">
          {problem.details.map((detail, index) => (
            <li key={`${detail.field}-${index}`}>
              <code>{detail.field}</code>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Same-origin requests: the session cookie goes along. Errors come in the API's envelope. */
async function send(url: string, init: RequestInit): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: "no-store" });
  } catch {
    return { ok: false, unreachable: true, problem: { message: "The server could not be reached", details: [] } };
  }
  const body = (await response.json().catch(() => null)) as { data?: ImportView; error?: { message?: unknown; details?: unknown } } | null;
  if (response.ok && body?.data) return { ok: true, data: body.data };
  const error = body?.error;
  const details = Array.isArray(error?.details)
    ? error.details
        .filter((detail): detail is { field: string; message: string } => typeof detail?.field === "string" && typeof detail?.message === "string")
        .map(({ field, message }) => ({ field, message }))
    : [];
  const message = typeof error?.message === "string" ? error.message : `The server answered ${response.status} ${response.statusText}`.trim();
  return { ok: false, problem: { message, details } };
}

/** The runner's suggestion, kept only where it names a column the file has. */
function suggestedMapping(preview: CsvPreview): CsvColumnMapping {
  const suggested = preview.suggested ?? {};
  const suggestedFields = (suggested.fields ?? {}) as Record<string, unknown>;
  const columns = new Set(preview.columns);
  const mapping = Object.fromEntries(
    mappingFields.map(({ field }) => {
      const column = suggestedFields[field];
      return [field, typeof column === "string" && columns.has(column) ? column : null];
    }),
  ) as Record<MappingField, string | null>;
  const timeFormat = timeFormats.some((format) => format.value === suggested.timeFormat) ? (suggested.timeFormat as TimeFormat) : "mt5";
  return { ...mapping, decimalComma: suggested.decimalComma === true, timeFormat };
}

function formatCount(value: number): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatInteger(Math.abs(value))}`;
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  return typeof value === "string" ? value : JSON.stringify(value);
}
