"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartColors, gridProps, TooltipBox, xAxisLabel, yAxisWidth } from "@/components/charts/chart-style";
import { formatCompact, formatInteger, formatMoney } from "@/lib/ui/format";

export interface ResultBucket {
  from: number;
  to: number;
  trades: number;
  wins: number;
  losses: number;
}

/** How many trades ended in each band of net result: losing bands red, the rest green; 0 is always an edge. */
export function ResultHistogram({ buckets, currency }: { buckets: ResultBucket[]; currency: string | null }) {
  const rows = buckets.map((bucket) => ({
    ...bucket,
    label: formatCompact(bucket.from),
    fill: bucket.to <= 0 ? chartColors.negative : chartColors.positive,
  }));
  type Row = (typeof rows)[number];
  const describe = (row: Row) => ({
    title: `Net ${formatMoney(row.from, currency)} to under ${formatMoney(row.to, currency)}`,
    lines: [
      { label: "Trades", value: formatInteger(row.trades) },
      { label: "Wins / losses / BE", value: `${row.wins} / ${row.losses} / ${row.trades - row.wins - row.losses}` },
    ],
  });

  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} barCategoryGap={1} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis
            dataKey="label"
            tick={axisTick}
            tickLine={false}
            height={40}
            label={xAxisLabel(`Net result per trade${currency ? ` (${currency})` : ""}`)}
          />
          <YAxis width={yAxisWidth} tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} tickFormatter={formatCompact} />
          {/* A bucket of one or two trades stays visible next to one of hundreds. */}
          <Bar dataKey="trades" name="Trades" minPointSize={(value) => (Number(value) > 0 ? 2 : 0)} isAnimationActive={false} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={({ active, payload }) => (active && payload?.[0] ? <TooltipBox {...describe(payload[0].payload as Row)} /> : null)}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
