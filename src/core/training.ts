// Stochastic gradient descent as resumable chunks, for the worker: run(maxSteps) does at most that
// many iterations and returns the errors recorded meanwhile. The loop is network.train's, step for
// step (same generator, same arithmetic), so any chunking gives bit-identical results to one call.

import type { InputDerivation } from './features';
import type { NeuralNetwork } from './network';
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

  let iteration = 0;
  let diverged = false;

  function run(maxSteps: number): TrainerChunk {
    const errors: ErrorPoint[] = [];
    const testErrors: ErrorPoint[] = [];
    const end = Math.min(iterations, iteration + Math.max(0, Math.floor(maxSteps)));
    while (!diverged && iteration < end) {
      const row = network.sampler.randomInt(train.count);
      const prediction = network.stepAt(train.inputs, row * stride, train.targets[row]);
      // A NaN or infinite prediction is the cheap per-step sign (x − x is 0 only for finite x).
      // Infinite parameters behind a saturated sigmoid still predict 0 or 1, so parameters are
      // also checked at record points and at the end of the chunk.
      if (prediction - prediction !== 0) diverged = true;
      if (iteration % errorInterval === 0) {
        const error = network.sumSquaredError(train);
        errors.push([iteration, error]);
        if (test) testErrors.push([iteration, network.sumSquaredError(test)]);
        if (!Number.isFinite(error) || !network.hasFiniteParameters()) diverged = true;
      }
      iteration++;
    }
    if (!diverged && !network.hasFiniteParameters()) diverged = true;
    return { iteration, errors, testErrors, done: diverged || iteration >= iterations, diverged };
  }

  return {
    run,
    get iteration() { return iteration; },
    get iterations() { return iterations; },
    get done() { return diverged || iteration >= iterations; },
    get diverged() { return diverged; },
  };
}

/** Rows and targets packed once for the hot path. */
export interface PackedRows {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
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
