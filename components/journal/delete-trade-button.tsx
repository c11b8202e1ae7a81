"use client";

import { useState, useTransition } from "react";

/** Deleting asks first: a second, explicit button confirms. */
export function DeleteTradeButton({ remove }: { remove: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950"
      >
        Delete trade…
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label="Confirm delete" className="flex flex-wrap items-center gap-2 text-sm">
      <span>Delete this trade and its notes? The EA would store it again if it resent it.</span>
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(() => remove())}
        className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "Deleting…" : "Yes, delete"}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="rounded px-3 py-1.5 hover:underline">
        Cancel
      </button>
    </div>
  );
}
