import { apiKeysRequired, findApiKey, type ApiKeyGrant } from "@/lib/auth/api-keys";
import { clientAddress } from "@/lib/auth/client-address";
import { networkContains } from "@/lib/auth/networks";
import { isValidSessionToken, journalPassword, sessionCookieName } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { createRateLimiter } from "@/lib/http/rate-limit";

/**
 * What a route needs:
 * - "public": anyone (index, health, OpenAPI, the key check);
 * - "read": a key of either scope, or the web UI's session;
 * - "ingest": storing trades and balance operations: a write key, or a client in OPEN_INGEST_FROM;
 * - "write": changing or deleting stored data: a write key (an account-scoped one for its account);
 * - "owner": changes across accounts (rename, delete, merge accounts): a write key for all accounts.
 * - "import": imports (their account is known only once the file is read): what "owner" needs, or
 *   the web UI's session on a same-origin request (the upload page; the session cookie is SameSite=Lax).
 * Until the first key is created everything but "read" under JOURNAL_PASSWORD is open.
 */
export type Access = "public" | "read" | "ingest" | "write" | "owner" | "import";

/** Who is asking, as far as the access policy found out. */
export type Principal =
  | { via: "anyone" }
  | { via: "open" }
  | { via: "network"; address: string }
  | { via: "session"; open: boolean }
  | { via: "key"; key: ApiKeyGrant };

const limiter = () => (rateLimiter ??= createRateLimiter({ perSecond: env().RATE_LIMIT_PER_SECOND, burst: 2 * env().RATE_LIMIT_PER_SECOND }));
let rateLimiter: ReturnType<typeof createRateLimiter> | undefined;

/** The single access policy of the API: returns who is asking, or throws 401, 403 or 429. */
export function authorize(request: Request, access: Access): Principal {
  const principal: Principal = access === "public" ? { via: "anyone" } : identify(request.headers);
  limitRate(principal, request.headers);
  const fromOwnPage = access === "import" && principal.via === "session" && isSameOrigin(request.headers);
  if (!allows(principal, access) && !fromOwnPage) throw denial(principal, access);
  return principal;
}

/**
 * Who the headers say is asking: a valid API key, else the UI's session, else an open journal or
 * network. A key that is sent must be valid even where none is needed, so a mistyped key shows.
 */
export function identify(headers: Headers): Principal {
  const key = presentedKey(headers);
  if (key !== null) {
    const grant = findApiKey(key);
    if (!grant) throw new ApiError("unauthorized", "Unknown API key");
    if (grant.revokedAt !== null) throw new ApiError("forbidden", `API key "${grant.name}" was revoked at ${grant.revokedAt}`);
    return { via: "key", key: grant };
  }
  const open = !apiKeysRequired();
  const password = journalPassword();
  if (password !== undefined && isValidSessionToken(cookie(headers, sessionCookieName), password)) return { via: "session", open };
  if (open) return { via: "open" };
  const address = clientAddress(headers);
  if (address !== null && env().OPEN_INGEST_FROM.some((network) => networkContains(network, address))) {
    return { via: "network", address };
  }
  return { via: "anyone" };
}

/** Whether `principal` may use a route that needs `access`. */
export function allows(principal: Principal, access: Access): boolean {
  switch (principal.via) {
    case "key":
      if (access === "read" || access === "public") return true;
      return principal.key.scope === "write" && ((access !== "owner" && access !== "import") || principal.key.account === null);
    case "session":
      return access === "read" || access === "public" || principal.open;
    case "open":
      return access !== "read" || journalPassword() === undefined;
    case "network":
      return access === "ingest" || access === "public";
    case "anyone":
      return access === "public";
  }
}

function denial(principal: Principal, access: Access): ApiError {
  if (principal.via !== "key") {
    return new ApiError(
      "unauthorized",
      access === "read"
        ? "An API key (Authorization: Bearer <key> or X-API-Key) or a signed-in session is required"
        : "An API key with the write scope is required (Authorization: Bearer <key> or X-API-Key)",
    );
  }
  if (principal.key.scope === "read") return new ApiError("forbidden", `API key "${principal.key.name}" may only read`);
  return new ApiError("forbidden", `API key "${principal.key.name}" is tied to one account; this needs a key for all accounts`);
}

// Per key, or per client address for requests without one; set far above the ingestion benchmark's
// load, so only a runaway or hostile client ever meets it.
function limitRate(principal: Principal, headers: Headers): void {
  const name = principal.via === "key" ? `key:${principal.key.id}` : `address:${clientAddress(headers) ?? "unknown"}`;
  const wait = limiter().take(name);
  if (wait > 0) {
    throw new ApiError("rate_limited", `Too many requests; retry in ${wait} s`, undefined, { "Retry-After": String(wait) });
  }
}

function presentedKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new ApiError("unauthorized", "Authorization must be \"Bearer <key>\"");
    return match[1]!;
  }
  const key = headers.get("x-api-key")?.trim();
  return key ? key : null;
}

function cookie(headers: Headers, name: string): string | undefined {
  for (const part of headers.get("cookie")?.split(";") ?? []) {
    const cut = part.indexOf("=");
    if (cut > 0 && part.slice(0, cut).trim() === name) return part.slice(cut + 1).trim();
  }
  return undefined;
}

/** What `principal` may do, as `GET /api/v1/auth/check` tells it. */
export function describeAccess(principal: Principal) {
  const key = principal.via === "key" ? principal.key : null;
  return {
    access: principal.via === "anyone" ? "none" : principal.via,
    keys_required: apiKeysRequired(),
    password_set: journalPassword() !== undefined,
    can_read: allows(principal, "read"),
    can_write: allows(principal, "ingest"),
    can_change: allows(principal, "write"),
    can_manage_accounts: allows(principal, "owner"),
    account_id: key?.account?.id ?? null,
    key: key && { id: key.id, name: key.name, scope: key.scope, account_id: key.account?.id ?? null },
  };
}

/** A browser request from the journal's own pages: what the browser says, else Origin against Host. */
function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = headers.get("origin");
  const host = (env().TRUST_PROXY ? headers.get("x-forwarded-host") : null) ?? headers.get("host");
  if (origin === null || host === null) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
