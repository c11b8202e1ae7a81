"use client";

import { Area, AreaChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { amountAxis, axisTick, chartColors, gridProps, TooltipBox, xAxisLabel, yAxisWidth, zeroLine, type TooltipLine } from "@/components/charts/chart-style";
import { formatAmount, formatBrokerTime, formatInteger, formatMoney, toneOf } from "@/lib/ui/format";

export interface EquityPoint {
  trades: number;
  time: string;
  equity: number;
  low: number;
  high: number;
  drawdown: number;
  balance: number | null;
}

interface Row extends EquityPoint {
  range: [number, number];
  fall: number;
}

/**
 * Cumulative net P&L by trade count (close-time order) with the balance when it is known, and the
 * drawdown from the running peak below it on the same x axis. Hovering either chart shows both.
 */
export function EquityChart({ points, currency, perTrade }: { points: EquityPoint[]; currency: string | null; perTrade: boolean }) {
  const start: EquityPoint = { trades: 0, time: "", equity: 0, low: 0, high: 0, drawdown: 0, balance: null };
  const rows: Row[] = [start, ...points].map((point) => ({ ...point, range: [point.low, point.high], fall: -point.drawdown }));
  const hasBalance = points.some((point) => point.balance !== null);
  const lastTrade = points.at(-1)?.trades ?? 0;

  function describe(row: Row): { title: string; lines: TooltipLine[] } {
    const lines: TooltipLine[] = [
      { label: "Cumulative net", value: formatMoney(row.equity, currency), tone: toneOf(row.equity) },
      { label: "Drawdown", value: formatMoney(row.fall, currency), tone: toneOf(row.fall) },
    ];
    if (!perTrade && row.trades > 0) lines.push({ label: "Range in period", value: `${formatAmount(row.low)} … ${formatAmount(row.high)}` });
    if (row.balance !== null) lines.push({ label: "Balance", value: formatAmount(row.balance, currency) });
    return { title: row.trades === 0 ? "Start" : `Trade ${formatInteger(row.trades)} · ${formatBrokerTime(row.time)}`, lines };
  }

  const xAxis = { dataKey: "trades", type: "number", domain: [0, lastTrade], tick: axisTick, tickLine: false } as const;
  return (
    <div className="text-zinc-500 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} syncId="equity" margin={{ top: 8, right: hasBalance ? 0 : 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis {...xAxis} hide />
          <YAxis yAxisId="net" {...amountAxis} />
          {hasBalance && (
<YAxis yAxisId="balance" orientation="right" {...amountAxis} domain={["auto", "auto"]} />
          )}
          <ReferenceLine yAxisId="net" {...zeroLine} />
          {!perTrade && (
            <Area
              yAxisId="net"
              dataKey="range"
              name="High / low in period"
              stroke="none"
              fill={chartColors.equity}
              fillOpacity={0.15}
              isAnimationActive={false}
              legendType="square"
            />
          )}
          <Line yAxisId="net" dataKey="equity" name={hasBalance ? "Cumulative net (left)" : "Cumulative net"} stroke={chartColors.equity} strokeWidth={1.75} dot={false} isAnimationActive={false} />
          {hasBalance && (
            <Line
              yAxisId="balance"
              dataKey="balance"
              name="Balance (right)"
              stroke={chartColors.balance}
              strokeWidth={1.25}
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
          )}
          <Tooltip content={({ active, payload }) => (active && payload?.[0] ? <TooltipBox {...describe(payload[0].payload as Row)} /> : null)} />
          <Legend verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        </ComposedChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={130}>
        <AreaChart data={rows} syncId="equity" margin={{ top: 4, right: hasBalance ? 0 : 12, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis {...xAxis} label={xAxisLabel("Trades, in close-time order")} height={40} />
          <YAxis {...amountAxis} />
          {/* The same width on the right as the balance axis above, so both plots span the same x range. */}
          {hasBalance && <YAxis yAxisId="pad" orientation="right" width={yAxisWidth} tick={false} axisLine={false} />}
          <ReferenceLine {...zeroLine} />
          <Area dataKey="fall" name="Drawdown" type="linear" stroke={chartColors.negative} fill={chartColors.negative} fillOpacity={0.25} strokeWidth={1} isAnimationActive={false} />
          <Tooltip content={() => null} cursor={{ stroke: "currentColor", strokeOpacity: 0.4 }} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
