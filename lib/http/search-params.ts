/**
 * Query string -> plain object for zod. A parameter given once is a string, one given several
 * times an array: repeatable filters accept either (lib/schemas/fields.ts `repeatable`), any
 * other parameter given twice fails validation instead of one value being picked.
 */
export function searchParamsObject(url: string | URL) {
  const params = new URL(url).searchParams;
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length > 1 ? values : values[0]!;
  }
  return result;
}
