// Display formatting for the pages: one place for how numbers, money, times and durations read.
// Money keeps its sign in text (+ / −), so colour is never the only cue.

const grouped = (digits: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const money2 = grouped(2);
const integer = grouped(0);

/** 1234.5 -> "+1,234.50", -3 -> "−3.00", 0 -> "0.00"; with a currency: "+1,234.50 USD". */
export function formatMoney(value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${money2.format(Math.abs(value))}${currency ? ` ${currency}` : ""}`;
}

/** A money amount without a forced plus sign (balances, gross totals). */
export function formatAmount(value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined) return "—";
  return `${value < 0 ? "−" : ""}${money2.format(Math.abs(value))}${currency ? ` ${currency}` : ""}`;
}

export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : integer.format(value);
}

/** A 0-1 ratio as a percentage: 0.5243 -> "52.4%". */
export function formatRate(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** A value already in percent: 4.5 -> "+4.50%". */
export function formatPercent(value: number | null | undefined, { signed = false } = {}): string {
  if (value === null || value === undefined) return "—";
  const sign = signed && value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${Math.abs(value).toFixed(2)}%`;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Chart axis ticks: 12500 -> "12.5K", -800 -> "−800". */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${value < 0 ? "−" : ""}${compact.format(Math.abs(value))}`;
}

export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}

export function formatLots(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(2);
}

/** Prices keep the digits they were sent with (up to 5), so 1.08345 and 2345.1 both read right. */
export function formatPrice(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return String(Number(value.toFixed(5)));
}

/** 93784 -> "1d 2h", 3725 -> "1h 2m", 45 -> "45s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.round(seconds);
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}

/** Broker wall-clock "2026-01-02T14:00:00" -> "2026-01-02 14:00:00" (no zone: it is the broker's clock). */
export function formatBrokerTime(value: string | null | undefined): string {
  return value ? value.replace("T", " ") : "—";
}

/** The tone of a signed number, for text colour: never the only cue (the sign is in the text). */
export function toneOf(value: number | null | undefined): "positive" | "negative" | "neutral" {
  if (value === null || value === undefined || value === 0) return "neutral";
  return value > 0 ? "positive" : "negative";
}

export const toneClass = {
  positive: "text-emerald-700 dark:text-emerald-400",
  negative: "text-red-700 dark:text-red-400",
  neutral: "text-zinc-600 dark:text-zinc-400",
} as const;
