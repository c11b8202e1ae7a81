import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

export interface TradeWriter {
  /** Resolves with the trades stored by --fill, once the writer starts its steady batches. */
  ready: Promise<number>;
  /** Resolves when the process ends, with its signal (SIGKILL after --crash) and output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  stop(): void;
}

/** Starts lib/test/trade-writer.ts in another process, writing into the given database file. */
export function startTradeWriter(databaseFile: string, args: string[]): TradeWriter {
  const child = spawn(process.execPath, [tsx, "lib/test/trade-writer.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (\d+)$/m.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", () => reject(new Error(`the trade writer ended before it was ready:\n${output}`)));
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, output })),
  );
  return { ready, exited, stop: () => child.kill("SIGTERM") };
}
