// The lab's row sampler in Python, so an exported train() draws the very rows the lab drew. The
// tutorial calls np.random.randint; NumPy's generators are other algorithms, and the lab's seed
// means nothing to them, so the exports carry the lab's own generator instead: sfc32 seeded
// through splitmix32 (src/core/random.ts), written with Python integers masked to 32 bits.

import { rowSamplerSeed } from '../core/random';

/** The class's source at module level. randint(n) follows the core's randomInt(n) step for step. */
export const LAB_RANDOM_CLASS = `class LabRandom:
    """The lab's random generator (sfc32), so that train() picks the rows the lab picked."""

    def __init__(self, seed):
        words = []
        for _ in range(4):  # splitmix32 spreads the seed over the four words of the state
            seed = (seed + 0x9E3779B9) & 0xFFFFFFFF
            z = ((seed ^ (seed >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & 0xFFFFFFFF
            words.append(z ^ (z >> 16))
        self.a, self.b, self.c, self.d = words
        for _ in range(12):  # the lab skips the first outputs, as sfc32's author advises
            self.next_uint32()

    def next_uint32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & 0xFFFFFFFF
        self.a, self.d = b ^ (b >> 9), (d + 1) & 0xFFFFFFFF
        self.b = (c + (c << 3)) & 0xFFFFFFFF
        self.c = (((c << 21) | (c >> 11)) + t) & 0xFFFFFFFF
        return t

    def randint(self, n):
        """A whole number from 0 to n - 1, like np.random.randint(n)."""
        return int(self.next_uint32() / 4294967296 * n)`;

/** The seed the lab's row sampler starts from, for a network seeded with `seed`. */
export function rowSeedOf(seed: number): number {
  return rowSamplerSeed(seed);
}

/** Comment lines that say what the lab's seed is, and what it is not. */
export function seedLines(seed: number, library: 'NumPy' | 'PyTorch'): string[] {
  const call = library === 'NumPy' ? `np.random.seed(${seed})` : `torch.manual_seed(${seed})`;
  return [
    `The lab's run used seed ${seed} of the lab's own generator (sfc32, the LabRandom class below):`,
    `train() draws its rows from it, so it picks the rows the lab picked. ${library}'s generators are`,
    `other algorithms: ${call} would draw other numbers.`,
  ];
}
