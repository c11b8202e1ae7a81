import type { Metadata } from "next";
import { headers } from "next/headers";
import { mergeDefaultAccount } from "@/app/settings/actions";
import { AccountSection } from "@/components/settings/account-section";
import { cardClass, codeClass } from "@/components/settings/form-parts";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { JournalEaSection } from "@/components/settings/journal-ea-section";
import { MergeAccountForm } from "@/components/settings/merge-account-form";
import { ConnectEa } from "@/components/ui/connect-ea";
import { listAccounts } from "@/lib/accounts/list-accounts";
import type { AccountResource } from "@/lib/accounts/account-resource";
import { apiKeysRequired, listApiKeys } from "@/lib/auth/api-keys";
import { listBalanceOperations } from "@/lib/balance-operations/list-balance-operations";
import { validate } from "@/lib/http/validate";
import { listBalanceOperationsQuery } from "@/lib/schemas/balance-operation";
import { listTradesQuery } from "@/lib/schemas/trade-query";
import { listMagicNumbers } from "@/lib/strategies/list-magic-numbers";
import { listStrategies } from "@/lib/strategies/list-strategies";
import { listTrades } from "@/lib/trades/list-trades";
import { formatInteger } from "@/lib/ui/format";
import { plural } from "@/lib/ui/plural";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [accounts, operations, strategies, origin] = await Promise.all([
    listAccounts(),
    listBalanceOperations(validate(listBalanceOperationsQuery, {}, "query")),
    listStrategies(),
    requestOrigin(),
  ]);
  const firstCloseTime = (accountId: number) =>
    listTrades(validate(listTradesQuery, { account_id: String(accountId), sort: "close_time", limit: "1" }, "query")).data[0]?.close_time ?? null;
  const defaultAccount = accounts.find((account) => account.is_default && account.trade_count > 0);

  return (
    <main className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Accounts, their balance operations and strategy names, API keys, and how to connect an EA.
        </p>
      </header>

      <section aria-labelledby="accounts" className="space-y-3">
        <h2 id="accounts" className="text-lg font-semibold">
          Accounts <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">({formatInteger(accounts.length)})</span>
        </h2>
        {accounts.length === 0 && (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No accounts yet: an account appears with the first trade or balance operation an EA sends (see below).
          </p>
        )}
        <MergePanel source={defaultAccount ?? null} accounts={accounts} />
        {accounts.map((account) => (
          <AccountSection
            key={account.id}
            account={account}
            operations={operations.filter((operation) => operation.account_id === account.id)}
            firstCloseTime={account.trade_count > 0 ? firstCloseTime(account.id) : null}
            magicNumbers={listMagicNumbers(account.id)}
            strategies={strategies.filter((strategy) => strategy.account_id === account.id)}
          />
        ))}
      </section>

      <ApiKeysSection keys={listApiKeys()} accounts={accounts} />

      <div className="grid items-start gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <ConnectEa />
          <section aria-labelledby="legacy-ea" className={`space-y-2 ${cardClass} p-5`}>
            <h2 id="legacy-ea" className="text-lg font-semibold">
              Legacy bridge EA
            </h2>
            <p className="text-sm leading-6">
              One input, the URL it posts each closed trade to: <code className={codeClass}>{origin}/api/v1/trades</code>. It sends no account, so
              its trades land in the default account; once your real account has trades of its own, merge the default account into it (above).
              It cannot send an API key: once a key exists, list its machine in <code className={codeClass}>OPEN_INGEST_FROM</code> (for example{" "}
              <code className={codeClass}>127.0.0.1</code> when the terminal runs on this server). It too needs{" "}
              <code className={codeClass}>{origin}</code> in Tools → Options → Expert Advisors → Allow WebRequest for listed URL.
            </p>
          </section>
        </div>
        <JournalEaSection origin={origin} keysRequired={apiKeysRequired()} />
      </div>
    </main>
  );
}

/**
 * Merging the default account: legacy bridge EAs send no account, so their trades land there. The
 * form stays in the tree when there is nothing to merge, so the counts of a merge stay shown.
 */
function MergePanel({ source, accounts }: { source: AccountResource | null; accounts: AccountResource[] }) {
  // Money of different currencies is never combined: only accounts the merge would accept are offered.
  const targets = source
    ? accounts.filter((account) => !account.is_default && (source.currency === null || account.currency === source.currency))
    : [];
  const mergeable = source !== null && targets.length > 0;
  return (
    <div className={source ? `space-y-2 ${cardClass}` : ""}>
      {source && (
        <>
          <h3 className="font-semibold">Trades sent without an account</h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Legacy bridge EAs send no account, so their {plural(source.trade_count, "trade")} landed in {source.name}. Merging moves them (with
            its balance operations and strategy names) into the real account; trades both hold, by deal ticket, are kept once.
          </p>
          {!mergeable && (
            <p className="text-sm">
              There is no account {source.currency ? `in ${source.currency} ` : ""}to merge into yet: it appears with the first trade an EA sends with
              its account.
            </p>
          )}
        </>
      )}
      <MergeAccountForm
        source={mergeable ? { id: source.id, name: source.name, tradeCount: source.trade_count } : null}
        targets={targets.map((account) => ({ id: account.id, name: account.name }))}
        merge={mergeDefaultAccount.bind(null, source?.id ?? 0)}
      />
    </div>
  );
}

/** The address the browser reached this server at: what MT5 must allow and the EA must post to. */
async function requestOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "127.0.0.1:3000";
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${host}`;
}
