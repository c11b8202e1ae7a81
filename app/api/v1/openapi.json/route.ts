import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/openapi-document";

// GET /api/v1/openapi.json - the OpenAPI 3.1 document, generated from the zod schemas
export const GET = route("public", () => Response.json(openApiDocument()));
