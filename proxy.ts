import { NextResponse, type NextRequest } from "next/server";
import { isValidSessionToken, journalPassword, sessionCookieName } from "@/lib/auth/session";

/**
 * With JOURNAL_PASSWORD set, every page and server action needs the signed session cookie: pages
 * send the browser to /login, anything else (a server action's POST) is refused. The API checks
 * keys and sessions itself (lib/http/access.ts), so it is not matched here.
 */
export function proxy(request: NextRequest) {
  const password = journalPassword();
  if (password === undefined || isValidSessionToken(request.cookies.get(sessionCookieName)?.value, password)) {
    return NextResponse.next();
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new NextResponse("Sign in first", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const login = new URL("/login", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") login.searchParams.set("next", pathname + search);
  return NextResponse.redirect(login, 303);
}

export const config = {
  // Not the API, the login page itself, Next's assets or the icon.
  matcher: ["/((?!api/|login$|_next/|icon\\.svg$|favicon\\.ico$).*)"],
};
