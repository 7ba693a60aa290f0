// The tutorial's training step for its one-neuron net, written term by term as the tutorial writes
// _compute_gradients, _update_parameters and train, together with the step's common mistakes as
// variants. Check My Code names a learner's mistake by running these variants on the check's
// inputs and finding the one whose numbers equal the learner's: a diagnosis is computed, never
// matched against source text. Without a mistake, every number here is bit-identical to
// NeuralNetwork's (the unit tests hold them so).
import { dot, sigmoid, sigmoidDerivative } from './activations';

export const TUTORIAL_MISTAKES = [
  'derivativeAtPrediction',
  'learningRateForgotten',
  'plusInsteadOfMinus',
  'biasNotUpdated',
  'factorTwoDropped',
  'derrorDpredictionAsGradient',
] as const;
export type TutorialMistake = (typeof TUTORIAL_MISTAKES)[number];

/** Mistakes in _compute_gradients change the gradients; the others change _update_parameters. */
export const GRADIENT_MISTAKES: readonly TutorialMistake[] = ['derivativeAtPrediction', 'factorTwoDropped', 'derrorDpredictionAsGradient'];
export const UPDATE_MISTAKES: readonly TutorialMistake[] = ['learningRateForgotten', 'plusInsteadOfMinus', 'biasNotUpdated'];

export interface TutorialParameters {
  weights: number[];
  bias: number;
}

export interface TutorialGradients {
  derror_dbias: number;
  derror_dweights: number[];
}

/** Every named value of _compute_gradients, as the tutorial names them. */
export interface TutorialGradientTerms extends TutorialGradients {
  layer_1: number;
  prediction: number;
  derror_dprediction: number;
  dprediction_dlayer1: number;
  dlayer1_dbias: number;
  dlayer1_dweights: number[];
}

/** layer_1 = np.dot(input_vector, weights) + bias; prediction = sigmoid(layer_1). */
export function tutorialPredict(parameters: TutorialParameters, input: readonly number[]): { layer_1: number; prediction: number } {
  const layer_1 = dot(input, parameters.weights) + parameters.bias;
  return { layer_1, prediction: sigmoid(layer_1) };
}

/** The tutorial's _compute_gradients, or one of its gradient mistakes. */
export function tutorialGradients(parameters: TutorialParameters, input: readonly number[], target: number, mistake?: TutorialMistake): TutorialGradientTerms {
  const { layer_1, prediction } = tutorialPredict(parameters, input);
  const derror_dprediction = mistake === 'factorTwoDropped' ? prediction - target : 2 * (prediction - target);
  const dprediction_dlayer1 = sigmoidDerivative(mistake === 'derivativeAtPrediction' ? prediction : layer_1);
  const dlayer1_dbias = 1;
  const dlayer1_dweights = [...input]; // (0 * weights) + (1 * input_vector)
  const derror_dbias = derror_dprediction * dprediction_dlayer1 * dlayer1_dbias;
  // The tutorial's first, naive update moved the weights by derror_dprediction itself.
  const derror_dweights = mistake === 'derrorDpredictionAsGradient'
    ? dlayer1_dweights.map(() => derror_dprediction)
    : dlayer1_dweights.map((d) => derror_dprediction * dprediction_dlayer1 * d);
  return { layer_1, prediction, derror_dprediction, dprediction_dlayer1, dlayer1_dbias, dlayer1_dweights, derror_dbias, derror_dweights };
}

/** The tutorial's _update_parameters (parameter − gradient · learning_rate), or one of its mistakes. */
export function tutorialUpdate(parameters: TutorialParameters, gradients: TutorialGradients, learningRate: number, mistake?: TutorialMistake): TutorialParameters {
  const step = (value: number, gradient: number) => {
    if (mistake === 'learningRateForgotten') return value - gradient;
    if (mistake === 'plusInsteadOfMinus') return value + gradient * learningRate;
    return value - gradient * learningRate;
  };
  return {
    bias: mistake === 'biasNotUpdated' ? parameters.bias : step(parameters.bias, gradients.derror_dbias),
    weights: parameters.weights.map((weight, i) => step(weight, gradients.derror_dweights[i])),
  };
}

/** Σ np.square(prediction − target) over the rows, summed in row order as the tutorial does. */
export function tutorialCumulativeError(parameters: TutorialParameters, inputs: readonly (readonly number[])[], targets: readonly number[]): number {
  let cumulative = 0;
  inputs.forEach((input, row) => {
    const difference = tutorialPredict(parameters, input).prediction - targets[row];
    cumulative = cumulative + difference * difference;
  });
  return cumulative;
}

export interface TutorialTrainResult {
  cumulative_errors: number[];
  parameters: TutorialParameters;
}

/**
 * The tutorial's train loop with the rows picked in `rowOrder` (one per iteration, as
 * np.random.randint picks them), recording the cumulative error after the update of every
 * iteration divisible by `errorInterval`.
 */
export function tutorialTrain(
  start: TutorialParameters, inputs: readonly (readonly number[])[], targets: readonly number[], rowOrder: readonly number[],
  learningRate: number, errorInterval: number, mistake?: TutorialMistake,
): TutorialTrainResult {
  let parameters: TutorialParameters = { weights: [...start.weights], bias: start.bias };
  const cumulative_errors: number[] = [];
  rowOrder.forEach((row, iteration) => {
    const gradients = tutorialGradients(parameters, inputs[row], targets[row], mistake);
    parameters = tutorialUpdate(parameters, gradients, learningRate, mistake);
    if (iteration % errorInterval === 0) cumulative_errors.push(tutorialCumulativeError(parameters, inputs, targets));
  });
  return { cumulative_errors, parameters };
}
