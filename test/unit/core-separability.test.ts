// Linear separability, the best straight line and the best single neuron: decided from the rows
// alone, checked against exact integer arithmetic, certificates and brute force.
import * as assert from 'assert';
import fc from 'fast-check';
import { orientation } from '../../src/core/exactSign';
import { bestLineAccuracy, convexHull, linearSeparability } from '../../src/core/separability';
import { bestSingleNeuron } from '../../src/core/bestNeuron';
import { sigmoid } from '../../src/core/activations';

const TUTORIAL = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];
const XOR = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_TARGETS = [0, 1, 1, 0];

/** Every row on the right side of the certificate boundary (dot + bias > 0 exactly for class 1). */
function classifiesAll(weights: number[], bias: number, inputs: number[][], targets: number[]): boolean {
  return inputs.every((row, i) => (row.reduce((sum, x, j) => sum + x * weights[j], bias) > 0) === targets[i] > 0.5);
}

describe('exact orientation', () => {
  it('agrees with integer arithmetic where the plain floating-point formula does not', () => {
    // Shewchuk's example: points near the line y = x, 2^-53 apart. Scaled by 2^53 every coordinate is an integer.
    const step = 2 ** -53;
    const scale = 2n ** 53n;
    let floatWrong = 0;
    for (let i = 0; i < 128; i++) {
      for (let j = 0; j < 128; j++) {
        const [ax, ay] = [0.5 + i * step, 0.5 + j * step];
        const [A, B] = [BigInt(Math.round(ax / step)), BigInt(Math.round(ay / step))];
        const [C, D, E] = [12n * scale, 12n * scale, 24n * scale];
        const exact = (C - A) * (E - B) - (D - B) * (E - A);
        const expected = exact > 0n ? 1 : exact < 0n ? -1 : 0;
        assert.equal(orientation(ax, ay, 12, 12, 24, 24), expected, `i=${i} j=${j}`);
        const naive = Math.sign((12 - ax) * (24 - ay) - (12 - ay) * (24 - ax));
        if (naive !== expected) floatWrong++;
      }
    }
    assert.ok(floatWrong > 100, `the plain formula gets ${floatWrong} of these wrong, so the test has teeth`);
  });

  it('handles tiny and huge coordinates', () => {
    assert.equal(orientation(0, 0, 5e-324, 0, 0, 5e-324), 1);
    assert.equal(orientation(0, 0, 1e300, 1e300, 2e300, 2e300), 0);
    assert.equal(orientation(0, 0, 1e300, 1e300, 2e300, 2.0000000000000004e300), 1);
  });
});

describe('linearSeparability', () => {
  it("decides the tutorial's eight rows and XOR are not separable, the worked example is", () => {
    assert.deepEqual(linearSeparability(TUTORIAL, TUTORIAL_TARGETS), { separable: false, method: 'exact-2d' });
    assert.deepEqual(linearSeparability(XOR, XOR_TARGETS), { separable: false, method: 'exact-2d' });
    const worked = linearSeparability([[1.66, 1.56], [2, 1.5]], [1, 0]);
    assert.equal(worked.separable, true);
    assert.ok(worked.separable === true && classifiesAll(worked.weights!, worked.bias!, [[1.66, 1.56], [2, 1.5]], [1, 0]));
  });

  it('handles one class, one feature, identical rows, collinear rows and a constant feature exactly', () => {
    assert.equal(linearSeparability([[1, 2], [3, 4]], [1, 1]).separable, true);
    assert.deepEqual(linearSeparability([[1], [2], [3]], [0, 1, 0]), { separable: false, method: 'exact-1d' });
    assert.equal(linearSeparability([[1], [2], [3]], [0, 0, 1]).separable, true);
    assert.deepEqual(linearSeparability([[1, 1], [1, 1]], [0, 1]), { separable: false, method: 'identical-inputs' });
    assert.deepEqual(linearSeparability([[1, 1, 1], [1, 1, 1], [0, 0, 0]], [0, 1, 1]), { separable: false, method: 'identical-inputs' });
    // Collinear: 0 0 1 1 on a line is separable, 0 1 0 is not.
    assert.equal(linearSeparability([[0, 0], [1, 1], [2, 2], [3, 3]], [0, 0, 1, 1]).separable, true);
    assert.equal(linearSeparability([[0, 0], [1, 1], [2, 2]], [0, 1, 0]).separable, false);
    assert.deepEqual(linearSeparability([[0, 0], [1, 2], [0, 0]], [0, 1, 1]), { separable: false, method: 'identical-inputs' });
    // XOR with a third feature that never changes is still XOR, decided exactly.
    assert.deepEqual(linearSeparability(XOR.map((row) => [...row, 7]), XOR_TARGETS), { separable: false, method: 'exact-2d' });
    const padded = linearSeparability([[0, 5, 0], [1, 5, 0]], [0, 1]);
    assert.ok(padded.separable === true && padded.weights!.length === 3 && padded.weights![1] === 0);
  });

  it('agrees with the best line for random integer rows: separable exactly when a line gets every row right', () => {
    const row = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }));
    fc.assert(fc.property(fc.array(fc.tuple(row, fc.constantFrom(0, 1)), { minLength: 2, maxLength: 12 }), (rows) => {
      const inputs = rows.map(([point]) => [...point]);
      const targets = rows.map(([, target]) => target);
      const decision = linearSeparability(inputs, targets);
      const best = bestLineAccuracy(inputs, targets)!;
      assert.equal(decision.separable, best.right === best.all, JSON.stringify(rows));
      if (decision.separable === true && decision.weights) assert.ok(classifiesAll(decision.weights, decision.bias!, inputs, targets));
    }), { numRuns: 300 });
  });

  it('finds a separating boundary in 3 and 5 features when one with a margin exists (perceptron)', () => {
    const point = (size: number) => fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: size, maxLength: size });
    for (const size of [3, 5]) {
      const normal = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: size, maxLength: size }).filter((n) => n.some((x) => x !== 0));
      fc.assert(fc.property(normal, fc.array(point(size), { minLength: 2, maxLength: 40 }), fc.double({ min: -2, max: 2, noNaN: true }), (n, points, offset) => {
        const length = Math.hypot(...n);
        const side = (p: number[]) => (p.reduce((sum, x, j) => sum + x * n[j], 0) + offset) / length;
        // Keep the rows at least 0.2 from the plane: separable with that margin.
        const rows = points.filter((p) => Math.abs(side(p)) > 0.2);
        const targets = rows.map((p) => (side(p) > 0 ? 1 : 0));
        const decision = linearSeparability(rows, targets);
        assert.equal(decision.separable, true);
        if (decision.separable === true && decision.weights) assert.ok(classifiesAll(decision.weights, decision.bias!, rows, targets));
      }), { numRuns: 60 });
    }
  });

  it('states a margin bound when the perceptron cannot decide (XOR in a tilted plane)', () => {
    const tilted = XOR.map(([x, y]) => [x, y, x + 2 * y]);
    const decision = linearSeparability(tilted, XOR_TARGETS);
    assert.equal(decision.separable, 'unknown');
    if (decision.separable !== 'unknown') return;
    assert.equal(decision.marginBelow, (2 * decision.radius) / Math.sqrt(decision.updates));
    assert.ok(decision.marginBelow < 0.02 * decision.radius, `bound ${decision.marginBelow} for radius ${decision.radius}`);
  });
});

describe('convexHull', () => {
  it('keeps the corners only, counter-clockwise', () => {
    assert.deepEqual(convexHull([[0, 0], [2, 0], [1, 0], [2, 2], [0, 2], [1, 1], [0, 0]]), [[0, 0], [2, 0], [2, 2], [0, 2]]);
    assert.deepEqual(convexHull([[3, 3], [1, 1], [2, 2]]), [[1, 1], [3, 3]]);
    assert.deepEqual(convexHull([[1, 1], [1, 1]]), [[1, 1]]);
  });
});

describe('bestLineAccuracy', () => {
  it('gets 6 of the tutorial\'s 8 rows and 3 of XOR\'s 4', () => {
    assert.deepEqual(bestLineAccuracy(TUTORIAL, TUTORIAL_TARGETS), { right: 6, all: 8 });
    assert.deepEqual(bestLineAccuracy(XOR, XOR_TARGETS), { right: 3, all: 4 });
    assert.deepEqual(bestLineAccuracy([[0, 0], [1, 1], [2, 2], [3, 3]], [0, 1, 0, 1]), { right: 3, all: 4 });
  });

  it('is never beaten by any of thousands of random lines', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 10 }), fc.integer(), (rows, seed) => {
      const inputs = rows.map(([x, y]) => [x, y]);
      const targets = rows.map(([, , t]) => t);
      const best = bestLineAccuracy(inputs, targets)!;
      let state = seed >>> 0;
      const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      for (let k = 0; k < 2000; k++) {
        const angle = next() * 2 * Math.PI;
        const offset = (next() - 0.5) * 16;
        const right = inputs.filter((row, i) => (Math.cos(angle) * row[0] + Math.sin(angle) * row[1] + offset > 0) === (targets[i] === 1)).length;
        assert.ok(right <= best.right, `a random line gets ${right} > ${best.right}`);
      }
    }), { numRuns: 40 });
  });
});

describe('bestSingleNeuron', () => {
  const sse = (weights: number[], bias: number) => TUTORIAL.reduce((sum, row, i) => sum + (sigmoid(row[0] * weights[0] + row[1] * weights[1] + bias) - TUTORIAL_TARGETS[i]) ** 2, 0);

  it('finds the floor under the tutorial\'s plateau (1.88), no higher than a grid search and where the gradient vanishes', () => {
    const best = bestSingleNeuron(TUTORIAL, TUTORIAL_TARGETS)!;
    assert.ok(Math.abs(best.error - sse(best.weights, best.bias)) < 1e-12);
    let grid = Infinity;
    for (let w1 = -3; w1 <= 3; w1 += 0.1) for (let w2 = -3; w2 <= 3; w2 += 0.1) for (let b = -6; b <= 6; b += 0.2) grid = Math.min(grid, sse([w1, w2], b));
    assert.ok(best.error <= grid, `${best.error} vs grid ${grid}`);
    assert.ok(grid - best.error < 0.02, `the grid is close: ${grid}`);
    assert.equal(best.error.toFixed(2), '1.88');
    const h = 1e-6;
    const slopes = [0, 1, 2].map((k) => {
      const shift = (d: number) => (k < 2 ? sse(best.weights.map((w, j) => (j === k ? w + d : w)), best.bias) : sse(best.weights, best.bias + d));
      return (shift(h) - shift(-h)) / (2 * h);
    });
    assert.ok(slopes.every((slope) => Math.abs(slope) < 1e-5), `gradient ${slopes}`);
  });

  it('reaches almost 0 on separable rows and 1 (all answers 0.5) on XOR', () => {
    assert.ok(bestSingleNeuron([[1.66, 1.56], [2, 1.5]], [1, 0])!.error < 1e-3);
    const xor = bestSingleNeuron(XOR, XOR_TARGETS)!;
    assert.ok(Math.abs(xor.error - 1) < 1e-6, `${xor.error}`);
  });
});
