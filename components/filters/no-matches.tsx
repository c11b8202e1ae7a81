import Link from "next/link";

/** What a view shows when the filters match no trade, instead of empty tables and charts. */
export function NoMatches({ clearHref }: { clearHref: string }) {
  return (
    <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      No trades match these filters.{" "}
      <Link href={clearHref} className="underline">
        Clear filters
      </Link>
    </p>
  );
}
