import { describe, expect, it } from "vitest";
import { issueDetails } from "@/lib/http/api-error";
import { searchParamsObject } from "@/lib/http/search-params";
import { safeValidate } from "@/lib/http/validate";
import { listTradesQuery } from "@/lib/schemas/trade-query";

const parse = (query: string) => safeValidate(listTradesQuery, searchParamsObject(`http://localhost/api/v1/trades?${query}`));

describe("searchParamsObject with the query schemas", () => {
  it("reads a repeatable filter given once or several times as a list", () => {
    expect(parse("symbol=EURUSD").data?.symbol).toEqual(["EURUSD"]);
    expect(parse("symbol=EURUSD&symbol=XAUUSD&magic_number=0&magic_number=7").data).toMatchObject({
      symbol: ["EURUSD", "XAUUSD"],
      magic_number: [0, 7],
    });
  });

  // Found by the fuzz test: "__proto__" was set as the object's prototype (or dropped), not refused.
  it("refuses parameters named like Object's members as it refuses any unknown name", () => {
    for (const query of ["__proto__=x", "__proto__=a&__proto__=b", "constructor=x", "symbol=EURUSD&toString=1"]) {
      const result = parse(query);
      const name = query.split("&").at(-1)!.split("=")[0]!;
      expect(result.success ? [] : issueDetails(result.error).map((detail) => detail.field), query).toEqual([name]);
    }
  });

  it("refuses a single-valued parameter given twice instead of picking one", () => {
    const result = parse("limit=5&limit=6");
    expect(result.success).toBe(false);
    expect(result.success ? [] : issueDetails(result.error).map((detail) => detail.field)).toEqual(["limit"]);
  });
});
