"use client";

import { useActionState } from "react";
import type { SettingsFormState } from "@/app/settings/actions";

/** Removes one balance operation (entered by mistake); its row goes, or the reason it could not shows. */
export function DeleteOperationButton({ label, remove }: { label: string; remove: () => Promise<SettingsFormState> }) {
  const [state, action, pending] = useActionState(remove, { status: "idle" });
  return (
    <form action={action} className="inline">
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className="rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50 hover:underline disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950"
      >
        {pending ? "Deleting…" : "Delete"}
      </button>
      {state.status === "invalid" && (
        <span role="alert" className="block text-xs text-red-700 dark:text-red-400">
          {state.message}
        </span>
      )}
    </form>
  );
}
