import { listAccounts } from "@/lib/accounts/list-accounts";

// Until the journal UI lands, the start page shows what is stored and how to send trades.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const accounts = await listAccounts();
  const trades = accounts.reduce((sum, account) => sum + account.trade_count, 0);
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <h1 className="text-2xl font-semibold">MT5 Journal</h1>
      <p>
        <span data-testid="trade-count">{trades}</span> trades stored in{" "}
        <span data-testid="account-count">{accounts.length}</span> accounts.
      </p>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Send trades</h2>
        <p>
          Point your Expert Advisor at <code>POST /api/v1/trades</code> (one trade) or{" "}
          <code>POST /api/v1/trades/batch</code>. The API is described at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </section>
    </main>
  );
}
