import { route } from "@/lib/http/route";
import { validate } from "@/lib/http/validate";
import { getImportOrThrow } from "@/lib/import/get-import-or-throw";
import { undoImport } from "@/lib/import/undo-import";
import { idParams } from "@/lib/schemas/fields";

// GET /api/v1/imports/{id} - an import's detected format and account, progress, and result
export const GET = route<{ id: string }>("read", (_request, params) => {
  const { id } = validate(idParams, params, "path");
  return Response.json({ data: getImportOrThrow(id) });
});

// DELETE /api/v1/imports/{id} - undo an import: the rows it created go (rows an EA has sent since stay)
export const DELETE = route<{ id: string }>("import", (_request, params) => {
  const { id } = validate(idParams, params, "path");
  return Response.json({ data: undoImport(id) });
});
