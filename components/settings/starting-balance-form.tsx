"use client";

import { useActionState } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { Field, FormMessage, primaryButtonClass } from "@/components/settings/form-parts";

/** The deposit balance-based figures start from, dated before the account's first trade by default. */
export function StartingBalanceForm({
  amount,
  time,
  save,
}: {
  amount: number | null;
  time: string | null;
  save: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
}) {
  const [state, action, pending] = useActionState(save, { status: "idle" });
  return (
    <form action={action} className="space-y-1">
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label="Starting balance"
          name="amount"
          state={state}
          type="number"
          min="0.01"
          step="0.01"
          inputMode="decimal"
          required
          defaultValue={amount ?? ""}
          className="w-32"
        />
        <Field label="Dated (broker time)" name="time" state={state} type="datetime-local" step="1" required defaultValue={time ?? ""} className="w-56" />
        <button type="submit" disabled={pending} className={`mt-5 ${primaryButtonClass}`}>
          {pending ? "Saving…" : "Set starting balance"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
