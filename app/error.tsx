"use client";

import Link from "next/link";
import { useEffect } from "react";

/** Any page that fails to render: what happened, and the two ways out (try again, or start over). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <main role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Reading the journal failed. If it keeps happening, check that the database is reachable with{" "}
        <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">GET /api/v1/health</code>, and look in the server log
        {digest ? " for the reference below" : ""}.
      </p>
      {digest && <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">Reference: {digest}</p>}
      <div className="flex gap-2 pt-1">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Try again
        </button>
        <Link href="/" className="rounded border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Dashboard without filters
        </Link>
      </div>
    </main>
  );
}
