import { describe, expect, it } from "vitest";
import { decimalsOf, parseReportNumber, parseReportTime } from "@/lib/import/report-numbers";

describe("parseReportNumber", () => {
  it.each([
    ["0.00", 0],
    ["1.50", 1.5],
    ["-2.39", -2.39],
    ["10000.00", 10000],
    ["-0.560000", -0.56],
    ["9 949.16", 9949.16],
    ["3\u00a0002\u00a0745", 3002745],
    ["1\u202f234.56", 1234.56],
    ["1'234.56", 1234.56],
    ["1\u2019234.56", 1234.56],
    ["1.234,56", 1234.56],
    ["1 234,56", 1234.56],
    ["1,234.56", 1234.56],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1,5", 1.5],
    ["143,075", 143.075],
    ["1,234", 1.234],
    ["(12.50)", -12.5],
    ["\u221212.50", -12.5],
    ["- 7", -7],
    ["+3", 3],
    ["-0.00", 0],
  ])("%j is %d", (text, expected) => {
    expect(parseReportNumber(text)).toBe(expected);
  });

  it.each(["", "  ", "abc", "1.2.3,4", "12.34.5", "1,2,3", "--1", "(-1)", "1.5%", "0.01 / 0.01", "1,23,456"])("%j is not a number", (text) => {
    expect(parseReportNumber(text)).toBeNull();
  });
});

describe("decimalsOf", () => {
  it.each([
    ["1.27039", 5],
    ["143.075", 3],
    ["0.00", 2],
    ["3 002 745", 0],
    ["1.234,56", 2],
    ["-0.560000", 6],
    ["", 0],
  ])("%j has %d", (text, expected) => {
    expect(decimalsOf(text)).toBe(expected);
  });
});

describe("parseReportTime", () => {
  it("reads the wall clock as UTC, with or without seconds", () => {
    expect(parseReportTime("2024.03.01 12:34:56")).toBe(Date.UTC(2024, 2, 1, 12, 34, 56) / 1000);
    expect(parseReportTime("2023.06.26 17:03")).toBe(Date.UTC(2023, 5, 26, 17, 3) / 1000);
    expect(parseReportTime("2023.06.26\u00a017:03")).toBe(Date.UTC(2023, 5, 26, 17, 3) / 1000);
  });

  it.each(["", "2024-03-01 12:34:56", "2024.02.30 10:00:00", "2024.03.01 24:00", "2024.03.01", "1771882106"])("%j is not a time", (text) => {
    expect(parseReportTime(text)).toBeNull();
  });
});
