// npm run bench:pages -- [--url http://127.0.0.1:3000] [--requests 20] [--symbol EURUSD] [--magic 1001]
// Time to the last byte of the full HTML of the dashboard (/) and the journal (/trades), unfiltered
// and filtered by one symbol and one magic number, against a running production server (fill it
// first: npm run bench:ingest -- --only list --rows 1000000). Only reads. Loopback only.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";
import { isLoopbackHost, runLoad, summarizeLatencies } from "@/lib/bench/load";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    requests: { type: "string", default: "20" },
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
const targetMs = 500;

const total = (await (await fetch(new URL("/api/v1/trades?limit=1", origin))).json()).page.total as number;
console.log(`bench:pages ${new Date().toISOString()} | node ${process.version}, ${os.cpus().length} CPUs | ${total.toLocaleString("en")} trades stored`);

const filters = ["", `symbol=${values.symbol}`, `magic_number=${values.magic}`];
const paths = ["/", "/trades"].flatMap((page) => filters.map((filter) => (filter ? `${page}?${filter}` : page)));
const rows: { path: string; p50: number; p99: number; kib: number; pass: boolean }[] = [];

for (const path of paths) {
  const url = new URL(path, origin);
  let bytes = 0;
  const send = async (_index: number, signal: AbortSignal) => {
    const response = await fetch(url, { signal, headers: { accept: "text/html" } });
    const body = await response.arrayBuffer(); // the whole document: time to the last byte
    if (!response.ok) throw new Error(`${response.status} for ${path}`);
    bytes = body.byteLength;
  };
  await runLoad({ concurrency: 1, maxRequests: 3, durationMs: 60_000, send }); // warm-up
  const result = await runLoad({ concurrency: 1, maxRequests: requests, durationMs: 180_000, send });
  if (result.errors > 0) throw new Error(`${path}: ${result.errors} errors`);
  const latency = summarizeLatencies(result.latenciesMs);
  rows.push({ path, p50: latency.p50Ms, p99: latency.p99Ms, kib: Math.round(bytes / 1024), pass: latency.p50Ms < targetMs });
}

const width = Math.max(...rows.map((row) => row.path.length));
console.log(`\n${"page".padEnd(width)}  p50 ms  p99 ms  HTML KiB  target`);
for (const row of rows) {
  console.log(
    `${row.path.padEnd(width)}  ${row.p50.toFixed(1).padStart(6)}  ${row.p99.toFixed(1).padStart(6)}  ${String(row.kib).padStart(8)}  ${row.pass ? "PASS" : "FAIL"} median < ${targetMs} ms`,
  );
}
await mkdir("bench-results", { recursive: true });
const file = `bench-results/pages-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
await writeFile(file, JSON.stringify({ total, requests, rows }, null, 2));
console.log(`\nresults written to ${file}`);
