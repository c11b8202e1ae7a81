"use client";

import { useActionState, useState } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/settings/form-parts";
import { plural } from "@/lib/ui/plural";

interface Choice {
  id: number;
  name: string;
}

/**
 * Merges the default account into a real one, after a confirmation naming both. Rendered even
 * when there is nothing (left) to merge, so the counts of a merge stay shown once the account is gone.
 */
export function MergeAccountForm({
  source,
  targets,
  merge,
}: {
  source: (Choice & { tradeCount: number }) | null;
  targets: Choice[];
  merge: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
}) {
  const [state, action, pending] = useActionState(merge, { status: "idle" });
  const [targetId, setTargetId] = useState(targets[0]?.id);
  // "cancelled" gives the focus back to the Merge button.
  const [step, setStep] = useState<"idle" | "confirming" | "cancelled">("idle");
  const confirming = step === "confirming";
  const target = targets.find((choice) => choice.id === targetId) ?? targets[0];
  if (!source || !target) return <FormMessage state={state} />;
  return (
    <form
      action={(form) => {
        setStep("idle");
        action(form);
      }}
      aria-label="Merge the default account"
      className="space-y-2"
    >
      <div className="flex flex-wrap items-end gap-2">
        <label className="space-y-1">
          <span className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">Merge {source.name} into</span>
          <select
            name="into_account_id"
            value={target.id}
            onChange={(event) => setTargetId(Number(event.target.value))}
            className={`${inputClass} sm:w-72`}
          >
            {targets.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </label>
        {!confirming && (
          <button
            type="button"
            disabled={pending}
            onClick={() => setStep("confirming")}
            autoFocus={step === "cancelled"}
            className={primaryButtonClass}
          >
            {pending ? "Merging…" : "Merge"}
          </button>
        )}
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-label="Confirm merge"
          onKeyDown={(event) => event.key === "Escape" && setStep("cancelled")}
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <span>
            Move {plural(source.tradeCount, "trade")} of {source.name} into {target.name}, then delete {source.name}?
          </span>
          <button type="submit" className={primaryButtonClass}>
            Yes, merge
          </button>
          <button type="button" onClick={() => setStep("cancelled")} autoFocus className={secondaryButtonClass}>
            Cancel
          </button>
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}
