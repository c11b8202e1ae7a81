// npm run bench:analytics -- [--url http://127.0.0.1:3000] [--requests 30]
// Median and p99 of the analytics endpoints (summary, equity, daily, breakdown) against a running
// production server, with no filter, one symbol and one magic number. Fill the database first
// (npm run bench:ingest -- --only list --rows 1000000); this script only reads. Loopback only.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { isLoopbackHost, runLoad, summarizeLatencies } from "@/lib/bench/load";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    requests: { type: "string", default: "30" },
    symbol: { type: "string", default: "EURUSD" },
    magic: { type: "string", default: "1001" },
  },
});
const origin = new URL(values.url!);
if (!isLoopbackHost(origin.hostname)) {
  console.error(`refusing ${origin.href}: benchmarks only talk to this machine (127.0.0.1, localhost, ::1)`);
  process.exit(2);
}
const requests = Math.max(5, Math.min(1000, Number(values.requests)));
const targetMs = 300;

const total = (await (await fetch(new URL("/api/v1/trades?limit=1", origin))).json()).page.total as number;
console.log(`bench:analytics ${new Date().toISOString()} | node ${process.version}, ${os.cpus().length} CPUs | ${total.toLocaleString("en")} trades stored`);

const endpoints = ["summary", "equity", "daily", "breakdown?by=symbol", "breakdown?by=strategy", "breakdown?by=hour"];
const filters = ["", `symbol=${values.symbol}`, `magic_number=${values.magic}`];
const rows: { path: string; p50: number; p99: number; pass: boolean }[] = [];

for (const endpoint of endpoints) {
  for (const filter of filters) {
    const separator = endpoint.includes("?") ? "&" : "?";
    const path = `/api/v1/analytics/${endpoint}${filter ? separator + filter : ""}`;
    const url = new URL(path, origin);
    const send = async (_index: number, signal: AbortSignal) => {
      const response = await fetch(url, { signal });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${response.status} for ${path}`);
    };
    await runLoad({ concurrency: 1, maxRequests: 3, durationMs: 60_000, send }); // warm-up
    const result = await runLoad({ concurrency: 1, maxRequests: requests, durationMs: 120_000, send });
    if (result.errors > 0) throw new Error(`${path}: ${result.errors} errors`);
    const latency = summarizeLatencies(result.latenciesMs);
    rows.push({ path, p50: latency.p50Ms, p99: latency.p99Ms, pass: latency.p50Ms < targetMs });
  }
}

const width = Math.max(...rows.map((row) => row.path.length));
console.log(`\n${"endpoint".padEnd(width)}  p50 ms  p99 ms  target`);
for (const row of rows) {
  console.log(`${row.path.padEnd(width)}  ${row.p50.toFixed(1).padStart(6)}  ${row.p99.toFixed(1).padStart(6)}  ${row.pass ? "PASS" : "FAIL"} median < ${targetMs} ms`);
}
await mkdir("bench-results", { recursive: true });
const file = `bench-results/analytics-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
await writeFile(file, JSON.stringify({ total, requests, rows }, null, 2));
console.log(`\nresults written to ${file}`);
