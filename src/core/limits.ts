// The limits of a network and its training, stated once. The dataset parser, the settings, the
// webview's fields and the host's check of webview messages import them; a test holds the
// manifest's settings and both JSON schemas to them.

export const NETWORK_LIMITS = {
  maxHiddenLayers: 8,
  maxUnitsPerLayer: 256,
  /** Above this gradient descent almost always overshoots; allowed, with a warning. */
  learningRateWarnAbove: 10,
  maxIterations: 1e9,
  /** Above this a run takes minutes; allowed, with a warning. */
  iterationsWarnAbove: 1e8,
  maxErrorInterval: 1e9,
  /** Recording the error more often than this per run only slows training (the chart thins it); allowed, with a warning. */
  recordedErrorsWarnAbove: 1_000_000,
  /** A recorded series is reduced to about this many points in the suggestion the warning makes. */
  recordedErrorsSuggested: 10_000,
  /** Weights and biases of the largest network that trains: 8 bytes each (32 MB), and copies of them while training. */
  maxNetworkValues: 4_000_000,
  maxSeed: 2 ** 32 - 1,
  maxBatchSize: 100_000,
  /** A penalty rate above this swamps the error term; allowed, with a warning. */
  regularizationRateWarnAbove: 1,
} as const;

/** Weights and biases of a dense network: (inputs + 1) per unit of each layer, then the one output unit. */
export function networkValueCount(inputSize: number, hiddenLayers: readonly number[]): number {
  let count = 0;
  let inputs = inputSize;
  for (const units of [...hiddenLayers, 1]) {
    count += units * (inputs + 1);
    inputs = units;
  }
  return count;
}

/** Why a network this size is not trained, or undefined when it fits NETWORK_LIMITS.maxNetworkValues. */
export function networkTooLarge(inputSize: number, hiddenLayers: readonly number[]): string | undefined {
  const count = networkValueCount(inputSize, hiddenLayers);
  if (count <= NETWORK_LIMITS.maxNetworkValues) return undefined;
  return (
    `With ${inputSize.toLocaleString('en-US')} inputs and hidden layers [${hiddenLayers.join(', ')}] the network has ${count.toLocaleString('en-US')} weights and biases ` +
    `(${Math.round((count * 8) / 1e6).toLocaleString('en-US')} MB); at most ${NETWORK_LIMITS.maxNetworkValues.toLocaleString('en-US')} can be trained here. Use fewer or narrower hidden layers, or fewer inputs`
  );
}

const isIntegerIn = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

/** A hidden layer's width. */
export const isUnitCount = (value: unknown): value is number => isIntegerIn(value, 1, NETWORK_LIMITS.maxUnitsPerLayer);
/** `hiddenLayers`: at most maxHiddenLayers widths ([] is the tutorial's single neuron). */
export const isHiddenLayerList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length <= NETWORK_LIMITS.maxHiddenLayers && value.every(isUnitCount);
export const isIterationCount = (value: unknown): value is number => isIntegerIn(value, 1, NETWORK_LIMITS.maxIterations);
export const isErrorInterval = (value: unknown): value is number => isIntegerIn(value, 1, NETWORK_LIMITS.maxErrorInterval);
export const isSeed = (value: unknown): value is number => isIntegerIn(value, 0, NETWORK_LIMITS.maxSeed);
