import { describe, expect, it } from "vitest";
import { undecodablePathError } from "@/lib/http/undecodable-path";

describe("undecodablePathError", () => {
  it("lets every path through that decodes, encoded characters included", () => {
    for (const path of ["/api/v1/trades/1", "/api/v1/trades/%31", "/api/v1/trades/%25", "/api/v1/trades/%F0%9F%9A%80"]) {
      expect(undecodablePathError("GET", path)).toBeNull();
    }
  });

  // Found by the HTTP fuzz test: Next.js itself answered these with a bare 500 "Internal Server Error".
  it.each(["/api/v1/trades/%E0%A4%A", "/api/v1/trades/%20%", "/api/v1/trades/%zz", "/api/v1/trades/%ED%A0%80", "/api/v1/%FF"])(
    "answers %s with the API's 404",
    (path) => {
      const error = undecodablePathError("PATCH", path);
      expect(error?.status).toBe(404);
      expect(error?.toBody()).toEqual({
        error: { code: "not_found", message: `No endpoint PATCH ${path}: the path is not valid percent-encoded UTF-8; see GET /api/v1` },
      });
    },
  );
});
