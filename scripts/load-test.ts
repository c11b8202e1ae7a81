// npm run load -- [--seconds 60] [--writers 16] [--readers 4] [--url http://127.0.0.1:3000] [--key <key>]
// Writers post trades (single, legacy, batches, re-sends, racing identical posts) while readers load
// every page and GET endpoint; then every trade is checked: each one acknowledged is stored exactly
// once, nothing unacknowledged is stored, no 5xx, no network error. Without --url it starts its own
// production server (needs `npm run build`) on a fresh throwaway database. Loopback only.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isLoopbackHost } from "@/lib/bench/load";
import { checkDatabaseFile, checkServerLog, formatLoadReport, runJournalLoad } from "@/lib/bench/journal-load";
import { createApiKeyFor, startJournalServer, type JournalServer } from "@/lib/bench/journal-server";

const usage = `usage: npm run load -- [options]
  --seconds <n>        how long the writers and readers run (default 60)
  --writers <n>        concurrent writers (default 16)
  --readers <n>        concurrent readers (default 4)
  --max-requests <n>   at most this many write requests, and half as many reads (default 1000 per second)
  --url <url>          a running server, loopback only; by default one is started on a fresh database
  --port <n>           port of the server it starts (default 3210)
  --key <key>          API key, sent as "Authorization: Bearer <key>" (default: JOURNAL_API_KEY)
  --seed <n>           seed of the trade generator`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    strict: true,
    options: {
      seconds: { type: "string", default: "60" },
      writers: { type: "string", default: "16" },
      readers: { type: "string", default: "4" },
      "max-requests": { type: "string" },
      url: { type: "string" },
      port: { type: "string", default: "3210" },
      key: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

function whole(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

const seconds = whole("seconds", values.seconds, 1, 3600);
const writers = whole("writers", values.writers, 1, 256);
const readers = whole("readers", values.readers, 0, 256);
const maxWriteRequests = values["max-requests"] ? whole("max-requests", values["max-requests"], 1, 10_000_000) : seconds * 1000;
const port = whole("port", values.port, 1, 65535);
const seed = values.seed ? whole("seed", values.seed, 0, 2_147_483_647) : undefined;
const key = values.key ?? process.env.JOURNAL_API_KEY;
// Filled in before the run: the given key, or one this script creates in its own server's database.
const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};

let origin: string;
if (values.url) {
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    fail(`--url: not a valid URL: ${values.url}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") fail("--url: must be http:// or https://");
  if (!isLoopbackHost(url.hostname)) {
    fail(`--url: refusing ${url.hostname}: the load test writes thousands of trades, so it only talks to a loopback address`);
  }
  origin = url.origin;
}

// Ctrl-C or a kill: exit through process.exit, so the server this script started is killed with it.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) process.once(signal, () => process.exit(code));

const cpus = os.cpus();
console.log(`load ${new Date().toISOString()} | node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "?"})`);
let server: JournalServer | undefined;
if (origin! === undefined) {
  console.log(`starting a production server on 127.0.0.1:${port} with a fresh database (npm run build first)...`);
  try {
    // With API keys on, as a real journal runs: the key is created before the server starts.
    server = await startJournalServer({
      port,
      headers,
      beforeStart: (file) => {
        headers.authorization ??= `Bearer ${createApiKeyFor(file, "load test")}`;
      },
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  origin = server.origin;
  console.log(`server ${origin}, database ${server.databaseFile}`);
}
console.log(`${writers} writers and ${readers} readers for ${seconds} s against ${origin}; load average ${formatLoad()}`);

const report = await runJournalLoad({
  origin,
  headers,
  seconds,
  writers,
  readers,
  maxWriteRequests,
  maxReadRequests: Math.ceil(maxWriteRequests / 2),
  seed,
  progress: (line) => console.log(line),
});
const loadAfterRun = formatLoad();

if (server) {
  await server.stop();
  checkDatabaseFile(report, server.databaseFile);
  checkServerLog(report, server.logFile);
}

console.log(`\n${formatLoadReport(report)}`);
console.log(`load average (1, 5, 15 min) at the end of the run: ${loadAfterRun}`);
if (server) {
  if (report.pass) rmSync(path.dirname(server.databaseFile), { recursive: true, force: true });
  else console.log(`database and server log kept in ${path.dirname(server.databaseFile)}`);
}
process.exit(report.pass ? 0 : 1);

function formatLoad(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
}
