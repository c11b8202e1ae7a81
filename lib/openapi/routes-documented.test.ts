import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/openapi/openapi-document";

const apiRoot = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every "METHOD /api/v1/path" a route file exports, from the files themselves. */
function routedEndpoints(directory = apiRoot): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routedEndpoints(full);
    if (entry.name !== "route.ts") return [];
    const apiPath = `/api/v1${path.relative(apiRoot, directory).split(path.sep).map((part) => `/${part.replace(/^\[(.+)\]$/, "{$1}")}`).join("")}`
      .replace(/\/$/, "");
    const verbs = [...readFileSync(full, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((match) => match[1]!);
    return verbs.map((verb) => `${verb} ${apiPath === "/api/v1/" ? "/api/v1" : apiPath}`);
  });
}

describe("the OpenAPI document", () => {
  it("describes every route the app serves, and nothing else", () => {
    const documented = Object.entries(endpoints).flatMap(([apiPath, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${apiPath}`),
    );
    expect(routedEndpoints()).toContain("DELETE /api/v1/trades/{id}");
    expect(documented.sort()).toEqual(routedEndpoints().sort());
  });
});
