// Is training stuck? A sigmoid output cannot overflow, but with huge weights it saturates: the
// prediction is pinned to 0 or 1, sigmoid_deriv(layer_1) is ~0, so every gradient is ~0 and the
// error stays where it is however long training runs. These are the numbers; the wording of the
// advice belongs to the extension.

import type { NeuralNetwork } from './network';

export interface SaturationReport {
  saturated: boolean;
  /** Mean over the rows of the Euclidean norm of all parameter gradients for that row. */
  meanGradientNorm: number;
  /** Σ (prediction − target)² over the rows, as training records it. */
  cumulativeError: number;
}

/**
 * A mean squared error of 0.25 per row is what predicting 0.5 for every 0/1 target scores, i.e.
 * no better than a coin; a network at or above it has learned nothing useful (the tutorial's
 * single neuron plateaus around 2 on its 8 rows, just under this line, and still has gradients).
 */
export const STUCK_ERROR_PER_ROW = 0.25;
/** Gradients this small move no parameter visibly at any sensible learning rate. */
export const VANISHED_GRADIENT_NORM = 1e-5;

export function assessSaturation(network: NeuralNetwork, inputs: number[][], targets: number[]): SaturationReport {
  const cumulativeError = network.cumulativeError(inputs, targets);
  let normSum = 0;
  inputs.forEach((input, r) => {
    const gradients = network.computeGradients(input, targets[r]);
    let squares = 0;
    for (const layer of gradients.layers) {
      for (const row of layer.weights) for (const g of row) squares += g * g;
      for (const g of layer.biases) squares += g * g;
    }
    normSum += Math.sqrt(squares);
  });
  const meanGradientNorm = inputs.length > 0 ? normSum / inputs.length : 0;
  const stuckHigh = cumulativeError >= STUCK_ERROR_PER_ROW * inputs.length;
  // NaN compares false on both sides: a diverged network is reported as diverged, not saturated.
  const saturated = inputs.length > 0 && stuckHigh && meanGradientNorm < VANISHED_GRADIENT_NORM;
  return { saturated, meanGradientNorm, cumulativeError };
}
