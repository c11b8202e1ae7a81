import { addApiKey, removeApiKey } from "@/app/settings/actions";
import { ApiKeyForm } from "@/components/settings/api-key-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { cardClass } from "@/components/settings/form-parts";
import type { AccountResource } from "@/lib/accounts/account-resource";
import type { ApiKeyRecord } from "@/lib/auth/api-keys";

// Stored times are UTC instants (not broker times): shown in UTC, as the server has no idea of the reader's zone.
const formatInstant = (iso: string | null) => (iso === null ? "never" : `${iso.slice(0, 16).replace("T", " ")} UTC`);

/** The API keys: who may send and read trades once the first key exists. */
export function ApiKeysSection({ keys, accounts }: { keys: ApiKeyRecord[]; accounts: AccountResource[] }) {
  const accountName = (id: number | null) => (id === null ? "all accounts" : (accounts.find((account) => account.id === id)?.name ?? `account ${id}`));
  return (
    <section aria-labelledby="api-keys" className={`space-y-3 ${cardClass}`}>
      <h2 id="api-keys" className="text-lg font-semibold">
        API keys
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {keys.length === 0
          ? "No key yet: the API is open to anyone who can reach this server. Once you create the first key, storing trades needs a write key and reading them through the API a key (or this signed-in browser). Create one per EA or machine."
          : "Storing trades needs a write key; reading through the API a key of either scope. A key tied to one account stores trades that name no account there, and cannot touch other accounts."}
      </p>
      {keys.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-1 pr-3 font-medium">Name</th>
                <th className="py-1 pr-3 font-medium">Key</th>
                <th className="py-1 pr-3 font-medium">Scope</th>
                <th className="py-1 pr-3 font-medium">Account</th>
                <th className="py-1 pr-3 font-medium">Created</th>
                <th className="py-1 pr-3 font-medium">Last used</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Status</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row" className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-2 pr-3 font-medium">{key.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{key.prefix}…</td>
                  <td className="py-2 pr-3">{key.scope}</td>
                  <td className="py-2 pr-3">{accountName(key.accountId)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatInstant(key.createdAt)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatInstant(key.lastUsedAt)}</td>
                  <td className="py-2">
                    {key.revokedAt !== null ? (
                      <span className="text-zinc-500 dark:text-zinc-400">revoked {formatInstant(key.revokedAt)}</span>
                    ) : (
                      <ConfirmButton
                        label="Revoke…"
                        confirmLabel="Yes, revoke"
                        pendingLabel="Revoking…"
                        warning={`Revoke “${key.name}”? Requests with it are refused from now on; this cannot be undone.`}
                        act={removeApiKey.bind(null, key.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ApiKeyForm accounts={accounts.map((account) => ({ id: account.id, name: account.name }))} create={addApiKey} />
    </section>
  );
}
