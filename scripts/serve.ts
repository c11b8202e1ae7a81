// npm run dev / npm start: checks the configuration, migrates the database, then serves Next.js on
// HOST:PORT from this process. A Node script rather than shell syntax, so it works the same on
// Windows VPSes; its own HTTP server, so the app learns each client's real address.
import "@/scripts/load-env-file";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { peerAddressHeader } from "@/lib/auth/client-address";
import { isLoopbackHost } from "@/lib/auth/networks";
import { readOrCreateSetting } from "@/lib/auth/server-settings";
import { databaseFilePath } from "@/lib/db/database-file";
import { parseEnv, type Env } from "@/lib/env";
import { migrateFromEnv } from "@/scripts/migrate";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/serve.ts dev|start");
  process.exit(2);
}

let env: Env;
try {
  env = parseEnv();
  await migrateFromEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

Object.assign(process.env, {
  NODE_ENV: process.env.NODE_ENV ?? (mode === "dev" ? "development" : "production"),
  NEXT_TELEMETRY_DISABLED: "1",
  // The app believes the peer-address header only when this server sets it (see lib/auth/client-address.ts).
  JOURNAL_PEER_ADDRESS_HEADER: "1",
  JOURNAL_SESSION_SECRET: sessionSecret(env),
});
if (!isLoopbackHost(env.HOST) && env.JOURNAL_PASSWORD === undefined) warnExposed(env);

const { default: next } = await import("next");
const server = createServer();
const app = next({ dev: mode === "dev", hostname: env.HOST, port: env.PORT, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
server.on("request", (request, response) => {
  // Replaces whatever a client sent under this name: only the socket knows who is connected.
  request.headers[peerAddressHeader] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(env.PORT, env.HOST, () => {
  console.log(`journal ${mode === "dev" ? "(development) " : ""}listening on http://${hostForUrl(env.HOST)}:${env.PORT}`);
});
server.on("error", (error) => {
  console.error(`cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}

/** The secret that signs web sessions: created once, kept in the database, so sessions survive restarts. */
function sessionSecret({ DATABASE_URL }: Env): string {
  const handle = new Database(databaseFilePath(DATABASE_URL));
  try {
    return readOrCreateSetting(handle, "session_secret", () => randomBytes(32).toString("base64url"));
  } finally {
    handle.close();
  }
}

function warnExposed({ HOST, PORT }: Env): void {
  const line = "!".repeat(78);
  console.warn(
    [
      line,
      `!! WARNING: listening on ${HOST}:${PORT}, reachable from other machines, and JOURNAL_PASSWORD is not set.`,
      "!! Anyone who can reach this port can open the journal and its settings (and create API keys).",
      "!! Set JOURNAL_PASSWORD, or keep HOST=127.0.0.1 behind a reverse proxy with HTTPS (see the README).",
      line,
    ].join("\n"),
  );
}

function hostForUrl(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
