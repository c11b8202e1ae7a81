// npm run bench:import -- [--positions 100000] [--format html|xlsx] [--keep]
// Generates an MT5 History report (terminal layout, UTF-16 HTML or XLSX) with N closed positions,
// imports it into a throwaway database with the server's own import code, and prints the time, the
// peak memory of the process and the result. Target: 100,000 positions in under 30 s, with memory
// that does not hold the file: it is streamed; what stays is the parsed deals and positions (about
// 180 MiB for 100,000 positions). npm run bench:import caps the V8 heap at 384 MiB, about the size
// of the 100,000-position HTML file, to show it.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    positions: { type: "string", default: "100000" },
    format: { type: "string", default: "html" },
    keep: { type: "boolean", default: false },
  },
});
const positions = Number(values.positions);
const format = values.format === "xlsx" ? "xlsx" : "html";
const folder = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
// The database module reads DATABASE_URL when it is first imported: set it before.
process.env.DATABASE_URL = `file:${path.join(folder, "journal.db")}`;

const { migrateDatabase } = await import("@/lib/db/migrate");
const { writeReportHtmlFile, writeReportXlsx } = await import("@/lib/test/mt5-report-writer");
const { sampleReportFixture } = await import("@/lib/test/sample-report-fixture");
const { createImport } = await import("@/lib/import/create-import");
const { runImport } = await import("@/lib/import/run-import");
const { getImportOrThrow } = await import("@/lib/import/get-import-or-throw");
const { writeFileSync } = await import("node:fs");

await migrateDatabase(process.env.DATABASE_URL);
const reportFile = path.join(folder, `report.${format}`);
console.log(`bench:import ${new Date().toISOString()} | node ${process.version}, ${os.cpus().length} CPUs | ${positions.toLocaleString("en")} positions, ${format}`);
const generateStart = performance.now();
if (format === "html") await writeReportHtmlFile(reportFile, sampleReportFixture("en", positions), { encoding: "utf16le", bom: true });
else writeFileSync(reportFile, writeReportXlsx(sampleReportFixture("en", positions)));
const size = statSync(reportFile).size;
console.log(`generated ${(size / 1024 ** 2).toFixed(1)} MiB in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

// Memory is measured from here: what the import itself needs.
global.gc?.();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
}, 20);

const start = performance.now();
const created = createImport({ filePath: reportFile, fileName: `report.${format}`, size, fields: {} });
await runImport(created.id);
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
const done = getImportOrThrow(created.id);
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

console.log(`status ${done.status}${done.error ? `: ${done.error}` : ""}`);
console.log(`trades ${JSON.stringify(done.result?.trades)} | balance operations ${JSON.stringify(done.result?.balance_operations)}`);
console.log(`import time ${seconds.toFixed(1)} s (target < 30 s: ${seconds < 30 ? "PASS" : "FAIL"})`);
console.log(
  `memory: peak RSS ${mib(peakRss)} (baseline ${mib(baseline.rss)}), peak heap ${mib(peakHeap)} (baseline ${mib(baseline.heapUsed)}); file ${mib(size)}`,
);
if (!values.keep) rmSync(folder, { recursive: true, force: true });
else console.log(`kept ${folder}`);
process.exit(done.status === "done" ? 0 : 1);
