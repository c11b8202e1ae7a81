"use client";

import { useActionState } from "react";
import type { JournalFormState } from "@/app/trades/[id]/actions";

/** The trader's note and tags, edited in place; saved by a server action through the API's schema. */
export function JournalEditor({
  note,
  tags,
  save,
}: {
  note: string | null;
  tags: string[];
  save: (state: JournalFormState, form: FormData) => Promise<JournalFormState>;
}) {
  const [state, action, pending] = useActionState(save, { status: "idle" });
  return (
    <form action={action} className="space-y-3" aria-label="Journal">
      <label className="block space-y-1">
        <span className="text-sm font-medium">Notes</span>
        <textarea
          name="note"
          defaultValue={note ?? ""}
          rows={5}
          maxLength={10_000}
          placeholder="Why you took it, how you managed it, what you would do again…"
          className="w-full rounded border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Tags</span>
        <input
          name="tags"
          defaultValue={tags.join(", ")}
          placeholder="breakout, news, a+ setup"
          className="w-full rounded border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">Comma-separated; the journal can be filtered by tag.</span>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          {pending ? "Saving…" : "Save journal"}
        </button>
        <p role="status" className="text-sm">
          {state.status === "saved" && <span className="text-emerald-700 dark:text-emerald-400">Saved.</span>}
          {state.status === "invalid" && <span className="text-red-700 dark:text-red-400">Not saved: {state.message}</span>}
        </p>
      </div>
    </form>
  );
}
