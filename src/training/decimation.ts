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
    // In x order without repeats: start ≤ lowest, highest ≤ end - 1. (No array to sort: this runs per bucket.)
    const earlier = lowest < highest ? lowest : highest;
    const later = lowest < highest ? highest : lowest;
    kept.push(points[start]);
    if (earlier !== start) kept.push(points[earlier]);
    if (later !== earlier) kept.push(points[later]);
    if (end - 1 !== later) kept.push(points[end - 1]);
    start = end;
  }
  return kept;
}

/**
 * decimate over the first `count` points of two parallel arrays, in place: the kept points move to
 * the front (the n-th kept point comes from index n or later, read before anything is written
 * there). Returns how many are kept. No allocation: it runs on every reduction of a host series.
 */
function decimatePacked(xs: Float64Array, ys: Float64Array, count: number, buckets: number): number {
  const first = xs[0];
  const width = (xs[count - 1] - first) / buckets;
  let kept = 0;
  let start = 0;
  while (start < count) {
    const bucket = width > 0 ? Math.min(buckets - 1, Math.floor((xs[start] - first) / width)) : 0;
    let end = start + 1;
    let lowest = start;
    let highest = start;
    while (end < count && (width > 0 ? Math.min(buckets - 1, Math.floor((xs[end] - first) / width)) : 0) === bucket) {
      if (isBelow(ys[end], ys[lowest])) lowest = end;
      if (isAbove(ys[end], ys[highest])) highest = end;
      end++;
    }
    const earlier = lowest < highest ? lowest : highest;
    const later = lowest < highest ? highest : lowest;
    // Written out, not a helper closure: V8 boxed every number passed through one.
    xs[kept] = xs[start];
    ys[kept++] = ys[start];
    if (earlier !== start) {
      xs[kept] = xs[earlier];
      ys[kept++] = ys[earlier];
    }
    if (later !== earlier) {
      xs[kept] = xs[later];
      ys[kept++] = ys[later];
    }
    if (end - 1 !== later) {
      xs[kept] = xs[end - 1];
      ys[kept++] = ys[end - 1];
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

/**
 * An error series that never holds more than maxPointsOf(bounds) points, and knows whether it was
 * thinned. Packed in two Float64Arrays of that fixed size, not one [iteration, error] array per
 * point: the host keeps up to 32,768 points per series for minutes, and a point object per error
 * lived long enough to reach V8's old generation, where a run recording 20,000 errors a second left
 * ~1 MB of garbage a second for the next full collection (+68 MB of extension-host heap in a minute
 * of worst case 2). Appending copies the numbers; the points given are not kept.
 */
export class BoundedSeries {
  private readonly iterations: Float64Array;
  private readonly errors: Float64Array;
  private count = 0;
  private appended = 0;
  private reduced = false;

  constructor(private readonly bounds: SeriesBounds) {
    this.iterations = new Float64Array(maxPointsOf(bounds));
    this.errors = new Float64Array(maxPointsOf(bounds));
  }

  append(points: readonly ErrorPoint[]): void {
    this.appended += points.length;
    const capacity = this.iterations.length;
    for (let index = 0; index < points.length; index++) {
      const point = points[index];
      this.iterations[this.count] = point[0];
      this.errors[this.count] = point[1];
      if (++this.count >= capacity) this.reduce();
    }
  }

  /** As reduceInPlace: the newest `recent` points kept, the older ones decimated into `buckets`, in place. */
  private reduce(): void {
    const olderCount = Math.max(0, this.count - this.bounds.recent);
    if (olderCount <= 4 * this.bounds.buckets) return;
    const { iterations, errors } = this;
    const kept = decimatePacked(iterations, errors, olderCount, this.bounds.buckets);
    iterations.copyWithin(kept, olderCount, this.count);
    errors.copyWithin(kept, olderCount, this.count);
    this.count = kept + (this.count - olderCount);
    this.reduced = true;
  }

  /** The points held, oldest first (decimated where thinned), as new [iteration, error] pairs. */
  points(): ErrorPoint[] {
    const points: ErrorPoint[] = new Array(this.count);
    for (let index = 0; index < this.count; index++) points[index] = [this.iterations[index], this.errors[index]];
    return points;
  }

  /** At most `max` points of the series: decimated further, the newest quarter kept as it is. */
  sample(max: number): ErrorPoint[] {
    const held = this.points();
    if (held.length <= max) return held;
    const recent = Math.floor(max / 4);
    const older = decimate(held.slice(0, held.length - recent), Math.floor((max - recent) / 4), ERROR_POINT_AXIS);
    return older.concat(held.slice(held.length - recent));
  }

  get length(): number {
    return this.count;
  }

  /** Points ever appended (before any thinning). */
  get received(): number {
    return this.appended;
  }

  get thinned(): boolean {
    return this.reduced;
  }

  get last(): ErrorPoint | undefined {
    return this.count > 0 ? [this.iterations[this.count - 1], this.errors[this.count - 1]] : undefined;
  }

  /** Takes every point out (the worker's buffer between two progress messages). */
  drain(): ErrorPoint[] {
    const points = this.points();
    this.count = 0;
    this.appended = 0;
    this.reduced = false;
    return points;
  }
}
