// The tutorial's worked examples as live checkpoints: every number is computed by the core from
// the inputs, and shown beside the value the tutorial prints. When the learner changes an input
// the printed value no longer applies and is not compared. Pure: runs in the webview and in tests.
import { dot, sigmoid, sigmoidDerivative } from '../core/activations';
import { errorTail } from '../core/errorTail';
import { NeuralNetwork } from '../core/network';
import { l10n } from '../l10n';
import { angleDegrees } from './numberText';
import {
  chainRuleTakeaway, classOf, derivativeTakeaway, dotProductTakeaway, errorTakeaway, firstPredictionTakeaway, learningRateTakeaway,
  trainingTakeaway, weightDirection,
} from './takeaways';
import { TUTORIAL_ROWS, TUTORIAL_SEED, TUTORIAL_TARGETS, tutorialRowsFacts } from './tutorialRows';

export interface LessonInputs {
  inputVector: number[];
  weights1: number[];
  weights2: number[];
  /** The first prediction: input [1.66, 1.56] (target 1). */
  firstInput: number[];
  firstTarget: number;
  weights: number[];
  bias: number;
  /** The wrong prediction: input [2, 1.5] (target 0). */
  wrongInput: number[];
  wrongTarget: number;
  learningRate: number;
}

export const TUTORIAL_INPUTS: LessonInputs = {
  inputVector: [1.72, 1.23],
  weights1: [1.26, 0],
  weights2: [2.17, 0.32],
  firstInput: [1.66, 1.56],
  firstTarget: 1,
  weights: [1.45, -0.66],
  bias: 0,
  wrongInput: [2, 1.5],
  wrongTarget: 0,
  learningRate: 0.1,
};

export interface CheckpointValue {
  name: string;
  formula: string;
  ours: number | number[] | string;
  /** What the tutorial prints, as it prints it; compared only while the inputs are the tutorial's. */
  printed?: string;
  agrees?: boolean;
}

export interface Checkpoint {
  id: CheckpointId;
  title: string;
  /** Which inputs feed this checkpoint, so the view can offer them for editing. */
  inputs: (keyof LessonInputs)[];
  values: CheckpointValue[];
  /** One sentence on what the numbers show, computed from them (never canned). */
  takeaway: string;
}

export const CHECKPOINT_IDS = ['dot-product', 'first-prediction', 'error', 'derivative', 'learning-rate', 'chain-rule', 'training'] as const;
export type CheckpointId = (typeof CHECKPOINT_IDS)[number];

/** A printed value agrees when ours rounds to it at the precision it was printed with. */
export function agreesWithPrinted(ours: number, printed: string): boolean {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  return Math.abs(ours - Number(printed)) <= 0.5 * 10 ** -decimals + 1e-15;
}

const sameInputs = (a: LessonInputs, b: LessonInputs) => JSON.stringify(a) === JSON.stringify(b);

function value(name: string, formula: string, ours: number | number[] | string, printed: string | undefined, compare: boolean): CheckpointValue {
  if (!compare || printed === undefined || typeof ours !== 'number') return { name, formula, ours };
  return { name, formula, ours, printed, agrees: agreesWithPrinted(ours, printed) };
}

const scale = (a: readonly number[], factor: number) => a.map((entry) => entry * factor);
const squaredError = (prediction: number, target: number) => (prediction - target) ** 2;
const predictWith = (input: readonly number[], weights: readonly number[], bias: number) => sigmoid(dot(input as number[], weights as number[]) + bias);

export function computeCheckpoints(inputs: LessonInputs = TUTORIAL_INPUTS): Checkpoint[] {
  const compare = sameInputs(inputs, TUTORIAL_INPUTS);
  const v = (name: string, formula: string, ours: number | number[] | string, printed?: string) => value(name, formula, ours, printed, compare);
  const { inputVector, weights1, weights2, firstInput, firstTarget, weights, bias, wrongInput, wrongTarget, learningRate } = inputs;

  const dot1 = dot(inputVector, weights1);
  const dot2 = dot(inputVector, weights2);
  const firstLayer1 = dot(firstInput, weights) + bias;
  const firstPrediction = sigmoid(firstLayer1);
  const wrongLayer1 = dot(wrongInput, weights) + bias;
  const wrongPrediction = sigmoid(wrongLayer1);
  const wrongError = squaredError(wrongPrediction, wrongTarget);
  const derivative = 2 * (wrongPrediction - wrongTarget);
  // The tutorial's first update: subtract the whole derivative, no learning rate, no chain rule.
  const naiveWeights = weights.map((weight) => weight - derivative);
  const naivePrediction = predictWith(wrongInput, naiveWeights, bias);
  const naiveError = squaredError(naivePrediction, wrongTarget);
  const naiveFirst = predictWith(firstInput, naiveWeights, bias);
  const scaledWeights = weights.map((weight) => weight - learningRate * derivative);
  const scaledFirst = predictWith(firstInput, scaledWeights, bias);
  const dpredictionDlayer1 = sigmoidDerivative(wrongLayer1);
  const derrorDbias = derivative * dpredictionDlayer1 * 1;
  const derrorDweights = scale(wrongInput, derivative * dpredictionDlayer1);
  // The class's update (_update_parameters): one gradient per weight, and the bias moves too.
  const classWeights = weights.map((weight, i) => weight - learningRate * derrorDweights[i]);
  const classBias = bias - learningRate * derrorDbias;
  const classError = squaredError(predictWith(wrongInput, classWeights, classBias), wrongTarget);
  const tutorialNet = new NeuralNetwork({ learningRate, weights, bias });
  const gradients = tutorialNet.computeGradients(wrongInput, wrongTarget);

  return [
    {
      id: 'dot-product',
      title: l10n.t('Vectors and the dot product'),
      inputs: ['inputVector', 'weights1', 'weights2'],
      values: [
        v('dot(input_vector, weights_1)', 'Σ input_vector[i] · weights_1[i]', dot1, '2.1672'),
        v('dot(input_vector, weights_2)', 'Σ input_vector[i] · weights_2[i]', dot2, '4.1259999999999994'),
        v(l10n.t('larger dot product'), l10n.t('the more similar, by the dot product'), dot2 > dot1 ? 'weights_2' : dot1 > dot2 ? 'weights_1' : l10n.t('equal')),
        v(l10n.t('angle to weights_1'), l10n.t('between input_vector and weights_1, in degrees'), angleBetween(inputVector, weights1)),
        v(l10n.t('angle to weights_2'), l10n.t('between input_vector and weights_2, in degrees'), angleBetween(inputVector, weights2)),
      ],
      takeaway: dotProductTakeaway({ inputVector, weights1, weights2, dot1, dot2 }),
    },
    {
      id: 'first-prediction',
      title: l10n.t('A first prediction'),
      inputs: ['firstInput', 'firstTarget', 'weights', 'bias'],
      values: [
        v('layer_1', 'dot(input_vector, weights) + bias', firstLayer1),
        v('prediction', 'sigmoid(layer_1)', firstPrediction, '0.7985731'),
        v(l10n.t('class'), 'prediction > 0.5 ⇒ 1', classOf(firstPrediction)),
      ],
      takeaway: firstPredictionTakeaway(firstLayer1, firstPrediction, firstTarget),
    },
    {
      id: 'error',
      title: l10n.t('A wrong prediction and its error'),
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [
        v('prediction', 'sigmoid(dot(input_vector, weights) + bias)', wrongPrediction, '0.87101915'),
        v('error', '(prediction − target)²', wrongError, '0.75867436'),
      ],
      takeaway: errorTakeaway(wrongPrediction, wrongTarget, wrongError),
    },
    {
      id: 'derivative',
      title: l10n.t('Which way to move: the derivative'),
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [
        v('derivative', '2 · (prediction − target)', derivative, '1.7420383'),
        v('derror_dweights', l10n.t('derivative · sigmoid_deriv(layer_1) · input_vector (the chain rule, card 6)'), derrorDweights),
        v(l10n.t('each weight'), l10n.t('moves against the sign of its own gradient'), derrorDweights.map(directionWord).join(', ')),
      ],
      takeaway: derivativeTakeaway({ derivative, input: wrongInput, derrorDweights }),
    },
    {
      id: 'learning-rate',
      title: l10n.t('Too big a step, the learning rate, and the class\'s update'),
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias', 'firstInput', 'firstTarget', 'learningRate'],
      values: [
        v('weights − derivative', l10n.t('the tutorial\'s first try: weights − 2 · (prediction − target)'), naiveWeights),
        v(l10n.t('prediction after'), l10n.t('sigmoid(dot(input_vector, new weights) + bias)'), naivePrediction, '0.01496248'),
        v(l10n.t('error after'), '(prediction − target)²', naiveError, '0.00022388'),
        v(l10n.t('first row now'), l10n.t('prediction for the first input with the new weights'), naiveFirst),
        v(`weights − ${learningRate} · derivative`, 'weights − learning_rate · derivative', scaledWeights),
        v(l10n.t('first row, small step'), l10n.t('prediction for the first input with the scaled step'), scaledFirst),
        v('weights − learning_rate · derror_dweights', l10n.t('the class\'s _update_parameters (derror_dweights from card 4)'), classWeights),
        v('bias − learning_rate · derror_dbias', l10n.t('the class moves the bias too'), classBias),
        v(l10n.t('error after the class\'s step'), l10n.t('(prediction − target)² for this row'), classError),
      ],
      takeaway: learningRateTakeaway({
        derivative, learningRate, errorBefore: wrongError, naiveError, classError,
        firstBefore: firstPrediction, firstNaive: naiveFirst, firstScaled: scaledFirst, firstTarget, derrorDweights,
      }),
    },
    {
      id: 'chain-rule',
      title: l10n.t('The chain rule: gradients for the weights and bias'),
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [
        v('derror_dprediction', '2 · (prediction − target)', derivative),
        v('dprediction_dlayer1', 'sigmoid_deriv(layer_1)', dpredictionDlayer1),
        v('dlayer1_dbias', '1', 1),
        v('dlayer1_dweights', '0 · weights + 1 · input_vector', [...wrongInput]),
        v('derror_dbias', 'derror_dprediction · dprediction_dlayer1 · dlayer1_dbias', derrorDbias),
        v('derror_dweights', 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights', derrorDweights),
        v(l10n.t('same as computeGradients'), 'NeuralNetwork.computeGradients(input, target)', gradients.bias === derrorDbias && gradients.weights!.every((g, i) => g === derrorDweights[i]) ? l10n.t('yes') : l10n.t('no')),
      ],
      takeaway: chainRuleTakeaway(derivative, dpredictionDlayer1, derrorDbias, derrorDweights),
    },
    trainingCheckpoint(inputs),
  ];
}

/** The 'each weight' row: up, down or stays, in the learner's language. */
function directionWord(gradient: number): string {
  const direction = weightDirection(gradient);
  return direction === 'up' ? l10n.t('up') : direction === 'down' ? l10n.t('down') : l10n.t('stays');
}

function angleBetween(a: readonly number[], b: readonly number[]): number | string {
  return angleDegrees(a, b) ?? l10n.t('none (a zero vector)');
}

/** Iterations of the lesson's training run: the tutorial's 10,000, recorded every 100. */
const ITERATIONS = 10000;
const ERROR_INTERVAL = 100;

function trainingCheckpoint(inputs: LessonInputs): Checkpoint {
  const network = new NeuralNetwork({ learningRate: inputs.learningRate, seed: TUTORIAL_SEED });
  const errors = network.train(TUTORIAL_ROWS.map((row) => [...row]), [...TUTORIAL_TARGETS], ITERATIONS, { errorInterval: ERROR_INTERVAL });
  const tail = errorTail(errors);
  const rows = tutorialRowsFacts();
  const values: CheckpointValue[] = [
    { name: l10n.t('recorded errors'), formula: l10n.t('one per 100 of 10,000 iterations'), ours: errors.length },
    { name: l10n.t('first cumulative error'), formula: l10n.t('Σ (prediction − target)² over the 8 rows, iteration 0 (after one update)'), ours: errors[0] },
    { name: l10n.t('last cumulative error'), formula: l10n.t('the same, iteration 9,900'), ours: errors[errors.length - 1] },
  ];
  if (tail) {
    values.push(
      { name: l10n.t('median of the last 20 records'), formula: l10n.t('the middle of the last 2,000 iterations\' errors: where the run settles'), ours: tail.median },
      { name: l10n.t('range of the last 20 records'), formula: l10n.t('lowest and highest of the last 2,000 iterations\' errors'), ours: [tail.low, tail.high] },
    );
  }
  if (rows.bestNeuron) values.push({ name: l10n.t('best single neuron'), formula: l10n.t('the lowest summed error any weights and bias reach on these rows'), ours: rows.bestNeuron.error });
  if (rows.bestLine) values.push({ name: l10n.t('best straight line'), formula: l10n.t('the most rows one line classifies right'), ours: l10n.t('{0} of {1}', rows.bestLine.right, rows.bestLine.all) });
  values.push({ name: l10n.t('constant answer'), formula: l10n.t('Σ (target − {0})²: the same answer for every row', rows.constant.answer), ours: rows.constant.error });
  return {
    id: 'training',
    title: l10n.t('Training on the 8 rows'),
    inputs: ['learningRate'],
    values,
    takeaway: tail
      ? trainingTakeaway({ seed: TUTORIAL_SEED, learningRate: inputs.learningRate, first: errors[0], tail, rows })
      : l10n.t('The error became NaN or infinite: with learning rate {0} the steps are too large to train.', inputs.learningRate),
  };
}
