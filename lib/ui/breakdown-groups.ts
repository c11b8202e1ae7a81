// The dashboard's breakdown charts: API breakdown groups turned into labelled bars, in the order a
// trader reads them (calendar order for weekdays and hours, best to worst for symbols and strategies).
import type { z } from "zod";
import type { breakdownResource } from "@/lib/schemas/responses";

type Group = z.infer<typeof breakdownResource>["groups"][number];

export interface BreakdownGroup {
  /** The axis label: "EURUSD", "Mon", "13", "1001 · London breakout". */
  label: string;
  /** The tooltip title: the label in full, with the account of a strategy. */
  title: string;
  trades: number;
  wins: number;
  losses: number;
  breakevens: number;
  netProfit: number;
  winRate: number | null;
}

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const unknown = "unknown";

const toBar = (group: Group | undefined, label: string, title = label): BreakdownGroup => ({
  label,
  title,
  trades: group?.trades ?? 0,
  wins: group?.wins ?? 0,
  losses: group?.losses ?? 0,
  breakevens: group?.breakevens ?? 0,
  netProfit: group?.net_profit ?? 0,
  winRate: group?.win_rate ?? null,
});

/** At most `limit` groups (the most traded), best net first. */
function ranked(bars: BreakdownGroup[], limit: number): { bars: BreakdownGroup[]; hidden: number } {
  const kept = [...bars].sort((a, b) => b.trades - a.trades).slice(0, limit);
  return { bars: kept.sort((a, b) => b.netProfit - a.netProfit), hidden: bars.length - kept.length };
}

export function symbolBars(groups: Group[], limit = 20) {
  return ranked(
    groups.map((group) => toBar(group, group.key)),
    limit,
  );
}

/** "magic · name"; the account is added to the label when several accounts are shown. */
export function strategyBars(groups: Group[], accountName: (id: number) => string, limit = 20) {
  const severalAccounts = new Set(groups.map((group) => group.account_id)).size > 1;
  return ranked(
    groups.map((group) => {
      const magic = group.magic_number === null ? "no magic" : group.magic_number === 0 ? "0 manual" : String(group.magic_number);
      const label = [magic, group.name].filter(Boolean).join(" · ");
      const account = group.account_id === null ? "" : accountName(group.account_id);
      return toBar(group, severalAccounts ? `${shorten(account, 9)} · ${label}` : label, account ? `${label} — ${account}` : label);
    }),
    limit,
  );
}

/** Monday to Friday always, the weekend and "unknown" (no open time) when they have trades. */
export function weekdayBars(groups: Group[]): BreakdownGroup[] {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const keys = ["1", "2", "3", "4", "5", ...["6", "7", unknown].filter((key) => byKey.has(key))];
  return keys.map((key) =>
    key === unknown ? toBar(byKey.get(key), "?", "Open time unknown") : toBar(byKey.get(key), weekdays[Number(key) - 1]!, `Opened on ${weekdays[Number(key) - 1]}`),
  );
}

/** Every hour 00-23 of the open time (broker clock), and "unknown" when some trades lack it. */
export function hourBars(groups: Group[]): BreakdownGroup[] {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const label = String(hour).padStart(2, "0");
    return toBar(byKey.get(String(hour)), label, `Opened ${label}:00–${label}:59`);
  });
  return byKey.has(unknown) ? [...hours, toBar(byKey.get(unknown), "?", "Open time unknown")] : hours;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
