"use client";

import { useActionState, useId } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { FormMessage, inputClass, primaryButtonClass } from "@/components/settings/form-parts";

type Save = (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;

/**
 * One value of an account (its name or its currency) set in place: a field and its button on one
 * line, the hint and the API's message for the field under both, so a narrow field stays readable.
 */
export function AccountValueForm({
  label,
  name,
  value,
  button,
  hint,
  save,
  inputClassName = "",
  ...input
}: {
  label: string;
  name: "name" | "currency";
  value: string;
  button: string;
  hint: string;
  save: Save;
  inputClassName?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "maxLength" | "placeholder" | "autoCapitalize">) {
  const [state, action, pending] = useActionState(save, { status: "idle" });
  const id = useId();
  const error = state.fieldErrors?.[name];
  return (
    <form action={action} className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          name={name}
          // A refused form keeps what was typed; otherwise the stored value.
          defaultValue={state.status === "invalid" ? state.values?.[name] : value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          autoComplete="off"
          className={`${inputClass} ${inputClassName}`}
          {...input}
        />
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : button}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {hint}
      </p>
      <FormMessage state={state} />
    </form>
  );
}
