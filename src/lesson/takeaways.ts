// What each lesson card's numbers show, in a sentence built from the numbers themselves. The
// lesson invites the learner to edit its inputs, so every claim (which way, rose or fell, kept or
// flipped, settles or not) is decided here from the computed values, never assumed from the
// tutorial's. test/unit/lesson-takeaways.test.ts checks each claim against the core for random inputs.
// Every sentence is one l10n.t message (src/l10n.ts: pure, so this still runs in the webview).
import { classOf } from '../core/classes';
import { fellVisibly, type ErrorTail } from '../core/errorTail';
import type { RowsFacts } from '../core/rowsFacts';
import { l10n } from '../l10n';
import { angleDegrees, distinct, num, vec } from './numberText';

export { classOf };

function ordinal(index: number): string {
  const ordinals = [l10n.t('first'), l10n.t('second'), l10n.t('third'), l10n.t('fourth')];
  return ordinals[index] ?? `#${index + 1}`;
}

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
    ? l10n.t('Both dot products are {0}: by this score input_vector is as similar to weights_1 as to weights_2.', text1)
    : l10n.t('By the dot product, input_vector is more similar to {0}: {1} against {2} for {3}.', larger, dot2 > dot1 ? text2 : text1, dot2 > dot1 ? text1 : text2, dot2 > dot1 ? 'weights_1' : 'weights_2');
  const vectors = [inputVector, weights1, weights2];
  const zero = (['input_vector', 'weights_1', 'weights_2'] as const).filter((_, i) => vectors[i].every((x) => x === 0));
  if (zero.length > 0) {
    const which = zero.length > 1
      ? l10n.t('{0} and {1} are the zero vector, which has no direction to compare.', zero[0], zero.slice(1).join(l10n.t(' and ')))
      : l10n.t('{0} is the zero vector, which has no direction to compare.', zero[0]);
    return `${byDot} ${which}`;
  }
  const angle1 = angleDegrees(inputVector, weights1)!;
  const angle2 = angleDegrees(inputVector, weights2)!;
  const [a1, a2] = distinct(angle1, angle2, 1);
  if (angle1 === angle2) return `${byDot} ${l10n.t('Both make the same angle with input_vector ({0}°): any difference comes from their lengths.', a1)}`;
  const closer = angle2 < angle1 ? 'weights_2' : 'weights_1';
  const angles = l10n.t('{0}° for weights_2 against {1}° for weights_1', a2, a1);
  if (dot1 !== dot2 && closer === larger) {
    return `${byDot} ${l10n.t('It also points more nearly the same way as input_vector ({0}).', angles)}`;
  }
  const [l1, l2] = distinct(norm(weights1), norm(weights2));
  return `${byDot} ${l10n.t('By direction alone, though, {0} is closer ({1}): the dot product also grows with the vectors\' lengths (|weights_1| = {2}, |weights_2| = {3}).', closer, angles, l1, l2)}`;
}

export function firstPredictionTakeaway(layer1: number, prediction: number, target: number): string {
  const predicted = classOf(prediction);
  const [shown] = distinct(prediction, 0.5);
  const squeezed = predicted === 1
    ? l10n.t('sigmoid squeezes layer_1 = {0} into {1}, which is above 0.5: class 1.', num(layer1), shown)
    : l10n.t('sigmoid squeezes layer_1 = {0} into {1}, which is not above 0.5: class 0.', num(layer1), shown);
  const verdict = predicted === classOf(target)
    ? l10n.t('The target {0} is class {1}, so the prediction is right.', target, classOf(target))
    : l10n.t('The target {0} is class {1}, so the prediction is wrong.', target, classOf(target));
  return `${squeezed} ${verdict}`;
}

export function errorTakeaway(prediction: number, target: number, error: number): string {
  const [p] = distinct(prediction, target);
  if (prediction === target) return l10n.t('The prediction {0} is exactly the target {1}: squaring the difference gives the error {2}.', p, target, num(error));
  // A miss too small to square (below ~1e-162) gives the error 0, which is not positive.
  const why = error > 0 ? l10n.t(', positive whichever side the miss is on') : '';
  return prediction > target
    ? l10n.t('The prediction {0} is above the target {1}: squaring the difference gives the error {2}{3}.', p, target, num(error), why)
    : l10n.t('The prediction {0} is below the target {1}: squaring the difference gives the error {2}{3}.', p, target, num(error), why);
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
    ? l10n.t('Positive ({0}): the prediction is above the target, so it must come down.', d)
    : derivative < 0 ? l10n.t('Negative ({0}): the prediction is below the target, so it must come up.', d)
      : l10n.t('Zero: the prediction equals the target, so there is nothing to correct.');
  const moves = derrorDweights.map((gradient, i) => {
    const direction = weightDirection(gradient);
    const why = direction === 'stays' ? (input[i] === 0 ? l10n.t(' (its input is 0)') : l10n.t(' (its gradient is 0)'))
      : derivative !== 0 && Math.sign(input[i]) < 0 ? l10n.t(' (its input is negative)') : '';
    return direction === 'up' ? l10n.t('the {0} weight must go up{1}', ordinal(i), why)
      : direction === 'down' ? l10n.t('the {0} weight must go down{1}', ordinal(i), why)
        : l10n.t('the {0} weight stays{1}', ordinal(i), why);
  });
  const negativeInput = derivative !== 0 && input.some((x) => x < 0);
  const rule = negativeInput ? ' ' + l10n.t('The tutorial\'s rule of thumb (positive means decrease the weights) assumes positive inputs.') : '';
  const each = l10n.t('Each weight moves against its own gradient, derror_dweights = derivative · sigmoid_deriv(layer_1) · input_vector = {0}: {1}.', vec(derrorDweights), moves.join(', '));
  return `${sign} ${each}${rule}`;
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
  if (after < before) return l10n.t('falls from {0} to {1}', b, a);
  if (after > before) return l10n.t('rises from {0} to {1}', b, a);
  return l10n.t('stays at {0}', b);
}

function classChange(before: number, after: number, target: number): string {
  const [b, a] = distinct(before, after);
  const right = classOf(after) === classOf(target);
  if (classOf(before) === classOf(after)) {
    return right ? l10n.t('stays class {0} ({1} → {2}, right)', classOf(after), b, a) : l10n.t('stays class {0} ({1} → {2}, wrong)', classOf(after), b, a);
  }
  return right
    ? l10n.t('flips from class {0} to class {1} ({2} → {3}, now right)', classOf(before), classOf(after), b, a)
    : l10n.t('flips from class {0} to class {1} ({2} → {3}, now wrong)', classOf(before), classOf(after), b, a);
}

export function learningRateTakeaway(facts: StepFacts): string {
  const { derivative, learningRate } = facts;
  const whole = l10n.t('Subtracting the whole derivative ({0}) from both weights, the tutorial\'s first try, this row\'s error {1}, and the first row {2}.',
    num(derivative), change(facts.errorBefore, facts.naiveError), classChange(facts.firstBefore, facts.firstNaive, facts.firstTarget));
  const scaled = l10n.t('With a step of learning_rate · derivative = {0} instead, the first row {1}.',
    num(learningRate * derivative), classChange(facts.firstBefore, facts.firstScaled, facts.firstTarget));
  const classRule = l10n.t('The class\'s rule is different: weights −= learning_rate · derror_dweights. The chain rule turns the one number {0} into one gradient per weight, {1} (each scaled by its input and the sigmoid\'s slope), and moves the bias too; with it this row\'s error {2}.',
    num(derivative), vec(facts.derrorDweights), change(facts.errorBefore, facts.classError));
  return `${whole} ${scaled} ${classRule}`;
}

export function chainRuleTakeaway(derivative: number, slope: number, derrorDbias: number, derrorDweights: readonly number[]): string {
  return l10n.t('derror_dbias = {0} · {1} · 1 ≈ {2} and derror_dweights ≈ {3}: each factor is the derivative of one step of the forward pass, and their product says how the error changes with each parameter.',
    num(derivative), num(slope), num(derrorDbias), vec(derrorDweights));
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
    ? l10n.t('With seed {0} and learning rate {1} the error falls from {2} (the first record) to around {3}.', seed, learningRate, f, m)
    : l10n.t('With seed {0} and learning rate {1} the first recorded error, {2} after one update, is already near where the run stays: the curve does not visibly fall.', seed, learningRate, f);
  const [low, high] = distinct(tail.low, tail.high, 2);
  const settles = tail.low === tail.high ? l10n.t('It stays at {0} for the last {1} records.', low, tail.count)
    : tail.settled ? l10n.t('It settles near {0} (the median of the last {1} records) and wobbles between {2} and {3}.', num(tail.median, 2), tail.count, low, high)
    : l10n.t('It does not settle: the last {0} records range from {1} to {2} (median {3}).', tail.count, low, high, num(tail.median, 2));
  return [shape, settles, ...floorSentences(tail, rows)].join(' ');
}

/** Why one neuron stops where it does: what the rows allow, computed from them. */
function floorSentences(tail: ErrorTail, rows: RowsFacts): string[] {
  const { bestNeuron, bestLine, constant } = rows;
  if (rows.separability.separable === true || !bestNeuron || !bestLine) return [];
  const [floor, constantError] = distinct(bestNeuron.error, constant.error, 2);
  const balanced = constant.answer === 0.5 ? l10n.t(' = {0} × 0.5²', rows.rows) : '';
  const sentences = [
    l10n.t('No straight line splits these {0} rows (the best one gets {1} of {2} right).', rows.rows, bestLine.right, bestLine.all) + ' ' +
    l10n.t('The lowest summed error any single sigmoid neuron reaches on them is {0}; answering {1} to every row gives {2}{3}.', floor, num(constant.answer, 2), constantError, balanced),
  ];
  if (bestNeuron.error >= 0.9 * constant.error) {
    sentences.push(l10n.t('So one neuron can barely tell these rows apart: its best answers only range from {0} to {1}.', num(bestNeuron.lowest, 2), num(bestNeuron.highest, 2)));
  }
  const gap = tail.median - bestNeuron.error;
  sentences.push(gap <= 0.1 * bestNeuron.error
    ? l10n.t('This run\'s median is within 10% of that floor: the plateau is the data\'s, not a failure of training.')
    : l10n.t('This run\'s median stays {0} above that floor.', num(gap, 2)));
  return sentences;
}
