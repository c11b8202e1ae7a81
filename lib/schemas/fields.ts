import { z } from "zod";
import { brokerTimeFormats, parseBrokerTime, type ParsedBrokerTime } from "@/lib/time/broker-time";

// Building blocks shared by the trade body, the list query and the OpenAPI document.

/** MT5 tickets, logins and magic numbers: 64-bit in MT5, accepted up to 2^53 - 1 (exact in JSON). */
export const ticket = z.int().min(0);

export const price = z.number().min(0).max(1e9);
export const money = z.number().min(-1e12).max(1e12);

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

export type PositionType = (typeof positionTypes)[number];
export type Side = (typeof sides)[number];
export type PositionReason = (typeof positionReasons)[number];
export type Source = (typeof sources)[number];
export type Outcome = (typeof outcomes)[number];
