"use client";

import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface EquityPointProps {
  trades: number;
  equity: number;
}

/** The account's equity curve with one trade marked on it. */
export function TradeOnEquity({ points, marker }: { points: EquityPointProps[]; marker: EquityPointProps }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeOpacity={0.15} />
        <XAxis dataKey="trades" type="number" domain={["dataMin", "dataMax"]} tick={{ fontSize: 11 }} stroke="currentColor" />
        <YAxis tick={{ fontSize: 11 }} width={64} stroke="currentColor" />
        <Tooltip formatter={(value) => Number(value).toFixed(2)} labelFormatter={(label) => `Trade #${label}`} />
        <Line type="linear" dataKey="equity" stroke="#0284c7" dot={false} strokeWidth={1.5} isAnimationActive={false} />
        <ReferenceDot x={marker.trades} y={marker.equity} r={5} fill="#f59e0b" stroke="#78350f" />
      </LineChart>
    </ResponsiveContainer>
  );
}
