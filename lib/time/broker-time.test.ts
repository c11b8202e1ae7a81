import { describe, expect, it } from "vitest";
import { formatBrokerTime, parseBrokerTime } from "@/lib/time/broker-time";

const seconds = (iso: string) => Date.parse(`${iso}Z`) / 1000;

describe("parseBrokerTime", () => {
  it.each([
    ["2026.01.02 10:11:12", "2026-01-02T10:11:12", null],
    ["2026.01.02 10:11", "2026-01-02T10:11:00", null],
    ["2026-01-02T10:11:12", "2026-01-02T10:11:12", null],
    ["2026-01-02 10:11:12", "2026-01-02T10:11:12", null],
    ["2026-01-02T10:11:12.999", "2026-01-02T10:11:12", null],
    ["2026-01-02", "2026-01-02T00:00:00", null],
    ["2024.02.29 23:59:59", "2024-02-29T23:59:59", null],
  ])("reads %s as the wall clock %s", (input, wallClock, offset) => {
    expect(parseBrokerTime(input)).toEqual({ seconds: seconds(wallClock), utcOffsetMinutes: offset });
  });

  it.each([
    ["2026-01-02T10:11:12Z", 0],
    ["2026-01-02T10:11:12+02:00", 120],
    ["2026-01-02T10:11:12+0300", 180],
    ["2026-01-02T10:11:12-05:30", -330],
  ])("keeps the wall clock of %s and moves its offset to utc_offset_minutes", (input, offset) => {
    expect(parseBrokerTime(input)).toEqual({ seconds: seconds("2026-01-02T10:11:12"), utcOffsetMinutes: offset });
  });

  it.each([
    "2026.02.30 10:00:00",
    "2025.02.29 10:00:00",
    "2026.13.01 10:00:00",
    "2026.04.31 00:00:00",
    "2026.01.01 24:00:00",
    "2026.01.01 10:60:00",
    "2026.01.01 10:00:60",
    "2026-02-30T00:00:00",
  ])("rejects the impossible date %s", (input) => {
    expect(parseBrokerTime(input)).toEqual({ error: expect.stringContaining("not a valid date") });
  });

  it.each(["", "yesterday", "2026/01/02 10:11:12", "02.01.2026 10:11:12", "2026.1.2 10:11:12", "1767348672"])(
    "rejects %j with the accepted formats",
    (input) => {
      expect(parseBrokerTime(input)).toEqual({ error: expect.stringContaining("YYYY.MM.DD HH:MM:SS") });
    },
  );
});

describe("formatBrokerTime", () => {
  it("formats without a zone and round-trips", () => {
    const parsed = parseBrokerTime("2026.07.15 23:05:09");
    expect("seconds" in parsed && formatBrokerTime(parsed.seconds)).toBe("2026-07-15T23:05:09");
  });

  it("does not depend on the process time zone", () => {
    expect(formatBrokerTime(0)).toBe("1970-01-01T00:00:00");
  });
});
