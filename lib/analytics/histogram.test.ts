import { describe, expect, it } from "vitest";
import { niceEdges } from "@/lib/analytics/histogram";

describe("niceEdges", () => {
  it.each([
    [-85, 114.75, 10, [-100, -80, -60, -40, -20, 0, 20, 40, 60, 80, 100, 120]],
    [0.3, 9.6, 5, [0, 2, 4, 6, 8, 10]],
    [-0.07, 0.12, 4, [-0.1, -0.05, 0, 0.05, 0.1, 0.15]],
    [5, 5, 10, [4, 6]],
  ])("min %d, max %d, %d buckets -> %j", (min, max, buckets, edges) => {
    expect(niceEdges(min, max, buckets)).toEqual(edges);
  });

  it("always covers the data, max included", () => {
    for (const [min, max] of [[-1234.5, 987.25], [0.01, 0.02], [-3, -1], [1e6, 2.5e6]] as const) {
      const edges = niceEdges(min, max, 20);
      expect(edges[0]).toBeLessThanOrEqual(min);
      expect(edges.at(-1)).toBeGreaterThan(max);
      expect(edges.length - 1).toBeLessThanOrEqual(41);
    }
  });
});
