import { describe, expect, it } from "vitest";
import { parseUtcOffset } from "@/lib/ui/utc-offset";

describe("parseUtcOffset", () => {
  it.each([
    ["+2", 120],
    ["2", 120],
    ["-5", -300],
    ["+5:30", 330],
    ["-3:30", -210],
    ["−4", -240],
    ["UTC+3", 180],
    [" +0 ", 0],
    ["-0", 0],
    ["+14", 840],
    ["-12", -720],
  ])("reads %j as %i minutes", (text, minutes) => {
    expect(parseUtcOffset(text)).toEqual({ minutes, error: null });
  });

  it("reads nothing as no offset", () => {
    expect(parseUtcOffset("   ")).toEqual({ minutes: null, error: null });
  });

  it.each(["abc", "+2h", "5:7", "+5:60", "120", "2.5", "5.30"])("refuses %j", (text) => {
    expect(parseUtcOffset(text)).toMatchObject({ minutes: null, error: expect.stringContaining("+5:30") });
  });

  it("refuses offsets beyond ±14 hours", () => {
    expect(parseUtcOffset("+15")).toEqual({ minutes: null, error: "An offset is between -14 and +14 hours" });
  });
});
