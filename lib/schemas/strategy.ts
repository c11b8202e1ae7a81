import { z } from "zod";
import { wholeNumberParam } from "@/lib/schemas/fields";

export const strategyParams = z.strictObject({
  account_id: wholeNumberParam("must be an account id (see GET /api/v1/accounts)"),
  magic_number: wholeNumberParam("must be a magic number (0 = manual trades)"),
});
export type StrategyParams = z.infer<typeof strategyParams>;

export const setStrategyNameBody = z.strictObject({
  name: z.string().trim().min(1).max(64).meta({ examples: ["London breakout"] }),
});
export type SetStrategyNameBody = z.infer<typeof setStrategyNameBody>;
