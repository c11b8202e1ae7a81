import { sqlite } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { getImportOrThrow } from "@/lib/import/get-import-or-throw";
import { scheduleImport } from "@/lib/import/run-import";
import type { SetImportMappingBody } from "@/lib/schemas/import";

/** Gives a CSV import that waits for its column mapping the mapping, and runs it. */
export function setImportMapping(id: number, body: SetImportMappingBody) {
  const current = getImportOrThrow(id);
  if (current.status !== "needs_mapping") {
    throw new ApiError("conflict", `Import ${id} is ${current.status}: only an import that needs a column mapping takes one`);
  }
  sqlite()
    .prepare("UPDATE imports SET mapping = ?, utc_offset_minutes = COALESCE(?, utc_offset_minutes), status = 'queued' WHERE id = ?")
    .run(JSON.stringify(body.mapping), body.utc_offset_minutes ?? null, id);
  scheduleImport(id);
  return getImportOrThrow(id);
}
