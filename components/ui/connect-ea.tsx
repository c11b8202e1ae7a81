import { headers } from "next/headers";

/** How to point an Expert Advisor at this server: shown on an empty dashboard and in the settings. */
export async function ConnectEa() {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "127.0.0.1:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const origin = `${protocol}://${host}`;
  return (
    <section aria-labelledby="connect-ea" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="connect-ea" className="text-lg font-semibold">
        Connect your Expert Advisor
      </h2>
      <ol className="list-decimal space-y-2 pl-5 text-sm leading-6">
        <li>
          In MetaTrader 5 open <strong>Tools → Options → Expert Advisors</strong>, tick{" "}
          <em>Allow WebRequest for listed URL</em> and add <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{origin}</code>.
        </li>
        <li>
          Attach the journal&apos;s own EA, <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">mql5/Experts/TradeJournal.mq5</code> in
          this repository (install it as <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">mql5/README.md</code> says; its inputs are
          under{" "}
          <a className="underline" href="/settings#journal-ea">
            Settings → Journal EA
          </a>
          ), which sends costs, account and initial SL/TP and retries what did not get through. A bridge EA that already posts the 14-key
          payload to <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{origin}/api/v1/trades</code> works unchanged.
        </li>
        <li>
          Close a trade (or send a test with{" "}
          <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">curl -X POST {origin}/api/v1/trades -H &apos;content-type: application/json&apos; -d …</code>
          ): it appears here. The API is described at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          ; <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npm run db:seed</code> fills an empty database with a demo year.
        </li>
      </ol>
    </section>
  );
}
