import { formatCompact, toneClass, type toneOf } from "@/lib/ui/format";

// Tailwind shades as hex (SVG attributes cannot take classes): each keeps about 3:1 contrast on the
// light panel (white) and the dark one (zinc-900), so one palette serves both themes.
export const chartColors = {
  positive: "#059669", // emerald-600
  negative: "#ef4444", // red-500
  equity: "#0284c7", // sky-600
  balance: "#71717a", // zinc-500
  rate: "#6366f1", // indigo-500
} as const;

/** Axis text and grid lines follow the panel's text colour (currentColor), so they read in both themes. */
export const axisTick = { fill: "currentColor", fontSize: 11 } as const;
export const gridProps = { stroke: "currentColor", strokeOpacity: 0.12, vertical: false } as const;
export const zeroLine = { y: 0, stroke: "currentColor", strokeOpacity: 0.35 } as const;
/** The same y axis width on charts stacked under each other keeps their x axes aligned. */
export const yAxisWidth = 56;
/** A y axis of amounts, with compact labels. */
export const amountAxis = {
  width: yAxisWidth,
  tick: axisTick,
  tickLine: false,
  axisLine: false,
  tickFormatter: formatCompact,
} as const;
/** The title under an x axis. */
export const xAxisLabel = (value: string) => ({ value, position: "insideBottom", offset: 0, fontSize: 11, fill: "currentColor" }) as const;

export interface TooltipLine {
  label: string;
  value: string;
  tone?: ReturnType<typeof toneOf>;
}

/** The hover box of every chart: a title and right-aligned figures, readable in both themes. */
export function TooltipBox({ title, lines }: { title: string; lines: TooltipLine[] }) {
  return (
    <div className="rounded border border-zinc-200 bg-white px-2.5 py-1.5 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      <table className="tabular-nums">
        <tbody>
          {lines.map((line) => (
            <tr key={line.label}>
              <td className="pr-3 text-zinc-500 dark:text-zinc-400">{line.label}</td>
              <td className={`text-right font-medium ${line.tone ? toneClass[line.tone] : "text-zinc-900 dark:text-zinc-100"}`}>{line.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
