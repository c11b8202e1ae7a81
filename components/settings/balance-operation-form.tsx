"use client";

import { useActionState, useId } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { Field, FormMessage, inputClass, primaryButtonClass } from "@/components/settings/form-parts";

/** A deposit, withdrawal, credit or adjustment entered by hand; a deposit's or withdrawal's amount is typed without a sign. */
export function BalanceOperationForm({ save }: { save: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState> }) {
  const [state, action, pending] = useActionState(save, { status: "idle" });
  const typeId = useId();
  const typeError = state.fieldErrors?.type;
  return (
    <form action={action} aria-label="Add a balance operation" className="space-y-2">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-[8rem_1fr_1fr]">
        <div className="space-y-1">
          <label htmlFor={typeId} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Type
          </label>
          <select
            id={typeId}
            name="type"
            defaultValue={state.status === "invalid" ? state.values?.type : "deposit"}
            aria-invalid={typeError ? true : undefined}
            className={inputClass}
          >
            <option value="deposit">Deposit</option>
            <option value="withdrawal">Withdrawal</option>
            <option value="credit">Credit</option>
            <option value="adjustment">Adjustment</option>
          </select>
          {typeError && <p className="text-xs text-red-700 dark:text-red-400">{typeError}</p>}
        </div>
        <Field label="Amount" name="amount" state={state} type="number" step="0.01" inputMode="decimal" required />
        <Field label="Time (broker)" name="time" state={state} type="datetime-local" step="1" required className="col-span-2 sm:col-span-1" />
      </div>
      <div className="flex items-start gap-2">
        <Field label="Comment" name="comment" state={state} maxLength={255} placeholder="optional" className="flex-1" />
        <button type="submit" disabled={pending} className={`mt-5 ${primaryButtonClass}`}>
          {pending ? "Adding…" : "Add operation"}
        </button>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Type the amount without a sign: a withdrawal is stored negative. A credit keeps the sign you type (−50 removes credit), and so
        does an adjustment: any other booking that moves the balance, such as a fee (−), interest or a correction (either sign).
      </p>
      <FormMessage state={state} />
    </form>
  );
}
