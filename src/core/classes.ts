// The tutorial's reading of a sigmoid output: above 0.5 is class 1, anything else (0.5 itself, NaN)
// class 0. Targets are read by the same rule, so a target of 0.7 is class 1. Every count of "rows
// right", every ✓/✗ and every "class N" the lab shows comes from these functions.
import type { OutputKind } from './types';

export const CLASS_THRESHOLD = 0.5;

export const classOf = (value: number): 0 | 1 => (value > CLASS_THRESHOLD ? 1 : 0);

/** Whether the prediction falls in its target's class. */
export const isCorrect = (prediction: number, target: number): boolean => classOf(prediction) === classOf(target);

/** Only a sigmoid output is a probability; a linear (regression) output has no class. */
export const hasClasses = (output: OutputKind): boolean => output === 'sigmoid';

export interface ClassVerdict {
  predictedClass: 0 | 1;
  /** Only with a target. */
  correct?: boolean;
}

/** The class a prediction reads as and whether it is right; undefined for a regression output. */
export function classVerdict(output: OutputKind, prediction: number, target?: number): ClassVerdict | undefined {
  if (!hasClasses(output)) return undefined;
  return target === undefined ? { predictedClass: classOf(prediction) } : { predictedClass: classOf(prediction), correct: isCorrect(prediction, target) };
}

/** How many rows `predict` puts in their target's class. */
export function countCorrect(
  predict: (input: readonly number[]) => number, inputs: readonly (readonly number[])[], targets: readonly number[],
): { right: number; all: number } {
  let right = 0;
  for (let index = 0; index < inputs.length; index++) if (isCorrect(predict(inputs[index]), targets[index])) right++;
  return { right, all: inputs.length };
}
