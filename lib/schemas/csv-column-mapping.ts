import { z } from "zod";
import { accountFields } from "@/lib/schemas/fields";

/** The trade fields a trader may take from a column of a foreign CSV file. */
export const csvMappedFields = [
  "deal_ticket",
  "order_ticket",
  "position_ticket",
  "symbol",
  "side",
  "lot_size",
  "entry_price",
  "exit_price",
  "stop_loss",
  "take_profit",
  "profit",
  "commission",
  "swap",
  "fee",
  "open_time",
  "close_time",
  "magic_number",
  "comment",
] as const;

export type CsvMappedField = (typeof csvMappedFields)[number];

/** Without these a row is no trade; the deal ticket is not among them (a key is derived instead). */
export const requiredCsvFields = ["symbol", "side", "lot_size", "profit", "close_time"] as const satisfies readonly CsvMappedField[];

export const csvTimeFormats = ["mt5", "iso", "dmy", "mdy"] as const;

export type CsvTimeFormat = (typeof csvTimeFormats)[number];

const columnName = z.string().min(1).max(200).nullable().default(null);
const fieldShape = Object.fromEntries(csvMappedFields.map((field) => [field, columnName])) as Record<
  CsvMappedField,
  typeof columnName
>;

/**
 * How the columns of a foreign CSV file become a trade (a multipart field of the import, as JSON):
 * per field the column's name as the file's header gives it (a repeated name as "Price (2)", see
 * csvColumnNames), or null; how numbers and times are written; the account the rows belong to.
 */
export const csvColumnMapping = z
  .strictObject({
    fields: z.strictObject(fieldShape),
    decimalComma: z.boolean().default(false).meta({ description: "1,5 rather than 1.5 (spaces may group digits either way)" }),
    timeFormat: z.enum(csvTimeFormats).default("mt5").meta({
      description: 'mt5 and iso: "2026.01.02 10:11:12" or ISO 8601; dmy: "02/01/2026 10:11:12"; mdy: "01/02/2026 10:11:12"',
    }),
    account: z
      .strictObject({
        login: accountFields.account_login.unwrap().unwrap(),
        server: accountFields.account_server.unwrap().unwrap(),
        currency: accountFields.account_currency,
      })
      .optional()
      .meta({ description: "The account of rows that name none; without it they go to the default account" }),
  })
  .superRefine((mapping, ctx) => {
    for (const field of requiredCsvFields) {
      if (mapping.fields[field] === null) {
        ctx.addIssue({ code: "custom", path: ["fields", field], message: "must name a column: every trade has one" });
      }
    }
  });

export type CsvColumnMapping = z.output<typeof csvColumnMapping>;
