"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { MultiSelect } from "@/components/filters/multi-select";
import type { FilterOptions } from "@/lib/ui/filter-options";
import { filterNames } from "@/lib/ui/filter-names";

const selects: { name: keyof FilterOptions; label: string }[] = [
  { name: "account_id", label: "Account" },
  { name: "symbol", label: "Symbol" },
  { name: "magic_number", label: "Strategy" },
  { name: "side", label: "Side" },
  { name: "outcome", label: "Outcome" },
  { name: "position_reason", label: "Reason" },
  { name: "tag", label: "Tag" },
];

const day = 86_400_000;
/** The URL's `to` is exclusive (as in the API); the date input shows the last day included. */
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);

/** The one filter bar of the dashboard and the journal: every change rewrites the URL. */
export function FilterBar({ options }: { options: FilterOptions }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  function apply(changes: Record<string, string[]>) {
    const params = new URLSearchParams(searchParams);
    params.delete("cursor"); // a page cursor belongs to the old filters
    for (const [name, values] of Object.entries(changes)) {
      params.delete(name);
      for (const value of values) params.append(name, value);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const from = searchParams.get("from")?.slice(0, 10) ?? "";
  const to = searchParams.get("to") ? shiftDate(searchParams.get("to")!.slice(0, 10), -1) : "";
  const active = filterNames.some((name) => searchParams.has(name));

  return (
    <form
      role="search"
      aria-label="Filters"
      aria-busy={pending}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => event.preventDefault()}
    >
      {selects.map(({ name, label }) => (
        <MultiSelect
          key={name}
          name={name}
          label={label}
          options={options[name]}
          selected={searchParams.getAll(name)}
          onChange={(values) => apply({ [name]: values })}
        />
      ))}
      <DateField label="From" name="from" value={from} onChange={(date) => apply({ from: date ? [date] : [] })} />
      <DateField label="To" name="to" value={to} onChange={(date) => apply({ to: date ? [shiftDate(date, 1)] : [] })} />
      {active && (
        <button
          type="button"
          onClick={() => apply(Object.fromEntries(filterNames.map((name) => [name, []])))}
          className="h-8 rounded px-2 text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400"
        >
          Clear filters
        </button>
      )}
      {pending && <span className="text-xs text-zinc-500">Loading…</span>}
    </form>
  );
}

function DateField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (date: string) => void }) {
  return (
    <label className="flex h-8 items-center gap-1.5 rounded border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      <span className="text-zinc-500 dark:text-zinc-400">{label}</span>
      <input type="date" name={name} value={value} onChange={(event) => onChange(event.target.value)} className="bg-transparent" />
    </label>
  );
}
