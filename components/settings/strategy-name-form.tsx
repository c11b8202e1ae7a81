"use client";

import { useActionState, useId } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/settings/form-parts";

type Action = (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;

/** The trader's name for the strategy behind one magic number, on one line; the filters and breakdowns show it. */
export function StrategyNameForm({ magicNumber, name, save, remove }: { magicNumber: number; name: string | null; save: Action; remove: Action }) {
  const [saved, saveAction, saving] = useActionState(save, { status: "idle" });
  const [removed, removeAction, removing] = useActionState(remove, { status: "idle" });
  const id = useId();
  const error = saved.fieldErrors?.name;
  // Whichever was submitted last speaks.
  const latest = (removed.at ?? 0) > (saved.at ?? 0) ? removed : saved;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <form action={saveAction} aria-label={`Magic ${magicNumber}`} className="flex min-w-0 flex-1 items-center gap-2">
          <label htmlFor={id} className="w-20 shrink-0 text-sm">
            <span className="sr-only">Strategy name for magic </span>
            <span className="font-mono">{magicNumber}</span>
            {magicNumber === 0 && <span className="block text-xs text-zinc-500 dark:text-zinc-400">manual</span>}
          </label>
          <input
            id={id}
            name="name"
            // A refused form keeps what was typed; otherwise the stored name.
            defaultValue={saved.status === "invalid" ? saved.values?.name : (name ?? "")}
            maxLength={64}
            placeholder="unnamed"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={inputClass}
          />
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            {saving ? "Saving…" : "Save name"}
          </button>
        </form>
        {name !== null && (
          <form action={removeAction}>
            <button type="submit" disabled={removing} aria-label={`Remove name of magic ${magicNumber}`} className={secondaryButtonClass}>
              {removing ? "Removing…" : "Remove"}
            </button>
          </form>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="pl-22 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <FormMessage state={latest} className="pl-22" />
    </div>
  );
}
