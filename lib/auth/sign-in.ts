import { clientAddress } from "@/lib/auth/client-address";
import { createSessionToken, journalPassword, secretsEqual } from "@/lib/auth/session";
import { createRateLimiter } from "@/lib/http/rate-limit";

// Wrong passwords per client address: 5 at once, then one more every 2 minutes; and from all
// addresses together 50, then one every 10 seconds, so rotating addresses does not help much.
const perAddress = createRateLimiter({ perSecond: 1 / 120, burst: 5 });
const overall = createRateLimiter({ perSecond: 1 / 10, burst: 50 });

export type SignInResult = { ok: true; token: string } | { ok: false; message: string; retryAfterSeconds?: number };

/** Checks a password typed on the login page; a right one gets a session token. */
export function signIn(password: string, headers: Headers): SignInResult {
  const expected = journalPassword();
  if (expected === undefined) return { ok: false, message: "This journal has no password (JOURNAL_PASSWORD is not set)." };
  const address = `address:${clientAddress(headers) ?? "unknown"}`;
  const wait = Math.max(perAddress.wait(address), overall.wait("all"));
  if (wait > 0) {
    return { ok: false, message: `Too many wrong passwords. Try again in ${formatWait(wait)}.`, retryAfterSeconds: wait };
  }
  if (!secretsEqual(password, expected)) {
    perAddress.take(address);
    overall.take("all");
    return { ok: false, message: "Wrong password." };
  }
  return { ok: true, token: createSessionToken(expected) };
}

/** Where to go after signing in: a path on this site only, never another origin. */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/";
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
