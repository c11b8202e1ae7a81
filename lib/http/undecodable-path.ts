import { ApiError } from "@/lib/http/api-error";

/**
 * The 404 for a path whose percent-encoding does not decode ("/api/v1/trades/7%E0%A4%A"): no
 * endpoint can match it. Null when the path decodes.
 */
export function undecodablePathError(method: string, pathname: string): ApiError | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new ApiError(
      "not_found",
      `No endpoint ${method} ${pathname}: the path is not valid percent-encoded UTF-8; see GET /api/v1`,
    );
  }
}
