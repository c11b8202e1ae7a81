import { kib, readJsonBody } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { setImportMapping } from "@/lib/import/set-import-mapping";
import { idParams } from "@/lib/schemas/fields";
import { setImportMappingBody } from "@/lib/schemas/import";

// POST /api/v1/imports/{id}/mapping - the column mapping a CSV import waits for; the import runs (202)
export const POST = route<{ id: string }>("import", async (request, params) => {
  const { id } = validate(idParams, params, "path");
  const body = validate(setImportMappingBody, await readJsonBody(request, 64 * kib), "mapping");
  return Response.json({ data: setImportMapping(id, body) }, { status: 202 });
});
