// What each lesson card's numbers show, in a sentence built from the numbers themselves. The
// lesson invites the learner to edit its inputs, so every claim (which way, rose or fell, kept or
// flipped, settles or not) is decided here from the computed values, never assumed from the
// tutorial's. test/unit/lesson-takeaways.test.ts checks each claim against the core for random inputs.
import { fellVisibly, type ErrorTail } from '../core/errorTail';
import type { RowsFacts } from '../core/rowsFacts';
import { angleDegrees, distinct, num, vec } from './numberText';

export const classOf = (value: number): 0 | 1 => (value > 0.5 ? 1 : 0);

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ordinal = (index: number) => ORDINALS[index] ?? `#${index + 1}`;

function norm(vector: readonly number[]): number {
  return Math.hypot(...vector);
}

export interface DotFacts {
  inputVector: readonly number[];
  weights1: readonly number[];
  weights2: readonly number[];
  dot1: number;
  dot2: number;
}

/** Which weights have the larger dot product, and (separately) which point more nearly the input's way. */
export function dotProductTakeaway({ inputVector, weights1, weights2, dot1, dot2 }: DotFacts): string {
  const [text1, text2] = distinct(dot1, dot2);
  const larger = dot2 > dot1 ? 'weights_2' : 'weights_1';
  const byDot = dot1 === dot2
    ? `Both dot products are ${text1}: by this score input_vector is as similar to weights_1 as to weights_2.`
    : `By the dot product, input_vector is more similar to ${larger}: ${dot2 > dot1 ? text2 : text1} against ${dot2 > dot1 ? text1 : text2} for ${dot2 > dot1 ? 'weights_1' : 'weights_2'}.`;
  const vectors = [inputVector, weights1, weights2];
  const zero = (['input_vector', 'weights_1', 'weights_2'] as const).filter((_, i) => vectors[i].every((x) => x === 0));
  if (zero.length > 0) return `${byDot} ${zero.join(' and ')} ${zero.length > 1 ? 'are' : 'is'} the zero vector, which has no direction to compare.`;
  const angle1 = angleDegrees(inputVector, weights1)!;
  const angle2 = angleDegrees(inputVector, weights2)!;
  const [a1, a2] = distinct(angle1, angle2, 1);
  if (angle1 === angle2) return `${byDot} Both make the same angle with input_vector (${a1}°): any difference comes from their lengths.`;
  const closer = angle2 < angle1 ? 'weights_2' : 'weights_1';
  const angles = `${a2}° for weights_2 against ${a1}° for weights_1`;
  if (dot1 !== dot2 && closer === larger) {
    return `${byDot} It also points more nearly the same way as input_vector (${angles}).`;
  }
  const [l1, l2] = distinct(norm(weights1), norm(weights2));
  return `${byDot} By direction alone, though, ${closer} is closer (${angles}): the dot product also grows with the vectors' lengths (|weights_1| = ${l1}, |weights_2| = ${l2}).`;
}

export function firstPredictionTakeaway(layer1: number, prediction: number, target: number): string {
  const predicted = classOf(prediction);
  const [shown] = distinct(prediction, 0.5);
  const above = predicted === 1 ? 'above 0.5' : 'not above 0.5';
  const verdict = predicted === classOf(target) ? 'right' : 'wrong';
  return `sigmoid squeezes layer_1 = ${num(layer1)} into ${shown}, which is ${above}: class ${predicted}. The target ${target} is class ${classOf(target)}, so the prediction is ${verdict}.`;
}

export function errorTakeaway(prediction: number, target: number, error: number): string {
  const [p] = distinct(prediction, target);
  const side = prediction > target ? `above the target ${target}` : prediction < target ? `below the target ${target}` : `exactly the target ${target}`;
  const why = error > 0 ? ', positive whichever side the miss is on' : '';
  return `The prediction ${p} is ${side}: squaring the difference gives the error ${num(error)}${why}.`;
}

export interface GradientFacts {
  derivative: number;
  input: readonly number[];
  derrorDweights: readonly number[];
}

/** "must go up/down/stays" for one weight, from the sign of its own gradient. */
export function weightDirection(gradient: number): 'up' | 'down' | 'stays' {
  return gradient < 0 ? 'up' : gradient > 0 ? 'down' : 'stays';
}

export function derivativeTakeaway({ derivative, input, derrorDweights }: GradientFacts): string {
  const [d] = distinct(derivative, 0);
  const sign = derivative > 0
    ? `Positive (${d}): the prediction is above the target, so it must come down.`
    : derivative < 0 ? `Negative (${d}): the prediction is below the target, so it must come up.`
      : 'Zero: the prediction equals the target, so there is nothing to correct.';
  const moves = derrorDweights.map((gradient, i) => {
    const direction = weightDirection(gradient);
    const why = direction === 'stays' ? (input[i] === 0 ? ' (its input is 0)' : ' (its gradient is 0)')
      : derivative !== 0 && Math.sign(input[i]) < 0 ? ' (its input is negative)' : '';
    return `the ${ordinal(i)} weight ${direction === 'stays' ? 'stays' : `must go ${direction}`}${why}`;
  });
  const negativeInput = derivative !== 0 && input.some((x) => x < 0);
  const rule = negativeInput ? ' The tutorial\'s rule of thumb (positive means decrease the weights) assumes positive inputs.' : '';
  return `${sign} Each weight moves against its own gradient, derror_dweights = derivative · sigmoid_deriv(layer_1) · input_vector = ${vec(derrorDweights)}: ${moves.join(', ')}.${rule}`;
}

export interface StepFacts {
  derivative: number;
  learningRate: number;
  /** This (wrong) row's error before any step, after the whole-derivative step, and after the class's step. */
  errorBefore: number;
  naiveError: number;
  classError: number;
  /** The first row's prediction before, after the whole step, after learning_rate · derivative. */
  firstBefore: number;
  firstNaive: number;
  firstScaled: number;
  firstTarget: number;
  derrorDweights: readonly number[];
}

function change(before: number, after: number): string {
  const [b, a] = distinct(before, after);
  if (after < before) return `falls from ${b} to ${a}`;
  if (after > before) return `rises from ${b} to ${a}`;
  return `stays at ${b}`;
}

function classChange(before: number, after: number, target: number): string {
  const [b, a] = distinct(before, after);
  const right = (prediction: number) => (classOf(prediction) === classOf(target) ? 'right' : 'wrong');
  if (classOf(before) === classOf(after)) return `stays class ${classOf(after)} (${b} → ${a}, ${right(after)})`;
  return `flips from class ${classOf(before)} to class ${classOf(after)} (${b} → ${a}, now ${right(after)})`;
}

export function learningRateTakeaway(facts: StepFacts): string {
  const { derivative, learningRate } = facts;
  const whole = `Subtracting the whole derivative (${num(derivative)}) from both weights, the tutorial's first try, this row's error ${change(facts.errorBefore, facts.naiveError)}, ` +
    `and the first row ${classChange(facts.firstBefore, facts.firstNaive, facts.firstTarget)}.`;
  const scaled = `With a step of learning_rate · derivative = ${num(learningRate * derivative)} instead, the first row ${classChange(facts.firstBefore, facts.firstScaled, facts.firstTarget)}.`;
  const classRule = `The class's rule is different: weights −= learning_rate · derror_dweights. The chain rule turns the one number ${num(derivative)} into one gradient per weight, ` +
    `${vec(facts.derrorDweights)} (each scaled by its input and the sigmoid's slope), and moves the bias too; with it this row's error ${change(facts.errorBefore, facts.classError)}.`;
  return `${whole} ${scaled} ${classRule}`;
}

export function chainRuleTakeaway(derivative: number, slope: number, derrorDbias: number, derrorDweights: readonly number[]): string {
  return `derror_dbias = ${num(derivative)} · ${num(slope)} · 1 ≈ ${num(derrorDbias)} and derror_dweights ≈ ${vec(derrorDweights)}: ` +
    'each factor is the derivative of one step of the forward pass, and their product says how the error changes with each parameter.';
}

export interface TrainingFacts {
  seed: number;
  learningRate: number;
  first: number;
  tail: ErrorTail;
  rows: RowsFacts;
}

export function trainingTakeaway({ seed, learningRate, first, tail, rows }: TrainingFacts): string {
  const [f, m] = distinct(first, tail.median, 2);
  const shape = fellVisibly(first, tail)
    ? `With seed ${seed} and learning rate ${learningRate} the error falls from ${f} (the first record) to around ${m}.`
    : `With seed ${seed} and learning rate ${learningRate} the first recorded error, ${f} after one update, is already near where the run stays: the curve does not visibly fall.`;
  const [low, high] = distinct(tail.low, tail.high, 2);
  const settles = tail.low === tail.high ? `It stays at ${low} for the last ${tail.count} records.`
    : tail.settled ? `It settles near ${num(tail.median, 2)} (the median of the last ${tail.count} records) and wobbles between ${low} and ${high}.`
    : `It does not settle: the last ${tail.count} records range from ${low} to ${high} (median ${num(tail.median, 2)}).`;
  return [shape, settles, ...floorSentences(tail, rows)].join(' ');
}

/** Why one neuron stops where it does: what the rows allow, computed from them. */
function floorSentences(tail: ErrorTail, rows: RowsFacts): string[] {
  const { bestNeuron, bestLine, constant } = rows;
  if (rows.separability.separable === true || !bestNeuron || !bestLine) return [];
  const [floor, constantError] = distinct(bestNeuron.error, constant.error, 2);
  const balanced = constant.answer === 0.5 ? ` = ${rows.rows} × 0.5²` : '';
  const sentences = [
    `No straight line splits these ${rows.rows} rows (the best one gets ${bestLine.right} of ${bestLine.all} right). ` +
    `The lowest summed error any single sigmoid neuron reaches on them is ${floor}; answering ${num(constant.answer, 2)} to every row gives ${constantError}${balanced}.`,
  ];
  if (bestNeuron.error >= 0.9 * constant.error) {
    sentences.push(`So one neuron can barely tell these rows apart: its best answers only range from ${num(bestNeuron.lowest, 2)} to ${num(bestNeuron.highest, 2)}.`);
  }
  const gap = tail.median - bestNeuron.error;
  sentences.push(gap <= 0.1 * bestNeuron.error
    ? 'This run\'s median is within 10% of that floor: the plateau is the data\'s, not a failure of training.'
    : `This run's median stays ${num(gap, 2)} above that floor.`);
  return sentences;
}
