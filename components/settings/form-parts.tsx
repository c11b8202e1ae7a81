import { useId } from "react";
import type { SettingsFormState } from "@/app/settings/actions";

// The small pieces every settings form shares: a labelled field that shows the API's message for it,
// the outcome line, the button styles, and the card and code styles of the settings sections.

export const cardClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
export const codeClass = "rounded bg-zinc-100 px-1 wrap-anywhere dark:bg-zinc-800";

export const inputClass =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:aria-invalid:border-red-500";
export const primaryButtonClass =
  "shrink-0 rounded bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300";
export const secondaryButtonClass =
  "shrink-0 rounded border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const dangerButtonClass =
  "shrink-0 rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-400 dark:hover:bg-red-950";

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "className">;

/** A labelled input; the API's message for its field appears under it and is read with it. */
export function Field({
  label,
  name,
  state,
  className = "",
  ...input
}: {
  label: React.ReactNode;
  name: string;
  state: SettingsFormState;
  className?: string;
} & InputProps) {
  const id = useId();
  const error = state.fieldErrors?.[name];
  return (
    <div className={`min-w-0 space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
        {...input}
        // A refused form keeps what was typed; otherwise the stored value.
        defaultValue={state.status === "invalid" && state.values?.[name] !== undefined ? state.values[name] : input.defaultValue}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** The outcome of the last submit: a status line, or an alert when it was refused. */
export function FormMessage({ state, className = "" }: { state: SettingsFormState; className?: string }) {
  return (
    <>
      <p role="status" className={`text-sm text-emerald-700 empty:hidden dark:text-emerald-400 ${className}`}>
        {state.status === "saved" ? state.message : ""}
      </p>
      {state.status === "invalid" && (
        <p role="alert" className={`text-sm text-red-700 dark:text-red-400 ${className}`}>
          {state.message}
        </p>
      )}
    </>
  );
}
