"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError, issueDetails } from "@/lib/http/api-error";
import { safeValidate } from "@/lib/http/validate";
import { updateTradeJournalBody } from "@/lib/schemas/trade-journal";
import { deleteTrade } from "@/lib/trades/delete-trade";
import { updateTradeJournal } from "@/lib/trades/update-trade-journal";

export interface JournalFormState {
  status: "idle" | "saved" | "invalid";
  message?: string;
  savedAt?: number;
}

/** The note and tags form: tags come as one comma-separated field and go through the API's schema. */
export async function saveTradeJournal(tradeId: number, _state: JournalFormState, form: FormData): Promise<JournalFormState> {
  const tags = String(form.get("tags") ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  const result = safeValidate(updateTradeJournalBody, { note: String(form.get("note") ?? ""), tags });
  if (!result.success) {
    return { status: "invalid", message: issueDetails(result.error).map((detail) => `${detail.field} ${detail.message}`).join("; ") };
  }
  try {
    updateTradeJournal(tradeId, result.data);
  } catch (error) {
    if (error instanceof ApiError) return { status: "invalid", message: error.message };
    throw error;
  }
  revalidatePath(`/trades/${tradeId}`);
  return { status: "saved", savedAt: Date.now() };
}

/** Deletes the trade, then goes back to the journal with the same filters. */
export async function removeTrade(tradeId: number, backTo: string): Promise<void> {
  deleteTrade(tradeId);
  revalidatePath("/trades");
  redirect(backTo.startsWith("/trades") ? backTo : "/trades");
}
