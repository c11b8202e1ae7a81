import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">There is no page or trade at this address: it may have been deleted or mistyped.</p>
      <p className="flex gap-4 text-sm">
        <Link href="/trades" className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          Back to the journal
        </Link>
        <Link href="/" className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          Dashboard
        </Link>
      </p>
    </main>
  );
}
