// Stochastic gradient descent as resumable chunks: run(maxSteps) does at most that many iterations
// and returns the errors recorded meanwhile. network.train is one run of it and the worker runs it
// in chunks; every step is the same fused step on the same generator's rows, so any chunking gives
// bit-identical results to one call.

import type { InputDerivation } from './features';
import type { NeuralNetwork } from './network';
import { fusedStep, penalizedFusedStep, sumSquaredError, type PackedRows } from './sgd';
import { BatchPicker, batchStep, createGradientSums } from './regularization';
import type { ErrorPoint, TrainerChunk, TrainerOptions } from './types';

export interface Trainer {
  run(maxSteps: number): TrainerChunk;
  /** Iterations completed so far. */
  readonly iteration: number;
  /** Iterations asked for. */
  readonly iterations: number;
  readonly done: boolean;
  readonly diverged: boolean;
}

export function createTrainer(network: NeuralNetwork, inputs: number[][], targets: number[], options: TrainerOptions): Trainer {
  const { iterations, errorInterval } = options;
  if (!Number.isInteger(iterations) || iterations < 0) throw new RangeError(`iterations must be a non-negative integer, got ${iterations}`);
  if (!Number.isInteger(errorInterval) || errorInterval < 1) throw new RangeError(`errorInterval must be a positive integer, got ${errorInterval}`);
  const train = network.packRows(inputs, targets);
  if (train.count === 0) throw new RangeError('no training rows');
  const test: PackedRows | undefined = options.testInputs && options.testInputs.length > 0
    ? network.packRows(options.testInputs, options.testTargets ?? [])
    : undefined;
  const stride = network.rowStride;
  const batchSize = options.batchSize ?? 1;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const regularization = network.regularization;

  let iteration = 0;
  let diverged = false;

  // A batch of one is SGD on the fused step: the tutorial's (run, below), or with a weight penalty
  // its penalised twin (runPenalized); both pick rows as the tutorial does. Larger batches run the
  // batch step (regularization.ts), one step per iteration.
  if (batchSize > 1) return batchTrainer();

  function batchTrainer(): Trainer {
    const picker = new BatchPicker(train.count, batchSize, (n) => network.sampler.randomInt(n));
    const sums = createGradientSums(network.layers);
    const record = (step: number, chunk: TrainerChunk): boolean => {
      const error = sumSquaredError(network.layers, train, stride);
      chunk.errors.push([step, error]);
      if (test) chunk.testErrors.push([step, sumSquaredError(network.layers, test, stride)]);
      if (regularization) chunk.penalizedErrors!.push([step, error + train.count * network.penalty()]);
      return !Number.isFinite(error) || !network.hasFiniteParameters();
    };
    const runBatches = (maxSteps: number): TrainerChunk => {
      const chunk: TrainerChunk = { iteration, errors: [], testErrors: [], done: false, diverged: false };
      if (regularization) chunk.penalizedErrors = [];
      const end = Math.min(iterations, iteration + Math.max(0, Math.floor(maxSteps)));
      while (!diverged && iteration < end) {
        picker.next();
        batchStep(network.layers, sums, train.inputs, stride, train.targets, picker.picks, picker.batch, network.learningRate, regularization);
        if (iteration % errorInterval === 0 && record(iteration, chunk)) diverged = true;
        iteration++;
      }
      if (!diverged && !network.hasFiniteParameters()) diverged = true;
      return { ...chunk, iteration, done: diverged || iteration >= iterations, diverged };
    };
    return {
      run: runBatches,
      get iteration() { return iteration; },
      get iterations() { return iterations; },
      get done() { return diverged || iteration >= iterations; },
      get diverged() { return diverged; },
    };
  }

  function run(maxSteps: number): TrainerChunk {
    const errors: ErrorPoint[] = [];
    const testErrors: ErrorPoint[] = [];
    const end = Math.min(iterations, iteration + Math.max(0, Math.floor(maxSteps)));
    const { layers, sampler, learningRate } = network;
    const { inputs, targets, count } = train;
    // The loop keeps its counters in locals (written back below): V8 keeps them in registers,
    // where the closure's variables would be loaded and stored every step.
    let step = iteration;
    let stop = diverged;
    // Steps until the next record (0: this one), counted down rather than step % errorInterval,
    // whose integer division would cost the tutorial's net a tenth of its speed.
    let untilRecord = (errorInterval - (step % errorInterval)) % errorInterval;
    while (!stop && step < end) {
      const row = sampler.randomInt(count);
      const prediction = fusedStep(layers, inputs, row * stride, targets[row], learningRate);
      // A NaN or infinite prediction is the cheap per-step sign (x − x is 0 only for finite x).
      // Infinite parameters behind a saturated sigmoid still predict 0 or 1, so parameters are
      // also checked at record points and at the end of the chunk.
      if (prediction - prediction !== 0) stop = true;
      if (untilRecord === 0) {
        const error = sumSquaredError(layers, train, stride);
        errors.push([step, error]);
        if (test) testErrors.push([step, sumSquaredError(layers, test, stride)]);
        if (!Number.isFinite(error) || !network.hasFiniteParameters()) stop = true;
        untilRecord = errorInterval;
      }
      untilRecord--;
      step++;
    }
    iteration = step;
    diverged = stop || !network.hasFiniteParameters();
    return { iteration, errors, testErrors, done: diverged || iteration >= iterations, diverged };
  }

  /**
   * run() with the penalty: the same picks, the penalised fused step, and the cumulative error
   * with the penalty recorded beside the one without. A loop of its own, so the tutorial's loop
   * above keeps its one call site (and its speed).
   */
  function runPenalized(maxSteps: number): TrainerChunk {
    const errors: ErrorPoint[] = [];
    const testErrors: ErrorPoint[] = [];
    const penalizedErrors: ErrorPoint[] = [];
    const end = Math.min(iterations, iteration + Math.max(0, Math.floor(maxSteps)));
    const { layers, sampler, learningRate } = network;
    const { inputs, targets, count } = train;
    const penalty = regularization!;
    let step = iteration;
    let stop = diverged;
    let untilRecord = (errorInterval - (step % errorInterval)) % errorInterval;
    while (!stop && step < end) {
      const row = sampler.randomInt(count);
      const prediction = penalizedFusedStep(layers, inputs, row * stride, targets[row], learningRate, penalty);
      if (prediction - prediction !== 0) stop = true;
      if (untilRecord === 0) {
        const error = sumSquaredError(layers, train, stride);
        errors.push([step, error]);
        if (test) testErrors.push([step, sumSquaredError(layers, test, stride)]);
        penalizedErrors.push([step, error + count * network.penalty()]);
        if (!Number.isFinite(error) || !network.hasFiniteParameters()) stop = true;
        untilRecord = errorInterval;
      }
      untilRecord--;
      step++;
    }
    iteration = step;
    diverged = stop || !network.hasFiniteParameters();
    return { iteration, errors, testErrors, penalizedErrors, done: diverged || iteration >= iterations, diverged };
  }

  return {
    run: regularization ? runPenalized : run,
    get iteration() { return iteration; },
    get iterations() { return iterations; },
    get done() { return diverged || iteration >= iterations; },
    get diverged() { return diverged; },
  };
}

/** Validates rows against the network's input size and packs them for the hot path, derived once when the network derives its inputs. */
export function packRows(inputs: readonly (readonly number[])[], targets: readonly number[], inputSize: number, derivation?: InputDerivation): PackedRows {
  if (inputs.length !== targets.length) throw new RangeError(`${inputs.length} input rows but ${targets.length} targets`);
  const stride = derivation?.size ?? inputSize;
  const packed = new Float64Array(inputs.length * stride);
  inputs.forEach((row, r) => {
    if (row.length !== inputSize) throw new RangeError(`row ${r} has ${row.length} inputs, expected ${inputSize}`);
    if (derivation) derivation.deriveInto(row, 0, packed, r * stride);
    else packed.set(row, r * inputSize);
  });
  return { inputs: packed, targets: Float64Array.from(targets), count: inputs.length };
}
