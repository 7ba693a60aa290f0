// The hot path of training, as plain data and pure functions (TensorFlow Playground's nn.ts style):
// dense layers of Float64Arrays; forward; backward, which the public computeGradients reads; the
// fused stochastic-gradient-descent step; and the loop that train() and the worker's trainer run
// millions of times a second. Nothing here allocates.
//
// The fused step does forward, backward and update in one walk, and is bit-identical to
// computeGradients followed by updateParameters: every sum runs over the same terms in the same
// order, and a layer below's deltas are accumulated from each weight before that weight is
// updated, so they see the weights as computeGradients does. The unit tests hold it so.
//
// With a weight penalty (L1 or L2, regularization.ts) a step runs the penalised twins of the
// fused step: each weight's gradient is delta · input + d penalty / d weight, the penalty's slope
// taken at the weight before its update, as computeGradients takes it. The plain step is left as
// it was, so the tutorial's runs keep their bits and their speed.

import type { Activation } from './activations';
import type { Random } from './random';

export type RegularizationKind = 'L1' | 'L2';

/** A weight penalty added to the squared error: rate · Σ w² (L2) or rate · Σ |w| (L1), over every weight (no biases). */
export interface Regularization {
  kind: RegularizationKind;
  rate: number;
}

/** d penalty / d w for one weight. L1's slope at exactly 0 is taken as 0 (the subgradient the weight stays at). */
export function penaltySlope(regularization: Regularization, weight: number): number {
  return slope(regularization.kind === 'L2', regularization.rate, weight);
}

/** The one definition of the slope: 2 · rate · w for L2, rate · sign(w) for L1. */
function slope(isL2: boolean, rate: number, weight: number): number {
  if (isL2) return 2 * rate * weight;
  return weight > 0 ? rate : weight < 0 ? -rate : 0;
}

export interface DenseLayer {
  readonly inputSize: number;
  readonly units: number;
  /** Row-major: weights[unit * inputSize + input]. */
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  readonly activation: Activation;
  /** a = fn(z) of the last forward pass. */
  readonly outputs: Float64Array;
  /** d error / d z of the last backward pass (z the weighted sums). */
  readonly deltas: Float64Array;
}

/** Rows and targets packed once for the hot path. */
export interface PackedRows {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
}

export function createLayer(inputSize: number, units: number, activation: Activation): DenseLayer {
  return {
    inputSize, units, activation,
    weights: new Float64Array(inputSize * units), biases: new Float64Array(units),
    outputs: new Float64Array(units), deltas: new Float64Array(units),
  };
}

/** The prediction for the row at `offset` of `source`; every layer's outputs are left filled. */
export function forward(layers: readonly DenseLayer[], source: Float64Array, offset: number): number {
  let input = source;
  let start = offset;
  for (let l = 0; l < layers.length; l++) {
    const { inputSize, units, weights, biases, activation, outputs } = layers[l];
    for (let u = 0; u < units; u++) {
      const row = u * inputSize;
      let sum = 0;
      for (let i = 0; i < inputSize; i++) sum += input[start + i] * weights[row + i];
      // The tutorial's layer_1 = np.dot(input_vector, weights) + bias, then its activation.
      outputs[u] = activation.fn(sum + biases[u]);
    }
    input = outputs;
    start = 0;
  }
  return input[0];
}

/** derror_dprediction · dprediction_dlayer: the output unit's delta for the squared error. */
function outputDelta(layer: DenseLayer, prediction: number, target: number): number {
  return 2 * (prediction - target) * layer.activation.derivativeFromOutput(prediction);
}

/** Fills every layer's deltas with the chain rule, from the last forward pass. Parameters untouched. */
export function backward(layers: readonly DenseLayer[], target: number): void {
  const last = layers[layers.length - 1];
  last.deltas[0] = outputDelta(last, last.outputs[0], target);
  for (let l = layers.length - 1; l > 0; l--) {
    const { inputSize, units, weights, deltas } = layers[l];
    const below = layers[l - 1];
    for (let i = 0; i < inputSize; i++) {
      let sum = 0;
      for (let u = 0; u < units; u++) sum += weights[u * inputSize + i] * deltas[u];
      below.deltas[i] = sum * below.activation.derivativeFromOutput(below.outputs[i]);
    }
  }
}

/**
 * One SGD step on the row at `offset` of `source`: forward, backward and parameter −= gradient ·
 * learningRate. Returns the prediction (before the update).
 */
export function fusedStep(layers: readonly DenseLayer[], source: Float64Array, offset: number, target: number, learningRate: number): number {
  return layers.length === 1
    ? singleLayerStep(layers[0], source, offset, target, learningRate)
    : layeredStep(layers, source, offset, target, learningRate);
}

/**
 * @internal The fused step for any depth. From the output layer back, in one pass over each weight
 * matrix, the layer below's deltas accumulate from a weight just before that weight is updated.
 */
export function layeredStep(layers: readonly DenseLayer[], source: Float64Array, offset: number, target: number, learningRate: number): number {
  const prediction = forward(layers, source, offset);
  const top = layers.length - 1;
  layers[top].deltas[0] = outputDelta(layers[top], prediction, target);
  for (let l = top; l > 0; l--) {
    const { inputSize, units, weights, biases, deltas } = layers[l];
    const below = layers[l - 1];
    const input = below.outputs;
    const belowDeltas = below.deltas;
    belowDeltas.fill(0);
    for (let u = 0; u < units; u++) {
      const delta = deltas[u];
      biases[u] -= delta * learningRate;
      const row = u * inputSize;
      for (let i = 0; i < inputSize; i++) {
        belowDeltas[i] += weights[row + i] * delta;
        weights[row + i] -= delta * input[i] * learningRate;
      }
    }
    const activation = below.activation;
    for (let i = 0; i < inputSize; i++) belowDeltas[i] *= activation.derivativeFromOutput(input[i]);
  }
  // The first layer reads the packed row and has no deltas below it to fill.
  const { inputSize, units, weights, biases, deltas } = layers[0];
  for (let u = 0; u < units; u++) {
    const delta = deltas[u];
    biases[u] -= delta * learningRate;
    const row = u * inputSize;
    for (let i = 0; i < inputSize; i++) weights[row + i] -= delta * source[offset + i] * learningRate;
  }
  return prediction;
}

/**
 * @internal The same step for one unit on the inputs (the tutorial's net, most runs), written out as
 * the tutorial writes _compute_gradients then _update_parameters. It pays: on the tutorial's net
 * the layered loop runs at about 0.6× a hand-written loop, this at about 1× (`npm run bench`).
 */
export function singleLayerStep(layer: DenseLayer, source: Float64Array, offset: number, target: number, learningRate: number): number {
  const { inputSize, weights, biases, activation, outputs, deltas } = layer;
  let dot = 0;
  for (let i = 0; i < inputSize; i++) dot += source[offset + i] * weights[i];
  const prediction = activation.fn(dot + biases[0]);
  outputs[0] = prediction;
  // derror_dbias = derror_dprediction · dprediction_dlayer1 · 1
  const derrorDbias = outputDelta(layer, prediction, target);
  deltas[0] = derrorDbias;
  biases[0] -= derrorDbias * learningRate;
  for (let i = 0; i < inputSize; i++) weights[i] -= derrorDbias * source[offset + i] * learningRate;
  return prediction;
}

/**
 * One SGD step with a weight penalty: as fusedStep, but every weight moves by (delta · input + d
 * penalty / d weight) · learningRate, the sum computeGradients gives it. Biases are not penalised.
 */
export function penalizedFusedStep(
  layers: readonly DenseLayer[], source: Float64Array, offset: number, target: number, learningRate: number, regularization: Regularization,
): number {
  const isL2 = regularization.kind === 'L2';
  return layers.length === 1
    ? penalizedSingleLayerStep(layers[0], source, offset, target, learningRate, isL2, regularization.rate)
    : penalizedLayeredStep(layers, source, offset, target, learningRate, isL2, regularization.rate);
}

/** @internal layeredStep with the penalty's slope in each weight's update. */
export function penalizedLayeredStep(
  layers: readonly DenseLayer[], source: Float64Array, offset: number, target: number, learningRate: number, isL2: boolean, rate: number,
): number {
  const prediction = forward(layers, source, offset);
  const top = layers.length - 1;
  layers[top].deltas[0] = outputDelta(layers[top], prediction, target);
  for (let l = top; l > 0; l--) {
    const { inputSize, units, weights, biases, deltas } = layers[l];
    const below = layers[l - 1];
    const input = below.outputs;
    const belowDeltas = below.deltas;
    belowDeltas.fill(0);
    for (let u = 0; u < units; u++) {
      const delta = deltas[u];
      biases[u] -= delta * learningRate;
      const row = u * inputSize;
      for (let i = 0; i < inputSize; i++) {
        const weight = weights[row + i];
        belowDeltas[i] += weight * delta;
        weights[row + i] = weight - (delta * input[i] + slope(isL2, rate, weight)) * learningRate;
      }
    }
    const activation = below.activation;
    for (let i = 0; i < inputSize; i++) belowDeltas[i] *= activation.derivativeFromOutput(input[i]);
  }
  const { inputSize, units, weights, biases, deltas } = layers[0];
  for (let u = 0; u < units; u++) {
    const delta = deltas[u];
    biases[u] -= delta * learningRate;
    const row = u * inputSize;
    for (let i = 0; i < inputSize; i++) {
      const weight = weights[row + i];
      weights[row + i] = weight - (delta * source[offset + i] + slope(isL2, rate, weight)) * learningRate;
    }
  }
  return prediction;
}

/** @internal singleLayerStep with the penalty's slope in each weight's update. */
export function penalizedSingleLayerStep(
  layer: DenseLayer, source: Float64Array, offset: number, target: number, learningRate: number, isL2: boolean, rate: number,
): number {
  const { inputSize, weights, biases, activation, outputs, deltas } = layer;
  let dot = 0;
  for (let i = 0; i < inputSize; i++) dot += source[offset + i] * weights[i];
  const prediction = activation.fn(dot + biases[0]);
  outputs[0] = prediction;
  const derrorDbias = outputDelta(layer, prediction, target);
  deltas[0] = derrorDbias;
  biases[0] -= derrorDbias * learningRate;
  for (let i = 0; i < inputSize; i++) {
    const weight = weights[i];
    weights[i] = weight - (derrorDbias * source[offset + i] + slope(isL2, rate, weight)) * learningRate;
  }
  return prediction;
}

/** Σ (prediction − target)² over the rows, the tutorial's cumulative_error. */
export function sumSquaredError(layers: readonly DenseLayer[], rows: PackedRows, inputSize: number): number {
  let sum = 0;
  for (let r = 0; r < rows.count; r++) {
    const difference = forward(layers, rows.inputs, r * inputSize) - rows.targets[r];
    sum += difference * difference;
  }
  return sum;
}
