"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { amountAxis, axisTick, chartColors, gridProps, TooltipBox, yAxisWidth, zeroLine } from "@/components/charts/chart-style";
import type { BreakdownGroup } from "@/lib/ui/breakdown-groups";
import { formatInteger, formatMoney, formatRate, toneOf } from "@/lib/ui/format";

/**
 * Net profit (bars above or below zero, green or red) and win rate (bars against a 50% line) per
 * group, stacked on one x axis; hovering either shows the group's figures.
 */
export function BreakdownChart({ groups, currency, syncId, slantLabels = false }: { groups: BreakdownGroup[]; currency: string | null; syncId: string; slantLabels?: boolean }) {
  // A data entry's own fill colours its bar; the win rate bars keep one colour, so they get their own rows.
  const rows = groups.map((group) => ({ ...group, fill: group.netProfit < 0 ? chartColors.negative : chartColors.positive }));
  const rates = groups.map((group) => ({ label: group.label, rate: group.winRate === null ? null : group.winRate * 100 }));
  type Row = (typeof rows)[number];
  const describe = (row: Row) => ({
    title: row.title,
    lines: [
      { label: "Net profit", value: formatMoney(row.netProfit, currency), tone: toneOf(row.netProfit) },
      { label: "Win rate", value: formatRate(row.winRate) },
      { label: "Trades", value: formatInteger(row.trades) },
      { label: "Wins / losses / BE", value: `${row.wins} / ${row.losses} / ${row.breakevens}` },
    ],
  });
  // Every label while they fit; with many groups (24 hours on a phone) recharts drops the ones that would overlap.
  const xAxis = { dataKey: "label", tick: axisTick, tickLine: false, interval: groups.length > 12 ? "preserveStartEnd" : 0 } as const;
  // Slanted labels reach left of their bar: the first one needs room.
  const margin = { top: 6, right: 8, bottom: 0, left: slantLabels ? 24 : 0 };

  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <p className="pl-1 text-xs">Net profit{currency ? ` (${currency})` : ""}</p>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={rows} syncId={syncId} margin={margin}>
          <CartesianGrid {...gridProps} />
          <XAxis {...xAxis} hide />
          <YAxis {...amountAxis} />
          <ReferenceLine {...zeroLine} />
          <Bar dataKey="netProfit" name="Net profit" maxBarSize={40} isAnimationActive={false} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={({ active, payload }) => (active && payload?.[0] ? <TooltipBox {...describe(payload[0].payload as Row)} /> : null)}
          />
        </BarChart>
      </ResponsiveContainer>
      <p className="pl-1 text-xs">Win rate (line at 50%)</p>
      <ResponsiveContainer width="100%" height={slantLabels ? 172 : 100}>
        <BarChart data={rates} syncId={syncId} margin={margin}>
          <CartesianGrid {...gridProps} />
          <XAxis {...xAxis} {...(slantLabels ? { angle: -35, textAnchor: "end", height: 96 } : { height: 22 })} />
          <YAxis width={yAxisWidth} tick={axisTick} tickLine={false} axisLine={false} domain={[0, 100]} ticks={[0, 50, 100]} unit="%" />
          <ReferenceLine y={50} stroke="currentColor" strokeOpacity={0.45} strokeDasharray="3 3" />
          <Bar dataKey="rate" name="Win rate" fill={chartColors.rate} maxBarSize={40} isAnimationActive={false} />
          <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={() => null} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
