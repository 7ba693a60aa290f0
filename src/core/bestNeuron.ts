// The lowest summed error Σ (sigmoid(dot(weights, input) + bias) − target)² any single sigmoid
// neuron reaches on some rows: the floor under the tutorial's plateau. It is a small nonlinear
// least-squares problem (one weight per feature and a bias), solved by Levenberg–Marquardt from
// several starts; the tests check it against a fine grid search on the tutorial's rows.
import { createRandom } from './random';

export interface BestNeuron {
  /** The summed squared error over the rows, at the best weights found. */
  error: number;
  weights: number[];
  bias: number;
  /** Its predictions for the rows, in order. */
  predictions: number[];
}

const STARTS = 24;
const MAX_STEPS_PER_START = 200;
/** Skip (return undefined) past this many row × parameter² operations: the advice does without it. */
export const BEST_NEURON_MAX_WORK = 20_000_000;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function bestSingleNeuron(inputs: readonly (readonly number[])[], targets: readonly number[]): BestNeuron | undefined {
  const rows = inputs.length;
  if (rows === 0) return undefined;
  const size = inputs[0].length;
  const parameters = size + 1;
  if (rows * parameters * parameters * MAX_STEPS_PER_START * STARTS > BEST_NEURON_MAX_WORK) return undefined;
  // Scale the start weights to the inputs, so a start is neither flat nor saturated.
  const spread = Math.max(1e-12, ...inputs.flat().map(Math.abs));
  const random = createRandom(20240613);
  let best: { error: number; theta: number[] } | undefined;
  for (let start = 0; start < STARTS; start++) {
    const scale = start === 0 ? 0 : (0.5 + (start % 4)) / spread;
    const theta = Array.from({ length: parameters }, (_, j) => (j < size ? random.gaussian() * scale : random.gaussian() * (start % 3)));
    const found = levenbergMarquardt(inputs, targets, theta);
    if (!best || found.error < best.error) best = found;
  }
  const { theta, error } = best!;
  const weights = theta.slice(0, size);
  const bias = theta[size];
  return { error, weights, bias, predictions: inputs.map((row) => sigmoid(row.reduce((sum, x, j) => sum + x * weights[j], bias))) };
}

function sumSquaredError(inputs: readonly (readonly number[])[], targets: readonly number[], theta: number[]): number {
  const size = theta.length - 1;
  let sum = 0;
  for (let i = 0; i < inputs.length; i++) {
    let z = theta[size];
    for (let j = 0; j < size; j++) z += theta[j] * inputs[i][j];
    const r = sigmoid(z) - targets[i];
    sum += r * r;
  }
  return sum;
}

function levenbergMarquardt(inputs: readonly (readonly number[])[], targets: readonly number[], start: number[]): { error: number; theta: number[] } {
  const p = start.length;
  const size = p - 1;
  let theta = start.slice();
  let error = sumSquaredError(inputs, targets, theta);
  let damping = 1e-3;
  for (let step = 0; step < MAX_STEPS_PER_START && damping < 1e12; step++) {
    // Normal equations of the linearised residuals: (JᵀJ + damping · diag(JᵀJ)) δ = −Jᵀr.
    const jtj = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const jtr = new Array<number>(p).fill(0);
    const gradientRow = new Array<number>(p);
    for (let i = 0; i < inputs.length; i++) {
      let z = theta[size];
      for (let j = 0; j < size; j++) z += theta[j] * inputs[i][j];
      const s = sigmoid(z);
      const r = s - targets[i];
      const slope = s * (1 - s);
      for (let j = 0; j < size; j++) gradientRow[j] = slope * inputs[i][j];
      gradientRow[size] = slope;
      for (let a = 0; a < p; a++) {
        jtr[a] += gradientRow[a] * r;
        for (let b = 0; b < p; b++) jtj[a][b] += gradientRow[a] * gradientRow[b];
      }
    }
    const system = jtj.map((row, a) => row.map((value, b) => (a === b ? value * (1 + damping) + 1e-12 : value)));
    const delta = solve(system, jtr.map((value) => -value));
    if (!delta) {
      damping *= 10;
      continue;
    }
    const candidate = theta.map((value, j) => value + delta[j]);
    const candidateError = sumSquaredError(inputs, targets, candidate);
    if (candidateError < error) {
      const gain = error - candidateError;
      theta = candidate;
      error = candidateError;
      damping = Math.max(damping / 3, 1e-12);
      if (gain <= 1e-15 * Math.max(1, error)) break;
    } else {
      damping *= 4;
    }
  }
  return { error, theta };
}

/** Gaussian elimination with partial pivoting; undefined when the system is singular. */
function solve(matrix: number[][], right: number[]): number[] | undefined {
  const n = right.length;
  const a = matrix.map((row, i) => [...row, right[i]]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) pivot = row;
    if (!(Math.abs(a[pivot][column]) > 1e-300)) return undefined;
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let row = column + 1; row < n; row++) {
      const factor = a[row][column] / a[column][column];
      for (let k = column; k <= n; k++) a[row][k] -= factor * a[column][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row][n];
    for (let k = row + 1; k < n; k++) sum -= a[row][k] * x[k];
    x[row] = sum / a[row][row];
  }
  return x.every(Number.isFinite) ? x : undefined;
}
