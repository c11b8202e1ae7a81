import { formatMoney, toneClass, toneOf } from "@/lib/ui/format";

/** A signed money figure: the sign is in the text (+ / −), the colour only repeats it. */
export function Signed({ value, currency, className = "" }: { value: number | null | undefined; currency?: string | null; className?: string }) {
  return <span className={`${toneClass[toneOf(value)]} ${className}`}>{formatMoney(value, currency)}</span>;
}
