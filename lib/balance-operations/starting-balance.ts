import { createBalanceOperation } from "@/lib/balance-operations/create-balance-operation";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import type { CreateBalanceOperationBody } from "@/lib/schemas/balance-operation";
import { formatBrokerTime, parseBrokerTime } from "@/lib/time/broker-time";

// The settings page's "starting balance" is an ordinary deposit, told apart by its comment, so the
// API, the CSV and the analytics need nothing new to use it.
export const startingBalanceComment = "Starting balance";

export function isStartingBalance(operation: { type: string; comment: string | null }): boolean {
  return operation.type === "deposit" && operation.comment === startingBalanceComment;
}

/** One second before the first trade closed: the balance then starts before any trade counts. */
export function startingBalanceTime(firstCloseTime: string): string | null {
  const parsed = parseBrokerTime(firstCloseTime);
  return "error" in parsed ? null : formatBrokerTime(parsed.seconds - 1);
}

/** Replaces the account's starting balance (any earlier one is deleted) in one transaction. */
export function setStartingBalance(body: CreateBalanceOperationBody & { account_id: number }) {
  const handle = sqlite();
  return handle
    .transaction(() => {
      cached(handle, "DELETE FROM balance_operations WHERE account_id = ? AND type = 'deposit' AND comment = ?").run(
        body.account_id,
        startingBalanceComment,
      );
      return createBalanceOperation({ ...body, type: "deposit", comment: startingBalanceComment });
    })
    .immediate();
}
