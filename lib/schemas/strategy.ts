import { z } from "zod";

const wholeNumber = (what: string) =>
  z.string().regex(/^\d{1,16}$/, { error: `must be ${what}` }).transform(Number).pipe(z.int().min(0));

export const strategyParams = z.strictObject({
  account_id: wholeNumber("an account id (see GET /api/v1/accounts)"),
  magic_number: wholeNumber("a magic number (0 = manual trades)"),
});
export type StrategyParams = z.infer<typeof strategyParams>;

export const setStrategyNameBody = z.strictObject({
  name: z.string().trim().min(1).max(64).meta({ examples: ["London breakout"] }),
});
export type SetStrategyNameBody = z.infer<typeof setStrategyNameBody>;
