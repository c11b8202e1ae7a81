import { z } from "zod";
import { csvColumnMapping } from "@/lib/schemas/csv-column-mapping";
import { utcOffsetMinutes as offsetRange } from "@/lib/schemas/fields";

const utcOffsetMinutes = offsetRange.meta({
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

const tally = z.object({ new: z.int(), present: z.int(), enriched: z.int(), rejected: z.int() });

/** GET /api/v1/imports/{id}: what the API answers (documentation; lib/import/import-resource.ts writes it). */
export const importResource = z.object({
  id: z.int(),
  format: z.enum(["mt5-html", "mt5-xlsx", "csv"]).meta({ description: "Recognised from the file's bytes, not its name" }),
  file_name: z.string(),
  file_size: z.int(),
  status: z.enum(["queued", "running", "needs_mapping", "done", "failed", "undone"]).meta({
    description: "needs_mapping: a CSV that is not our export waits for POST /api/v1/imports/{id}/mapping",
  }),
  progress: z.number().min(0).max(1),
  account_id: z.int().nullable(),
  utc_offset_minutes: z.int().nullable(),
  mapping: z.unknown().nullable(),
  preview: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: "What was detected: format, language, account (login, server, currency, name, margin mode), or a CSV's columns and suggested mapping" }),
  result: z
    .object({
      trades: tally,
      balance_operations: tally,
      rejected: z.array(z.object({ line: z.int(), reason: z.string() })).meta({ description: "The first 500 rejected rows with their line" }),
      kept: z.array(z.object({ line: z.int(), deal_ticket: z.int(), field: z.string(), stored: z.unknown(), imported: z.unknown() })).meta({
        description: "Stored values the file disagreed with (kept: an import never overwrites), the first 100",
      }),
      kept_total: z.int(),
      reconciliation: z
        .object({
          report: z.object({ totalNetProfit: z.number().nullable(), totalTrades: z.int().nullable() }),
          ours: z.object({ netProfit: z.number(), trades: z.int() }),
          explained: z.array(z.object({ reason: z.string(), netProfit: z.number(), trades: z.int() })),
          unexplained: z.object({ netProfit: z.number(), trades: z.int() }),
        })
        .nullable()
        .meta({ description: "MT5 reports: the report's Total Net Profit and Total Trades beside ours, differences explained" }),
      undo: z.object({ trades_deleted: z.int(), trades_kept: z.int(), balance_operations_deleted: z.int() }).optional(),
    })
    .nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});
