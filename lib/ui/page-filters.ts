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
 * error page: the view shows what was wrong and falls back to no filter.
 */
export function readQuery<T extends z.ZodType>(schema: T, params: SearchParams, names: readonly string[]) {
  const result = safeValidate(schema, pickParams(params, names));
  if (result.success) return { query: result.data as z.output<T>, problems: [] as ErrorDetail[] };
  const fallback = safeValidate(schema, {});
  return { query: (fallback.success ? fallback.data : {}) as z.output<T>, problems: issueDetails(result.error) };
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
