// The journal's filters live in the URL under the API's names (symbol, magic_number, account_id...),
// so a filtered view is a link, and the dashboard and the journal read the same query string.
import type { z } from "zod";
import { issueDetails, type ErrorDetail } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";

export type SearchParams = Record<string, string | string[] | undefined>;

export { filterNames } from "@/lib/ui/filter-names";

/** Only the parameters `names` lists, without empty values. */
export function pickParams(params: SearchParams, names: readonly string[]): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of names) {
    const value = params[name];
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item) => item !== "");
    if (values.length > 0) picked[name] = values.length === 1 ? values[0]! : values;
  }
  return picked;
}

/**
 * Validates the page's query with the API's own schema. A bad value (a hand-edited link) is not an
 * error page: the view says what was wrong and drops just those parameters, keeping the others.
 */
export function readQuery<T extends z.ZodType>(schema: T, params: SearchParams, names: readonly string[]) {
  const picked = pickParams(params, names);
  const result = safeValidate(schema, picked);
  if (result.success) return { query: result.data as z.output<T>, problems: [] as ErrorDetail[] };
  const problems = issueDetails(result.error);
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")));
  const kept = safeValidate(schema, Object.fromEntries(Object.entries(picked).filter(([name]) => !bad.has(name))));
  const fallback = kept.success ? kept : safeValidate(schema, {});
  return { query: (fallback.success ? fallback.data : {}) as z.output<T>, problems };
}

/** A query string from the current parameters with some changed (null removes one). */
export function withParams(params: SearchParams, changes: Record<string, string | string[] | null> = {}, names?: readonly string[]): string {
  const search = new URLSearchParams();
  const merged: SearchParams = { ...params };
  for (const [name, value] of Object.entries(changes)) merged[name] = value ?? undefined;
  for (const [name, value] of Object.entries(names ? pickParams(merged, names) : pickParams(merged, Object.keys(merged)))) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
