// Can one straight boundary split the rows by class? That is the question behind "one neuron is
// not enough": a single sigmoid neuron draws one straight boundary (prediction > 0.5 exactly where
// dot(weights, input) + bias > 0), so it can classify every row right if and only if the rows are
// linearly separable. Decided exactly for one and two features; for more, a perceptron either
// finds a separating boundary or rules out every boundary with a margin above a stated bound.
import { classOf } from './classes';
import { dotSign, orientation } from './exactSign';

export type SeparabilityMethod = 'one-class' | 'exact-1d' | 'exact-2d' | 'identical-inputs' | 'perceptron';

export type Separability =
  /** weights/bias: a boundary that classifies every row right (dot + bias > 0 exactly for class 1), when it could be checked in floating point. */
  | { separable: true; method: SeparabilityMethod; weights?: number[]; bias?: number }
  | { separable: false; method: 'exact-1d' | 'exact-2d' | 'identical-inputs' }
  /** No boundary separates the rows with a margin of `marginBelow` or more (distance from the boundary to the nearest row). */
  | { separable: 'unknown'; method: 'perceptron'; marginBelow: number; radius: number; updates: number };

/** The perceptron stops after this many corrections… */
const PERCEPTRON_MAX_UPDATES = 100_000;
/** …or this many multiply-adds, whichever comes first, so a huge file stays cheap. */
const PERCEPTRON_MAX_WORK = 30_000_000;

export function linearSeparability(inputs: readonly (readonly number[])[], targets: readonly number[]): Separability {
  const classes = targets.map(classOf);
  const ones = classes.filter((c) => c === 1).length;
  if (ones === 0 || ones === classes.length) {
    const size = inputs[0]?.length ?? 0;
    return { separable: true, method: 'one-class', weights: new Array(size).fill(0), bias: ones === 0 ? -1 : 1 };
  }
  // A feature that is the same in every row cannot help a boundary: decide on the others, so two
  // varying features out of three still get the exact test.
  const varying = inputs[0].map((_, j) => j).filter((j) => inputs.some((row) => row[j] !== inputs[0][j]));
  const rows = varying.length === inputs[0].length ? inputs : inputs.map((row) => varying.map((j) => row[j]));
  const size = varying.length;
  // Identical inputs of both classes: no boundary at all (of any network) splits them; say so by name.
  const decision: Separability = size === 0 || hasIdenticalInputsOfBothClasses(rows, classes) ? { separable: false, method: 'identical-inputs' }
    : size === 1 ? separable1d(rows.map((row) => row[0]), classes)
      : size === 2 ? separable2d(rows, classes)
        : perceptron(rows, classes);
  if (decision.separable !== true || !decision.weights || decision.bias === undefined) return decision;
  // Back to every feature: a constant one gets weight 0.
  const weights = new Array<number>(inputs[0].length).fill(0);
  varying.forEach((j, k) => (weights[j] = decision.weights![k]));
  return withCheckedBoundary({ ...decision, weights }, inputs, classes);
}

/** The decision is exact; the example boundary is rounded, so it is kept only when it classifies every row right. */
function withCheckedBoundary(decision: Extract<Separability, { separable: true }>, inputs: readonly (readonly number[])[], classes: (0 | 1)[]): Separability {
  const { weights, bias } = decision;
  if (!weights || bias === undefined) return decision;
  const right = inputs.every((row, i) => (row.reduce((sum, x, j) => sum + x * weights[j], bias) > 0 ? 1 : 0) === classes[i]);
  return right ? decision : { separable: true, method: decision.method };
}

function separable1d(values: number[], classes: (0 | 1)[]): Separability {
  const range = (wanted: 0 | 1) => {
    let low = Infinity;
    let high = -Infinity;
    values.forEach((value, i) => {
      if (classes[i] !== wanted) return;
      low = Math.min(low, value);
      high = Math.max(high, value);
    });
    return { low, high };
  };
  const zero = range(0);
  const one = range(1);
  if (zero.high < one.low) return { separable: true, method: 'exact-1d', weights: [1], bias: -(zero.high + (one.low - zero.high) / 2) };
  if (one.high < zero.low) return { separable: true, method: 'exact-1d', weights: [-1], bias: one.high + (zero.low - one.high) / 2 };
  return { separable: false, method: 'exact-1d' };
}

type Point = readonly [number, number];

const comparePoints = (p: Point, q: Point) => p[0] - q[0] || p[1] - q[1];

/** Convex hull, counter-clockwise, without collinear points (Andrew's monotone chain, exact turns). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort(comparePoints).filter((p, i, all) => i === 0 || comparePoints(p, all[i - 1]) !== 0);
  if (sorted.length <= 2) return sorted;
  const turnsLeft = (chain: Point[], p: Point) =>
    orientation(chain[chain.length - 2][0], chain[chain.length - 2][1], chain[chain.length - 1][0], chain[chain.length - 1][1], p[0], p[1]) > 0;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && !turnsLeft(lower, p)) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    while (upper.length >= 2 && !turnsLeft(upper, sorted[i])) upper.pop();
    upper.push(sorted[i]);
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1));
  // All points on one line: the chains meet in the two end points.
  return hull.length === 2 && comparePoints(hull[0], hull[1]) === 0 ? [hull[0]] : hull;
}

/**
 * Two finite point sets are strictly separable by a line exactly when their convex hulls are
 * disjoint, and two disjoint convex polygons have a separating axis among the normals of their
 * edges (separating axis theorem). A hull that is a segment also offers its own direction, and
 * two single points the line between them; with those the candidates are complete.
 */
function separable2d(inputs: readonly (readonly number[])[], classes: (0 | 1)[]): Separability {
  const hulls = ([0, 1] as const).map((wanted) => convexHull(inputs.filter((_, i) => classes[i] === wanted).map((row) => [row[0], row[1]] as const)));
  for (const [own, other, ownClass] of [[hulls[0], hulls[1], 0], [hulls[1], hulls[0], 1]] as const) {
    const axis = separatingAxis(own, other);
    if (axis) return { separable: true, method: 'exact-2d', ...boundary(axis, own, other, ownClass) };
  }
  return { separable: false, method: 'exact-2d' };
}

/** A direction n with n·p < n·q for every p of `own` and q of `other`, found among own's candidates. */
function separatingAxis(own: Point[], other: Point[]): [number, number] | undefined {
  const n = own.length;
  if (n === 1 && other.length === 1) {
    const [p, q] = [own[0], other[0]];
    return comparePoints(p, q) === 0 ? undefined : [q[0] - p[0], q[1] - p[1]];
  }
  // Edge p → q, counter-clockwise: own lies on the left (or on the edge); other strictly right.
  const edges: [Point, Point][] = n >= 3 ? own.map((p, i) => [p, own[(i + 1) % n]]) : n === 2 ? [[own[0], own[1]], [own[1], own[0]]] : [];
  for (const [p, q] of edges) {
    if (other.every((r) => orientation(p[0], p[1], q[0], q[1], r[0], r[1]) < 0)) return [q[1] - p[1], p[0] - q[0]]; // right-hand normal
  }
  if (n === 2) {
    // Along the segment itself: other entirely beyond one end.
    const [p, q] = own;
    if (other.every((r) => dotSign(p[0], p[1], q[0], q[1], r[0], r[1], q[0], q[1]) > 0)) return [q[0] - p[0], q[1] - p[1]];
    if (other.every((r) => dotSign(q[0], q[1], p[0], p[1], r[0], r[1], p[0], p[1]) > 0)) return [p[0] - q[0], p[1] - q[1]];
  }
  return undefined;
}

/** A line perpendicular to the axis, halfway between the two hulls, oriented so class 1 is positive. */
function boundary(axis: [number, number], own: Point[], other: Point[], ownClass: 0 | 1): { weights: number[]; bias: number } {
  const project = (p: Point) => axis[0] * p[0] + axis[1] * p[1];
  const threshold = (Math.max(...own.map(project)) + Math.min(...other.map(project))) / 2;
  // Positive on the other side; flip when own is class 1.
  const sign = ownClass === 0 ? 1 : -1;
  const weights = [sign * axis[0], sign * axis[1]];
  return { weights, bias: -sign * threshold };
}

function hasIdenticalInputsOfBothClasses(inputs: readonly (readonly number[])[], classes: (0 | 1)[]): boolean {
  const seen = new Map<string, 0 | 1>();
  for (let i = 0; i < inputs.length; i++) {
    const key = inputs[i].join(',');
    const before = seen.get(key);
    if (before !== undefined && before !== classes[i]) return true;
    seen.set(key, classes[i]);
  }
  return false;
}

/**
 * The perceptron on the centred rows with a bias input of size R (the largest distance of a row
 * from the mean). If some boundary separated the rows with margin g, every separating boundary
 * passes within R of the mean, so in these coordinates it has margin ≥ g/√2 on vectors of length
 * ≤ √2·R, and Novikoff's theorem allows at most (√2·R · √2 / g)² = 4R²/g² corrections. So after K
 * corrections without separating them, no boundary has margin 2R/√K or more.
 */
function perceptron(inputs: readonly (readonly number[])[], classes: (0 | 1)[]): Separability {
  const size = inputs[0].length;
  const count = inputs.length;
  const mean = new Array<number>(size).fill(0);
  for (const row of inputs) for (let j = 0; j < size; j++) mean[j] += row[j] / count;
  let radius = 0;
  for (const row of inputs) radius = Math.max(radius, Math.hypot(...row.map((x, j) => x - mean[j])));
  const w = new Array<number>(size + 1).fill(0); // the last entry multiplies the bias input R
  let updates = 0;
  let work = 0;
  while (updates < PERCEPTRON_MAX_UPDATES && work < PERCEPTRON_MAX_WORK) {
    let mistakes = 0;
    for (let i = 0; i < count && updates < PERCEPTRON_MAX_UPDATES; i++) {
      const row = inputs[i];
      const y = classes[i] === 1 ? 1 : -1;
      let sum = w[size] * radius;
      for (let j = 0; j < size; j++) sum += w[j] * (row[j] - mean[j]);
      if (y * sum <= 0) {
        for (let j = 0; j < size; j++) w[j] += y * (row[j] - mean[j]);
        w[size] += y * radius;
        updates++;
        mistakes++;
      }
    }
    work += count * (size + 1);
    if (mistakes === 0) {
      const weights = w.slice(0, size);
      const bias = w[size] * radius - weights.reduce((sum, weight, j) => sum + weight * mean[j], 0);
      return { separable: true, method: 'perceptron', weights, bias };
    }
  }
  return { separable: 'unknown', method: 'perceptron', marginBelow: (2 * radius) / Math.sqrt(Math.max(updates, 1)), radius, updates };
}

/**
 * The most rows one straight line can classify right, for rows of two features (exactly; at most
 * BEST_LINE_MAX_ROWS rows, since it tries every line through two rows: O(n³)). An optimal line can
 * be moved until it touches two rows without changing any other row's side, and rows on the line
 * can then be put on either side by a tiny turn or shift: so trying each line through two rows,
 * with the best split of the rows on it, finds the optimum.
 */
export const BEST_LINE_MAX_ROWS = 200;

export function bestLineAccuracy(inputs: readonly (readonly number[])[], targets: readonly number[]): { right: number; all: number } | undefined {
  const count = inputs.length;
  if (count > BEST_LINE_MAX_ROWS || (count > 0 && inputs[0].length !== 2)) return undefined;
  const classes = targets.map(classOf);
  const ones = classes.filter((c) => c === 1).length;
  let best = Math.max(ones, count - ones); // a line with every row on one side
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const [px, py] = inputs[i];
      const [qx, qy] = inputs[j];
      if (px === qx && py === qy) continue;
      let leftOnes = 0;
      let leftZeros = 0;
      let rightOnes = 0;
      let rightZeros = 0;
      const onLine: { point: Point; cls: 0 | 1 }[] = [];
      for (let k = 0; k < count; k++) {
        const side = orientation(px, py, qx, qy, inputs[k][0], inputs[k][1]);
        const cls = classes[k];
        if (side > 0) cls ? leftOnes++ : leftZeros++;
        else if (side < 0) cls ? rightOnes++ : rightZeros++;
        else onLine.push({ point: [inputs[k][0], inputs[k][1]], cls });
      }
      const offLine = Math.max(leftOnes + rightZeros, leftZeros + rightOnes);
      best = Math.max(best, offLine + bestThresholdSplit(onLine));
      if (best === count) return { right: count, all: count };
    }
  }
  return { right: best, all: count };
}

/** Rows on a line, split at one point into two sides (either way round), or all on one side. */
function bestThresholdSplit(points: { point: Point; cls: 0 | 1 }[]): number {
  // Along a line, the order by (x, y) is the order on the line: exact, no projection needed.
  points.sort((a, b) => comparePoints(a.point, b.point));
  const ones = points.filter((p) => p.cls === 1).length;
  let best = Math.max(ones, points.length - ones);
  let onesBefore = 0;
  for (let k = 0; k < points.length; k++) {
    onesBefore += points[k].cls;
    // Split after k, unless the next point is at the same place (no cut between them).
    if (k + 1 < points.length && comparePoints(points[k + 1].point, points[k].point) === 0) continue;
    const zerosBefore = k + 1 - onesBefore;
    const onesAfter = ones - onesBefore;
    const zerosAfter = points.length - ones - zerosBefore;
    best = Math.max(best, zerosBefore + onesAfter, onesBefore + zerosAfter);
  }
  return best;
}
