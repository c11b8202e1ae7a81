import { describe, expect, it } from "vitest";
import { createCsvParser, CsvParseError, parseCsv } from "@/lib/import/parse-csv";

describe("parseCsv", () => {
  it("reads fields, quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'id,comment,profit\r\n1,"a, b",-12.5\r\n2,"say ""hi""\r\nnext line",0\r\n3,"multi\nline\rparts",1e+21\r\n';
    expect(parseCsv(text)).toEqual([
      ["id", "comment", "profit"],
      ["1", "a, b", "-12.5"],
      ["2", 'say "hi"\r\nnext line', "0"],
      ["3", "multi\nline\rparts", "1e+21"],
    ]);
  });

  it("tells an unquoted empty field (null) from a quoted one (empty text)", () => {
    expect(parseCsv('a,,"",b,\r\n,\r\n""\r\n')).toEqual([
      ["a", null, "", "b", null],
      [null, null],
      [""],
    ]);
  });

  it("accepts LF and lone CR line ends, and a missing last line end", () => {
    expect(parseCsv("a,b\nc,d\re,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    expect(parseCsv("a\r\n\r\nb")).toEqual([["a"], [null], ["b"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("drops a leading byte order mark only, and keeps unicode as it is", () => {
    expect(parseCsv('\uFEFFsymbol,comment\r\nDAX40,"Größe 👍 日本"\r\n')).toEqual([
      ["symbol", "comment"],
      ["DAX40", "Größe 👍 日本"],
    ]);
    expect(parseCsv("a,\uFEFFb")).toEqual([["a", "\uFEFFb"]]);
  });

  it("gives the same records however the text is split into pieces", () => {
    const text = '\uFEFFid,text\r\n1,"x,""y""\r\nz"\r\n2,plain\r\n3,""\r\n4,\r\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 5; size += 1) {
      const parser = createCsvParser();
      const records = [];
      for (let start = 0; start < text.length; start += size) records.push(...parser.push(text.slice(start, start + size)));
      records.push(...parser.end());
      expect(records, `pieces of ${size}`).toEqual(whole);
    }
    expect(whole).toHaveLength(5);
  });

  it("uses another delimiter when told", () => {
    expect(parseCsv('a;"b;c";d,e\r\n', { delimiter: ";" })).toEqual([["a", "b;c", "d,e"]]);
    expect(() => createCsvParser({ delimiter: '"' })).toThrow(/delimiter/);
  });

  it("refuses malformed quoting, naming the line", () => {
    const cases: [string, RegExp, number][] = [
      ['a,b\r\nc,d"e\r\n', /quote inside an unquoted field/, 2],
      ['a\r\n"b"c\r\n', /text after a closing quote/, 2],
      ['a\r\n"b\r\nc', /not closed/, 2],
    ];
    for (const [text, message, line] of cases) {
      expect(() => parseCsv(text)).toThrow(message);
      try {
        parseCsv(text);
      } catch (error) {
        expect(error).toBeInstanceOf(CsvParseError);
        expect((error as CsvParseError).line).toBe(line);
      }
    }
  });
});
