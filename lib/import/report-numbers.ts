import { parseBrokerTime } from "@/lib/time/broker-time";

// Numbers as the terminal's History report writes them. Real exports (English, French, Japanese,
// Bulgarian) all use `1 234.56`; other locales may group with NBSP, narrow NBSP or apostrophes and
// write decimal commas, so every form is read here.

interface ReadNumber {
  value: number;
  /** Digits after the decimal separator (0 when there is none). */
  decimals: number;
}

const groupSpaces = /[\s\u00a0\u202f\u2009'\u2019]/g;

/**
 * Reads one number cell; null for an empty or unreadable cell.
 *
 * Separators: spaces, NBSP, narrow NBSP and apostrophes always group thousands. When both `.` and
 * `,` occur, the last one is the decimal separator. A separator that occurs more than once groups
 * thousands. A single `,` is a decimal comma, even before exactly three digits (`1,234` = 1.234):
 * the terminal groups thousands with spaces, never commas, while 3-decimal prices (USDJPY, gold)
 * are common, so a lone comma is far likelier a decimal comma.
 */
function readNumber(text: string): ReadNumber | null {
  let body = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  if (/^[-\u2212]/.test(body)) {
    if (negative) return null;
    negative = true;
    body = body.slice(1).trim();
  } else if (body.startsWith("+")) {
    body = body.slice(1).trim();
  }
  body = body.replace(groupSpaces, "");
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return null;

  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  let decimalMark: "." | "," | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0) decimalMark = body.indexOf(".") === lastDot ? "." : null;
  else if (lastComma >= 0) decimalMark = body.indexOf(",") === lastComma ? "," : null;

  const decimalAt = decimalMark === null ? -1 : body.lastIndexOf(decimalMark);
  const whole = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
  const fraction = decimalAt >= 0 ? body.slice(decimalAt + 1) : "";
  if (/[.,]/.test(fraction)) return null;
  // Grouping marks in the whole part must cut it into threes: "1.234.567", not "12.34.5".
  if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})*$/.test(whole)) return null;
  if (whole.replace(/[.,]/g, "") === "" && fraction === "") return null;
  const digits = `${whole.replace(/[.,]/g, "") || "0"}.${fraction || "0"}`;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return { value: negative && value !== 0 ? -value : value, decimals: fraction.length };
}

/** A report number cell as a number; null when empty or not a number. */
export function parseReportNumber(text: string): number | null {
  return readNumber(text)?.value ?? null;
}

/** Digits after the decimal separator of a number cell (0 for whole numbers and non-numbers). */
export function decimalsOf(text: string): number {
  return readNumber(text)?.decimals ?? 0;
}

const reportTimePattern = /^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}(?::\d{2})?$/;

/** "2024.03.01 12:34[:56]" as broker wall-clock seconds (read as UTC); null when malformed. */
export function parseReportTime(text: string): number | null {
  const value = text.replace(/\u00a0/g, " ").trim();
  if (!reportTimePattern.test(value)) return null;
  const parsed = parseBrokerTime(value);
  return "error" in parsed ? null : parsed.seconds;
}
