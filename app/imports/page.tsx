import type { Metadata } from "next";
import { ImportList } from "@/components/imports/import-list";
import { ImportUploader } from "@/components/imports/import-uploader";
import { cardClass } from "@/components/settings/form-parts";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { listImports } from "@/lib/import/list-imports";
import type { ImportView } from "@/lib/ui/import-words";

export const metadata: Metadata = { title: "Import" };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, accounts] = await Promise.all([searchParams, listAccounts()]);
  const imports: ImportView[] = listImports(20);
  const accountNames = Object.fromEntries(accounts.map((account) => [account.id, account.name]));
  // "Follow" and "map columns" in the list open that import in the uploader.
  const followed = imports.find((item) => String(item.id) === params.import) ?? null;

  return (
    <main className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">Import</h1>
        <div className="max-w-3xl space-y-1 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
          <p>Bring in trades the EA did not send: the history from before it ran, or from another terminal.</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <strong className="font-medium text-zinc-900 dark:text-zinc-100">An MT5 History report</strong>: in the terminal, Toolbox → History,
              right-click → Report → HTML or Open XML (Excel). Its deals, balance operations and account are read, and its totals are compared with
              the journal&apos;s.
            </li>
            <li>
              <strong className="font-medium text-zinc-900 dark:text-zinc-100">This journal&apos;s own CSV export</strong> (Journal → Export CSV),
              with its notes and tags.
            </li>
            <li>
              <strong className="font-medium text-zinc-900 dark:text-zinc-100">Any other CSV</strong>: you say which column holds what.
            </li>
          </ul>
          <p>
            Importing the same file again adds nothing: trades are matched by deal ticket. An import only fills in what is missing; values an EA sent
            are never overwritten, and an import can be undone.
          </p>
        </div>
      </header>

      <section aria-labelledby="upload" className={`space-y-4 ${cardClass} p-5`}>
        <h2 id="upload" className="text-lg font-semibold">
          Upload a file
        </h2>
        <ImportUploader key={followed?.id ?? "new"} initial={followed} />
      </section>

      <ImportList imports={imports} accountNames={accountNames} />
    </main>
  );
}
