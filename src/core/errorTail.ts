// Where a run's recorded error ends up, told by robust statistics of its last records rather than
// by the very last one (which under stochastic gradient descent is often a spike).

export interface ErrorTail {
  /** How many recorded errors the statistics cover (the last ones). */
  count: number;
  median: number;
  low: number;
  high: number;
  /** At least SETTLED_SHARE of the tail lies within SETTLED_BAND (relative) of the median. */
  settled: boolean;
}

/** The tail is the last TAIL_RECORDS records: 2,000 iterations at the tutorial's errorInterval of 100. */
export const TAIL_RECORDS = 20;
export const SETTLED_SHARE = 0.8;
export const SETTLED_BAND = 0.15;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Statistics of the last `count` finite errors; undefined when there are none. */
export function errorTail(errors: readonly number[], count = TAIL_RECORDS): ErrorTail | undefined {
  const tail = errors.slice(-count).filter(Number.isFinite);
  if (tail.length === 0) return undefined;
  const middle = median(tail);
  const band = SETTLED_BAND * Math.abs(middle);
  const near = tail.filter((value) => Math.abs(value - middle) <= band).length;
  return { count: tail.length, median: middle, low: Math.min(...tail), high: Math.max(...tail), settled: near >= SETTLED_SHARE * tail.length };
}

/** The error visibly fell: the tail's median is at least VISIBLE_DROP below the first record. */
export const VISIBLE_DROP = 0.2;

export function fellVisibly(first: number, tail: ErrorTail): boolean {
  return tail.median <= (1 - VISIBLE_DROP) * first;
}
