import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/http/rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst, then refills at the rate and says how long to wait", () => {
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 });
    const start = 1_000_000;
    expect([0, 1, 2].map(() => limiter.take("a", start))).toEqual([0, 0, 0]);
    expect(limiter.take("a", start)).toBe(1);
    // Another name has its own bucket.
    expect(limiter.take("b", start)).toBe(0);
    // Half a second later one request (2 per second) is back.
    expect(limiter.wait("a", start + 500)).toBe(0);
    expect(limiter.take("a", start + 500)).toBe(0);
    expect(limiter.take("a", start + 500)).toBe(1);
  });

  it("rounds a slow refill up to whole seconds", () => {
    const limiter = createRateLimiter({ perSecond: 1 / 120, burst: 1 });
    expect(limiter.take("x", 0)).toBe(0);
    expect(limiter.take("x", 0)).toBe(120);
    expect(limiter.wait("x", 60_000)).toBe(60);
    expect(limiter.wait("x", 120_000)).toBe(0);
  });

  it("keeps at most maxBuckets names, forgetting full buckets first", () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 2, maxBuckets: 3 });
    limiter.take("drained", 0);
    limiter.take("drained", 0);
    for (const name of ["a", "b", "c", "d"]) limiter.take(name, 0);
    // "drained" was the oldest: a flood of new names pushed it out, so it starts full again.
    expect(limiter.take("drained", 0)).toBe(0);
  });
});
