// Playwright's web server: a fresh throwaway database every run, then `npm start` (migrate + next start).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { databaseFilePath } from "@/lib/db/database-file";

const database = databaseFilePath(process.env.DATABASE_URL ?? "");
if (!database.includes("test-results")) throw new Error(`refusing to delete ${database}: not a test database`);
rmSync(path.dirname(database), { recursive: true, force: true });

const server = spawn("npm", ["start"], { stdio: "inherit", shell: process.platform === "win32" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
