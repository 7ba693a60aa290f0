// A small seeded pseudo-random generator, so every run can be replayed from its seed.
// sfc32 (Chris Doty-Humphrey's "small fast counting" generator) on four 32-bit words:
// fast in JavaScript (only 32-bit integer ops), passes PractRand, and — unlike Math.random —
// gives the same sequence for the same seed on every engine.

export interface Random {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal (mean 0, variance 1), like NumPy's np.random.randn(). */
  gaussian(): number;
  /** Uniform integer in [0, n), like np.random.randint(n). */
  randomInt(n: number): number;
  /** The generator's whole state (four 32-bit words): restore() continues the sequence from here. */
  state(): [number, number, number, number];
  restore(state: readonly number[]): void;
}

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads a (possibly small or sequential) seed over all bits of the state. */
function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeds are unsigned 32-bit integers; anything else is folded into that range. */
export function normalizeSeed(seed: number): number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${seed}`);
  }
  const integer = Math.trunc(seed);
  // Fold larger integers so that e.g. 2**32 + 1 and 1 stay different seeds.
  const high = Math.floor(integer / TWO_POW_32);
  return ((integer >>> 0) ^ Math.imul(high | 0, 0x9e3779b1)) >>> 0;
}

/**
 * The seed of a network's row sampler, derived from the network's seed so the rows it draws do
 * not follow its start values. Exported so replays outside the core (the Python exports) seed
 * the same generator.
 */
export function rowSamplerSeed(seed: number): number {
  return normalizeSeed(normalizeSeed(seed) ^ 0x5bd1e995);
}

export function createRandom(seed: number): Random {
  return new Sfc32(seed);
}

/**
 * A class rather than closures: training draws a row every step, and V8 inlines these methods
 * into the training loop and keeps the four words in the object (the closures' shared context
 * measured about a fifth slower on the tutorial's net).
 */
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(normalizeSeed(seed));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32's authors recommend it so nearby seeds decorrelate fully.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  // Box–Muller. Only the cosine branch is used, so the generator has no hidden cached value
  // and its whole state is the four words above.
  gaussian(): number {
    const u1 = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  randomInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  restore(state: readonly number[]): void {
    if (state.length !== 4 || !state.every((word) => Number.isInteger(word))) throw new RangeError('a generator state is four 32-bit integers');
    [this.a, this.b, this.c, this.d] = state.map((word) => word | 0);
  }
}

let seedsHandedOut = 0;

/**
 * A seed for a network created without one: varied between calls and sessions, yet never from
 * Math.random, so it can be reported and the run replayed. The clock alone would repeat when two
 * networks are created in the same millisecond, hence the counter.
 */
export function chooseSeed(): number {
  seedsHandedOut++;
  const mix = splitmix32((Date.now() ^ Math.imul(seedsHandedOut, 0x27d4eb2d)) >>> 0);
  return mix();
}
