import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

/** Runs a project script (`scripts/seed.ts` …) on a database file, as `npm run` would: its exit code and all it printed. */
export function runScript(databaseFile: string, script: string, ...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [tsx, script, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, output: failure.stdout + failure.stderr };
  }
}
