// The mistake classifier: each of the tutorial's common mistakes is recognised from the numbers it
// gives (simulated here from the core's variants, as a learner's Python would report them), only in
// the functions where it shows, and right numbers are never diagnosed, whatever the worked data.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TUTORIAL_MISTAKES, type TutorialMistake } from '../../src/core/tutorialStep';
import { compareCase } from '../../src/exercise/compare';
import { EXERCISE_FUNCTION_IDS, type ExerciseFunctionId } from '../../src/exercise/functions';
import { MistakeClassifier } from '../../src/exercise/mistakes';
import { EXERCISE_DATA, type ExerciseData } from '../../src/exercise/specs';
import { observedFrom } from './exercise-helpers';

/** Where each mistake shows: the function that makes it, and train, which calls it. */
const SHOWS_IN: Record<TutorialMistake, ExerciseFunctionId[]> = {
  derivativeAtPrediction: ['NeuralNetwork._compute_gradients', 'NeuralNetwork.train'],
  factorTwoDropped: ['NeuralNetwork._compute_gradients', 'NeuralNetwork.train'],
  derrorDpredictionAsGradient: ['NeuralNetwork._compute_gradients', 'NeuralNetwork.train'],
  learningRateForgotten: ['NeuralNetwork._update_parameters', 'NeuralNetwork.train'],
  plusInsteadOfMinus: ['NeuralNetwork._update_parameters', 'NeuralNetwork.train'],
  biasNotUpdated: ['NeuralNetwork._update_parameters', 'NeuralNetwork.train'],
};

describe('exercise: the mistake classifier', () => {
  const classifier = new MistakeClassifier();

  for (const mistake of TUTORIAL_MISTAKES) {
    it(`recognises ${mistake} from its numbers, where it shows`, () => {
      for (const id of EXERCISE_FUNCTION_IDS) {
        const shows = SHOWS_IN[mistake].includes(id);
        assert.equal(classifier.mistakesFor(id).includes(mistake), shows, `${mistake} in ${id}`);
        if (!shows) continue;
        const observed = classifier.variant(mistake, id).cases.map(observedFrom);
        assert.equal(classifier.classify(id, observed), mistake, id);
        // The learner's numbers fail the right values: the diagnosis comes with a failure.
        assert.ok(classifier.correct[id].cases.some((testCase, i) => !compareCase(testCase, observed[i]).passed));
      }
    });
  }

  it('recognises a mistake with the learner’s own local names, from the returned values', () => {
    const id = 'NeuralNetwork._compute_gradients';
    const observed = classifier.variant('factorTwoDropped', id).cases.map((testCase) => ({ ...observedFrom(testCase), locals: { grad: 1 } }));
    assert.equal(classifier.classify(id, observed), 'factorTwoDropped');
  });

  it('never diagnoses right values', () => {
    for (const id of EXERCISE_FUNCTION_IDS) {
      assert.equal(classifier.classify(id, classifier.correct[id].cases.map(observedFrom)), undefined, id);
    }
  });

  it('names nothing for wrong values that match no mistake, or for a check that did not finish', () => {
    const id = 'NeuralNetwork._update_parameters';
    const observed = classifier.correct[id].cases.map(observedFrom);
    observed[0].attributes.bias = 42;
    assert.equal(classifier.classify(id, observed), undefined);
    const train = 'NeuralNetwork.train';
    assert.equal(classifier.classify(train, []), undefined);
  });

  it('never misdiagnoses right values, and names each distinguishable mistake, for any worked data (property)', () => {
    const vector = fc.array(fc.double({ min: -4, max: 4, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 2 });
    const data = fc.record({
      firstInput: vector, wrongInput: vector, weights: vector,
      bias: fc.double({ min: -2, max: 2, noNaN: true }),
      learningRate: fc.double({ min: 0.001, max: 2, noNaN: true }),
      firstTarget: fc.constantFrom(0, 1), wrongTarget: fc.constantFrom(0, 1),
    });
    fc.assert(fc.property(data, (drawn) => {
      const worked: ExerciseData = { ...EXERCISE_DATA, ...drawn, trainIterations: 300 };
      const random = new MistakeClassifier(worked);
      for (const id of EXERCISE_FUNCTION_IDS) {
        assert.equal(random.classify(id, random.correct[id].cases.map(observedFrom)), undefined, `right ${id} diagnosed`);
        for (const mistake of random.mistakesFor(id)) {
          const named = random.classify(id, random.variant(mistake, id).cases.map(observedFrom));
          // Two mistakes can give the same numbers on some data (e.g. a learning rate of 1):
          // then the one named must give exactly these numbers too.
          assert.ok(named !== undefined, `${mistake} in ${id} not recognised`);
          const observed = random.variant(mistake, id).cases.map(observedFrom);
          assert.ok(random.variant(named, id).cases.every((testCase, i) => compareCase(testCase, observed[i]).passed));
        }
      }
    }), { numRuns: 25 });
  });
});
