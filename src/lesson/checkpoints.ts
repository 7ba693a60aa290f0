// The tutorial's worked examples as live checkpoints: every number is computed by the core from
// the inputs, and shown beside the value the tutorial prints. When the learner changes an input
// the printed value no longer applies and is not compared. Pure: runs in the webview and in tests.
import { dot, sigmoid, sigmoidDerivative } from '../core/activations';
import { NeuralNetwork } from '../core/network';

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

const scale = (a: number[], factor: number) => a.map((entry) => entry * factor);
const classOf = (prediction: number) => (prediction > 0.5 ? 1 : 0);

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
  const wrongError = (wrongPrediction - wrongTarget) ** 2;
  const derivative = 2 * (wrongPrediction - wrongTarget);
  // The tutorial's first update: subtract the whole derivative, no learning rate, no chain rule.
  const naiveWeights = weights.map((weight) => weight - derivative);
  const naivePrediction = sigmoid(dot(wrongInput, naiveWeights) + bias);
  const naiveError = (naivePrediction - wrongTarget) ** 2;
  const naiveFirst = sigmoid(dot(firstInput, naiveWeights) + bias);
  const scaledWeights = weights.map((weight) => weight - learningRate * derivative);
  const scaledFirst = sigmoid(dot(firstInput, scaledWeights) + bias);
  const dpredictionDlayer1 = sigmoidDerivative(wrongLayer1);
  const derrorDbias = derivative * dpredictionDlayer1 * 1;
  const derrorDweights = scale(wrongInput, derivative * dpredictionDlayer1);
  const tutorialNet = new NeuralNetwork({ learningRate, weights, bias });
  const gradients = tutorialNet.computeGradients(wrongInput, wrongTarget);

  return [
    {
      id: 'dot-product',
      title: 'Vectors and the dot product',
      inputs: ['inputVector', 'weights1', 'weights2'],
      values: [
        v('dot(input_vector, weights_1)', 'Σ input_vector[i] · weights_1[i]', dot1, '2.1672'),
        v('dot(input_vector, weights_2)', 'Σ input_vector[i] · weights_2[i]', dot2, '4.1259999999999994'),
        v('more similar', 'the larger dot product', dot2 > dot1 ? 'weights_2' : dot1 > dot2 ? 'weights_1' : 'equal'),
      ],
      takeaway: `The input points more in the direction of ${dot2 > dot1 ? 'weights_2' : 'weights_1'}: its dot product is larger (${Math.max(dot1, dot2).toFixed(4)} > ${Math.min(dot1, dot2).toFixed(4)}).`,
    },
    {
      id: 'first-prediction',
      title: 'A first prediction',
      inputs: ['firstInput', 'weights', 'bias'],
      values: [
        v('layer_1', 'dot(input_vector, weights) + bias', firstLayer1),
        v('prediction', 'sigmoid(layer_1)', firstPrediction, '0.7985731'),
        v('class', 'prediction > 0.5 ⇒ 1', classOf(firstPrediction)),
      ],
      takeaway: `sigmoid squeezes layer_1 = ${firstLayer1.toFixed(4)} into ${firstPrediction.toFixed(4)}, read as class ${classOf(firstPrediction)}${classOf(firstPrediction) === firstTarget ? ': right' : ': wrong'}.`,
    },
    {
      id: 'error',
      title: 'A wrong prediction and its error',
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [
        v('prediction', 'sigmoid(dot(input_vector, weights) + bias)', wrongPrediction, '0.87101915'),
        v('error', '(prediction − target)²', wrongError, '0.75867436'),
      ],
      takeaway: `The target is ${wrongTarget} but the prediction is ${wrongPrediction.toFixed(4)}: the squared error is ${wrongError.toFixed(4)}.`,
    },
    {
      id: 'derivative',
      title: 'Which way to move: the derivative',
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [v('derivative', '2 · (prediction − target)', derivative, '1.7420383')],
      takeaway: derivative > 0 ? 'Positive: the prediction is too high, so the weights must go down.' : 'Negative: the prediction is too low, so the weights must go up.',
    },
    {
      id: 'learning-rate',
      title: 'Too big a step, and the learning rate',
      inputs: ['weights', 'learningRate'],
      values: [
        v('weights − derivative', 'weights − 2 · (prediction − target)', naiveWeights),
        v('prediction after', 'sigmoid(dot(input_vector, new weights) + bias)', naivePrediction, '0.01496248'),
        v('error after', '(prediction − target)²', naiveError, '0.00022388'),
        v('first row now', 'prediction for the first input with the new weights', naiveFirst),
        v(`weights − ${learningRate} · derivative`, 'weights − learning_rate · derivative', scaledWeights),
        v('first row, small step', 'prediction for the first input with the scaled step', scaledFirst),
      ],
      takeaway:
        `The whole step fixes this row (error ${naiveError.toFixed(5)}) but the first row now gets ${naiveFirst.toFixed(3)} ⇒ class ${classOf(naiveFirst)}` +
        `${classOf(naiveFirst) === firstTarget ? '' : ' (wrong)'}; scaled by the learning rate it still gets class ${classOf(scaledFirst)}.`,
    },
    {
      id: 'chain-rule',
      title: 'The chain rule: gradients for the weights and bias',
      inputs: ['wrongInput', 'wrongTarget', 'weights', 'bias'],
      values: [
        v('derror_dprediction', '2 · (prediction − target)', derivative),
        v('dprediction_dlayer1', 'sigmoid_deriv(layer_1)', dpredictionDlayer1),
        v('dlayer1_dbias', '1', 1),
        v('dlayer1_dweights', '0 · weights + 1 · input_vector', [...wrongInput]),
        v('derror_dbias', 'derror_dprediction · dprediction_dlayer1 · dlayer1_dbias', derrorDbias),
        v('derror_dweights', 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights', derrorDweights),
        v('same as computeGradients', 'NeuralNetwork.computeGradients(input, target)', gradients.bias === derrorDbias && gradients.weights!.every((g, i) => g === derrorDweights[i]) ? 'yes' : 'no'),
      ],
      takeaway: 'Each factor is the derivative of one step of the forward pass; multiplied together they say how the error changes with each parameter.',
    },
    trainingCheckpoint(inputs),
  ];
}

const TUTORIAL_ROWS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];
const LESSON_SEED = 42;

function trainingCheckpoint(inputs: LessonInputs): Checkpoint {
  const network = new NeuralNetwork({ learningRate: inputs.learningRate, seed: LESSON_SEED });
  const errors = network.train(TUTORIAL_ROWS, TUTORIAL_TARGETS, 10000, { errorInterval: 100 });
  const last = errors[errors.length - 1];
  const tail = errors.slice(-20);
  const plateau = Math.max(...tail) - Math.min(...tail);
  return {
    id: 'training',
    title: 'Training on the 8 rows',
    inputs: ['learningRate'],
    values: [
      { name: 'recorded errors', formula: 'one per 100 of 10,000 iterations', ours: errors.length },
      { name: 'first cumulative error', formula: 'Σ (prediction − target)² over the 8 rows, iteration 0', ours: errors[0] },
      { name: 'last cumulative error', formula: 'the same, iteration 9,900', ours: last },
      { name: 'wobble over the last 2,000 iterations', formula: 'max − min of the last 20 recorded errors', ours: plateau },
    ],
    takeaway:
      `The error settles near ${last.toFixed(2)} and wobbles there: one neuron draws a single straight boundary, and these rows cannot be split by one line. ` +
      'Add a hidden layer ("hiddenLayers": [4]) to bend it.',
  };
}
