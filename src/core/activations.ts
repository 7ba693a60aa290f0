// Activation functions as {fn, derivative} pairs, and the dot product the tutorial starts with.

import type { ActivationName } from './types';

export interface Activation {
  name: ActivationName;
  fn(x: number): number;
  /** d fn / dx at the pre-activation x (what the tutorial's sigmoid_deriv takes). */
  derivative(x: number): number;
  /**
   * The same derivative written in terms of the output y = fn(x). Training already holds y, so
   * this saves recomputing exp() per unit; it is bit-identical to derivative(x) for every pair.
   */
  derivativeFromOutput(y: number): number;
}

/** The tutorial's np.dot for two vectors: multiply element by element, sum left to right. */
export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new RangeError(`dot: vectors of different lengths (${a.length} and ${b.length})`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * 1 / (1 + e^-x). For negative x it is written e^x / (1 + e^x): same value, but exp never sees a
 * large positive argument, and tiny outputs (x ≪ 0) keep their relative precision.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The tutorial's sigmoid_deriv: sigmoid(x) * (1 - sigmoid(x)), taking the pre-activation x. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

export const sigmoidActivation: Activation = {
  name: 'sigmoid',
  fn: sigmoid,
  derivative: sigmoidDerivative,
  derivativeFromOutput: (y) => y * (1 - y),
};

// At exactly 0 the kink has no derivative; 0 is the usual choice (the unit counts as off).
export const reluActivation: Activation = {
  name: 'relu',
  fn: (x) => (x > 0 ? x : 0),
  derivative: (x) => (x > 0 ? 1 : 0),
  derivativeFromOutput: (y) => (y > 0 ? 1 : 0),
};

export const tanhActivation: Activation = {
  name: 'tanh',
  fn: Math.tanh,
  derivative: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  derivativeFromOutput: (y) => 1 - y * y,
};

/** The regression output: the prediction is the weighted sum itself. */
export const linearActivation: Activation = {
  name: 'linear',
  fn: (x) => x,
  derivative: () => 1,
  derivativeFromOutput: () => 1,
};

export const activations: Readonly<Record<ActivationName, Activation>> = {
  sigmoid: sigmoidActivation,
  relu: reluActivation,
  tanh: tanhActivation,
  linear: linearActivation,
};

export function activationByName(name: ActivationName): Activation {
  const activation = activations[name];
  if (!activation) throw new RangeError(`unknown activation "${String(name)}"`);
  return activation;
}
