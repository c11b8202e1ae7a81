"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { FilterOption } from "@/lib/ui/filter-options";

/**
 * A dropdown of checkboxes: Tab reaches it, Enter/Space opens it, Tab and Space pick, Escape closes.
 * Long lists get a search box. Each change is applied at once (the URL is the state).
 */
export function MultiSelect({
  name,
  label,
  options,
  selected,
  onChange,
}: {
  name: string;
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const visible = search ? options.filter((option) => option.label.toLowerCase().includes(search.toLowerCase())) : options;
  const chosen = options.filter((option) => selected.includes(option.value));
  const summary = chosen.length === 0 ? "All" : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`;
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        data-filter={name}
        onClick={() => setOpen(!open)}
        className={`flex h-8 max-w-56 items-center gap-1.5 rounded border px-2.5 text-sm ${
          chosen.length > 0
            ? "border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100"
            : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900"
        }`}
      >
        <span className="text-zinc-500 dark:text-zinc-400">{label}:</span>
        <span className="truncate">{summary}</span>
        <span aria-hidden className="text-xs text-zinc-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={listId}
          role="group"
          aria-label={label}
          className="absolute left-0 z-30 mt-1 max-h-80 w-64 overflow-auto rounded border border-zinc-300 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {options.length > 8 && (
            <input
              type="search"
              autoFocus
              placeholder="Search…"
              aria-label={`Search ${label}`}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="mb-1 w-full rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
            />
          )}
          {visible.length === 0 && <p className="px-2 py-1 text-sm text-zinc-500">No values</p>}
          {visible.map((option, index) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <input
                type="checkbox"
                autoFocus={options.length <= 8 && index === 0}
                checked={selected.includes(option.value)}
                onChange={() => toggle(option.value)}
                className="accent-sky-600"
              />
              <span className="truncate">{option.label}</span>
            </label>
          ))}
          {chosen.length > 0 && (
            <button
              type="button"
              onClick={() => onChange([])}
              className="mt-1 w-full rounded px-2 py-1 text-left text-xs text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              Clear {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
