import { secondsPerDay } from "@/lib/analytics/trade-segments";
import type { Period } from "@/lib/schemas/fields";

/**
 * The calendar period of a broker day (days since 1970-01-01): "2026-01-05", the ISO week
 * "2026-W02" (weeks start on Monday; week 1 holds the year's first Thursday) or "2026-01", with
 * the day it starts on.
 */
export function periodOf(day: number, period: Period): { key: string; startDay: number } {
  const date = new Date(day * secondsPerDay * 1000);
  const iso = (d: number) => new Date(d * secondsPerDay * 1000).toISOString().slice(0, 10);
  switch (period) {
    case "day":
      return { key: iso(day), startDay: day };
    case "month": {
      const startDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000 / secondsPerDay;
      return { key: iso(day).slice(0, 7), startDay };
    }
    case "week": {
      const mondayBased = (date.getUTCDay() + 6) % 7;
      const monday = day - mondayBased;
      const thursday = monday + 3;
      const year = new Date(thursday * secondsPerDay * 1000).getUTCFullYear();
      const yearStart = Date.UTC(year, 0, 1) / 1000 / secondsPerDay;
      const week = Math.floor((thursday - yearStart) / 7) + 1;
      return { key: `${year}-W${String(week).padStart(2, "0")}`, startDay: monday };
    }
  }
}

export function formatDay(day: number): string {
  return new Date(day * secondsPerDay * 1000).toISOString().slice(0, 10);
}
