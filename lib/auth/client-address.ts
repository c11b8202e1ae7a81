import { env } from "@/lib/env";

/**
 * The header `npm start`'s server sets to the TCP peer's address on every request (replacing any
 * value a client sent). Next.js itself only fills X-Forwarded-For when the client left it out, so
 * that header cannot be believed unless a trusted proxy wrote it.
 */
export const peerAddressHeader = "x-journal-peer-address";

/**
 * The client's IP address: the TCP peer, or with TRUST_PROXY the address the nearest proxy added
 * to X-Forwarded-For (the last entry; earlier ones are whatever the client claimed). Null when the
 * server was not started by `npm start`/`npm run dev` and no trusted proxy says.
 */
export function clientAddress(headers: Headers): string | null {
  if (env().TRUST_PROXY) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return process.env.JOURNAL_PEER_ADDRESS_HEADER === "1" ? headers.get(peerAddressHeader) : null;
}
