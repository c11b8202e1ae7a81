import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A production journal server for load and crash tests: `tsx scripts/serve.ts start` (migrate, then
 * `next start`; needs a prior `next build`) on its own port and SQLite file, in its own process
 * group, so that `kill()` is a real `kill -9` of every process of it, the one holding the database
 * included. Linux and macOS only (process groups).
 */
export interface JournalServerOptions {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The SQLite file; a fresh one in a new temporary folder when omitted. */
  databaseFile?: string;
  /** Start on what `databaseFile` holds (a restart); otherwise the file is deleted first. */
  keepDatabase?: boolean;
  /** Runs after the database is migrated and before the server starts (for example to add an API key). */
  beforeStart?: (databaseFile: string) => void | Promise<void>;
  /** Sent with every request by the load and crash code (for example `{ authorization: "Bearer ..." }`). */
  headers?: Record<string, string>;
  /** More environment for the server (SQLITE_SYNCHRONOUS...). */
  env?: Record<string, string>;
  /** Default 120 s: a cold start on a busy 2-core machine is slow. */
  startTimeoutMs?: number;
}

export interface JournalServer {
  origin: string;
  port: number;
  databaseFile: string;
  headers: Record<string, string>;
  /** The server's stdout and stderr. */
  logFile: string;
  /** The process group (the id of its first process). */
  pid: number;
  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves when no process of the group is left. */
  stop(timeoutMs?: number): Promise<void>;
  /** `kill -9` of the whole group; resolves when every process is gone and none holds the database. */
  kill(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, "../..");
const running = new Set<number>();
let exitHookInstalled = false;

export async function startJournalServer(options: JournalServerOptions): Promise<JournalServer> {
  const host = options.host ?? "127.0.0.1";
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${options.port}`;
  const databaseFile = path.resolve(
    options.databaseFile ?? path.join(mkdtempSync(path.join(os.tmpdir(), "journal-server-")), "journal.db"),
  );
  if (!options.keepDatabase) removeDatabase(databaseFile);
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  // A server already listening there would answer the health check in our place.
  await assertPortFree(host, options.port);

  if (options.beforeStart) {
    // Script-only module (the wasm schema engine): loaded only when a hook needs the schema first.
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase(`file:${databaseFile}`);
    await options.beforeStart(databaseFile);
  }

  const logFile = `${databaseFile}.server-${options.port}-${Date.now()}.log`;
  const log = openSync(logFile, "a");
  let child: ChildProcess;
  try {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    child = spawn(process.execPath, [tsx, "scripts/serve.ts", "start"], {
      cwd: projectRoot,
      // Its own process group: kill(-pid) reaches tsx, serve.ts and next-server alike.
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        ...options.env,
        DATABASE_URL: `file:${databaseFile}`,
        HOST: host,
        PORT: String(options.port),
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
  } finally {
    closeSync(log);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the journal server");
  running.add(pid);
  installExitHook();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const server: JournalServer = {
    origin,
    port: options.port,
    databaseFile,
    headers: options.headers ?? {},
    logFile,
    pid,
    stop: async (timeoutMs = 15_000) => {
      signalGroup(pid, "SIGTERM");
      if (!(await waitForGroupExit(pid, exited, timeoutMs))) await server.kill();
      running.delete(pid);
    },
    kill: async () => {
      signalGroup(pid, "SIGKILL");
      if (!(await waitForGroupExit(pid, exited, 15_000))) {
        throw new Error(`journal server ${pid}: processes left after SIGKILL: ${groupMembers(pid).join(", ")}`);
      }
      running.delete(pid);
      const holders = processesHolding(databaseFile);
      if (holders.length > 0) throw new Error(`after killing the server, ${holders.join(", ")} still hold ${databaseFile}`);
    },
  };

  try {
    await waitForHealth(origin, server.headers, exited, options.startTimeoutMs ?? 120_000);
  } catch (error) {
    await server.kill().catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- ${logFile} (end) ---\n${tail(logFile)}`);
  }
  return server;
}

function removeDatabase(file: string): void {
  // Only ever delete throwaway files: a test-results folder or the system's temporary folder.
  const throwaway = file.split(path.sep).includes("test-results") || file.startsWith(path.resolve(os.tmpdir()) + path.sep);
  if (!throwaway) throw new Error(`refusing to delete ${file}: not under test-results/ or ${os.tmpdir()}`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => reject(new Error(`port ${port} on ${host} is in use: ${error.message}`)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function waitForHealth(origin: string, headers: Record<string, string>, exited: Promise<void>, timeoutMs: number) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the journal server exited before it was healthy (${last})`);
    try {
      const response = await fetch(`${origin}/api/v1/health`, { headers, signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `health answered ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`the journal server was not healthy within ${timeoutMs / 1000} s (${last})`);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Waits until the group leader is reaped and no live process is left in the group. */
async function waitForGroupExit(pid: number, exited: Promise<void>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const leaderGone = await Promise.race([exited.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (!leaderGone) return false;
  while (Date.now() < deadline) {
    if (groupMembers(pid).length === 0) return true;
    await sleep(50);
  }
  return groupMembers(pid).length === 0;
}

/** Live (not zombie) processes of a process group. */
function groupMembers(pgid: number): number[] {
  if (existsSync("/proc/self/stat")) {
    const members: number[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ")".
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z" && state !== "X") members.push(Number(entry));
    }
    return members;
  }
  try {
    process.kill(-pgid, 0);
    return [pgid];
  } catch {
    return [];
  }
}

/** Processes with the SQLite file (or its -wal / -shm) open; Linux only, elsewhere always []. */
/**
 * Creates an API key in a (migrated) database file through `npm run key:create`'s script, as an
 * owner would on a server, and returns the key. A journal with a key refuses requests without one,
 * so load and crash runs against such a journal are as close to a real one as it gets.
 */
export function createApiKeyFor(databaseFile: string, name: string, scope: "write" | "read" = "write"): string {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const output = execFileSync(process.execPath, [tsx, "scripts/api-key.ts", "create", "--name", name, "--scope", scope, "--json"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    encoding: "utf8",
  });
  return (JSON.parse(output.trim().split("\n").at(-1)!) as { key: string }).key;
}

export function processesHolding(databaseFile: string): number[] {
  if (!existsSync("/proc/self/fd")) return [];
  const files = new Set(["", "-wal", "-shm"].map((suffix) => databaseFile + suffix));
  const holders: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // exited meanwhile, or not ours to read
    }
    const holds = descriptors.some((fd) => {
      try {
        return files.has(readlinkSync(`/proc/${entry}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (holds) holders.push(Number(entry));
  }
  return holders;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that times out or a script that is interrupted must not leave a server behind.
  process.once("exit", () => {
    for (const pid of running) signalGroup(pid, "SIGKILL");
  });
}

/** Lines of a server's log, from "Ready" on, that report an error (a 5xx, a failed render, a crash). */
export function serverLogErrors(logFile: string): string[] {
  const lines = readFileSync(logFile, "utf8").split("\n");
  return lines.slice(lines.findIndex((line) => line.includes("Ready")) + 1).filter((line) => /error|⨯|unhandled|uncaught/i.test(line));
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
