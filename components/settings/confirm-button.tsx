"use client";

import { useActionState, useState } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { dangerButtonClass, FormMessage, secondaryButtonClass } from "@/components/settings/form-parts";

/** A destructive action that asks first, saying what it does; a second, explicit button confirms. */
export function ConfirmButton({
  label,
  confirmLabel,
  pendingLabel,
  warning,
  act,
}: {
  label: string;
  confirmLabel: string;
  pendingLabel: string;
  warning: string;
  act: () => Promise<SettingsFormState>;
}) {
  const [state, action, pending] = useActionState(act, { status: "idle" });
  // "cancelled" gives the focus back to the first button.
  const [step, setStep] = useState<"idle" | "confirming" | "cancelled">("idle");
  if (step !== "confirming") {
    return (
      <div className="space-y-1">
        <button type="button" onClick={() => setStep("confirming")} autoFocus={step === "cancelled"} className={dangerButtonClass}>
          {label}
        </button>
        <FormMessage state={state} />
      </div>
    );
  }
  return (
    <form
      action={action}
      role="alertdialog"
      aria-label={`Confirm ${confirmLabel.replace(/^Yes, /, "")}`}
      onKeyDown={(event) => event.key === "Escape" && setStep("cancelled")}
      className="space-y-2 rounded border border-red-300 bg-red-50 p-2 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <p>{warning}</p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" onClick={() => setStep("cancelled")} autoFocus className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
