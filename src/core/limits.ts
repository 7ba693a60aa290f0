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
  maxSeed: 2 ** 32 - 1,
  maxBatchSize: 100_000,
  /** A penalty rate above this swamps the error term; allowed, with a warning. */
  regularizationRateWarnAbove: 1,
} as const;

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
