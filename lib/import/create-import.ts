import { closeSync, openSync, readSync, rmSync } from "node:fs";
import { sqlite } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { detectImportFormat } from "@/lib/import/detect-import-format";
import { getImportOrThrow } from "@/lib/import/get-import-or-throw";
import type { Upload } from "@/lib/import/receive-upload";
import { scheduleImport, type ImportFormat } from "@/lib/import/run-import";
import { validate } from "@/lib/http/validate";
import { createImportFields, type CreateImportFields } from "@/lib/schemas/import";

const formatOfDetected = { "mt5-html": "mt5-html", xlsx: "mt5-xlsx", csv: "csv" } as const;

/**
 * Records an uploaded file as an import and queues it. The format is recognised from the file's
 * first bytes, not its name; a file that is none of ours is refused at once (422) and deleted.
 */
export function createImport(upload: Upload) {
  let fields: CreateImportFields;
  try {
    fields = validate(createImportFields, upload.fields, "import");
  } catch (error) {
    rmSync(upload.filePath, { force: true });
    throw error;
  }
  const detected = detectImportFormat(readHead(upload.filePath));
  if (detected === "unknown") {
    rmSync(upload.filePath, { force: true });
    throw new ApiError("validation_error", "Invalid import: file", [
      { field: "file", message: "is neither an MT5 History report (HTML or XLSX) nor a CSV file" },
    ]);
  }
  const format: ImportFormat = formatOfDetected[detected];
  const { id } = sqlite()
    .prepare(
      `INSERT INTO imports (format, file_name, file_size, status, utc_offset_minutes, mapping, file_path, created_at)
       VALUES (?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      format,
      upload.fileName,
      upload.size,
      fields.utc_offset_minutes ?? null,
      fields.mapping ? JSON.stringify(fields.mapping) : null,
      upload.filePath,
      new Date().toISOString(),
    ) as { id: number };
  scheduleImport(id);
  return getImportOrThrow(id);
}

function readHead(filePath: string): Uint8Array {
  const head = Buffer.alloc(4096);
  const descriptor = openSync(filePath, "r");
  try {
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
  } finally {
    closeSync(descriptor);
  }
}
