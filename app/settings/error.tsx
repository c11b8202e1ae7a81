"use client";

/** The settings could not be read (the database is busy or unavailable): say so and offer a retry. */
export default function SettingsError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <main className="space-y-3">
      <h1 className="text-xl font-semibold">Settings</h1>
      <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950">
        <p className="font-medium">The settings could not be loaded.</p>
        <p className="text-zinc-700 dark:text-zinc-300">
          The database may be busy or unreachable; nothing was changed. Try again in a moment{digest ? ` (error ${digest} in the server log)` : ""}.
        </p>
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Try again
        </button>
      </div>
    </main>
  );
}
