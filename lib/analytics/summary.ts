// Pure metric math over per-currency aggregates (no database): unit-tested on plain numbers.

/** Sums for the trades of one account currency, as the SQL aggregate returns them. */
export interface CurrencyTotals {
  currency: string | null;
  trades: number;
  netProfit: number;
  wins: number;
  losses: number;
  durationSum: number;
  durationCount: number;
}

export interface MoneyFigures {
  totalProfit: number | null;
  averageProfit: number | null;
}

export interface Summary extends MoneyFigures {
  totalTrades: number;
  winRate: number | null;
  averageDurationSeconds: number | null;
  byCurrency: (MoneyFigures & { currency: string | null; totalTrades: number; winRate: number | null })[];
}

/**
 * win rate = wins / (wins + losses), breakevens excluded; null without wins or losses.
 * Money is never added across currencies: with more than one currency the top-level money
 * figures are null and `byCurrency` has them.
 */
export function summarize(groups: CurrencyTotals[]): Summary {
  const all = groups.reduce(
    (sum, group) => ({
      trades: sum.trades + group.trades,
      wins: sum.wins + group.wins,
      losses: sum.losses + group.losses,
      durationSum: sum.durationSum + group.durationSum,
      durationCount: sum.durationCount + group.durationCount,
    }),
    { trades: 0, wins: 0, losses: 0, durationSum: 0, durationCount: 0 },
  );
  const byCurrency = groups.map((group) => ({
    currency: group.currency,
    totalTrades: group.trades,
    winRate: ratio(group.wins, group.wins + group.losses),
    ...moneyFigures(group),
  }));
  const single = groups.length === 1 ? groups[0]! : null;
  const money: MoneyFigures = single
    ? moneyFigures(single)
    : { totalProfit: groups.length === 0 ? 0 : null, averageProfit: null };
  return {
    totalTrades: all.trades,
    ...money,
    winRate: ratio(all.wins, all.wins + all.losses),
    averageDurationSeconds: ratio(all.durationSum, all.durationCount),
    byCurrency,
  };
}

function moneyFigures(group: CurrencyTotals): MoneyFigures {
  return { totalProfit: roundCents(group.netProfit), averageProfit: ratio(group.netProfit, group.trades) };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

// SQL SUM over doubles leaves noise in the last bits; money is shown to 8 decimals at most.
function roundCents(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
