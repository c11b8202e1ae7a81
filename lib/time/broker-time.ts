// MT5 times are the broker's wall clock with no zone. We keep them as seconds since 1970 read as if
// that wall clock were UTC, and format them back without a zone; nothing may shift them.

export interface ParsedBrokerTime {
  /** Wall-clock seconds since 1970-01-01 00:00:00 (as if UTC). */
  seconds: number;
  /** The offset an ISO value carried (+02:00 -> 120), a hint only; null when none was given. */
  utcOffsetMinutes: number | null;
}

const mt5Pattern = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export const brokerTimeFormats = "YYYY.MM.DD HH:MM:SS, YYYY.MM.DD HH:MM or ISO 8601";

/** Parses a broker time; returns a message instead when the value is not a real time. */
export function parseBrokerTime(value: string): ParsedBrokerTime | { error: string } {
  const text = value.trim();
  const match = mt5Pattern.exec(text) ?? isoPattern.exec(text);
  if (!match) return { error: `expected ${brokerTimeFormats}` };
  const [, year, month, day, hour = "00", minute = "00", second = "00", zone] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = parts;
  const millis = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(millis);
  // Date.UTC rolls 2026-02-30 over to March 2nd: reject anything that did not survive unchanged.
  if (
    h > 23 || mi > 59 || s > 59 ||
    check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d
  ) {
    return { error: `${text} is not a valid date and time` };
  }
  return { seconds: millis / 1000, utcOffsetMinutes: zone === undefined ? null : parseOffset(zone) };
}

function parseOffset(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** "2026-01-02T10:11:12": the wall clock, without a zone. */
export function formatBrokerTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** "2026.01.02 10:11:12": the terminal's own format, as the EA sends it. */
export function formatMt5Time(seconds: number): string {
  return formatBrokerTime(seconds).replace("T", " ").replaceAll("-", ".");
}
