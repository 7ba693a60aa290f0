// A network too large to show weight by weight (4,000 inputs into 256 units is a million weights)
// is sent and shown as a per-layer summary: its shape and the spread of its weights and biases.
// Pure: the worker computes it, the webview shows it.
import type { LayerParameters } from '../core/types';
import type { LayerSummary, ValueSpread } from '../protocol';

/**
 * Networks with more weights and biases than this are summarised: listing them would cost the
 * editor megabytes per update and the panel a table nobody can read. 5,000 numbers are about
 * 100 KB of JSON; the largest hidden layers of the tutorial's examples have a few hundred.
 */
export const FULL_PARAMETERS_MAX_VALUES = 5000;

export function parameterCount(layers: readonly LayerParameters[]): number {
  let count = 0;
  for (const layer of layers) count += layer.biases.length * ((layer.weights[0]?.length ?? 0) + 1);
  return count;
}

/** A layer's numbers as the core keeps them: weights row-major, one row of `inputSize` per unit. */
export interface LayerValues {
  readonly units: number;
  readonly inputSize: number;
  readonly weights: ArrayLike<number>;
  readonly biases: ArrayLike<number>;
}

class SpreadAccumulator {
  private min = Infinity;
  private max = -Infinity;
  private sum = 0;
  private squares = 0;
  private count = 0;

  add(values: ArrayLike<number>): void {
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      this.sum += value;
      this.squares += value * value;
    }
    this.count += values.length;
  }

  result(): ValueSpread {
    const { min, max, sum, squares, count } = this;
    return count === 0 ? { min: 0, max: 0, mean: 0, rms: 0 } : { min, max, mean: sum / count, rms: Math.sqrt(squares / count) };
  }
}

function spreadOf(...parts: ArrayLike<number>[]): ValueSpread {
  const accumulator = new SpreadAccumulator();
  for (const part of parts) accumulator.add(part);
  return accumulator.result();
}

/** From the live layers (the worker reads the network's own arrays: no copy of a million weights). */
export function summarizeLayerValues(layers: readonly LayerValues[]): LayerSummary[] {
  return layers.map((layer) => ({ units: layer.units, inputs: layer.inputSize, weights: spreadOf(layer.weights), biases: spreadOf(layer.biases) }));
}

/** The same from parameters as sent (a row per unit); the sums run in the same order. */
export function summarizeParameters(layers: readonly LayerParameters[]): LayerSummary[] {
  return layers.map((layer) => ({
    units: layer.biases.length,
    inputs: layer.weights[0]?.length ?? 0,
    weights: spreadOf(...layer.weights),
    biases: spreadOf(layer.biases),
  }));
}
