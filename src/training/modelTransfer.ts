// The trained model as the worker hands it to the host: each layer's weights as one row-major
// Float64Array. Structured clone copies a typed array in one piece, but reads a nested number[][]
// value by value: for 4,000 inputs into [256 × 8] (1,485,057 numbers) that took the host 340 ms,
// a freeze at the end of every such run; packed, about 25 ms, and unpacking 15 ms more.
import type { DenseLayer } from '../core/sgd';
import type { LayerParameters, ModelSnapshot } from '../core/types';

export interface PackedLayer {
  units: number;
  inputSize: number;
  /** Row-major: weights[unit * inputSize + input]. */
  weights: Float64Array;
  biases: Float64Array;
}

export type PackedModel = Omit<ModelSnapshot, 'layers'> & { layers: PackedLayer[] };

/** `snapshot` gives everything but the numbers, which are copied from the network's own arrays. */
export function packModel(snapshot: Omit<ModelSnapshot, 'layers'>, layers: readonly Pick<DenseLayer, 'units' | 'inputSize' | 'weights' | 'biases'>[]): PackedModel {
  const { layers: _unused, ...rest } = snapshot as ModelSnapshot;
  return {
    ...rest,
    layers: layers.map((layer) => ({ units: layer.units, inputSize: layer.inputSize, weights: layer.weights.slice(), biases: layer.biases.slice() })),
  };
}

/** An indexed loop: several times faster than Array.from on a large typed array. */
function toArray(values: Float64Array, start: number, end: number): number[] {
  const result = new Array<number>(end - start);
  for (let index = start; index < end; index++) result[index - start] = values[index]!;
  return result;
}

export function unpackModel(packed: PackedModel): ModelSnapshot {
  const layers: LayerParameters[] = packed.layers.map((layer) => {
    const weights: number[][] = new Array(layer.units);
    for (let unit = 0; unit < layer.units; unit++) weights[unit] = toArray(layer.weights, unit * layer.inputSize, (unit + 1) * layer.inputSize);
    return { weights, biases: toArray(layer.biases, 0, layer.biases.length) };
  });
  return { ...packed, layers };
}
