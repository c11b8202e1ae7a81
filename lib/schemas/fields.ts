import { z } from "zod";
import { brokerTimeFormats, parseBrokerTime, type ParsedBrokerTime } from "@/lib/time/broker-time";

// Building blocks shared by the trade body, the list query and the OpenAPI document.

/** MT5 tickets, logins and magic numbers: 64-bit in MT5, accepted up to 2^53 - 1 (exact in JSON). */
export const ticket = z.int().min(0);

export const price = z.number().min(0).max(1e9);

/** A whole number in a query string or path (no coercion: "" or "1.5" are errors, not 0 or 1). */
export function wholeNumberParam(message = "must be a whole number") {
  return z.string().regex(/^\d{1,16}$/, { error: message }).transform(Number).pipe(z.int().min(0));
}

/**
 * A query parameter that may be repeated (?symbol=EURUSD&symbol=XAUUSD): one value arrives as a
 * string, several as an array; either way the result is the list of values.
 */
export function repeatable<T extends z.ZodType>(item: T, { min = 1, max = 100 } = {}) {
  return z
    .preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).min(min).max(max))
    .optional();
}

/** A resource id in a path: /trades/{id}, /balance-operations/{id}. */
export const idParams = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,15}$/, { error: "must be a positive whole number" }).transform(Number),
});
export const money = z.number().min(-1e12).max(1e12);

/** A trader's tag: trimmed, 1-40 characters, no comma (CSV lists tags comma-separated) or control character. */
export const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^,\p{Cc}]+$/u, { error: "must not contain a comma or a control character" });

const latestBrokerTime = Date.UTC(3000, 0, 1) / 1000;

/** A broker wall-clock time: "2026.01.02 10:11:12", "2026.01.02 10:11" or ISO 8601. */
export const brokerTime = z
  .string()
  .transform((value, ctx): ParsedBrokerTime => {
    const parsed = parseBrokerTime(value);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    if (parsed.seconds < 0 || parsed.seconds >= latestBrokerTime) {
      ctx.addIssue({ code: "custom", message: "must be between 1970 and 2999" });
      return z.NEVER;
    }
    return parsed;
  })
  .meta({ description: `Broker wall-clock time: ${brokerTimeFormats}`, examples: ["2026.01.02 10:11:12"] });

/** An account currency code, stored upper-case: "usd" is USD. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3,6}$/, { error: "must be a currency code such as USD" })
  .transform((code) => code.toUpperCase());

/** The account a payload belongs to: login and server together, the currency optional. */
/** Broker time minus UTC, in minutes: a hint only (MT5 zones run from UTC-12 to UTC+14). */
export const utcOffsetMinutes = z.int().min(-14 * 60).max(14 * 60);

export const accountFields = {
  account_login: ticket.min(1).nullish(),
  account_server: z.string().trim().min(1).max(128).nullish(),
  account_currency: currencyCode.nullish(),
};

/** The cross-field rules of `accountFields`. */
export function checkAccountFields(
  value: { account_login?: number | null; account_server?: string | null; account_currency?: string | null },
  ctx: z.RefinementCtx,
): void {
  const hasLogin = value.account_login != null;
  const hasServer = value.account_server != null;
  if (hasLogin !== hasServer) {
    ctx.addIssue({
      code: "custom",
      path: [hasLogin ? "account_server" : "account_login"],
      message: "account_login and account_server are sent together",
    });
  }
  if (value.account_currency != null && !hasLogin) {
    ctx.addIssue({ code: "custom", path: ["account_currency"], message: "needs account_login and account_server" });
  }
}

export const positionTypes = ["BUY", "SELL", "UNKNOWN"] as const;
export const sides = ["BUY", "SELL"] as const;
export const positionReasons = [
  "CLIENT",
  "MOBILE",
  "WEB",
  "EXPERT",
  "STOP_LOSS",
  "TAKE_PROFIT",
  "STOP_OUT",
  "ROLLOVER",
  "VMARGIN",
  "SPLIT",
  "UNKNOWN",
] as const;
export const sources = ["ea", "legacy", "import", "manual"] as const;
export const outcomes = ["win", "loss", "breakeven"] as const;
export const periods = ["day", "week", "month"] as const;
export const breakdownDimensions = ["symbol", "strategy", "side", "position_reason", "weekday", "hour", "account_id"] as const;

export type PositionType = (typeof positionTypes)[number];
export type Side = (typeof sides)[number];
export type PositionReason = (typeof positionReasons)[number];
export type Source = (typeof sources)[number];
export type Period = (typeof periods)[number];
