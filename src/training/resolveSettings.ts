// Which settings a run uses: the panel's fields beat the file's `network` block, which beats
// the user's `neuralNetworkLab.*` settings. Pure, so it is unit-tested without VS Code.
import { isHiddenActivation } from '../core/activations';
import { isErrorInterval, isHiddenLayerList, isIterationCount, isSeed } from '../core/limits';
import type { DatasetNetworkSettings } from '../dataset';
import type { TrainingSettings } from '../protocol';

export interface UserDefaults {
  learningRate: number;
  iterations: number;
  errorInterval: number;
  seed: number | null;
  hiddenLayers: number[];
  activation: TrainingSettings['activation'];
}

export const BUILT_IN_DEFAULTS: UserDefaults = {
  learningRate: 0.1,
  iterations: 10000,
  errorInterval: 100,
  seed: null,
  hiddenLayers: [],
  activation: 'sigmoid',
};

export function resolveSettings(
  user: UserDefaults,
  file: DatasetNetworkSettings,
  overrides: { learningRate?: number; iterations?: number; hiddenLayers?: number[]; activation?: TrainingSettings['activation'] },
  pickSeed: () => number,
): TrainingSettings {
  return {
    learningRate: overrides.learningRate ?? file.learningRate ?? user.learningRate,
    iterations: overrides.iterations ?? file.iterations ?? user.iterations,
    errorInterval: file.errorInterval ?? user.errorInterval,
    seed: file.seed ?? user.seed ?? pickSeed(),
    hiddenLayers: overrides.hiddenLayers ?? file.hiddenLayers ?? user.hiddenLayers,
    activation: overrides.activation ?? file.activation ?? user.activation,
    output: file.output ?? 'sigmoid',
    ...(file.inputs ? { inputs: file.inputs } : {}),
    ...(file.regularization ? { regularization: file.regularization } : {}),
    ...(file.batchSize !== undefined && file.batchSize !== 1 ? { batchSize: file.batchSize } : {}),
  };
}

/** Reads a settings object defensively: a hand-edited settings.json can hold anything. */
export function sanitizeUserDefaults(read: (key: keyof UserDefaults) => unknown): UserDefaults {
  const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);
  const seed = read('seed');
  const layers = read('hiddenLayers');
  const activation = read('activation');
  const iterations = read('iterations');
  const errorInterval = read('errorInterval');
  return {
    learningRate: positive(read('learningRate'), BUILT_IN_DEFAULTS.learningRate),
    iterations: isIterationCount(iterations) ? iterations : BUILT_IN_DEFAULTS.iterations,
    errorInterval: isErrorInterval(errorInterval) ? errorInterval : BUILT_IN_DEFAULTS.errorInterval,
    seed: isSeed(seed) ? seed : null,
    hiddenLayers: isHiddenLayerList(layers) ? layers : BUILT_IN_DEFAULTS.hiddenLayers,
    activation: isHiddenActivation(activation) ? activation : BUILT_IN_DEFAULTS.activation,
  };
}
