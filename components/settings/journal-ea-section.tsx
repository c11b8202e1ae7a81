import { cardClass, codeClass } from "@/components/settings/form-parts";
import { eaInputs } from "@/lib/ea/ea-inputs";

/**
 * How to run the journal's own EA against this server: the URL MetaTrader must allow, the key to
 * paste and the EA's inputs; then the legacy bridge EA, which still works.
 */
export function JournalEaSection({ origin, keysRequired }: { origin: string; keysRequired: boolean }) {
  return (
    <section aria-labelledby="journal-ea" className={`space-y-4 ${cardClass} p-5`}>
      <h2 id="journal-ea" className="text-lg font-semibold">
        Journal EA
      </h2>
      <p className="text-sm leading-6">
        The journal&apos;s own Expert Advisor is in this repository: <code className={codeClass}>mql5/Experts/TradeJournal.mq5</code> with
        its include files in <code className={codeClass}>mql5/Include/TradeJournal/</code>. How to compile and attach it is in{" "}
        <code className={codeClass}>mql5/README.md</code>. It sends each closed trade with its account, costs, exit price and initial
        SL/TP, and keeps what it could not send yet in a queue.
      </p>
      <dl className="space-y-3 text-sm leading-6">
        <div>
          <dt className="font-medium">1. Allow the journal in MetaTrader 5</dt>
          <dd>
            Tools → Options → Expert Advisors → tick <em>Allow WebRequest for listed URL</em> and add{" "}
            <code data-testid="webrequest-url" className={codeClass}>
              {origin}
            </code>
            . The same address goes into <code className={codeClass}>InpServerUrl</code>.
          </dd>
        </div>
        <div>
          <dt className="font-medium">2. The key</dt>
          <dd>
            {keysRequired ? (
              <>
                The API takes keys: <a href="#api-keys" className="text-sky-700 hover:underline dark:text-sky-400">create a write key tied to the account</a>{" "}
                under API keys above and paste it into <code className={codeClass}>InpApiKey</code>.
              </>
            ) : (
              <>
                No key exists yet, so the API is open and <code className={codeClass}>InpApiKey</code> may stay empty. A key is still
                recommended: <a href="#api-keys" className="text-sky-700 hover:underline dark:text-sky-400">create a write key tied to the account</a>{" "}
                under API keys above and paste it there (from then on every EA needs one).
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium">3. The EA&apos;s inputs</dt>
          <dd className="mt-1 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Inputs of TradeJournal.mq5 and their defaults</caption>
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Input
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Default
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    What it is
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {eaInputs.map((input) => (
                  <tr key={input.name} data-testid="ea-input" className="align-top">
                    <td className="py-1 pr-3">
                      <code className="font-mono text-xs">{input.name}</code>{" "}
                      <span className="text-xs text-zinc-500 dark:text-zinc-400">{input.type}</span>
                    </td>
                    <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap">
                      {input.value === "" ? <span className="font-sans text-zinc-500 dark:text-zinc-400">empty</span> : input.value}
                    </td>
                    <td className="py-1">{input.meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </dd>
        </div>
      </dl>
    </section>
  );
}
