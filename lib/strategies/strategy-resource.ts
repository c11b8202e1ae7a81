import type { z } from "zod";
import type { Strategy } from "@/lib/generated/prisma/client";
import type { strategyResource } from "@/lib/schemas/responses";

/** The wire shape of a strategy name. */
export function toStrategyResource(strategy: Strategy): z.infer<typeof strategyResource> {
  return {
    account_id: strategy.accountId,
    magic_number: Number(strategy.magicNumber),
    name: strategy.name,
    updated_at: strategy.updatedAt.toISOString(),
  };
}
