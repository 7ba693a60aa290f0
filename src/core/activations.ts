// The activation functions, as one record (TensorFlow Playground's Activations): every list of
// names, every type and every guard the extension uses is derived from it, and a test holds the
// manifest's and the schemas' enums to it. Adding one is an entry here plus its derivative test;
// the compiler then points at the exports, which need its Python spelling.

/** One activation: the function, its derivative, and what the rest of the lab needs to know. */
interface ActivationEntry {
  fn(x: number): number;
  /** d fn / dx at the pre-activation x (what the tutorial's sigmoid_deriv takes). */
  derivative(x: number): number;
  /**
   * The same derivative written in terms of the output y = fn(x). Training already holds y, so
   * this saves recomputing exp() per unit; it is bit-identical to derivative(x) for every pair.
   */
  derivativeFromOutput(y: number): number;
  /** Offered for the hidden layers ("activation") and/or the output unit ("output"). */
  readonly hidden: boolean;
  readonly output: boolean;
  /** [lowest, highest] output (either may be infinite): colour scales map it onto theirs. */
  readonly range: readonly [number, number];
  /** Start weights of a deeper net are scaled by gain / √inputs (He's √2 for relu's half-zero outputs). */
  readonly initGain: number;
}

/** The tutorial's np.dot for two vectors: multiply element by element, sum left to right. */
export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new RangeError(`dot: vectors of different lengths (${a.length} and ${b.length})`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * 1 / (1 + e^-x). For negative x it is written e^x / (1 + e^x): same value, but exp never sees a
 * large positive argument, and tiny outputs (x ≪ 0) keep their relative precision.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The tutorial's sigmoid_deriv: sigmoid(x) * (1 - sigmoid(x)), taking the pre-activation x. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

export const ACTIVATIONS = {
  sigmoid: {
    fn: sigmoid,
    derivative: sigmoidDerivative,
    derivativeFromOutput: (y: number) => y * (1 - y),
    hidden: true, output: true, range: [0, 1], initGain: 1,
  },
  // At exactly 0 the kink has no derivative; 0 is the usual choice (the unit counts as off).
  relu: {
    fn: (x: number) => (x > 0 ? x : 0),
    derivative: (x: number) => (x > 0 ? 1 : 0),
    derivativeFromOutput: (y: number) => (y > 0 ? 1 : 0),
    hidden: true, output: false, range: [0, Infinity], initGain: Math.SQRT2,
  },
  tanh: {
    fn: Math.tanh,
    derivative: (x: number) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
    derivativeFromOutput: (y: number) => 1 - y * y,
    hidden: true, output: false, range: [-1, 1], initGain: 1,
  },
  /** The regression output: the prediction is the weighted sum itself. */
  linear: {
    fn: (x: number) => x,
    derivative: () => 1,
    derivativeFromOutput: () => 1,
    hidden: false, output: true, range: [-Infinity, Infinity], initGain: 1,
  },
} as const satisfies Record<string, ActivationEntry>;

export type ActivationName = keyof typeof ACTIVATIONS;
type NamesWhere<Role extends 'hidden' | 'output'> = {
  [Name in ActivationName]: (typeof ACTIVATIONS)[Name][Role] extends true ? Name : never;
}[ActivationName];
/** What `network.activation` may name: the hidden layers' function. */
export type HiddenActivation = NamesWhere<'hidden'>;
/** What `network.output` may name: sigmoid reads as a class probability (the tutorial), linear is regression. */
export type OutputKind = NamesWhere<'output'>;

export interface Activation extends ActivationEntry {
  readonly name: ActivationName;
}

const NAMES = Object.keys(ACTIVATIONS) as ActivationName[];
export const HIDDEN_ACTIVATION_NAMES: readonly HiddenActivation[] = NAMES.filter((name): name is HiddenActivation => ACTIVATIONS[name].hidden);
export const OUTPUT_KIND_NAMES: readonly OutputKind[] = NAMES.filter((name): name is OutputKind => ACTIVATIONS[name].output);

export const isHiddenActivation = (value: unknown): value is HiddenActivation =>
  (HIDDEN_ACTIVATION_NAMES as readonly unknown[]).includes(value);
export const isOutputKind = (value: unknown): value is OutputKind => (OUTPUT_KIND_NAMES as readonly unknown[]).includes(value);

/** Each entry with its name, made once: the hot path calls through these very objects. */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze(
  Object.fromEntries(NAMES.map((name) => [name, Object.freeze({ name, ...ACTIVATIONS[name] })])) as Record<ActivationName, Activation>,
);

export function activationByName(name: ActivationName): Activation {
  const activation = Object.hasOwn(activations, name) ? activations[name] : undefined;
  if (!activation) throw new RangeError(`unknown activation "${String(name)}"`);
  return activation;
}
