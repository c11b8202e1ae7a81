import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/route";
import { undecodablePathError } from "@/lib/http/undecodable-path";

// Next.js answers a path it cannot percent-decode with a bare 500 (vercel/next.js#92527): the API
// answers it in the error envelope before routing tries to decode it. Only paths with a % come here.
export function proxy(request: NextRequest) {
  const error = undecodablePathError(request.method, request.nextUrl.pathname);
  return error ? errorResponse(error) : NextResponse.next();
}

export const config = { matcher: "/api/:path(.*%.*)" };
