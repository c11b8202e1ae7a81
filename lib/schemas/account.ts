import { z } from "zod";
import { currencyCode } from "@/lib/schemas/fields";

/** The trader's changes to an account: either field may be left out to keep it. */
export const updateAccountBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .meta({ description: "The account's label; null resets it to the default (login @ server)", examples: ["Live, prop firm"] }),
    currency: currencyCode.optional().meta({
      description: "The account currency (upper-cased); changing it moves the account's trades to that currency's figures",
      examples: ["USD"],
    }),
  })
  .refine((body) => body.name !== undefined || body.currency !== undefined, { error: "give name, currency or both" });
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const mergeAccountBody = z.strictObject({
  into_account_id: z.int().min(1).meta({ description: "The account that receives everything (GET /api/v1/accounts)" }),
});
export type MergeAccountBody = z.infer<typeof mergeAccountBody>;
