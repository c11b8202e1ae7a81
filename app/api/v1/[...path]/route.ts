import { ApiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

// Any other path under /api/v1 - 404 in the error envelope instead of the HTML not-found page
const notFound = route("public", (request) => {
  throw new ApiError("not_found", `No endpoint ${request.method} ${new URL(request.url).pathname}; see GET /api/v1`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
