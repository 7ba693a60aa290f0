// Names a learner's mistake from their numbers: each of the tutorial's common mistakes is run
// through the core (buildSpecs(mistake) computes every check's values with that mistake made),
// and a failing function is diagnosed with the mistake whose values equal its own. Nothing is
// read from the learner's source, and a function whose values are right is never diagnosed.
import { TUTORIAL_MISTAKES, type TutorialMistake } from '../core/tutorialStep';
import { compareCase, mismatch } from './compare';
import type { ObservedCase } from './harnessProtocol';
import type { ExerciseFunctionId } from './functions';
import { buildSpecs, EXERCISE_DATA, type ExerciseData, type FunctionSpec, type Specs } from './specs';

export class MistakeClassifier {
  readonly correct: Specs;
  private readonly variants: Map<TutorialMistake, Specs>;

  constructor(data: ExerciseData = EXERCISE_DATA, correct: Specs = buildSpecs(undefined, data)) {
    this.correct = correct;
    this.variants = new Map(TUTORIAL_MISTAKES.map((mistake) => [mistake, buildSpecs(mistake, data)]));
  }

  /** The mistakes that change this function's checked values at all (only those can be named). */
  mistakesFor(id: ExerciseFunctionId): TutorialMistake[] {
    return TUTORIAL_MISTAKES.filter((mistake) => !sameRequiredValues(this.correct[id], this.variants.get(mistake)![id]));
  }

  /** The variant of `id` that a mistake gives, to compare a learner's numbers with. */
  variant(mistake: TutorialMistake, id: ExerciseFunctionId): FunctionSpec {
    return this.variants.get(mistake)![id];
  }

  /**
   * The mistake whose values equal the learner's in every case of the check, or undefined. Right
   * values (equal to the core's) are never diagnosed, even where a mistake would give the same.
   */
  classify(id: ExerciseFunctionId, observed: readonly ObservedCase[]): TutorialMistake | undefined {
    const correct = this.correct[id];
    if (observed.length !== correct.cases.length) return undefined;
    if (correct.cases.every((testCase, i) => compareCase(testCase, observed[i]).passed)) return undefined;
    return this.mistakesFor(id).find((mistake) =>
      this.variant(mistake, id).cases.every((testCase, i) => compareCase(testCase, observed[i]).passed));
  }
}

/**
 * Whether two specs expect the same returned values and attributes, to the comparer's tolerance
 * (locals only locate a failure). A mistake that changes nothing measurable cannot be named.
 */
function sameRequiredValues(a: FunctionSpec, b: FunctionSpec): boolean {
  return a.cases.every((testCase, c) => testCase.terms.every((term, t) => {
    const other = b.cases[c].terms[t].expected;
    if (term.source === 'local') return true;
    if (term.expected.kind !== 'value' || other.kind !== 'value') return JSON.stringify(term.expected) === JSON.stringify(other);
    return mismatch(term.expected, other.value) === undefined;
  }));
}
