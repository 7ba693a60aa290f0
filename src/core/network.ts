// The network: dense layers of weights and biases, stored in Float64Arrays, with the tutorial's
// predict / computeGradients / updateParameters / train. The tutorial's own net is the case
// "no hidden layers": 2 inputs → 1 sigmoid unit.
//
// The numbers live in plain layers (sgd.ts) that the hot path walks without allocating; rows are
// packed once into one Float64Array. The public computeGradients allocates its result, as the
// tutorial's _compute_gradients returns fresh arrays; it computes the same numbers in the same
// order as the fused step that training runs.

import { activationByName } from './activations';
import { chooseSeed, createRandom, normalizeSeed, rowSamplerSeed, type Random } from './random';
import { InputDerivation } from './features';
import { penaltyOf, penaltySlope, type Regularization } from './regularization';
import { backward, createLayer, forward, fusedStep, penalizedFusedStep, sumSquaredError, type DenseLayer, type PackedRows } from './sgd';
import { createTrainer, packRows } from './training';
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
  /** The weight penalty the gradients include (none: the tutorial's squared error alone). */
  readonly regularization?: Regularization;
  /** @internal The parameters as plain data, for the hot path (sgd.ts). */
  readonly layers: readonly DenseLayer[];
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
    this.sampler = createRandom(rowSamplerSeed(this.seed));
    if (options.inputs) {
      if (options.weights) throw new RangeError('start weights/bias are for the raw features and cannot be combined with derived inputs');
      this.derivation = InputDerivation.fromText(inputSize, options.inputs);
    }
    if (options.regularization) {
      const { kind, rate } = options.regularization;
      if ((kind !== 'L1' && kind !== 'L2') || !(rate >= 0 && Number.isFinite(rate))) throw new RangeError(`regularization must be L1 or L2 with a rate ≥ 0, got ${kind} ${rate}`);
      this.regularization = { kind, rate };
    }
    this.inputBuffer = new Float64Array(this.rowStride);

    const sizes = [this.rowStride, ...hiddenLayers, 1];
    const hidden = activationByName(this.activation);
    const outputActivation = activationByName(this.output);
    this.layers = sizes.slice(1).map((units, l) =>
      createLayer(sizes[l], units, l === sizes.length - 2 ? outputActivation : hidden));
    this.initialize(createRandom(this.seed), options);
  }

  /** Rebuilds a network exactly: predictions are bit-identical to the snapshotted one. */
  static fromSnapshot(snapshot: ModelSnapshot): NeuralNetwork {
    const network = new NeuralNetwork({
      learningRate: snapshot.learningRate, seed: snapshot.seed, inputSize: snapshot.inputSize,
      hiddenLayers: snapshot.hiddenLayers, activation: snapshot.activation, output: snapshot.output,
      ...(snapshot.inputs ? { inputs: snapshot.inputs } : {}),
      ...(snapshot.regularization ? { regularization: snapshot.regularization } : {}),
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
      const scale = layer.activation.initGain / Math.sqrt(layer.inputSize);
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

  /** @internal Layer `l`'s outputs from the last forward pass (predict): a view, valid until the next pass. */
  layerOutputs(l: number): Float64Array {
    return this.layers[l].outputs;
  }

  /** Rows packed for the hot path, derived once: `rowStride` numbers per row. */
  packRows(inputs: readonly (readonly number[])[], targets: readonly number[]): PackedRows {
    return packRows(inputs, targets, this.inputSize, this.derivation);
  }

  private get outputLayer(): DenseLayer {
    return this.layers[this.layers.length - 1];
  }

  predict(input: readonly number[]): number {
    return forward(this.layers, this.loadInput(input), 0);
  }

  computeGradients(input: readonly number[], target: number): Gradients {
    forward(this.layers, this.loadInput(input), 0);
    backward(this.layers, target);
    // derror_dweights = derror_dlayer · input, derror_dbias = derror_dlayer · 1, per unit; with a
    // penalty, each weight's gradient also has d penalty / d weight (training's step, batch of one).
    const penalty = this.regularization;
    const layers = this.layers.map((layer, l) => {
      const source = l === 0 ? this.inputBuffer : this.layers[l - 1].outputs;
      const weights = Array.from(layer.deltas, (delta, u) => Array.from(source, (x, i) =>
        (penalty ? delta * x + penaltySlope(penalty, layer.weights[u * layer.inputSize + i]) : delta * x)));
      return { weights, biases: Array.from(layer.deltas) };
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

  /** One stochastic-gradient-descent step on one row: the fused step train runs (with the penalty,
   *  if any), so bit-identical to computeGradients followed by updateParameters. */
  trainStep(input: readonly number[], target: number): void {
    if (this.regularization) penalizedFusedStep(this.layers, this.loadInput(input), 0, target, this.learningRate, this.regularization);
    else fusedStep(this.layers, this.loadInput(input), 0, target, this.learningRate);
  }

  /** rate · Σ w² (L2) or rate · Σ |w| (L1) over every weight; 0 without regularization. */
  penalty(): number {
    return this.regularization ? penaltyOf(this.layers, this.regularization) : 0;
  }

  /** The tutorial's train loop; returns the cumulative error recorded every errorInterval. A run
   *  that diverges (a parameter or the error not finite) ends there, with what was recorded. */
  train(inputs: number[][], targets: number[], iterations: number, options: { errorInterval?: number } = {}): number[] {
    const trainer = createTrainer(this, inputs, targets, { iterations, errorInterval: options.errorInterval ?? 100 });
    return trainer.run(iterations).errors.map(([, error]) => error);
  }

  /** Σ (prediction − target)² over the rows, the tutorial's cumulative_error. */
  cumulativeError(inputs: number[][], targets: number[]): number {
    return sumSquaredError(this.layers, this.packRows(inputs, targets), this.rowStride);
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
      ...(this.regularization ? { regularization: { ...this.regularization } } : {}),
    };
  }

  hasFiniteParameters(): boolean {
    for (const layer of this.layers) {
      if (!allFinite(layer.weights) || !allFinite(layer.biases)) return false;
    }
    return true;
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

function checkShape(layers: readonly DenseLayer[], given: LayerParameters[], what: string): void {
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
