import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { selectImport, toImportResource, type ImportRow } from "@/lib/import/import-resource";

/** The latest imports first. */
export function listImports(limit: number) {
  const rows = cached(sqlite(), `${selectImport} ORDER BY id DESC LIMIT ?`).all(limit) as ImportRow[];
  return rows.map(toImportResource);
}
