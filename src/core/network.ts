// The network: dense layers of weights and biases, stored in Float64Arrays, with the tutorial's
// predict / computeGradients / updateParameters / train. The tutorial's own net is the case
// "no hidden layers": 2 inputs → 1 sigmoid unit.
//
// Training runs on a hot path that allocates nothing per step: every layer keeps scratch buffers
// for its outputs (a = fn(z)) and deltas (d error / d z, z the weighted sums), and rows are packed
// once into one Float64Array. The public computeGradients allocates its result, as the tutorial's
// _compute_gradients returns fresh arrays; both compute the same numbers in the same order.

import { activationByName, type Activation } from './activations';
import { chooseSeed, createRandom, normalizeSeed, type Random } from './random';
import { InputDerivation } from './features';
import { packRows, type PackedRows } from './training';
import type { HiddenActivation, LayerParameters, ModelSnapshot, NetworkOptions, OutputKind } from './types';

/** d error / d parameter for every layer, shaped like parameters(). */
export interface Gradients {
  layers: LayerParameters[];
  /** derror_dweights of the output layer (the tutorial net's only layer). */
  weights: number[];
  /** derror_dbias of the output layer. */
  bias: number;
}

/** What updateParameters accepts: full per-layer gradients, or the tutorial's pair for its net. */
export type GradientsInput = { layers: LayerParameters[] } | { weights: number[]; bias: number };

interface DenseLayer {
  readonly inputSize: number;
  readonly units: number;
  /** Row-major: weights[unit * inputSize + input]. */
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  readonly activation: Activation;
  readonly outputs: Float64Array;
  readonly deltas: Float64Array;
}

export class NeuralNetwork {
  readonly seed: number;
  learningRate: number;
  readonly inputSize: number;
  readonly hiddenLayers: readonly number[];
  readonly activation: HiddenActivation;
  readonly output: OutputKind;
  /** Picks the training row of each iteration (stepping by hand with it replays train exactly).
   *  Separate from the start values' generator, so a network rebuilt from a snapshot picks the
   *  same rows as the original would. */
  readonly sampler: Random;
  /** Feature crosses: how a row's `inputSize` features become the first layer's inputs (none: the row as it is). */
  readonly derivation?: InputDerivation;
  private readonly layers: DenseLayer[];
  private readonly inputBuffer: Float64Array;

  constructor(options: NetworkOptions) {
    const hiddenLayers = options.hiddenLayers ?? [];
    for (const units of hiddenLayers) {
      if (!Number.isInteger(units) || units < 1) throw new RangeError(`hidden layer sizes must be positive integers, got ${units}`);
    }
    if (options.weights && hiddenLayers.length > 0) {
      throw new RangeError('start weights/bias describe the tutorial net and need hiddenLayers: []');
    }
    if (!Number.isFinite(options.learningRate)) throw new RangeError(`learningRate must be a finite number, got ${options.learningRate}`);
    const inputSize = options.inputSize ?? options.weights?.length ?? 2;
    if (!Number.isInteger(inputSize) || inputSize < 1) throw new RangeError(`inputSize must be a positive integer, got ${inputSize}`);
    if (options.weights && options.weights.length !== inputSize) {
      throw new RangeError(`${options.weights.length} start weights for ${inputSize} inputs`);
    }
    this.seed = options.seed === undefined ? chooseSeed() : normalizeSeed(options.seed);
    this.learningRate = options.learningRate;
    this.inputSize = inputSize;
    this.hiddenLayers = Object.freeze([...hiddenLayers]);
    this.activation = options.activation ?? 'sigmoid';
    this.output = options.output ?? 'sigmoid';
    this.sampler = createRandom(this.seed ^ 0x5bd1e995);
    if (options.inputs) {
      if (options.weights) throw new RangeError('start weights/bias are for the raw features and cannot be combined with derived inputs');
      this.derivation = InputDerivation.fromText(inputSize, options.inputs);
    }
    this.inputBuffer = new Float64Array(this.rowStride);

    const sizes = [this.rowStride, ...hiddenLayers, 1];
    const hidden = activationByName(this.activation);
    const outputActivation = activationByName(this.output);
    this.layers = [];
    for (let l = 1; l < sizes.length; l++) {
      this.layers.push(emptyLayer(sizes[l - 1], sizes[l], l === sizes.length - 1 ? outputActivation : hidden));
    }
    this.initialize(createRandom(this.seed), options);
  }

  /** Rebuilds a network exactly: predictions are bit-identical to the snapshotted one. */
  static fromSnapshot(snapshot: ModelSnapshot): NeuralNetwork {
    const network = new NeuralNetwork({
      learningRate: snapshot.learningRate, seed: snapshot.seed, inputSize: snapshot.inputSize,
      hiddenLayers: snapshot.hiddenLayers, activation: snapshot.activation, output: snapshot.output,
      ...(snapshot.inputs ? { inputs: snapshot.inputs } : {}),
    });
    network.setParameters(snapshot.layers);
    return network;
  }

  /** Start values: the tutorial's np.random.randn() for its net; scaled for deeper nets so that
   *  hidden units start in the sensitive part of their activation. */
  private initialize(random: Random, options: NetworkOptions): void {
    if (this.layers.length === 1) {
      const layer = this.layers[0];
      for (let i = 0; i < layer.inputSize; i++) layer.weights[i] = options.weights ? options.weights[i] : random.gaussian();
      layer.biases[0] = options.bias ?? (options.weights ? 0 : random.gaussian());
      return;
    }
    for (const layer of this.layers) {
      const gain = layer.activation.name === 'relu' ? Math.SQRT2 : 1;
      const scale = gain / Math.sqrt(layer.inputSize);
      for (let i = 0; i < layer.weights.length; i++) layer.weights[i] = random.gaussian() * scale;
    }
  }

  get weights(): number[] {
    return Array.from(this.outputLayer.weights);
  }

  get bias(): number {
    return this.outputLayer.biases[0];
  }

  /** How many numbers the first layer takes: the derived inputs, else the row's features. */
  get rowStride(): number {
    return this.derivation?.size ?? this.inputSize;
  }

  /** The first layer's inputs for one row of features: the derived inputs (or the row itself, copied). */
  networkInputs(input: readonly number[]): number[] {
    return Array.from(this.loadInput(input));
  }

  /** Rows packed for the hot path, derived once: `rowStride` numbers per row. */
  packRows(inputs: readonly (readonly number[])[], targets: readonly number[]): PackedRows {
    return packRows(inputs, targets, this.inputSize, this.derivation);
  }

  private get outputLayer(): DenseLayer {
    return this.layers[this.layers.length - 1];
  }

  predict(input: readonly number[]): number {
    return this.forward(this.loadInput(input), 0);
  }

  computeGradients(input: readonly number[], target: number): Gradients {
    this.forward(this.loadInput(input), 0);
    this.backward(target);
    // derror_dweights = derror_dlayer · input, derror_dbias = derror_dlayer · 1, per unit.
    const layers = this.layers.map((layer, l) => {
      const source = l === 0 ? this.inputBuffer : this.layers[l - 1].outputs;
      return { weights: Array.from(layer.deltas, (delta) => Array.from(source, (x) => delta * x)), biases: Array.from(layer.deltas) };
    });
    const output = layers[layers.length - 1];
    return { layers, weights: [...output.weights[0]], bias: output.biases[0] };
  }

  /** parameter -= gradient * learningRate, as the tutorial's _update_parameters. */
  updateParameters(gradients: GradientsInput): void {
    const lr = this.learningRate;
    if (!('layers' in gradients) && this.layers.length > 1) throw new RangeError('a network with hidden layers needs gradients for every layer');
    const perLayer = 'layers' in gradients ? gradients.layers : [{ weights: [gradients.weights], biases: [gradients.bias] }];
    checkShape(this.layers, perLayer, 'gradients');
    this.layers.forEach((layer, l) => {
      for (let u = 0; u < layer.units; u++) {
        layer.biases[u] -= perLayer[l].biases[u] * lr;
        for (let i = 0; i < layer.inputSize; i++) layer.weights[u * layer.inputSize + i] -= perLayer[l].weights[u][i] * lr;
      }
    });
  }

  /** One stochastic-gradient-descent step on one row (the same arithmetic as train's steps). */
  trainStep(input: readonly number[], target: number): void {
    this.stepAt(this.loadInput(input), 0, target);
  }

  /** The tutorial's train loop; returns the cumulative error recorded every errorInterval. */
  train(inputs: number[][], targets: number[], iterations: number, options: { errorInterval?: number } = {}): number[] {
    const errorInterval = options.errorInterval ?? 100;
    const rows = this.packRows(inputs, targets);
    if (rows.count === 0) throw new RangeError('no training rows');
    const errors: number[] = [];
    for (let iteration = 0; iteration < iterations; iteration++) {
      const row = this.sampler.randomInt(rows.count);
      this.stepAt(rows.inputs, row * this.rowStride, rows.targets[row]);
      if (iteration % errorInterval === 0) errors.push(this.sumSquaredError(rows));
    }
    return errors;
  }

  /** Σ (prediction − target)² over the rows, the tutorial's cumulative_error. */
  cumulativeError(inputs: number[][], targets: number[]): number {
    return this.sumSquaredError(this.packRows(inputs, targets));
  }

  parameters(): LayerParameters[] {
    return this.layers.map((layer) => ({
      weights: Array.from({ length: layer.units }, (_, u) =>
        Array.from(layer.weights.subarray(u * layer.inputSize, (u + 1) * layer.inputSize))),
      biases: Array.from(layer.biases),
    }));
  }

  snapshot(): ModelSnapshot {
    return {
      inputSize: this.inputSize, hiddenLayers: [...this.hiddenLayers], activation: this.activation,
      output: this.output, learningRate: this.learningRate, seed: this.seed, layers: this.parameters(),
      ...(this.derivation ? { inputs: this.derivation.texts() } : {}),
    };
  }

  hasFiniteParameters(): boolean {
    for (const layer of this.layers) {
      if (!allFinite(layer.weights) || !allFinite(layer.biases)) return false;
    }
    return true;
  }

  // ---- hot path: no allocation below this line ----

  /**
   * @internal Forward, backward and update for the row at `offset` of `source`; returns the
   * prediction. Walks the layers from the output back and, in one pass over each weight matrix,
   * first accumulates the layer below's deltas from a weight, then updates that weight: the
   * deltas see the weights as they were, exactly as computeGradients + updateParameters do, and
   * the sums run in the same order, so the results are bit-identical (the tests hold them so).
   */
  stepAt(source: Float64Array, offset: number, target: number): number {
    if (this.layers.length === 1) return this.tutorialStepAt(source, offset, target);
    const prediction = this.forward(source, offset);
    const lr = this.learningRate;
    const layers = this.layers;
    const last = layers[layers.length - 1];
    last.deltas[0] = 2 * (prediction - target) * last.activation.derivativeFromOutput(prediction);
    for (let l = layers.length - 1; l >= 0; l--) {
      const { inputSize, units, weights, biases, deltas } = layers[l];
      const input = l === 0 ? source : layers[l - 1].outputs;
      const start = l === 0 ? offset : 0;
      const below = l === 0 ? undefined : layers[l - 1].deltas;
      if (below) below.fill(0);
      for (let u = 0; u < units; u++) {
        const delta = deltas[u];
        biases[u] -= delta * lr;
        const row = u * inputSize;
        if (below) {
          for (let i = 0; i < inputSize; i++) {
            below[i] += weights[row + i] * delta;
            weights[row + i] -= delta * input[start + i] * lr;
          }
        } else {
          for (let i = 0; i < inputSize; i++) weights[row + i] -= delta * input[start + i] * lr;
        }
      }
      if (below) {
        const activation = layers[l - 1].activation;
        for (let i = 0; i < inputSize; i++) below[i] *= activation.derivativeFromOutput(input[i]);
      }
    }
    return prediction;
  }

  /**
   * The tutorial's net takes most of the training runs, so its step is also written out on its
   * own, as the tutorial writes _compute_gradients then _update_parameters: about a sixth faster
   * than the general loop on a 2 → 1 net, with the same arithmetic in the same order.
   */
  private tutorialStepAt(source: Float64Array, offset: number, target: number): number {
    const { inputSize, weights, biases, activation, outputs, deltas } = this.layers[0];
    let dot = 0;
    for (let i = 0; i < inputSize; i++) dot += source[offset + i] * weights[i];
    const prediction = activation.fn(dot + biases[0]);
    outputs[0] = prediction;
    // derror_dbias = derror_dprediction · dprediction_dlayer1 · 1
    const derrorDbias = 2 * (prediction - target) * activation.derivativeFromOutput(prediction);
    deltas[0] = derrorDbias;
    const lr = this.learningRate;
    biases[0] -= derrorDbias * lr;
    for (let i = 0; i < inputSize; i++) weights[i] -= derrorDbias * source[offset + i] * lr;
    return prediction;
  }

  /** @internal */
  sumSquaredError(rows: PackedRows): number {
    let sum = 0;
    for (let r = 0; r < rows.count; r++) {
      const difference = this.forward(rows.inputs, r * this.rowStride) - rows.targets[r];
      sum += difference * difference;
    }
    return sum;
  }

  private forward(source: Float64Array, offset: number): number {
    const layers = this.layers;
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

  /** Fills every layer's deltas (d error / d z) with the chain rule, from the last forward pass. */
  private backward(target: number): void {
    const layers = this.layers;
    const last = layers[layers.length - 1];
    const prediction = last.outputs[0];
    const derrorDprediction = 2 * (prediction - target);
    last.deltas[0] = derrorDprediction * last.activation.derivativeFromOutput(prediction);
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

  private loadInput(input: readonly number[]): Float64Array {
    if (input.length !== this.inputSize) throw new RangeError(`expected ${this.inputSize} inputs, got ${input.length}`);
    if (this.derivation) this.derivation.deriveInto(input, 0, this.inputBuffer, 0);
    else this.inputBuffer.set(input);
    return this.inputBuffer;
  }

  private setParameters(layers: LayerParameters[]): void {
    checkShape(this.layers, layers, 'snapshot');
    this.layers.forEach((layer, l) => {
      layer.biases.set(layers[l].biases);
      layers[l].weights.forEach((row, u) => layer.weights.set(row, u * layer.inputSize));
    });
  }
}

function emptyLayer(inputSize: number, units: number, activation: Activation): DenseLayer {
  return {
    inputSize, units, activation,
    weights: new Float64Array(inputSize * units), biases: new Float64Array(units),
    outputs: new Float64Array(units), deltas: new Float64Array(units),
  };
}

function checkShape(layers: DenseLayer[], given: LayerParameters[], what: string): void {
  const fits = given.length === layers.length && layers.every((layer, l) =>
    given[l].biases.length === layer.units && given[l].weights.length === layer.units &&
    given[l].weights.every((row) => row.length === layer.inputSize));
  if (!fits) throw new RangeError(`${what} do not match the network's layer sizes`);
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return false;
  }
  return true;
}
