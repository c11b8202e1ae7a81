/** Shown while the accounts and their operations are read. */
export default function SettingsLoading() {
  return (
    <main className="space-y-6" aria-busy="true">
      <h1 className="text-xl font-semibold">Settings</h1>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        Loading accounts…
      </p>
      {[0, 1].map((card) => (
        <div key={card} className="h-64 animate-pulse rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
      ))}
    </main>
  );
}
