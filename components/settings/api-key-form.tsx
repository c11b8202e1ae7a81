"use client";

import { useActionState, useId, useState } from "react";
import type { SettingsFormState } from "@/app/settings/actions";
import { Field, FormMessage, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/settings/form-parts";

/** Creates an API key and shows it once, with a copy button; the form stays for the next key. */
export function ApiKeyForm({
  accounts,
  create,
}: {
  accounts: { id: number; name: string }[];
  create: (state: SettingsFormState, form: FormData) => Promise<SettingsFormState>;
}) {
  const [state, action, pending] = useActionState(create, { status: "idle" });
  const scopeId = useId();
  const accountId = useId();
  return (
    <div className="space-y-3">
      <form action={action} className="grid items-end gap-2 sm:grid-cols-[minmax(10rem,1fr)_auto_auto_auto]">
        <Field label="Name (what uses it)" name="name" state={state} placeholder="VPS terminal" maxLength={64} required />
        <div className="space-y-1">
          <label htmlFor={scopeId} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Scope
          </label>
          <select id={scopeId} name="scope" defaultValue="write" className={inputClass}>
            <option value="write">write (EA: store trades, and read)</option>
            <option value="read">read only</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={accountId} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Account
          </label>
          <select id={accountId} name="account_id" defaultValue="" className={inputClass}>
            <option value="">all accounts</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                only {account.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      <FormMessage state={state} />
      {state.secret && <NewKey key={state.secret} secret={state.secret} />}
    </div>
  );
}

function NewKey({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p className="font-medium">Your new API key (shown only now):</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-api-key" className="rounded bg-white px-2 py-1 font-mono break-all dark:bg-zinc-900">
          {secret}
        </code>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="text-zinc-600 dark:text-zinc-400">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code> (or <code>X-API-Key</code>). Lost it? Revoke it and create another.
      </p>
    </div>
  );
}
