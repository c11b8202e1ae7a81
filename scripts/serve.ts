// npm run dev / npm start: checks the configuration, migrates the database, then runs Next.js on
// HOST:PORT. A Node script rather than shell syntax, so it works the same on Windows VPSes.
import "@/scripts/load-env-file";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { parseEnv } from "@/lib/env";
import { migrateFromEnv } from "@/scripts/migrate";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/serve.ts dev|start");
  process.exit(2);
}

let env;
try {
  env = parseEnv();
  await migrateFromEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, mode, "--hostname", env.HOST, "--port", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
