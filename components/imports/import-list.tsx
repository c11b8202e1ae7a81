import Link from "next/link";
import { cardClass } from "@/components/settings/form-parts";
import { formatInteger } from "@/lib/ui/format";
import { formatLabel, readPreview, statusLabel, type ImportStatus, type ImportView } from "@/lib/ui/import-words";

const statusClass: Record<ImportStatus, string> = {
  queued: "text-zinc-600 dark:text-zinc-400",
  running: "text-sky-700 dark:text-sky-400",
  needs_mapping: "text-amber-700 dark:text-amber-400",
  done: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  undone: "text-zinc-500 dark:text-zinc-400",
};

/** The recent imports, newest first; each file name opens its import above (to follow it, map its columns, or undo it). */
export function ImportList({ imports, accountNames }: { imports: ImportView[]; accountNames: Record<number, string> }) {
  return (
    <section aria-labelledby="recent-imports" className="space-y-3">
      <h2 id="recent-imports" className="text-lg font-semibold">
        Recent imports
      </h2>
      {imports.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No imports yet.
        </p>
      ) : (
        <div className={`overflow-x-auto p-0 ${cardClass}`}>
          <table className="w-full text-sm">
            <caption className="sr-only">Recent imports; the counts add trades and balance operations</caption>
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">File</th>
                <th scope="col" className="px-3 py-2 font-medium">Format</th>
                <th scope="col" className="px-3 py-2 font-medium">Account</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">New</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Present</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Enriched</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Rejected</th>
                <th scope="col" className="px-3 py-2 font-medium">When (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {imports.map((item) => (
                <ImportRow key={item.id} item={item} accountName={item.account_id === null ? null : (accountNames[item.account_id] ?? null)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ImportRow({ item, accountName }: { item: ImportView; accountName: string | null }) {
  const preview = readPreview(item.preview);
  const reportAccount = preview && preview.format !== "csv" && preview.account.login !== null ? `${preview.account.login} @ ${preview.account.server ?? "?"}` : null;
  const counts = item.result;
  const sum = (key: "new" | "present" | "enriched" | "rejected") =>
    counts ? formatInteger(counts.trades[key] + counts.balance_operations[key]) : "—";
  return (
    <tr data-testid={`import-${item.id}`}>
      <td className="max-w-64 truncate px-3 py-2" title={item.file_name}>
        <Link href={`/imports?import=${item.id}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          {item.file_name}
        </Link>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{formatLabel(item.format)}</td>
      <td className="min-w-40 px-3 py-2">{accountName ?? reportAccount ?? "—"}</td>
      <td className={`px-3 py-2 whitespace-nowrap ${statusClass[item.status]}`}>
        {statusLabel(item.status)}
        {item.status === "needs_mapping" && (
          <>
            {" · "}
            <Link href={`/imports?import=${item.id}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
              map columns
            </Link>
          </>
        )}
        {item.status === "failed" && item.error && <span className="block max-w-80 text-xs whitespace-normal">{item.error}</span>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{sum("new")}</td>
      <td className="px-3 py-2 text-right tabular-nums">{sum("present")}</td>
      <td className="px-3 py-2 text-right tabular-nums">{sum("enriched")}</td>
      <td className="px-3 py-2 text-right tabular-nums">{sum("rejected")}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        <time dateTime={item.created_at}>{item.created_at.slice(0, 16).replace("T", " ")}</time>
      </td>
    </tr>
  );
}
