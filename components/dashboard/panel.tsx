/** A titled dashboard block; `note` is a short line under the title (units, what was left out). */
export function Panel({
  title,
  note,
  className = "",
  children,
}: {
  title: string;
  note?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-lg border border-zinc-200 bg-white p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {note && <p className="text-xs text-zinc-500 dark:text-zinc-400">{note}</p>}
      </div>
      {children}
    </section>
  );
}
