import { z } from "zod";
import {
  accountFields,
  brokerTime,
  checkAccountFields,
  money,
  repeatable,
  ticket,
  wholeNumberParam,
} from "@/lib/schemas/fields";

export const balanceOperationTypes = ["deposit", "withdrawal", "credit", "adjustment"] as const;
export type BalanceOperationType = (typeof balanceOperationTypes)[number];

/**
 * A deposit, withdrawal, credit or adjustment. The account is named by the journal's `account_id`
 * or, as the EA does, by login and server. `amount` is signed as MT5 books it.
 */
export const createBalanceOperationBody = z
  .strictObject({
    account_id: z.int().min(1).nullish().meta({ description: "The journal's account id (GET /api/v1/accounts)" }),
    ...accountFields,
    type: z.enum(balanceOperationTypes).meta({
      description:
        "deposit and withdrawal: MT5's balance deals; credit: credit deals (not balance); adjustment: any other deal " +
        "that moves the balance (charge, correction, bonus, commission outside trades, interest, dividend, tax...)",
    }),
    amount: money.refine((amount) => amount !== 0, { error: "must not be 0" }).meta({
      description: "Signed: a deposit is positive, a withdrawal negative, a credit or an adjustment either",
    }),
    time: brokerTime,
    ticket: ticket.min(1).nullish().meta({ description: "The MT5 deal ticket; the same ticket again is a duplicate" }),
    comment: z.string().max(255).nullish(),
  })
  .superRefine((operation, ctx) => {
    checkAccountFields(operation, ctx);
    const byId = operation.account_id != null;
    const byLogin = operation.account_login != null;
    if (byId === byLogin) {
      ctx.addIssue({
        code: "custom",
        path: ["account_id"],
        message: "name the account by account_id or by account_login and account_server (one of them)",
      });
    }
    if (operation.type === "deposit" && operation.amount < 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "a deposit is positive" });
    }
    if (operation.type === "withdrawal" && operation.amount > 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "a withdrawal is negative" });
    }
  });
export type CreateBalanceOperationBody = z.infer<typeof createBalanceOperationBody>;

export const listBalanceOperationsQuery = z.strictObject({
  account_id: repeatable(wholeNumberParam()),
  from: brokerTime.optional().meta({ description: "time >= from" }),
  to: brokerTime.optional().meta({ description: "time < to" }),
});
export type ListBalanceOperationsQuery = z.infer<typeof listBalanceOperationsQuery>;

