// The lab's generator in Python (LabRandom, written into every export) must give the core's
// sequence exactly, for any seed: it is what makes an exported train() pick the lab's rows.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createRandom, NeuralNetwork } from '../../src/core/index';
import { LAB_RANDOM_CLASS, rowSeedOf } from '../../src/export/index';
import { runPython } from './export-helpers';

const DRAWS = 40;
/** Row counts for randint, from 1 to past 2**31 (where float rounding of n would show). */
const SIZES = [1, 2, 3, 7, 8, 1000, 2 ** 31 + 3];

function pythonSequences(seeds: readonly number[]): { uint32: number[]; randint: number[] }[] {
  const program = `import json
${LAB_RANDOM_CLASS}


results = []
for seed in ${JSON.stringify(seeds)}:
    uint32 = LabRandom(seed)
    rows = LabRandom(seed)
    results.append({"uint32": [uint32.next_uint32() for _ in range(${DRAWS})],
                    "randint": [rows.randint(n) for _ in range(${DRAWS / SIZES.length | 0}) for n in ${JSON.stringify(SIZES)}]})
print(json.dumps(results))
`;
  return JSON.parse(runPython(program)) as { uint32: number[]; randint: number[] }[];
}

function coreSequences(seed: number): { uint32: number[]; randint: number[] } {
  const uint32 = createRandom(seed);
  const rows = createRandom(seed);
  const randint: number[] = [];
  for (let i = 0; i < (DRAWS / SIZES.length | 0); i++) for (const n of SIZES) randint.push(rows.randomInt(n));
  return { uint32: Array.from({ length: DRAWS }, () => uint32.next() * 2 ** 32), randint };
}

describe('export: the lab\'s generator in Python (LabRandom)', function () {
  this.timeout(60_000);

  it('draws the core\'s sequence for any 32-bit seed, edge seeds included', () => {
    const seeds = [
      0, 1, 42, 0x7fffffff, 0x80000000, 0xffffffff,
      ...fc.sample(fc.integer({ min: 0, max: 0xffffffff }), { numRuns: 30, seed: 15 }),
    ];
    const python = pythonSequences(seeds);
    seeds.forEach((seed, i) => {
      assert.deepStrictEqual(python[i], coreSequences(seed), `seed ${seed}`);
    });
  });

  it('is seeded like the core\'s row sampler: the rows a network draws in train()', () => {
    for (const seed of [0, 42, 0xdeadbeef, 0xffffffff]) {
      const network = new NeuralNetwork({ learningRate: 0.1, seed });
      const sampler = createRandom(rowSeedOf(seed));
      const drawn = Array.from({ length: 50 }, () => network.sampler.randomInt(8));
      assert.deepStrictEqual(Array.from({ length: 50 }, () => sampler.randomInt(8)), drawn, `seed ${seed}`);
      assert.ok(Number.isInteger(rowSeedOf(seed)) && rowSeedOf(seed) >= 0 && rowSeedOf(seed) <= 0xffffffff);
    }
  });
});
