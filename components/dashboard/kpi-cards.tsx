import type { getSummary } from "@/lib/analytics/get-summary";
import {
  formatAmount,
  formatDuration,
  formatInteger,
  formatMoney,
  formatPercent,
  formatRate,
  formatRatio,
  toneClass,
  toneOf,
} from "@/lib/ui/format";

type Summary = ReturnType<typeof getSummary>;
type Metrics = Summary["by_currency"][number];

/**
 * The headline figures of the filtered trades. Money figures are per currency when the selection
 * mixes them (the overall one is then "—"): amounts in different currencies are never added.
 */
export function KpiCards({ summary }: { summary: Summary }) {
  const mixed = summary.net_profit === null && summary.by_currency.length > 1;
  const perCurrency = (line: (metrics: Metrics) => React.ReactNode) =>
    mixed ? (
      <ul className="space-y-0.5">
        {summary.by_currency.map((metrics) => (
          <li key={metrics.currency ?? ""}>{line(metrics)}</li>
        ))}
      </ul>
    ) : (
      line(summary)
    );
  const unit = mixed ? "mixed" : (summary.currency ?? undefined);
  // The Default account's currency is unknown: it is its own group, named as such.
  const currencyOf = (metrics: Metrics) => metrics.currency ?? "(no currency)";

  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-7" aria-label="Key figures of the filtered trades">
      <Kpi
        label="Net profit"
        unit={unit}
        testId="kpi-net-profit"
        value={formatMoney(summary.net_profit)}
        tone={toneOf(summary.net_profit)}
        detail={perCurrency((metrics) =>
          mixed ? (
            <Tinted value={metrics.net_profit}>{formatMoney(metrics.net_profit, currencyOf(metrics))}</Tinted>
          ) : metrics.gain_percent !== null ? (
            <>
              Gain <Tinted value={metrics.gain_percent}>{formatPercent(metrics.gain_percent, { signed: true })}</Tinted>
            </>
          ) : (
            <>
              Gross {formatMoney(metrics.gross_profit)} / {formatMoney(metrics.gross_loss)}
            </>
          ),
        )}
      />
      <Kpi
        label="Win rate"
        testId="kpi-win-rate"
        value={formatRate(summary.win_rate)}
        detail={`${formatInteger(summary.wins)} W · ${formatInteger(summary.losses)} L · ${formatInteger(summary.breakevens)} BE`}
      />
      <Kpi
        label="Profit factor"
        testId="kpi-profit-factor"
        value={formatRatio(summary.profit_factor)}
        detail={perCurrency((metrics) =>
          mixed ? `${formatRatio(metrics.profit_factor)} ${currencyOf(metrics)}` : metrics.gross_loss === 0 ? "No losses" : `Payoff ratio ${formatRatio(metrics.payoff_ratio)}`,
        )}
      />
      <Kpi
        label="Expectancy"
        unit={mixed ? unit : "per trade"}
        testId="kpi-expectancy"
        value={formatMoney(summary.expected_payoff)}
        tone={toneOf(summary.expected_payoff)}
        detail={perCurrency((metrics) =>
          mixed ? (
            <Tinted value={metrics.expected_payoff}>{formatMoney(metrics.expected_payoff, currencyOf(metrics))}</Tinted>
          ) : (
            <>
              Avg W {formatMoney(metrics.average_win)} · L {formatMoney(metrics.average_loss)}
            </>
          ),
        )}
      />
      <Kpi
        label="Max drawdown"
        unit={unit}
        testId="kpi-max-drawdown"
        value={formatAmount(summary.max_drawdown)}
        detail={perCurrency((metrics) =>
          mixed
            ? `${formatAmount(metrics.max_drawdown, currencyOf(metrics))}${metrics.max_drawdown_percent === null ? "" : ` (${formatPercent(metrics.max_drawdown_percent)})`}`
            : metrics.max_drawdown_percent === null
              ? "From the peak of cumulative net"
              : `${formatPercent(metrics.max_drawdown_percent)} of the balance`,
        )}
      />
      <Kpi
        label="Trades"
        testId="kpi-trades"
        value={formatInteger(summary.total_trades)}
        detail={`${formatInteger(summary.long.trades)} long · ${formatInteger(summary.short.trades)} short`}
      />
      <Kpi
        label="Avg holding time"
        testId="kpi-holding-time"
        value={formatDuration(summary.holding_time.all.average_seconds)}
        detail={`W ${formatDuration(summary.holding_time.wins.average_seconds)} · L ${formatDuration(summary.holding_time.losses.average_seconds)}`}
      />
    </dl>
  );
}

function Kpi({
  label,
  unit,
  testId,
  value,
  tone = "neutral",
  detail,
}: {
  label: string;
  unit?: string;
  testId: string;
  value: string;
  tone?: ReturnType<typeof toneOf>;
  detail: React.ReactNode;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="flex items-baseline justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-medium">{label}</span>
        {unit && <span className="truncate">{unit}</span>}
      </dt>
      <dd
        data-testid={testId}
        className={`mt-0.5 text-right text-xl font-semibold tabular-nums sm:text-2xl ${tone === "neutral" ? "text-zinc-900 dark:text-zinc-100" : toneClass[tone]}`}
      >
        {value}
      </dd>
      <dd className="mt-0.5 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{detail}</dd>
    </div>
  );
}

function Tinted({ value, children }: { value: number | null; children: React.ReactNode }) {
  return <span className={toneClass[toneOf(value)]}>{children}</span>;
}
