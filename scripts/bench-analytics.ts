// npm run bench:analytics -- [--url http://127.0.0.1:3000] [--requests 30] [--pid <server pid>]
// Median and p99 of the analytics endpoints (summary, equity, daily, breakdown) against a running
// production server, with no filter, one symbol, one magic number and one account. Fill the database
// first (npm run bench:ingest -- --only list --rows 1000000). The only writes are balance operations
// per account (an initial deposit, a top-up and a withdrawal inside trading days; idempotent by
// ticket), so the balance, gain % and drawdown % are part of what is measured. Loopback only.
// With --pid (Linux), the server's resident memory is read from /proc after each endpoint.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { isLoopbackHost, runLoad, summarizeLatencies } from "@/lib/bench/load";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    requests: { type: "string", default: "30" },
    symbol: { type: "string", default: "EURUSD" },
    magic: { type: "string", default: "1001" },
    pid: { type: "string" },
  },
});
const origin = new URL(values.url!);
if (!isLoopbackHost(origin.hostname)) {
  console.error(`refusing ${origin.href}: benchmarks only talk to this machine (127.0.0.1, localhost, ::1)`);
  process.exit(2);
}
const requests = Math.max(5, Math.min(1000, Number(values.requests)));
// A journal with API keys needs one (write scope, for the balance operations): JOURNAL_API_KEY.
const authHeaders: Record<string, string> = process.env.JOURNAL_API_KEY ? { authorization: `Bearer ${process.env.JOURNAL_API_KEY}` } : {};
const targetMs = 300;

const total = (await (await fetch(new URL("/api/v1/trades?limit=1", origin), { headers: authHeaders })).json()).page.total as number;
console.log(`bench:analytics ${new Date().toISOString()} | node ${process.version}, ${os.cpus().length} CPUs | ${total.toLocaleString("en")} trades stored`);

const accountIds = await addBalanceOperations();
const endpoints = ["summary", "equity", "daily", "breakdown?by=symbol", "breakdown?by=strategy", "breakdown?by=hour"];
const filters = ["", `symbol=${values.symbol}`, `magic_number=${values.magic}`, `account_id=${accountIds[0]}`];
const rows: { path: string; p50: number; p99: number; pass: boolean; rssMb: number | null }[] = [];
const startRssMb = await serverRssMb();

for (const endpoint of endpoints) {
  for (const filter of filters) {
    const separator = endpoint.includes("?") ? "&" : "?";
    const path = `/api/v1/analytics/${endpoint}${filter ? separator + filter : ""}`;
    const url = new URL(path, origin);
    const send = async (_index: number, signal: AbortSignal) => {
      const response = await fetch(url, { headers: authHeaders, signal });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${response.status} for ${path}`);
    };
    await runLoad({ concurrency: 1, maxRequests: 3, durationMs: 60_000, send }); // warm-up
    const result = await runLoad({ concurrency: 1, maxRequests: requests, durationMs: 120_000, send });
    if (result.errors > 0) throw new Error(`${path}: ${result.errors} errors`);
    const latency = summarizeLatencies(result.latenciesMs);
    rows.push({ path, p50: latency.p50Ms, p99: latency.p99Ms, pass: latency.p50Ms < targetMs, rssMb: await serverRssMb() });
  }
}

const width = Math.max(...rows.map((row) => row.path.length));
const rssHeader = values.pid ? "  RSS MB" : "";
console.log(`\n${"endpoint".padEnd(width)}  p50 ms  p99 ms${rssHeader}  target`);
for (const row of rows) {
  const rss = values.pid ? `  ${String(row.rssMb ?? "?").padStart(6)}` : "";
  console.log(`${row.path.padEnd(width)}  ${row.p50.toFixed(1).padStart(6)}  ${row.p99.toFixed(1).padStart(6)}${rss}  ${row.pass ? "PASS" : "FAIL"} median < ${targetMs} ms`);
}
if (values.pid) console.log(`\nserver RSS: ${startRssMb} MB before, ${rows.at(-1)?.rssMb} MB after (pid ${values.pid})`);
await mkdir("bench-results", { recursive: true });
const file = `bench-results/analytics-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
await writeFile(file, JSON.stringify({ total, requests, startRssMb, rows }, null, 2));
console.log(`\nresults written to ${file}`);

/** The server's resident set in MB, from /proc (Linux), when --pid is given. */
async function serverRssMb(): Promise<number | null> {
  if (!values.pid) return null;
  const status = await readFile(`/proc/${Number(values.pid)}/status`, "utf8").catch(() => "");
  const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kilobytes ? Math.round(Number(kilobytes) / 1024) : null;
}

/** Per account: deposit before its first trade, top-up at a third and withdrawal at two thirds of its history. */
async function addBalanceOperations(): Promise<number[]> {
  const get = async (path: string) => (await (await fetch(new URL(path, origin), { headers: authHeaders })).json()).data;
  const accounts = (await get("/api/v1/accounts")) as { id: number }[];
  const seconds = (time: string) => Date.parse(`${time}Z`) / 1000;
  const format = (time: number) => new Date(time * 1000).toISOString().slice(0, 19);
  for (const { id } of accounts) {
    const [first] = (await get(`/api/v1/trades?account_id=${id}&sort=close_time&limit=1`)) as { close_time: string }[];
    const [last] = (await get(`/api/v1/trades?account_id=${id}&sort=-close_time&limit=1`)) as { close_time: string }[];
    if (!first || !last) continue;
    const [start, end] = [seconds(first.close_time), seconds(last.close_time)];
    const operations = [
      { type: "deposit", amount: 1_000_000, time: format(start - 86_400) },
      { type: "deposit", amount: 50_000, time: format(Math.round(start + (end - start) / 3)) },
      { type: "withdrawal", amount: -20_000, time: format(Math.round(start + ((end - start) * 2) / 3)) },
    ];
    for (const [index, operation] of operations.entries()) {
      const response = await fetch(new URL("/api/v1/balance-operations", origin), {
        method: "POST",
        headers: { "content-type": "application/json", ...authHeaders },
        body: JSON.stringify({ account_id: id, ticket: 990_000_000 + index, ...operation }),
      });
      if (!response.ok) throw new Error(`balance operation for account ${id}: ${response.status} ${await response.text()}`);
    }
  }
  console.log(`balance operations: 3 per account, ${accounts.length} accounts`);
  return accounts.map((account) => account.id);
}
