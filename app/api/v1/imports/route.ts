import path from "node:path";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { searchParamsObject } from "@/lib/http/search-params";
import { validate } from "@/lib/http/validate";
import { createImport } from "@/lib/import/create-import";
import { importsDirectory } from "@/lib/import/imports-directory";
import { listImports } from "@/lib/import/list-imports";
import { receiveUpload } from "@/lib/import/receive-upload";
import { listImportsQuery } from "@/lib/schemas/import";

// GET /api/v1/imports - the latest imports, newest first, with their progress and results
export const GET = route("read", (request) => {
  const { limit } = validate(listImportsQuery, searchParamsObject(request.url), "query");
  const imports = listImports(limit);
  return Response.json({ data: imports, page: { limit, next_cursor: null, prev_cursor: null, total: imports.length } });
});

// POST /api/v1/imports - upload an MT5 History report (HTML/XLSX) or a CSV; 202, then poll the import
export const POST = route("import", async (request) => {
  const upload = await receiveUpload(request, importsDirectory(), env().IMPORT_MAX_BYTES);
  const created = createImport(upload);
  return Response.json({ data: created }, { status: 202, headers: { Location: path.posix.join("/api/v1/imports", String(created.id)) } });
});
