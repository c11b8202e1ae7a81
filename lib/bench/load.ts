import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";

/**
 * A bounded load runner: `concurrency` workers share one budget of requests and one deadline.
 * Pure (no database, no app state) so any benchmark script can reuse it.
 */
export interface LoadPlan {
  concurrency: number;
  /** At most this many requests are started. */
  maxRequests: number;
  /** No request is started after this many milliseconds. */
  durationMs: number;
  /** Requests still running this long after the deadline are aborted (and counted as errors). */
  graceMs?: number;
  /**
   * Performs request number `index` (0-based, in start order). Resolves on success; throws (or
   * rejects) on failure, with a message that says why. Must pass `signal` on to fetch.
   */
  send: (index: number, signal: AbortSignal) => Promise<void>;
}

export interface LoadResult {
  ok: number;
  errors: number;
  elapsedMs: number;
  /** Latencies of the successful requests, milliseconds, sorted ascending. */
  latenciesMs: number[];
  /** Distinct error messages with how often each occurred (at most `maxErrorKinds` kinds). */
  errorKinds: Map<string, number>;
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

const maxErrorKinds = 10;
const defaultGraceMs = 30_000;

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const concurrency = Math.max(1, Math.floor(plan.concurrency));
  const latenciesMs: number[] = [];
  const errorKinds = new Map<string, number>();
  let started = 0;
  let errors = 0;

  const stop = new AbortController();
  // Every fetch adds a listener to this one signal, dropped only when its request is garbage
  // collected, so hundreds can be attached at once: that is not a leak, so no warning (0).
  setMaxListeners(0, stop.signal);

  const startedAt = performance.now();
  const deadline = startedAt + plan.durationMs;
  const hardStopMs = plan.durationMs + (plan.graceMs ?? defaultGraceMs);
  const hardStop = setTimeout(() => stop.abort(new Error("aborted: past the deadline")), hardStopMs);

  async function work(): Promise<void> {
    while (started < plan.maxRequests && performance.now() < deadline) {
      const index = started++;
      const begin = performance.now();
      try {
        await plan.send(index, stop.signal);
        latenciesMs.push(performance.now() - begin);
      } catch (error) {
        errors += 1;
        recordError(errorKinds, describeError(error));
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, () => work()));
  } finally {
    clearTimeout(hardStop);
  }
  const elapsedMs = performance.now() - startedAt;
  latenciesMs.sort((a, b) => a - b);
  return { ok: latenciesMs.length, errors, elapsedMs, latenciesMs, errorKinds };
}

/** Nearest-rank percentile of an ascending array (`p` in 0..100); NaN when the array is empty. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sortedMs.length);
  return sortedMs[Math.max(rank, 1) - 1]!;
}

export function summarizeLatencies(sortedMs: readonly number[]): LatencySummary {
  const total = sortedMs.reduce((sum, value) => sum + value, 0);
  return {
    count: sortedMs.length,
    meanMs: sortedMs.length > 0 ? total / sortedMs.length : Number.NaN,
    p50Ms: percentile(sortedMs, 50),
    p90Ms: percentile(sortedMs, 90),
    p99Ms: percentile(sortedMs, 99),
    maxMs: sortedMs.length > 0 ? sortedMs[sortedMs.length - 1]! : Number.NaN,
  };
}

/** Successful requests per second over the whole run. */
export function computeRate(result: Pick<LoadResult, "ok" | "elapsedMs">, unitsPerRequest = 1): number {
  return result.elapsedMs > 0 ? (result.ok * unitsPerRequest * 1000) / result.elapsedMs : 0;
}

function recordError(kinds: Map<string, number>, message: string): void {
  const seen = kinds.get(message);
  if (seen !== undefined) kinds.set(message, seen + 1);
  else if (kinds.size < maxErrorKinds) kinds.set(message, 1);
  else kinds.set("(other errors)", (kinds.get("(other errors)") ?? 0) + 1);
}

/** A one-line reason for a failure; for fetch's "fetch failed", with its cause. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`.slice(0, 300);
}

/** Benchmarks only ever talk to this machine: 127.0.0.0/8, localhost or ::1. */
export { isLoopbackHost } from "@/lib/auth/networks";
