import type { ImportFormat, ImportResult, ImportStatus } from "@/lib/import/run-import";

/** An imports row as read by selectImport. */
export interface ImportRow {
  id: number;
  format: ImportFormat;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  progress: number;
  accountId: number | null;
  utcOffsetMinutes: number | null;
  mapping: string | null;
  preview: string | null;
  result: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const selectImport = `SELECT id, format, file_name AS fileName, file_size AS fileSize, status, progress,
  account_id AS accountId, utc_offset_minutes AS utcOffsetMinutes, mapping, preview, result, error,
  created_at AS createdAt, finished_at AS finishedAt FROM imports`;

/** The wire form of an import (GET /api/v1/imports/{id}). */
export function toImportResource(row: ImportRow) {
  return {
    id: row.id,
    format: row.format,
    file_name: row.fileName,
    file_size: row.fileSize,
    status: row.status,
    progress: row.progress,
    account_id: row.accountId,
    utc_offset_minutes: row.utcOffsetMinutes,
    mapping: row.mapping === null ? null : (JSON.parse(row.mapping) as unknown),
    preview: row.preview === null ? null : (JSON.parse(row.preview) as Record<string, unknown>),
    result: row.result === null ? null : (JSON.parse(row.result) as ImportResult),
    error: row.error,
    // Both are written by lib/import as ISO text (never by Prisma's default).
    created_at: row.createdAt,
    finished_at: row.finishedAt,
  };
}

export type ImportResource = ReturnType<typeof toImportResource>;

