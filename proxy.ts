import { NextResponse, type NextRequest } from "next/server";
import { isValidSessionToken, journalPassword, sessionCookieName } from "@/lib/auth/session";
import { undecodablePathError } from "@/lib/http/undecodable-path";

/**
 * Runs before routing, for two things only:
 * - a path that does not percent-decode: Next.js would answer a bare 500 (vercel/next.js#92527),
 *   so it is answered 404 here, in the error envelope for the API;
 * - with JOURNAL_PASSWORD set, every page and server action needs the signed session cookie: pages
 *   send the browser to /login, anything else (a server action's POST) is refused. The API checks
 *   keys and sessions itself (lib/http/access.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const undecodable = pathname.includes("%") ? undecodablePathError(request.method, pathname) : null;
  if (undecodable) {
    return pathname.startsWith("/api/")
      ? Response.json(undecodable.toBody(), { status: undecodable.status })
      : new NextResponse("Not found: the address is not valid percent-encoded UTF-8", { status: 404 });
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const password = journalPassword();
  if (password === undefined || isValidSessionToken(request.cookies.get(sessionCookieName)?.value, password)) {
    return NextResponse.next();
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new NextResponse("Sign in first", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login, 303);
}

export const config = {
  matcher: [
    // Paths with a percent sign (the only ones that can fail to decode).
    "/:path(.*%.*)",
    // Pages and server actions: not the API, the login page itself, Next's assets or the icon.
    "/((?!api/|login$|_next/|icon\\.svg$|favicon\\.ico$).*)",
  ],
};
