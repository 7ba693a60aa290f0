// What each check calls and what it expects, built from the core alone: the tutorial's worked
// inputs (the lesson's), the core's values for them, and, for train, the row order of the lab's
// own seeded run. Pure: no vscode, no Node, so the unit tests and the classifier use it as is.
//
// buildSpecs(mistake) builds the same checks with the expected values of one of the tutorial's
// mistakes (src/core/tutorialStep.ts): the classifier compares a learner's numbers with those.
import { sigmoid, sigmoidDerivative } from '../core/activations';
import { NeuralNetwork } from '../core/network';
import {
  tutorialGradients, tutorialPredict, tutorialTrain, tutorialUpdate, type TutorialMistake, type TutorialParameters,
} from '../core/tutorialStep';
import { TUTORIAL_INPUTS } from '../lesson/checkpoints';
import { EXERCISE_FUNCTIONS, type ExerciseFunctionId } from './functions';

/** An argument as the harness builds it in Python: a float, an int, or np.array(values). */
export type PythonArgument = { float: number } | { int: number } | { array: number[] | number[][]; dtype?: 'int' };

export type Expectation =
  /** Equal to this number or vector (to the comparer's tolerance). */
  | { kind: 'value'; value: number | number[] }
  /** Any finite number (no length) or a vector of `length` finite numbers: the random start values. */
  | { kind: 'finite'; length?: number };

export interface Term {
  /** As messages show it: layer_1, self.weights, cumulative_errors. */
  name: string;
  /** local: a variable of the function when it returns (used to say where a failure starts);
   *  returned / attribute: what the function must get right to pass. */
  source: 'local' | 'returned' | 'attribute';
  /** local: the names it may have in the learner's code, the tutorial's first; attribute: its name. */
  keys: string[];
  /** returned: the element of a returned tuple; absent: the whole returned value. */
  index?: number;
  expected: Expectation;
}

export interface CheckCase {
  /** The call as Python reads it, for messages. */
  call: string;
  args: PythonArgument[];
  /** __init__: the class is called; its result's attributes are checked. */
  construct?: boolean;
  /** Methods: the instance is made without __init__ and given these attributes first. */
  instance?: Record<string, PythonArgument>;
  /** train: np.random.randint returns these rows, one per call, so the learner replays the lab's run. */
  replayRandint?: { n: number; rows: number[] };
  terms: Term[];
}

export interface FunctionSpec {
  id: ExerciseFunctionId;
  cases: CheckCase[];
}

export type Specs = Record<ExerciseFunctionId, FunctionSpec>;

/** The tutorial's eight rows and targets, learning rate and the lesson's worked inputs. */
export interface ExerciseData {
  firstInput: number[];
  firstTarget: number;
  wrongInput: number[];
  wrongTarget: number;
  weights: number[];
  bias: number;
  learningRate: number;
  inputVectors: number[][];
  targets: number[];
  trainIterations: number;
  errorInterval: number;
  trainSeed: number;
}

export const EXERCISE_DATA: ExerciseData = {
  firstInput: TUTORIAL_INPUTS.firstInput,
  firstTarget: TUTORIAL_INPUTS.firstTarget,
  wrongInput: TUTORIAL_INPUTS.wrongInput,
  wrongTarget: TUTORIAL_INPUTS.wrongTarget,
  weights: TUTORIAL_INPUTS.weights,
  bias: TUTORIAL_INPUTS.bias,
  learningRate: TUTORIAL_INPUTS.learningRate,
  inputVectors: [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]],
  targets: [0, 1, 0, 1, 0, 1, 1, 0],
  /** train is replayed over this many iterations of the lab's seeded run. */
  trainIterations: 2000,
  /** The tutorial records the cumulative error when current_iteration % 100 == 0. */
  errorInterval: 100,
  trainSeed: 42,
};

const value = (v: number | number[]): Expectation => ({ kind: 'value', value: v });
const local = (name: string, v: number | number[]): Term => ({ name, source: 'local', keys: [name], expected: value(v) });
const attribute = (name: string, expected: Expectation): Term => ({ name: `self.${name}`, source: 'attribute', keys: [name], expected });

const floatArgument = (x: number): PythonArgument => ({ float: x });
const arrayArgument = (values: number[] | number[][], dtype?: 'int'): PythonArgument => (dtype ? { array: values, dtype } : { array: values });

function pythonNumber(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

function pythonArgument(argument: PythonArgument): string {
  if ('float' in argument) return pythonNumber(argument.float);
  if ('int' in argument) return String(argument.int);
  return `np.array(${JSON.stringify(argument.array).replace(/,/g, ', ')})`;
}

function callText(name: string, args: PythonArgument[]): string {
  return `${name}(${args.map(pythonArgument).join(', ')})`;
}

/** The instance a method is called on: the tutorial's start values, set by the check. */
function startInstance(parameters: TutorialParameters, learningRate: number): Record<string, PythonArgument> {
  return { weights: arrayArgument(parameters.weights), bias: floatArgument(parameters.bias), learning_rate: floatArgument(learningRate) };
}

/** The rows the lab's seeded run picks, one per iteration, as NeuralNetwork.train draws them. */
export function labRowOrder(seed: number, rows: number, iterations: number): number[] {
  const sampler = new NeuralNetwork({ learningRate: 0.1, seed }).sampler;
  return Array.from({ length: iterations }, () => sampler.randomInt(rows));
}

function sigmoidCases(data: ExerciseData, name: string, derivative: boolean): CheckCase[] {
  const start: TutorialParameters = { weights: data.weights, bias: data.bias };
  const first = tutorialPredict(start, data.firstInput).layer_1;
  const wrong = tutorialPredict(start, data.wrongInput).layer_1;
  // The layer_1 of both worked examples, and 0 and a negative number, which they do not reach.
  return [first, wrong, 0, -wrong].map((x) => {
    const args = [floatArgument(x)];
    return { call: callText(name, args), args, terms: [{ name: 'returned value', source: 'returned', keys: [], expected: value(derivative ? sigmoidDerivative(x) : sigmoid(x)) }] };
  });
}

function makePredictionCases(data: ExerciseData): CheckCase[] {
  const { weights, bias } = data;
  return [data.firstInput, data.wrongInput].map((input) => {
    // The tutorial passes bias = np.array([0.0]).
    const args = [arrayArgument(input), arrayArgument(weights), arrayArgument([bias])];
    const { layer_1, prediction } = tutorialPredict({ weights, bias }, input);
    return {
      call: callText('make_prediction', args),
      args,
      terms: [
        local('layer_1', layer_1),
        local('layer_2', prediction),
        local('prediction', prediction),
        { name: 'returned prediction', source: 'returned', keys: [], expected: value(prediction) },
      ],
    };
  });
}

function initCases(data: ExerciseData): CheckCase[] {
  const args = [floatArgument(data.learningRate)];
  const inputs = data.weights.length;
  return [{
    call: callText('NeuralNetwork', args),
    args,
    construct: true,
    terms: [
      attribute('weights', { kind: 'finite', length: inputs }),
      attribute('bias', { kind: 'finite' }),
      attribute('learning_rate', value(data.learningRate)),
    ],
  }];
}

function predictCases(data: ExerciseData): CheckCase[] {
  const start: TutorialParameters = { weights: data.weights, bias: data.bias };
  return [data.firstInput, data.wrongInput].map((input) => {
    const args = [arrayArgument(input)];
    const { layer_1, prediction } = tutorialPredict(start, input);
    return {
      call: callText('predict', args),
      args,
      instance: startInstance(start, data.learningRate),
      terms: [
        local('layer_1', layer_1),
        local('layer_2', prediction),
        local('prediction', prediction),
        { name: 'returned prediction', source: 'returned', keys: [], expected: value(prediction) },
      ],
    };
  });
}

function computeGradientsCases(data: ExerciseData, mistake?: TutorialMistake): CheckCase[] {
  const start: TutorialParameters = { weights: data.weights, bias: data.bias };
  const worked: [number[], number][] = [[data.wrongInput, data.wrongTarget], [data.firstInput, data.firstTarget]];
  return worked.map(([input, target]) => {
    const args = [arrayArgument(input), { int: target }];
    const terms = tutorialGradients(start, input, target, mistake);
    return {
      call: callText('_compute_gradients', args),
      args,
      instance: startInstance(start, data.learningRate),
      terms: [
        local('layer_1', terms.layer_1),
        local('layer_2', terms.prediction),
        local('prediction', terms.prediction),
        local('derror_dprediction', terms.derror_dprediction),
        local('dprediction_dlayer1', terms.dprediction_dlayer1),
        local('dlayer1_dbias', terms.dlayer1_dbias),
        local('dlayer1_dweights', terms.dlayer1_dweights),
        local('derror_dbias', terms.derror_dbias),
        local('derror_dweights', terms.derror_dweights),
        { name: 'returned derror_dbias', source: 'returned', keys: [], index: 0, expected: value(terms.derror_dbias) },
        { name: 'returned derror_dweights', source: 'returned', keys: [], index: 1, expected: value(terms.derror_dweights) },
      ],
    };
  });
}

function updateParametersCases(data: ExerciseData, mistake?: TutorialMistake): CheckCase[] {
  const start: TutorialParameters = { weights: data.weights, bias: data.bias };
  // The gradients of the tutorial's wrong prediction, as a correct _compute_gradients returns them.
  const gradients = tutorialGradients(start, data.wrongInput, data.wrongTarget);
  const after = tutorialUpdate(start, gradients, data.learningRate, mistake);
  const args = [floatArgument(gradients.derror_dbias), arrayArgument(gradients.derror_dweights)];
  return [{
    call: callText('_update_parameters', args),
    args,
    instance: startInstance(start, data.learningRate),
    // The tutorial updates the bias first, then the weights.
    terms: [attribute('bias', value(after.bias)), attribute('weights', value(after.weights))],
  }];
}

function trainCases(data: ExerciseData, mistake?: TutorialMistake): CheckCase[] {
  const { inputVectors, targets, trainIterations, errorInterval, learningRate, trainSeed } = data;
  const start: TutorialParameters = { weights: data.weights, bias: data.bias };
  const rows = labRowOrder(trainSeed, inputVectors.length, trainIterations);
  const run = tutorialTrain(start, inputVectors, targets, rows, learningRate, errorInterval, mistake);
  const args: PythonArgument[] = [arrayArgument(inputVectors), arrayArgument(targets, 'int'), { int: trainIterations }];
  return [{
    call: callText('train', args),
    args,
    instance: startInstance(start, learningRate),
    replayRandint: { n: inputVectors.length, rows },
    terms: [
      { name: 'cumulative_errors', source: 'returned', keys: [], expected: value(run.cumulative_errors) },
      attribute('weights', value(run.parameters.weights)),
      attribute('bias', value(run.parameters.bias)),
    ],
  }];
}

/** Every check, with the core's expected values, or those of one of the tutorial's mistakes. */
export function buildSpecs(mistake?: TutorialMistake, data: ExerciseData = EXERCISE_DATA): Specs {
  const cases: Record<ExerciseFunctionId, CheckCase[]> = {
    sigmoid: sigmoidCases(data, 'sigmoid', false),
    sigmoid_deriv: sigmoidCases(data, 'sigmoid_deriv', true),
    make_prediction: makePredictionCases(data),
    'NeuralNetwork.__init__': initCases(data),
    'NeuralNetwork._sigmoid': sigmoidCases(data, '_sigmoid', false),
    'NeuralNetwork._sigmoid_deriv': sigmoidCases(data, '_sigmoid_deriv', true),
    'NeuralNetwork.predict': predictCases(data),
    'NeuralNetwork._compute_gradients': computeGradientsCases(data, mistake),
    'NeuralNetwork._update_parameters': updateParametersCases(data, mistake),
    'NeuralNetwork.train': trainCases(data, mistake),
  };
  return Object.fromEntries(EXERCISE_FUNCTIONS.map((fn) => [fn.id, { id: fn.id, cases: cases[fn.id] }])) as Specs;
}

/** What the harness is sent for one function: the calls to make, never an expected value. */
export interface HarnessCheck {
  id: ExerciseFunctionId;
  function: string;
  className?: string;
  cases: {
    args: PythonArgument[];
    construct?: boolean;
    instance?: Record<string, PythonArgument>;
    replayRandint?: { n: number; rows: number[] };
    /** Local variables to report when the function returns. */
    capture: string[];
    attributes: string[];
  }[];
}

export function harnessCheck(spec: FunctionSpec): HarnessCheck {
  const fn = EXERCISE_FUNCTIONS.find((candidate) => candidate.id === spec.id)!;
  return {
    id: spec.id,
    function: fn.name,
    ...(fn.className ? { className: fn.className } : {}),
    cases: spec.cases.map((testCase) => ({
      args: testCase.args,
      ...(testCase.construct ? { construct: true } : {}),
      ...(testCase.instance ? { instance: testCase.instance } : {}),
      ...(testCase.replayRandint ? { replayRandint: testCase.replayRandint } : {}),
      capture: [...new Set(testCase.terms.filter((term) => term.source === 'local').flatMap((term) => term.keys))],
      attributes: testCase.terms.filter((term) => term.source === 'attribute').flatMap((term) => term.keys),
    })),
  };
}
