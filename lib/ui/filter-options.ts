// The values the filter bar offers: only what is present. Symbols and magic numbers come from the
// analytics segments (one row per stream-day), not from a scan of the trades.
import type { AccountResource } from "@/lib/accounts/account-resource";
import type { z } from "zod";
import { sqlite } from "@/lib/db";
import { cached } from "@/lib/db/cached-statement";
import { positionReasons } from "@/lib/schemas/fields";
import type { strategyResource } from "@/lib/schemas/responses";
import { listTags } from "@/lib/trades/list-tags";

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  account_id: FilterOption[];
  symbol: FilterOption[];
  magic_number: FilterOption[];
  side: FilterOption[];
  outcome: FilterOption[];
  position_reason: FilterOption[];
  tag: FilterOption[];
}

/** The choices, from the accounts and strategies the page has loaded already (one read each per request). */
export function getFilterOptions(accounts: AccountResource[], strategies: z.infer<typeof strategyResource>[]): FilterOptions {
  const handle = sqlite();
  const keys = (kind: string) =>
    (cached(handle, "SELECT DISTINCT key FROM trade_segments WHERE kind = ? ORDER BY key").all(kind) as { key: string }[]).map(
      (row) => row.key,
    );
  const names = new Map<string, string[]>();
  for (const strategy of strategies) {
    const key = String(strategy.magic_number);
    names.set(key, [...(names.get(key) ?? []), strategy.name]);
  }
  const magicNumbers = keys("magic")
    .filter((key) => key !== "")
    .sort((a, b) => Number(a) - Number(b));
  return {
    account_id: accounts.filter((account) => account.trade_count > 0).map((account) => ({ value: String(account.id), label: account.name })),
    symbol: keys("symbol").map((symbol) => ({ value: symbol, label: symbol })),
    magic_number: magicNumbers.map((magic) => ({
      value: magic,
      label: [magic === "0" ? "0 (manual)" : magic, ...new Set(names.get(magic) ?? [])].join(" · "),
    })),
    side: [
      { value: "BUY", label: "Long" },
      { value: "SELL", label: "Short" },
    ],
    outcome: [
      { value: "win", label: "Win" },
      { value: "loss", label: "Loss" },
      { value: "breakeven", label: "Breakeven" },
    ],
    position_reason: positionReasons.map((reason) => ({ value: reason, label: reason.replaceAll("_", " ").toLowerCase() })),
    tag: listTags().map(({ tag, trades }) => ({ value: tag, label: `${tag} (${trades})` })),
  };
}
