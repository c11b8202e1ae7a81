"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCookieName, sessionMaxAgeSeconds } from "@/lib/auth/session";
import { safeNextPath, signIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";

export interface LoginState {
  message?: string;
}

/** The login form: a right password sets the session cookie and goes on to the page asked for. */
export async function logIn(_state: LoginState, form: FormData): Promise<LoginState> {
  const requestHeaders = await headers();
  const result = signIn(String(form.get("password") ?? ""), requestHeaders);
  if (!result.ok) return { message: result.message };
  (await cookies()).set(sessionCookieName, result.token, {
    httpOnly: true,
    sameSite: "lax",
    // Behind an HTTPS proxy the cookie never travels in clear text.
    secure: env().TRUST_PROXY && requestHeaders.get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: sessionMaxAgeSeconds,
  });
  redirect(safeNextPath(form.get("next")));
}

/** Signs this browser out. */
export async function logOut(): Promise<void> {
  (await cookies()).delete(sessionCookieName);
  redirect("/login");
}
