import Link from "next/link";
import {
  addBalanceOperation,
  removeAccount,
  removeBalanceOperation,
  removeStrategyName,
  renameAccount,
  saveStrategyName,
  setAccountCurrency,
  setStartingBalance,
} from "@/app/settings/actions";
import { AccountValueForm } from "@/components/settings/account-value-form";
import { BalanceOperationForm } from "@/components/settings/balance-operation-form";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { DeleteOperationButton } from "@/components/settings/delete-operation-button";
import { StartingBalanceForm } from "@/components/settings/starting-balance-form";
import { StrategyNameForm } from "@/components/settings/strategy-name-form";
import { Signed } from "@/components/ui/signed";
import type { AccountResource } from "@/lib/accounts/account-resource";
import { isStartingBalance, startingBalanceTime } from "@/lib/balance-operations/starting-balance";
import type { balanceOperationResource, strategyResource } from "@/lib/schemas/responses";
import { formatBrokerTime } from "@/lib/ui/format";
import { plural } from "@/lib/ui/plural";
import type { z } from "zod";

type BalanceOperation = z.infer<typeof balanceOperationResource>;
type Strategy = z.infer<typeof strategyResource>;

/** One account: its name and currency, its balance operations and its strategy names, each editable. */
export function AccountSection({
  account,
  operations,
  firstCloseTime,
  magicNumbers,
  strategies,
}: {
  account: AccountResource;
  operations: BalanceOperation[];
  /** When its first trade closed (broker time); null without trades. */
  firstCloseTime: string | null;
  /** The magic numbers its trades carry. */
  magicNumbers: number[];
  strategies: Strategy[];
}) {
  const startingBalance = operations.findLast(isStartingBalance);
  const depositBeforeTrades =
    firstCloseTime !== null &&
    operations.some((operation) => operation.type === "deposit" && !isStartingBalance(operation) && operation.time <= firstCloseTime);
  const place = account.is_default ? "Trades sent without an account (legacy bridge EA)" : `${account.login} @ ${account.server}`;
  const names = new Map(strategies.map((strategy) => [strategy.magic_number, strategy.name]));
  // A named magic number whose trades are gone keeps its row, so its name can still be removed.
  const magics = [...new Set([...magicNumbers, ...names.keys()])].sort((a, b) => a - b);

  return (
    <section aria-label={account.name} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <header className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold">{account.name}</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {place !== account.name && `${place} · `}
          {account.currency ?? "currency not set"} ·{" "}
          <Link href={`/trades?account_id=${account.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
            {plural(account.trade_count, "trade")}
          </Link>
        </p>
      </header>

      {/* Wide: the account and its strategy names on the left, the balance beside both. */}
      <div className="grid grid-cols-1 gap-x-8 gap-y-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-3">
          <h4 className="text-sm font-semibold">Account</h4>
          <AccountValueForm
            label="Name"
            name="name"
            value={account.name}
            button="Rename"
            hint={account.is_default ? "Empty: back to “Default account”." : "Empty: back to login @ server."}
            maxLength={100}
            save={renameAccount.bind(null, account.id)}
          />
          <AccountValueForm
            label="Currency"
            name="currency"
            value={account.currency ?? ""}
            button="Set currency"
            hint="Such as USD. The account's trades count in that currency's figures."
            maxLength={6}
            placeholder="USD"
            autoCapitalize="characters"
            inputClassName="max-w-24 uppercase"
            save={setAccountCurrency.bind(null, account.id)}
          />
          <div className="pt-2">
            <ConfirmButton
              label="Delete account…"
              confirmLabel="Yes, delete"
              pendingLabel="Deleting…"
              warning={`Delete ${account.name} with its ${plural(account.trade_count, "trade")}, ${plural(operations.length, "balance operation")} and ${plural(names.size, "strategy name")}? This cannot be undone; an EA that sends to this account again creates it anew.`}
              act={removeAccount.bind(null, account.id)}
            />
          </div>
        </div>

        <div className="min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <h4 className="text-sm font-semibold">Balance</h4>
          <div className="space-y-2">
            <StartingBalanceForm
              amount={startingBalance?.amount ?? null}
              time={startingBalance?.time ?? (firstCloseTime === null ? null : startingBalanceTime(firstCloseTime))}
              save={setStartingBalance.bind(null, account.id)}
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Gain % and drawdown % are measured against the balance, so they need the money the account started with. This stores a deposit
              commented “Starting balance”, dated by default one second before the first trade closed; setting it again replaces it.
              {depositBeforeTrades && (
                <strong className="font-medium text-amber-700 dark:text-amber-400">
                  {" "}
                  A deposit before the first trade is already stored: set this only if that is not the starting money.
                </strong>
              )}
            </p>
          </div>
          <OperationsTable operations={operations} currency={account.currency} />
          <BalanceOperationForm save={addBalanceOperation.bind(null, account.id)} />
        </div>

        <div className="min-w-0 space-y-3">
          <h4 className="text-sm font-semibold">Strategy names</h4>
          {magics.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No trades carry a magic number yet.</p>
          ) : (
            <>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Names for the magic numbers of this account&apos;s trades; the filters and breakdowns show them.
              </p>
              <ul className="space-y-2">
                {magics.map((magic) => (
                  <li key={magic}>
                    <StrategyNameForm
                      magicNumber={magic}
                      name={names.get(magic) ?? null}
                      save={saveStrategyName.bind(null, account.id, magic)}
                      remove={removeStrategyName.bind(null, account.id, magic)}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function OperationsTable({ operations, currency }: { operations: BalanceOperation[]; currency: string | null }) {
  if (operations.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No balance operations (deposits, withdrawals, credits, adjustments) stored yet.</p>;
  }
  return (
    <div className="max-h-72 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <caption className="sr-only">Balance operations{currency ? ` in ${currency}` : ""}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              Time (broker)
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Type
            </th>
            <th scope="col" className="px-2 py-1 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Comment
            </th>
            <th scope="col" className="px-2 py-1">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {operations.map((operation) => (
            <tr key={operation.id}>
              <td className="px-2 py-1 whitespace-nowrap">{formatBrokerTime(operation.time)}</td>
              <td className="px-2 py-1 capitalize">{operation.type}</td>
              <td className="px-2 py-1 text-right whitespace-nowrap">
                <Signed value={operation.amount} />
              </td>
              <td className="px-2 py-1 text-zinc-600 dark:text-zinc-400">
                <span className="block max-w-32 truncate" title={operation.comment ?? undefined}>
                  {operation.comment ?? (operation.ticket === null ? "" : `#${operation.ticket}`)}
                </span>
              </td>
              <td className="px-2 py-1 text-right">
                <DeleteOperationButton
                  label={`Delete ${operation.type} of ${operation.amount} on ${formatBrokerTime(operation.time)}`}
                  remove={removeBalanceOperation.bind(null, operation.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
