import { z } from "zod";
import { csvColumnMapping } from "@/lib/import/csv-trades";

const utcOffsetMinutes = z.int().min(-14 * 60).max(14 * 60).meta({
  description:
    "The broker's time minus UTC, in minutes (e.g. 120 for UTC+2). Only fills utc_offset_minutes of the imported rows; " +
    "their times stay the broker's wall clock",
});

/** The text fields of the multipart upload (POST /api/v1/imports), besides `file`. */
export const createImportFields = z.strictObject({
  utc_offset_minutes: z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,4}$/, { error: "must be a whole number of minutes, e.g. 120 or -300" })
    .transform(Number)
    .pipe(utcOffsetMinutes)
    .optional(),
  mapping: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "must be JSON (the CSV column mapping)" });
        return z.NEVER;
      }
    })
    .pipe(csvColumnMapping)
    .optional(),
});

export type CreateImportFields = z.infer<typeof createImportFields>;

/** POST /api/v1/imports/{id}/mapping: the column mapping a CSV import waits for. */
export const setImportMappingBody = z.strictObject({
  mapping: csvColumnMapping,
  utc_offset_minutes: utcOffsetMinutes.nullish(),
});

export type SetImportMappingBody = z.infer<typeof setImportMappingBody>;

export const listImportsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
