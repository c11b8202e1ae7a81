/**
 * Query string -> plain object for zod. A parameter given once is a string, one given several
 * times an array: repeatable filters accept either (lib/schemas/fields.ts `repeatable`), any
 * other parameter given twice fails validation instead of one value being picked.
 */
export function searchParamsObject(url: string | URL): Record<string, string | string[]> {
  const params = new URL(url).searchParams;
  // fromEntries makes every name an own property: "__proto__" is then an unknown parameter like
  // any other (assigning it would set the object's prototype, which the strict schemas do not see).
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length > 1 ? values : values[0]!];
    }),
  );
}
