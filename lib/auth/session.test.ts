import { describe, expect, it } from "vitest";
import { createSessionToken, isValidSessionToken, secretsEqual, sessionMaxAgeSeconds } from "@/lib/auth/session";

describe("session tokens", () => {
  const password = "correct horse battery";

  it("accept their own token until it expires", () => {
    const now = Date.UTC(2026, 0, 1);
    const token = createSessionToken(password, now);
    expect(isValidSessionToken(token, password, now + 1000)).toBe(true);
    expect(isValidSessionToken(token, password, now + sessionMaxAgeSeconds * 1000 + 1)).toBe(false);
  });

  it("refuse a changed password, a changed expiry, a forged signature and junk", () => {
    const token = createSessionToken(password);
    expect(isValidSessionToken(token, "another password")).toBe(false);
    const [expires, nonce, signature] = token.split(".");
    expect(isValidSessionToken(`${Number(expires) + 1}.${nonce}.${signature}`, password)).toBe(false);
    expect(isValidSessionToken(`${expires}.${nonce}.${"A".repeat(signature!.length)}`, password)).toBe(false);
    for (const junk of [undefined, "", ".", "abc", "9999999999999.x.", "NaN.x.y"]) expect(isValidSessionToken(junk, password)).toBe(false);
  });

  it("compare secrets of any length", () => {
    expect(secretsEqual("abc", "abc")).toBe(true);
    expect(secretsEqual("abc", "abcd")).toBe(false);
    expect(secretsEqual("", "x")).toBe(false);
  });
});
