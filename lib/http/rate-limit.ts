/**
 * Token buckets by name (an API key, a client address): each holds up to `burst` requests and
 * refills at `perSecond`. In memory: limits protect one server process, and reset on restart.
 */
export function createRateLimiter(options: { perSecond: number; burst: number; maxBuckets?: number }) {
  const { perSecond, burst, maxBuckets = 10_000 } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refilled(name: string, now: number) {
    const bucket = buckets.get(name);
    if (!bucket) return { tokens: burst, at: now };
    return { tokens: Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond), at: now };
  }

  return {
    /** Takes one request from `name`'s bucket: 0 when allowed, else the seconds to wait (Retry-After). */
    take(name: string, now = Date.now()): number {
      const bucket = refilled(name, now);
      if (bucket.tokens < 1) {
        buckets.set(name, bucket);
        return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      }
      bucket.tokens -= 1;
      if (buckets.size >= maxBuckets && !buckets.has(name)) forgetFull(now);
      buckets.set(name, bucket);
      return 0;
    },
    /** The seconds `name` must wait before its next request, without taking one (0: it may go). */
    wait(name: string, now = Date.now()): number {
      const { tokens } = refilled(name, now);
      return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond));
    },
  };

  // A bucket that has refilled completely says nothing a new one would not: drop those first, and if
  // every bucket is still draining (a flood of new names), the oldest.
  function forgetFull(now: number) {
    for (const [name] of buckets) if (refilled(name, now).tokens >= burst) buckets.delete(name);
    if (buckets.size >= maxBuckets) buckets.delete(buckets.keys().next().value!);
  }
}
