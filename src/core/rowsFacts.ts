// What the rows themselves say about one neuron, whatever the training did: can one straight
// boundary split them, how many rows the best straight line gets right, the lowest summed error a
// single sigmoid neuron can reach, and the error of a constant answer (the mean target for every row).
import { bestSingleNeuron } from './bestNeuron';
import { bestLineAccuracy, linearSeparability, type Separability } from './separability';

export interface RowsFacts {
  rows: number;
  separability: Separability;
  /** The most rows one straight line classifies right (two features, up to BEST_LINE_MAX_ROWS rows). */
  bestLine?: { right: number; all: number };
  /** The lowest summed error one sigmoid neuron reaches, and the range of its answers (when not separable and small enough). */
  bestNeuron?: { error: number; lowest: number; highest: number };
  /** Answering the mean target for every row: Σ (target − mean)². */
  constant: { answer: number; error: number };
}

export function rowsFacts(inputs: readonly (readonly number[])[], targets: readonly number[]): RowsFacts {
  const separability = linearSeparability(inputs, targets);
  const mean = targets.reduce((sum, target) => sum + target, 0) / targets.length;
  const separable = separability.separable === true;
  const best = separable ? undefined : bestSingleNeuron(inputs, targets);
  return {
    rows: inputs.length,
    separability,
    bestLine: separable ? { right: inputs.length, all: inputs.length } : bestLineAccuracy(inputs, targets),
    bestNeuron: best && { error: best.error, lowest: Math.min(...best.predictions), highest: Math.max(...best.predictions) },
    constant: { answer: mean, error: targets.reduce((sum, target) => sum + (target - mean) ** 2, 0) },
  };
}
