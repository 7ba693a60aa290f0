// Check My Code's spec builder and comparer: what each check calls, the values it expects (from the
// core, checked here against the tutorial's printed numbers), what the harness is sent (never an
// expected value), and how a learner's values are compared: tolerance, shapes, and which of the
// tutorial's terms differs first.
import * as assert from 'node:assert/strict';
import { NeuralNetwork } from '../../src/core/index';
import { closeEnough, compareCase, mismatch, RELATIVE_TOLERANCE, squeeze } from '../../src/exercise/compare';
import { EXERCISE_FUNCTION_IDS } from '../../src/exercise/functions';
import type { ObservedCase } from '../../src/exercise/harnessProtocol';
import { buildSpecs, EXERCISE_DATA, harnessCheck, labRowOrder, type CheckCase, type Term } from '../../src/exercise/specs';
import { observedFrom } from './exercise-helpers';

const specs = buildSpecs();
const term = (testCase: CheckCase, name: string): Term => testCase.terms.find((t) => t.name === name)!;
const expectedNumber = (t: Term) => (t.expected.kind === 'value' ? t.expected.value : NaN) as number;

describe('exercise: the spec builder', () => {
  it('has one spec per function of the tutorial, in the tutorial’s order', () => {
    assert.deepEqual(Object.keys(specs), [...EXERCISE_FUNCTION_IDS]);
    assert.deepEqual(EXERCISE_FUNCTION_IDS, ['sigmoid', 'sigmoid_deriv', 'make_prediction', 'NeuralNetwork.__init__', 'NeuralNetwork._sigmoid',
      'NeuralNetwork._sigmoid_deriv', 'NeuralNetwork.predict', 'NeuralNetwork._compute_gradients', 'NeuralNetwork._update_parameters', 'NeuralNetwork.train']);
  });

  it('calls make_prediction with the tutorial’s worked inputs and expects its printed predictions', () => {
    const [first, wrong] = specs.make_prediction.cases;
    assert.equal(first.call, 'make_prediction(np.array([1.66, 1.56]), np.array([1.45, -0.66]), np.array([0]))');
    assert.ok(Math.abs(expectedNumber(term(first, 'returned prediction')) - 0.7985731) < 5e-8);
    assert.ok(Math.abs(expectedNumber(term(wrong, 'returned prediction')) - 0.87101915) < 5e-9);
    assert.ok(Math.abs(expectedNumber(term(wrong, 'layer_1')) - 1.91) < 1e-12);
  });

  it('expects _compute_gradients’ terms as the tutorial names them, in the order it computes them', () => {
    const [wrong] = specs['NeuralNetwork._compute_gradients'].cases;
    assert.deepEqual(wrong.terms.map((t) => t.name), ['layer_1', 'layer_2', 'prediction', 'derror_dprediction', 'dprediction_dlayer1',
      'dlayer1_dbias', 'dlayer1_dweights', 'derror_dbias', 'derror_dweights', 'returned derror_dbias', 'returned derror_dweights']);
    assert.ok(Math.abs(expectedNumber(term(wrong, 'derror_dprediction')) - 1.7420383) < 5e-8);
    const gradients = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 }).computeGradients([2, 1.5], 0);
    assert.equal(expectedNumber(term(wrong, 'returned derror_dbias')), gradients.bias);
    assert.deepEqual((term(wrong, 'returned derror_dweights').expected as { value: number[] }).value, gradients.weights);
    assert.deepEqual(wrong.instance, { weights: { array: [1.45, -0.66] }, bias: { float: 0 }, learning_rate: { float: 0.1 } });
  });

  it('expects _update_parameters to leave the parameters NeuralNetwork.updateParameters leaves', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
    network.updateParameters(network.computeGradients([2, 1.5], 0));
    const [update] = specs['NeuralNetwork._update_parameters'].cases;
    assert.deepEqual(update.terms.map((t) => [t.name, t.expected]), [
      ['self.bias', { kind: 'value', value: network.bias }],
      ['self.weights', { kind: 'value', value: network.weights }],
    ]);
  });

  it('replays train with the lab’s seeded row order and expects the lab’s run, number for number', () => {
    const [train] = specs['NeuralNetwork.train'].cases;
    const { trainSeed, trainIterations, inputVectors, targets } = EXERCISE_DATA;
    const network = new NeuralNetwork({ learningRate: 0.1, seed: trainSeed, weights: [1.45, -0.66], bias: 0 });
    const errors = network.train(inputVectors, targets, trainIterations, { errorInterval: 100 });
    assert.equal(errors.length, 20);
    assert.deepEqual(term(train, 'cumulative_errors').expected, { kind: 'value', value: errors });
    assert.deepEqual(train.replayRandint, { n: 8, rows: labRowOrder(trainSeed, 8, trainIterations) });
    assert.equal(new Set(train.replayRandint!.rows).size, 8, 'every row is picked');
    assert.deepEqual(term(train, 'self.weights').expected, { kind: 'value', value: network.weights });
    assert.deepEqual(train.args[1], { array: targets, dtype: 'int' });
  });

  it('expects __init__ to keep the learning rate and draw two finite weights and a finite bias', () => {
    const [init] = specs['NeuralNetwork.__init__'].cases;
    assert.equal(init.construct, true);
    assert.deepEqual(init.terms.map((t) => [t.name, t.expected]), [
      ['self.weights', { kind: 'finite', length: 2 }], ['self.bias', { kind: 'finite' }], ['self.learning_rate', { kind: 'value', value: 0.1 }],
    ]);
  });

  it('sends the harness the calls only: no expected value reaches Python', () => {
    for (const spec of Object.values(specs)) {
      const sent = JSON.stringify(harnessCheck(spec));
      for (const testCase of spec.cases) {
        for (const t of testCase.terms) {
          if (t.expected.kind !== 'value') continue;
          const values = Array.isArray(t.expected.value) ? t.expected.value : [t.expected.value];
          // The few expected values that are also inputs (dlayer1_dweights is the input vector) are exempt.
          const inputs = JSON.stringify(testCase.args) + JSON.stringify(testCase.instance ?? {});
          for (const v of values) if (!inputs.includes(JSON.stringify(v))) assert.ok(!sent.includes(JSON.stringify(v)), `${spec.id}: ${t.name} = ${v} sent`);
        }
      }
    }
    const check = harnessCheck(specs['NeuralNetwork._compute_gradients']);
    assert.deepEqual(check.cases[0].capture, ['layer_1', 'layer_2', 'prediction', 'derror_dprediction', 'dprediction_dlayer1', 'dlayer1_dbias',
      'dlayer1_dweights', 'derror_dbias', 'derror_dweights']);
    assert.equal(check.className, 'NeuralNetwork');
    assert.equal(check.function, '_compute_gradients');
  });
});

describe('exercise: the comparer', () => {
  it('accepts 1e-9 relative, and no more', () => {
    assert.equal(RELATIVE_TOLERANCE, 1e-9);
    assert.ok(closeEnough(0.8 * (1 + 0.9e-9), 0.8));
    assert.ok(!closeEnough(0.8 * (1 + 1.1e-9), 0.8));
    assert.ok(closeEnough(1e-13, 0), 'an exact zero takes a tiny absolute slack');
    assert.ok(!closeEnough(1e-6, 0));
    assert.ok(closeEnough(-250.5, -250.5 - 1e-7), 'relative to the size of the value');
  });

  it('reads NumPy shapes as NumPy does: np.array([0.79]) is 0.79', () => {
    assert.deepEqual(squeeze([[0.5, 0.25]]), [0.5, 0.25]);
    assert.equal(mismatch({ kind: 'value', value: 0.79 }, [0.79]), undefined);
    assert.equal(mismatch({ kind: 'value', value: [1, 2] }, [[1, 2]]), undefined);
    assert.deepEqual(mismatch({ kind: 'value', value: 0.79 }, [0.79, 0.1]), { reason: 'shape', expected: '0.79', actual: '[0.79, 0.1]' });
    assert.deepEqual(mismatch({ kind: 'value', value: [1, 2] }, [1, 2.5]), { reason: 'value', index: 1, expected: '2', actual: '2.5' });
    // A number where a vector is expected is broadcast, as NumPy would in the update.
    assert.equal(mismatch({ kind: 'value', value: [0.5, 0.5] }, 0.5), undefined);
    assert.deepEqual(mismatch({ kind: 'value', value: [0.5, 0.25] }, 0.5), { reason: 'value', index: 1, expected: '[0.5, 0.25]', actual: '0.5' });
    assert.deepEqual(mismatch({ kind: 'value', value: 1 }, { nonFinite: 'nan' }), { reason: 'notFinite', expected: '1', actual: 'nan' });
    assert.deepEqual(mismatch({ kind: 'value', value: 1 }, { repr: 'None', type: 'NoneType' }), { reason: 'type', expected: '1', actual: 'None' });
    assert.deepEqual(mismatch({ kind: 'value', value: 1 }, undefined), { reason: 'missing', expected: '1', actual: '(not set)' });
    assert.equal(mismatch({ kind: 'finite', length: 2 }, [0.3, -1.2]), undefined);
    assert.equal(mismatch({ kind: 'finite', length: 2 }, [0.3])?.reason, 'shape');
    assert.equal(mismatch({ kind: 'finite' }, { nonFinite: 'inf' })?.reason, 'notFinite');
  });

  it('passes the core’s own values for every check', () => {
    for (const spec of Object.values(specs)) {
      for (const testCase of spec.cases) assert.ok(compareCase(testCase, observedFrom(testCase)).passed, `${spec.id}: ${testCase.call}`);
    }
  });

  it('names the first term that differs, in the tutorial’s order', () => {
    const [wrong] = specs['NeuralNetwork._compute_gradients'].cases;
    const observed = observedFrom(wrong);
    const dp = observed.locals.dprediction_dlayer1 as number;
    observed.locals.dprediction_dlayer1 = dp * 1.5;
    const bias = (observed.returned as number[])[0] as number;
    observed.locals.derror_dbias = bias * 1.5;
    (observed.returned as number[])[0] = bias * 1.5;
    const comparison = compareCase(wrong, observed);
    assert.equal(comparison.passed, false);
    assert.equal(comparison.first?.name, 'dprediction_dlayer1');
    assert.equal(comparison.first?.expected, String(dp));
    assert.equal(comparison.first?.actual, String(dp * 1.5));
    assert.ok(comparison.expectedLines.includes(`dprediction_dlayer1 = ${dp}`));
    assert.ok(comparison.actualLines.includes(`dprediction_dlayer1 = ${dp * 1.5}`));
  });

  it('compares the returned values only where the learner named things differently', () => {
    const [wrong] = specs['NeuralNetwork._compute_gradients'].cases;
    const observed: ObservedCase = { ...observedFrom(wrong), locals: { z: 1, a: 2 } };
    assert.equal(compareCase(wrong, observed).passed, true);
    const returned = observed.returned as number[];
    const broken: ObservedCase = { ...observed, returned: [returned[0], [0, 0]] };
    const comparison = compareCase(wrong, broken);
    assert.equal(comparison.first?.name, 'returned derror_dweights[0]');
    assert.ok(!comparison.expectedLines.some((line) => line.startsWith('layer_1')), 'only comparable terms are shown');
  });

  it('passes right returned values even when a local of the same name holds something else', () => {
    const [first] = specs['NeuralNetwork.predict'].cases;
    const observed = observedFrom(first);
    observed.locals.layer_2 = 123;
    assert.equal(compareCase(first, observed).passed, true);
  });

  it('says which element of cumulative_errors differs first, one line an element', () => {
    const [train] = specs['NeuralNetwork.train'].cases;
    const observed = observedFrom(train);
    const errors = [...(observed.returned as number[])];
    errors[3] += 0.01;
    errors[7] += 0.01;
    const comparison = compareCase(train, { ...observed, returned: errors });
    assert.equal(comparison.first?.name, 'cumulative_errors[3]');
    assert.equal(comparison.expectedLines.filter((line) => line.startsWith('cumulative_errors[')).length, 20);
    const tooFew = compareCase(train, { ...observed, returned: errors.slice(0, 10) });
    assert.equal(tooFew.first?.reason, 'shape');
  });

  it('fails a tuple where one value is returned, and a missing attribute', () => {
    const [wrong] = specs['NeuralNetwork._compute_gradients'].cases;
    assert.equal(compareCase(wrong, { ...observedFrom(wrong), returned: { repr: 'None', type: 'NoneType' } }).passed, false);
    const [update] = specs['NeuralNetwork._update_parameters'].cases;
    const observed = observedFrom(update);
    delete observed.attributes.bias;
    assert.equal(compareCase(update, observed).first?.reason, 'missing');
  });
});
