// Regularization and mini-batches, on top of the fused step (sgd.ts): what a step does once the
// loss has a weight penalty, or once it averages several rows' gradients.
//
//   L2 penalty = rate · Σ w²   (every weight, no biases)    d penalty / d w = 2 · rate · w
//   L1 penalty = rate · Σ |w|                              d penalty / d w = rate · sign(w)
//
// A step on rows r₁…r_B (B = batchSize) does, for every weight and bias,
//   parameter −= (mean over the rows of d (prediction − target)² / d parameter + d penalty / d parameter) · learningRate
// so a batch of one row is SGD: training then runs the fused step itself (sgd.ts), with the penalty
// when there is one, bit for bit as computeGradients + updateParameters.
import { backward, forward, penaltySlope, type DenseLayer, type Regularization, type RegularizationKind } from './sgd';

export { penaltySlope, type Regularization, type RegularizationKind } from './sgd';

export const REGULARIZATION_KINDS: readonly RegularizationKind[] = ['L1', 'L2'];

/** rate · Σ w² (L2) or rate · Σ |w| (L1) over every weight of every layer. */
export function penaltyOf(layers: readonly DenseLayer[], regularization: Regularization): number {
  let sum = 0;
  for (const { weights } of layers) {
    for (let i = 0; i < weights.length; i++) sum += regularization.kind === 'L2' ? weights[i] * weights[i] : Math.abs(weights[i]);
  }
  return regularization.rate * sum;
}

/** Gradient sums of one step, shaped like the layers. */
export interface GradientSums {
  weights: Float64Array[];
  biases: Float64Array[];
}

export function createGradientSums(layers: readonly DenseLayer[]): GradientSums {
  return { weights: layers.map((layer) => new Float64Array(layer.weights.length)), biases: layers.map((layer) => new Float64Array(layer.units)) };
}

/**
 * One step on the `batch` rows whose indexes are picks[0…batch): each row's gradient (forward then
 * backward, with the weights as they are) is summed, then every parameter moves by the mean plus
 * the penalty's slope. Allocates nothing.
 */
export function batchStep(
  layers: readonly DenseLayer[], sums: GradientSums, source: Float64Array, stride: number, targets: Float64Array,
  picks: Int32Array, batch: number, learningRate: number, regularization: Regularization | undefined,
): void {
  for (let l = 0; l < layers.length; l++) {
    sums.weights[l].fill(0);
    sums.biases[l].fill(0);
  }
  for (let k = 0; k < batch; k++) {
    const offset = picks[k] * stride;
    forward(layers, source, offset);
    backward(layers, targets[picks[k]]);
    for (let l = 0; l < layers.length; l++) {
      const { inputSize, units, deltas } = layers[l];
      const input = l === 0 ? source : layers[l - 1].outputs;
      const start = l === 0 ? offset : 0;
      const weightSums = sums.weights[l];
      const biasSums = sums.biases[l];
      for (let u = 0; u < units; u++) {
        const delta = deltas[u];
        biasSums[u] += delta;
        const row = u * inputSize;
        for (let i = 0; i < inputSize; i++) weightSums[row + i] += delta * input[start + i];
      }
    }
  }
  const scale = 1 / batch;
  for (let l = 0; l < layers.length; l++) {
    const { weights, biases } = layers[l];
    const weightSums = sums.weights[l];
    const biasSums = sums.biases[l];
    for (let u = 0; u < biases.length; u++) biases[u] -= biasSums[u] * scale * learningRate;
    for (let i = 0; i < weights.length; i++) {
      const slope = regularization ? penaltySlope(regularization, weights[i]) : 0;
      weights[i] -= (weightSums[i] * scale + slope) * learningRate;
    }
  }
}

/**
 * Which rows each step takes: all of them, in order, when the batch covers the set (full-batch
 * gradient descent); otherwise the next rows of a seeded shuffle, without repeats until every row
 * has been used (an epoch), then on through a new shuffle.
 */
export class BatchPicker {
  readonly picks: Int32Array;
  readonly batch: number;
  private readonly order: Int32Array;
  private position = 0;

  constructor(readonly count: number, batchSize: number, private readonly randomInt: (n: number) => number) {
    this.batch = Math.min(batchSize, count);
    this.picks = new Int32Array(this.batch);
    this.order = Int32Array.from({ length: count }, (_, i) => i);
    if (this.batch === count) this.picks.set(this.order);
  }

  /** Fills `picks` with the next step's rows. */
  next(): void {
    if (this.batch === this.count) return;
    const order = this.order;
    for (let k = 0; k < this.batch; k++) {
      if (this.position === this.count) this.position = 0;
      const j = this.position + this.randomInt(this.count - this.position);
      const row = order[j];
      order[j] = order[this.position];
      order[this.position++] = row;
      this.picks[k] = row;
    }
  }
}
