import { describe, expect, it } from "vitest";
import { detectImportFormat } from "@/lib/import/detect-import-format";

const utf16 = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, "utf16le")]);

describe("detectImportFormat", () => {
  it("tells a zip (XLSX) by its magic bytes", () => {
    expect(detectImportFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe("xlsx");
  });

  it("tells an HTML report in UTF-16 (with or without BOM, cut mid-character) or UTF-8", () => {
    const html = '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\r\n<HTML>\r\n<head>';
    expect(detectImportFormat(utf16(html))).toBe("mt5-html");
    expect(detectImportFormat(utf16(html, false))).toBe("mt5-html");
    expect(detectImportFormat(utf16(html).subarray(0, 151))).toBe("mt5-html");
    expect(detectImportFormat(Buffer.from("\ufeff<table><tr><td>1</td></tr>", "utf8"))).toBe("mt5-html");
  });

  it("tells delimited text by a comma, semicolon or tab in its first line", () => {
    expect(detectImportFormat(Buffer.from("symbol,profit\r\nEURUSD,1.5\r\n"))).toBe("csv");
    expect(detectImportFormat(Buffer.from("symbol;profit\n"))).toBe("csv");
    expect(detectImportFormat(utf16("symbol\tprofit\r\n"))).toBe("csv");
  });

  it("answers unknown for other text and binary data", () => {
    expect(detectImportFormat(Buffer.from("just some words\nand, later, commas"))).toBe("unknown");
    expect(detectImportFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x2c, 0x00, 0x00]))).toBe("unknown");
    expect(detectImportFormat(new Uint8Array(0))).toBe("unknown");
  });
});
