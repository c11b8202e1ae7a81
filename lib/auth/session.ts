import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// No database here: the proxy checks sessions before every page, and it only needs the password and
// the signing secret, which `npm start` reads from the database into the environment at start.

export const sessionCookieName = "journal_session";
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

/** The password the web UI asks for, or undefined when the UI is open (JOURNAL_PASSWORD unset). */
export function journalPassword(): string | undefined {
  return env().JOURNAL_PASSWORD;
}

/** Constant-time comparison of two strings of any length (their SHA-256s are compared). */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

let processSecret: string | undefined;

// Signed with the server's stored secret and the password: changing JOURNAL_PASSWORD signs everyone
// out, and a cookie reveals nothing that would help guess the password.
function signingKey(password: string): Buffer {
  // Scripts and tests that skip `npm start` get a secret for this process only.
  processSecret ??= randomBytes(32).toString("base64url");
  const secret = process.env.JOURNAL_SESSION_SECRET || processSecret;
  return createHmac("sha256", secret).update(password, "utf8").digest();
}

function signature(password: string, payload: string): string {
  return createHmac("sha256", signingKey(password)).update(payload).digest("base64url");
}

/** A session token `<expiry ms>.<nonce>.<signature>`, valid for `sessionMaxAgeSeconds`. */
export function createSessionToken(password: string, now = Date.now()): string {
  const payload = `${now + sessionMaxAgeSeconds * 1000}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${signature(password, payload)}`;
}

export function isValidSessionToken(token: string | undefined, password: string, now = Date.now()): boolean {
  if (!token) return false;
  const cut = token.lastIndexOf(".");
  if (cut < 0) return false;
  const payload = token.slice(0, cut);
  const expires = Number(payload.split(".")[0]);
  return Number.isFinite(expires) && expires > now && secretsEqual(token.slice(cut + 1), signature(password, payload));
}
