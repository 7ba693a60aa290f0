// The lesson's checkpoints: computed live by the core, compared with what the tutorial prints.
import * as assert from 'assert';
import { computeCheckpoints, agreesWithPrinted, TUTORIAL_INPUTS, CHECKPOINT_IDS, type Checkpoint } from '../../src/lesson/checkpoints';

const find = (checkpoints: Checkpoint[], id: string, name: string) => {
  const checkpoint = checkpoints.find((candidate) => candidate.id === id)!;
  return checkpoint.values.find((candidate) => candidate.name === name)!;
};

describe('lesson checkpoints', () => {
  const checkpoints = computeCheckpoints();

  it('has every checkpoint, in the tutorial order', () => {
    assert.deepStrictEqual(checkpoints.map((checkpoint) => checkpoint.id), [...CHECKPOINT_IDS]);
  });

  it("agrees with every value the tutorial prints, with the tutorial's inputs", () => {
    const printed = checkpoints.flatMap((checkpoint) => checkpoint.values.filter((value) => value.printed !== undefined));
    assert.deepStrictEqual(
      printed.map((value) => value.printed),
      ['2.1672', '4.1259999999999994', '0.7985731', '0.87101915', '0.75867436', '1.7420383', '0.01496248', '0.00022388'],
    );
    for (const value of printed) assert.strictEqual(value.agrees, true, `${value.name}: ${value.ours} vs ${value.printed}`);
    assert.strictEqual(find(checkpoints, 'dot-product', 'larger dot product').ours, 'weights_2');
    assert.strictEqual(find(checkpoints, 'first-prediction', 'class').ours, 1);
  });

  it('shows why subtracting the whole derivative is too big a step', () => {
    // The tutorial: with the new weights the first input is now predicted wrong.
    const first = find(checkpoints, 'learning-rate', 'first row now').ours as number;
    assert.ok(first < 0.5, `first row after the whole step: ${first}`);
    const scaled = find(checkpoints, 'learning-rate', 'first row, small step').ours as number;
    assert.ok(scaled > 0.5, `first row after a 0.1 step: ${scaled}`);
  });

  it('gives the chain-rule gradients that computeGradients gives', () => {
    assert.strictEqual(find(checkpoints, 'chain-rule', 'same as computeGradients').ours, 'yes');
    const dweights = find(checkpoints, 'chain-rule', 'derror_dweights').ours as number[];
    const dbias = find(checkpoints, 'chain-rule', 'derror_dbias').ours as number;
    assert.ok(Math.abs(dweights[0] - 2 * dbias) < 1e-15 && Math.abs(dweights[1] - 1.5 * dbias) < 1e-15, 'dlayer1_dweights is the input [2, 1.5]');
  });

  it('recomputes every later number when the learner changes an input, and stops comparing', () => {
    const changed = computeCheckpoints({ ...TUTORIAL_INPUTS, weights: [1.45, -0.5] });
    const before = find(checkpoints, 'error', 'error').ours as number;
    const after = find(changed, 'error', 'error').ours as number;
    assert.notStrictEqual(after, before);
    assert.strictEqual(find(changed, 'error', 'error').printed, undefined);
    assert.notStrictEqual(find(changed, 'chain-rule', 'derror_dbias').ours, find(checkpoints, 'chain-rule', 'derror_dbias').ours);
    assert.strictEqual(find(changed, 'dot-product', 'dot(input_vector, weights_1)').ours, find(checkpoints, 'dot-product', 'dot(input_vector, weights_1)').ours, 'earlier numbers that do not use the weights stay');
  });

  it('lands on the plateau when training on the 8 rows', () => {
    const last = find(checkpoints, 'training', 'last cumulative error').ours as number;
    assert.ok(last > 1.2 && last < 2.8, `last error ${last}`);
    assert.strictEqual(find(checkpoints, 'training', 'recorded errors').ours, 100);
  });

  it('compares at the precision a value was printed with', () => {
    assert.ok(agreesWithPrinted(0.79857310, '0.7985731'));
    assert.ok(!agreesWithPrinted(0.7985741, '0.7985731'));
    assert.ok(agreesWithPrinted(4.1259999999999994, '4.1259999999999994'));
  });
});
