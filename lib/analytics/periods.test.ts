import { describe, expect, it } from "vitest";
import { periodOf } from "@/lib/analytics/periods";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("periodOf", () => {
  it.each([
    ["2026-01-01", "2026-W01", "2025-12-29"], // a Thursday: week 1 of 2026 starts in 2025
    ["2025-12-29", "2026-W01", "2025-12-29"],
    ["2027-01-01", "2026-W53", "2026-12-28"], // a Friday: the last week of 2026
    ["2026-07-19", "2026-W29", "2026-07-13"], // a Sunday ends its week
    ["2026-07-20", "2026-W30", "2026-07-20"],
  ])("%s is in ISO week %s starting %s", (date, key, start) => {
    expect(periodOf(day(date), "week")).toEqual({ key, startDay: day(start) });
  });

  it("names days and months", () => {
    expect(periodOf(day("2026-02-28"), "day")).toEqual({ key: "2026-02-28", startDay: day("2026-02-28") });
    expect(periodOf(day("2026-02-28"), "month")).toEqual({ key: "2026-02", startDay: day("2026-02-01") });
  });
});
