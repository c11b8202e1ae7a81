import Link from "next/link";
import { formatCompact, formatInteger, formatMoney, formatRate, toneClass, toneOf } from "@/lib/ui/format";

export interface DayResult {
  /** Broker calendar day, "2026-01-05". */
  day: string;
  trades: number;
  wins: number;
  losses: number;
  netProfit: number;
}

const dayMs = 86_400_000;
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Four steps each way; dark mode goes brighter with size, as light mode goes darker.
const profitSteps = [
  "bg-emerald-200 dark:bg-emerald-900",
  "bg-emerald-300 dark:bg-emerald-700",
  "bg-emerald-500 dark:bg-emerald-500",
  "bg-emerald-700 dark:bg-emerald-300",
];
const lossSteps = ["bg-red-200 dark:bg-red-900", "bg-red-300 dark:bg-red-700", "bg-red-500 dark:bg-red-500", "bg-red-700 dark:bg-red-300"];
const noTrades = "bg-zinc-100 dark:bg-zinc-800";
const breakeven = "bg-zinc-300 dark:bg-zinc-600";

/**
 * Net P&L per close day as a calendar, one small month per block (Monday first). Colour steps
 * scale to the 90th percentile of daily results; every day says its figures on hover and opens
 * its trades in the journal.
 */
export function DailyHeatmap({
  days,
  currency,
  journalQuery,
  maxMonths = 24,
}: {
  days: DayResult[];
  currency: string | null;
  /** The current filters without from/to, as a query string: a day's link adds its own range. */
  journalQuery: string;
  maxMonths?: number;
}) {
  if (days.length === 0) return null;
  const byDay = new Map(days.map((day) => [day.day, day]));
  const sizes = days.map((day) => Math.abs(day.netProfit)).sort((a, b) => a - b);
  const scale = sizes[Math.floor((sizes.length - 1) * 0.9)] || 1;
  const stepOf = (net: number) => {
    const ratio = Math.abs(net) / scale;
    return ratio < 0.25 ? 0 : ratio < 0.5 ? 1 : ratio < 1 ? 2 : 3;
  };

  const first = days[0]!.day;
  const last = days.at(-1)!.day;
  const allMonths = monthsBetween(first, last);
  const months = allMonths.slice(-maxMonths);

  return (
    <div className="space-y-3">
      {allMonths.length > months.length && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          The last {months.length} of {allMonths.length} months; set From and To to see earlier ones.
        </p>
      )}
      <div className="flex flex-wrap gap-x-5 gap-y-4">
        {months.map(({ year, month }) => {
          const dates = daysOfMonth(year, month);
          const results = dates.map((date) => byDay.get(date)).filter((day) => day !== undefined);
          const net = results.reduce((sum, day) => sum + day.netProfit, 0);
          const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
          return (
            <section key={`${year}-${month}`} aria-label={`${monthNames[month]} ${year}`} className="w-[146px]">
              <h3 className="mb-1 flex items-baseline justify-between gap-2 text-xs">
                <span className="font-medium text-zinc-700 dark:text-zinc-300">
                  {monthNames[month]} {year}
                </span>
                <span className={`tabular-nums ${toneClass[toneOf(results.length ? net : null)]}`}>{results.length ? formatMoney(net) : "—"}</span>
              </h3>
              <div className="grid grid-cols-7 gap-0.5 text-center text-[10px] leading-4 text-zinc-400 dark:text-zinc-500" aria-hidden>
                {weekdayNames.map((name) => (
                  <span key={name}>{name[0]}</span>
                ))}
              </div>
              {/* Hover and focus styles sit on the grid once, not on each of a year's 365 cells. */}
              <div className="grid grid-cols-7 gap-0.5 [&>a]:outline-offset-1 [&>a:focus-visible]:outline-2 [&>a:focus-visible]:outline-sky-600 [&>a:hover]:outline-2 [&>a:hover]:outline-zinc-900 dark:[&>a:hover]:outline-zinc-100">
                {Array.from({ length: lead }, (_, index) => (
                  <span key={`lead-${index}`} />
                ))}
                {dates.map((date) => {
                  const result = byDay.get(date);
                  const cell = "block aspect-square rounded-[3px]";
                  if (!result) return <span key={date} className={`${cell} ${noTrades}`} title={`${weekdayOf(date)} ${date}: no trades`} />;
                  const colour = result.netProfit === 0 ? breakeven : (result.netProfit > 0 ? profitSteps : lossSteps)[stepOf(result.netProfit)];
                  const label =
                    `${weekdayOf(date)} ${date}: ${formatMoney(result.netProfit, currency)} · ${formatInteger(result.trades)} ` +
                    `trade${result.trades === 1 ? "" : "s"} · win rate ${formatRate(result.wins + result.losses ? result.wins / (result.wins + result.losses) : null)}`;
                  return (
                    <Link
                      key={date}
                      href={`/trades?${journalQuery ? `${journalQuery}&` : ""}from=${date}&to=${nextDay(date)}`}
                      prefetch={false}
                      title={label}
                      className={`${cell} ${colour}`}
                    />
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
      <Legend scale={scale} currency={currency} />
    </div>
  );
}

function Legend({ scale, currency }: { scale: number; currency: string | null }) {
  const box = "inline-block size-3 rounded-[3px]";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
      <span className="flex items-center gap-1">
        <span>Loss</span>
        {[...lossSteps].reverse().map((step) => (
          <span key={step} className={`${box} ${step}`} />
        ))}
        <span className={`${box} ${breakeven}`} title="Trades netting 0.00" />
        {profitSteps.map((step) => (
          <span key={step} className={`${box} ${step}`} />
        ))}
        <span>Profit</span>
      </span>
      <span className="flex items-center gap-1">
        <span className={`${box} ${noTrades}`} /> no trades
      </span>
      <span className="tabular-nums">
        darkest: a day beyond −{formatCompact(scale)} / +{formatCompact(scale)}
        {currency ? ` ${currency}` : ""} · hover a day for its figures, click for its trades
      </span>
    </div>
  );
}

function monthsBetween(first: string, last: string): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7)) - 1;
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7)) - 1;
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push({ year, month });
    if (++month === 12) [year, month] = [year + 1, 0];
  }
  return months;
}

function daysOfMonth(year: number, month: number): string[] {
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month, index + 1)).toISOString().slice(0, 10));
}

function weekdayOf(date: string): string {
  return weekdayNames[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}
