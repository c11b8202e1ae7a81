// Bucket edges for a histogram of trade results. Pure: no database.

/**
 * About `buckets` equal buckets of a round width (1, 2, 2.5 or 5 times a power of ten) covering
 * [min, max]. Edges are multiples of the width, so 0 is an edge whenever the results straddle it.
 */
export function niceEdges(min: number, max: number, buckets: number): number[] {
  if (min === max) return [Math.floor(min) - 1, Math.floor(min) + 1];
  const rough = (max - min) / buckets;
  const power = 10 ** Math.floor(Math.log10(rough));
  const width = [1, 2, 2.5, 5, 10].map((step) => step * power).find((step) => step >= rough)!;
  const start = Math.floor(min / width) * width;
  const edges = [start];
  while (edges.at(-1)! <= max) edges.push(round(edges.at(-1)! + width));
  return edges;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}
