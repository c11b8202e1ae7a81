import { z } from "zod";
import { tag } from "@/lib/schemas/fields";

export const maxTagsPerTrade = 20;

/** The trader's journal on a trade: either field may be left out to keep it. */
export const updateTradeJournalBody = z
  .strictObject({
    note: z.string().max(10_000).nullable().optional().meta({ description: "Free text; null or \"\" clears it" }),
    tags: z
      .array(tag)
      .max(maxTagsPerTrade)
      .optional()
      .meta({ description: `The whole tag set (replaces the stored one), at most ${maxTagsPerTrade}` }),
  })
  .refine((body) => body.note !== undefined || body.tags !== undefined, { error: "give note, tags or both" });
export type UpdateTradeJournalBody = z.infer<typeof updateTradeJournalBody>;
