import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { ApiError } from "@/lib/http/api-error";
import { selectImport, toImportResource, type ImportRow } from "@/lib/import/import-resource";

export function getImportOrThrow(id: number) {
  const row = cached(sqlite(), `${selectImport} WHERE id = ?`).get(id) as ImportRow | undefined;
  if (!row) throw new ApiError("not_found", `Import ${id} does not exist`);
  return toImportResource(row);
}
