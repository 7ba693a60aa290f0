// Which settings a run uses: the panel's fields beat the file's `network` block, which beats
// the user's `neuralNetworkLab.*` settings. Pure, so it is unit-tested without VS Code.
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
  const integer = (value: unknown, fallback: number, max = 1e9) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
  const seed = read('seed');
  const layers = read('hiddenLayers');
  const activation = read('activation');
  return {
    learningRate: positive(read('learningRate'), BUILT_IN_DEFAULTS.learningRate),
    iterations: integer(read('iterations'), BUILT_IN_DEFAULTS.iterations),
    errorInterval: integer(read('errorInterval'), BUILT_IN_DEFAULTS.errorInterval),
    seed: typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? seed : null,
    hiddenLayers:
      Array.isArray(layers) && layers.length <= 8 && layers.every((width) => Number.isInteger(width) && width >= 1 && width <= 256)
        ? (layers as number[])
        : BUILT_IN_DEFAULTS.hiddenLayers,
    activation: activation === 'relu' || activation === 'tanh' || activation === 'sigmoid' ? activation : BUILT_IN_DEFAULTS.activation,
  };
}
