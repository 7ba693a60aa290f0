// Every activation of the one record: its values and derivative by hand, its derivative against
// central finite differences, the output-side derivative training uses equal to it bit for bit,
// and its outputs inside its stated range. A new entry is tested here as soon as it exists.
import * as assert from 'node:assert/strict';
import { ACTIVATIONS, activationByName, isHiddenActivation, isOutputKind, type ActivationName } from '../../src/core/activations';

/** [x, fn(x), fn'(x)] worked out by hand, for each activation. */
const BY_HAND: Record<ActivationName, [number, number, number][]> = {
  sigmoid: [[0, 0.5, 0.25], [Math.log(3), 0.75, 0.1875]], // 1/(1+1/3) = 3/4; 3/4 · 1/4
  relu: [[2.5, 2.5, 1], [-3, 0, 0], [0, 0, 0]],
  tanh: [[0, 0, 1], [Math.log(2), 0.6, 0.64]], // (4 − 1)/(4 + 1) = 3/5; 1 − 9/25
  linear: [[-7.25, -7.25, 1], [3, 3, 1]],
};

const SAMPLES = [-30, -4.5, -1.3, -0.2, 0.15, 0.7, 2, 5.5, 30];

describe('the activations record', () => {
  for (const [name, entry] of Object.entries(ACTIVATIONS) as [ActivationName, (typeof ACTIVATIONS)[ActivationName]][]) {
    describe(name, () => {
      it('gives the hand-computed values and derivatives', () => {
        for (const [x, value, slope] of BY_HAND[name]) {
          assert.ok(Math.abs(entry.fn(x) - value) < 1e-15, `${name}(${x}) = ${entry.fn(x)}, expected ${value}`);
          assert.ok(Math.abs(entry.derivative(x) - slope) < 1e-15, `${name}'(${x}) = ${entry.derivative(x)}, expected ${slope}`);
        }
      });

      it('has the derivative of its function (central differences), and the same from the output, bit for bit', () => {
        for (const x of SAMPLES) {
          const h = 1e-6 * Math.max(1, Math.abs(x));
          const numeric = (entry.fn(x + h) - entry.fn(x - h)) / (2 * h);
          assert.ok(Math.abs(numeric - entry.derivative(x)) < 1e-6, `${name}'(${x}): ${entry.derivative(x)} vs ${numeric}`);
          assert.equal(entry.derivativeFromOutput(entry.fn(x)), entry.derivative(x), `${name} at ${x}`);
        }
      });

      it('stays in its stated range and has a role', () => {
        const [low, high] = entry.range;
        for (const x of SAMPLES) assert.ok(entry.fn(x) >= low && entry.fn(x) <= high, `${name}(${x}) = ${entry.fn(x)}`);
        assert.ok(entry.hidden || entry.output, 'offered somewhere');
        assert.equal(isHiddenActivation(name), entry.hidden);
        assert.equal(isOutputKind(name), entry.output);
        assert.equal(activationByName(name).name, name);
        assert.ok(entry.initGain > 0);
      });
    });
  }

  it('refuses what it does not know, including the names of Object.prototype', () => {
    for (const value of ['softmax', 'toString', '__proto__', '', 3, undefined, null]) {
      assert.equal(isHiddenActivation(value), false, String(value));
      assert.equal(isOutputKind(value), false, String(value));
    }
    assert.throws(() => activationByName('toString' as ActivationName), RangeError);
  });
});
