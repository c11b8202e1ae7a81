/**
 * Query string -> plain object for zod. Parameters named in `repeatable` become arrays; any other
 * parameter given twice stays an array too, so validation reports it instead of picking one.
 */
export function searchParamsObject(url: string | URL, repeatable: ReadonlySet<string> = new Set()) {
  const params = new URL(url).searchParams;
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = repeatable.has(key) || values.length > 1 ? values : values[0]!;
  }
  return result;
}
