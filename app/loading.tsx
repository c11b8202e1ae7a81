/** Shown while a page's figures are read: the shape of a page (filters, figures, a large block), without numbers. */
export default function Loading() {
  const block = "rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4 motion-reduce:animate-none">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-40 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="h-8 w-28 rounded bg-zinc-200 dark:bg-zinc-800" />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className={`h-[84px] ${block}`} />
        ))}
      </div>
      <div className={`h-96 ${block}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={`h-72 ${block}`} />
        <div className={`h-72 ${block}`} />
      </div>
    </div>
  );
}
