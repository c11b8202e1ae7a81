import type { ErrorDetail } from "@/lib/http/api-error";

/** What was wrong with the link's filters (the view falls back to none). */
export function FilterProblems({ problems }: { problems: ErrorDetail[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      Some filters in this link were ignored:{" "}
      {problems.map((problem) => `${problem.field} ${problem.message}`).join("; ")}.
    </div>
  );
}
