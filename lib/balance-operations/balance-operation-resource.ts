import type { z } from "zod";
import type { BalanceOperationType } from "@/lib/schemas/balance-operation";
import type { balanceOperationResource } from "@/lib/schemas/responses";
import { formatBrokerTime } from "@/lib/time/broker-time";

/** A stored balance operation, as read through Prisma (bigint) or the raw handle (number). */
export interface BalanceOperationRow {
  id: number;
  accountId: number;
  type: string;
  amount: number;
  time: number | bigint;
  ticket: number | bigint | null;
  comment: string | null;
  createdAt: Date | string;
}

export function toBalanceOperationResource(row: BalanceOperationRow): z.infer<typeof balanceOperationResource> {
  return {
    id: row.id,
    account_id: row.accountId,
    type: row.type as BalanceOperationType,
    amount: row.amount,
    time: formatBrokerTime(Number(row.time)),
    ticket: row.ticket === null ? null : Number(row.ticket),
    comment: row.comment,
    created_at: new Date(row.createdAt).toISOString(),
  };
}
