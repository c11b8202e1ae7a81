import { describeAccess, identify } from "@/lib/http/access";
import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

// GET /api/v1/auth/check - whether the sent key (or session) works, and what it may do
export const GET = route("public", (request) => {
  const access = describeAccess(identify(request.headers));
  if (access.access === "none") {
    throw new ApiError("unauthorized", "This journal requires an API key (Authorization: Bearer <key> or X-API-Key)");
  }
  return Response.json({ data: access });
});
