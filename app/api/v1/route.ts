import { route } from "@/lib/http/route";
import { endpoints } from "@/lib/openapi/openapi-document";
import { appName, appVersion } from "@/lib/system/app-info";

// GET /api/v1 - name, version and the list of endpoints (no database work)
export const GET = route("public", () =>
  Response.json({
    name: appName,
    version: appVersion,
    documentation: "/api/v1/openapi.json",
    endpoints: Object.entries(endpoints).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
      })),
    ),
  }),
);
