// Bounded error series: a run of a billion iterations recording every one must not hold a billion
// points anywhere (worker, extension host, webview). Older points are reduced to min/max buckets
// over equal stretches of iterations — each bucket keeps its first, last, lowest and highest point,
// so every spike and the curve's ends survive — while the most recent points stay at full resolution.
// Pure and generic over the point's shape: the worker and host use [iteration, error] tuples, the
// webview chart.js's { x, y }.
import type { ErrorPoint } from '../core/types';

export interface PointAxis<P> {
  x(point: P): number;
  y(point: P): number;
}

export const ERROR_POINT_AXIS: PointAxis<ErrorPoint> = { x: (point) => point[0], y: (point) => point[1] };

export interface SeriesBounds {
  /** Buckets the older points are reduced to: at most four points each. */
  buckets: number;
  /** The newest points, never reduced. */
  recent: number;
}

/** The most points a series with these bounds ever holds: reduction runs once this is reached. */
export function maxPointsOf(bounds: SeriesBounds): number {
  // Slack of `recent` points between reductions keeps appending amortised O(1).
  return 4 * bounds.buckets + 2 * bounds.recent;
}

/** Sorts non-finite errors (a divergence) above every number, so a bucket's maximum keeps them. */
function isAbove(a: number, b: number): boolean {
  if (Number.isNaN(a)) return !Number.isNaN(b);
  return a > b;
}

function isBelow(a: number, b: number): boolean {
  if (Number.isNaN(a)) return false;
  return Number.isNaN(b) || a < b;
}

/**
 * Points sorted by x, reduced to `buckets` equal stretches of x, each kept as its first, lowest,
 * highest and last point (in x order, without repeats). At most 4 · buckets points; the input's first
 * and last points are always kept. Returns the input's own point objects.
 */
export function decimate<P>(points: readonly P[], buckets: number, axis: PointAxis<P>): P[] {
  if (points.length <= 4 * buckets) return points.slice();
  const first = axis.x(points[0]);
  const width = (axis.x(points[points.length - 1]) - first) / buckets;
  const bucketOf = (point: P) => (width > 0 ? Math.min(buckets - 1, Math.floor((axis.x(point) - first) / width)) : 0);
  const kept: P[] = [];
  let start = 0;
  while (start < points.length) {
    const bucket = bucketOf(points[start]);
    let end = start + 1;
    let lowest = start;
    let highest = start;
    while (end < points.length && bucketOf(points[end]) === bucket) {
      const y = axis.y(points[end]);
      if (isBelow(y, axis.y(points[lowest]))) lowest = end;
      if (isAbove(y, axis.y(points[highest]))) highest = end;
      end++;
    }
    const picks = [start, lowest, highest, end - 1].sort((a, b) => a - b);
    for (let index = 0; index < picks.length; index++) {
      if (index === 0 || picks[index] !== picks[index - 1]) kept.push(points[picks[index]]);
    }
    start = end;
  }
  return kept;
}

/**
 * Appends to `target` in place (callers such as a chart may hold the array), one point at a time
 * (never `push(...points)`, whose argument count is limited by the call stack), and reduces the older
 * points whenever the series reaches maxPointsOf(bounds). Returns whether anything was reduced.
 */
export function appendBounded<P>(target: P[], points: readonly P[], bounds: SeriesBounds, axis: PointAxis<P>): boolean {
  const max = maxPointsOf(bounds);
  let reduced = false;
  for (let index = 0; index < points.length; index++) {
    target.push(points[index]);
    if (target.length >= max) {
      reduceInPlace(target, bounds, axis);
      reduced = true;
    }
  }
  return reduced;
}

/** Keeps the newest `recent` points as they are and decimates the rest into `buckets`. */
export function reduceInPlace<P>(target: P[], bounds: SeriesBounds, axis: PointAxis<P>): void {
  const olderCount = Math.max(0, target.length - bounds.recent);
  if (olderCount <= 4 * bounds.buckets) return;
  const older = decimate(target.slice(0, olderCount), bounds.buckets, axis);
  const recent = target.slice(olderCount);
  target.length = 0;
  for (const point of older) target.push(point);
  for (const point of recent) target.push(point);
}

/** An error series that never holds more than maxPointsOf(bounds) points, and knows whether it was thinned. */
export class BoundedSeries {
  private readonly held: ErrorPoint[] = [];
  private appended = 0;
  private reduced = false;

  constructor(private readonly bounds: SeriesBounds) {}

  append(points: readonly ErrorPoint[]): void {
    this.appended += points.length;
    if (appendBounded(this.held, points, this.bounds, ERROR_POINT_AXIS)) this.reduced = true;
  }

  /** The points held, oldest first (decimated where thinned). A copy. */
  points(): ErrorPoint[] {
    return this.held.slice();
  }

  /** At most `max` points of the series: decimated further, the newest quarter kept as it is. */
  sample(max: number): ErrorPoint[] {
    if (this.held.length <= max) return this.points();
    const recent = Math.floor(max / 4);
    const older = decimate(this.held.slice(0, this.held.length - recent), Math.floor((max - recent) / 4), ERROR_POINT_AXIS);
    return older.concat(this.held.slice(this.held.length - recent));
  }

  get length(): number {
    return this.held.length;
  }

  /** Points ever appended (before any thinning). */
  get received(): number {
    return this.appended;
  }

  get thinned(): boolean {
    return this.reduced;
  }

  get last(): ErrorPoint | undefined {
    return this.held[this.held.length - 1];
  }

  /** Takes every point out (the worker's buffer between two progress messages). */
  drain(): ErrorPoint[] {
    const points = this.held.slice();
    this.held.length = 0;
    this.appended = 0;
    this.reduced = false;
    return points;
  }
}
