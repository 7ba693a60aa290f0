// What the end-of-run advice rests on, computed in the worker from the rows and the finished
// network: for one neuron that misses training rows, whether one straight boundary can split them
// at all (and the best any line or single neuron does), and then the advice itself, *followed*: the
// suggested settings are run by the core here, so the message reports what they did rather than
// promising it. Pure (core only): it runs in a Node worker, a Web Worker and plain tests.
import { createTrainer } from '../core/training';
import { NeuralNetwork } from '../core/network';
import { countCorrect } from '../core/classes';
import { errorTail, type ErrorTail } from '../core/errorTail';
import { rowsFacts } from '../core/rowsFacts';
import type { Separability } from '../core/separability';
import type { TrainingSettings } from '../protocol';
import type { Accuracy } from './workerProtocol';
import { isTutorialData } from '../lesson/tutorialRows';

/** A trial's iterations × parameters, plus its error records' rows × parameters, stay under this. */
export const TRIAL_WORK_BUDGET = 10_000_000;
/** Trials record the error this many times, whatever their length: enough for a tail median. */
const TRIAL_RECORDS = 100;
/** Steps per chunk of a trial, between which a Stop is honoured. */
const TRIAL_CHUNK = 20_000;
/** A visible improvement: the tail's median at least this much lower (relative)… */
export const VISIBLE_ERROR_DROP = 0.2;
/** …or at least this share of the training rows (and at least one more row) classified right. */
export const VISIBLE_ACCURACY_GAIN = 0.05;
/** The hidden layer the advice tries: the walkthrough's and the schema's example. */
export const SUGGESTED_HIDDEN_LAYERS = [4];

export interface TrialResult {
  /** What the trial changed, relative to the run. */
  change: { iterations?: number; learningRate?: number; hiddenLayers?: number[] };
  settings: TrainingSettings;
  parameters: number;
  tail: ErrorTail;
  accuracy: { train: Accuracy; test: Accuracy };
  improved: boolean;
}

export interface OneNeuronFacts {
  separability: Separability;
  bestLine?: { right: number; all: number };
  bestNeuron?: { error: number; lowest: number; highest: number };
  constant: { answer: number; error: number };
  /** The range of the trained neuron's answers on the training rows. */
  answers: { lowest: number; highest: number };
  /** The rows are the tutorial's eight, so its words about them ("random and very small") apply. */
  tutorialRows: boolean;
  /** How many inputs the neuron takes (derived ones with feature crosses): its boundary is straight in these. */
  features: number;
}

export interface RunDiagnosis {
  /** The last records of the run's training error (robust where the last record is a spike). */
  tail?: ErrorTail;
  oneNeuron?: OneNeuronFacts;
  /** The advice, followed: at most two trials, in the order tried. */
  trials: TrialResult[];
}

export interface FinishedRun {
  settings: TrainingSettings;
  network: NeuralNetwork;
  inputs: number[][];
  targets: number[];
  testInputs: number[][];
  testTargets: number[];
  /** The file's start weights and bias (one neuron only): a trial without hidden layers starts there too, as the file would. */
  start?: { weights: number[]; bias: number };
  /** The run's recorded training errors, at least the last TAIL_RECORDS. */
  recentErrors: number[];
  accuracy: { train: Accuracy; test: Accuracy };
}

export function countParameters(network: NeuralNetwork): number {
  return network.parameters().reduce((sum, layer) => sum + layer.biases.length * ((layer.weights[0]?.length ?? 0) + 1), 0);
}

function accuracyOf(network: NeuralNetwork, inputs: number[][], targets: number[]): Accuracy {
  return countCorrect((input) => network.predict(input), inputs, targets);
}

/** True when the trial visibly beats the run: a much lower error tail, or clearly more rows right. */
export function visiblyBetter(run: { tail: ErrorTail; right: number }, trial: { tail: ErrorTail; right: number }, rows: number): boolean {
  const gain = trial.right - run.right;
  return trial.tail.median <= (1 - VISIBLE_ERROR_DROP) * run.tail.median || (gain >= 1 && gain >= VISIBLE_ACCURACY_GAIN * rows);
}

/**
 * Runs the run's settings with `change` applied, on the same seed and rows; undefined when it would
 * exceed TRIAL_WORK_BUDGET or a stop is asked for meanwhile.
 */
export async function runTrial(run: FinishedRun, change: TrialResult['change'], stopRequested: () => boolean | Promise<boolean>, before: { tail: ErrorTail; right: number }): Promise<TrialResult | undefined> {
  const settings: TrainingSettings = { ...run.settings, ...change };
  // Built as the worker builds the run's network: only `change` differs (regularization and batch size carry over).
  const network = new NeuralNetwork({
    learningRate: settings.learningRate, seed: settings.seed, hiddenLayers: settings.hiddenLayers, activation: settings.activation,
    output: settings.output, inputSize: run.inputs[0].length, ...(settings.inputs ? { inputs: settings.inputs } : {}),
    ...(settings.regularization ? { regularization: settings.regularization } : {}),
    ...(run.start && settings.hiddenLayers.length === 0 && !settings.inputs ? run.start : {}),
  });
  const parameters = countParameters(network);
  const errorInterval = Math.max(1, Math.floor(settings.iterations / TRIAL_RECORDS));
  const work = (settings.iterations * (settings.batchSize ?? 1) + TRIAL_RECORDS * run.inputs.length) * parameters;
  if (work > TRIAL_WORK_BUDGET) return undefined;
  const trainer = createTrainer(network, run.inputs, run.targets, { iterations: settings.iterations, errorInterval, batchSize: settings.batchSize });
  const errors: number[] = [];
  while (!trainer.done) {
    for (const [, error] of trainer.run(TRIAL_CHUNK).errors) errors.push(error);
    if (await stopRequested()) return undefined;
  }
  const tail = errorTail(errors);
  if (trainer.diverged || !tail) return undefined;
  const accuracy = { train: accuracyOf(network, run.inputs, run.targets), test: accuracyOf(network, run.testInputs, run.testTargets) };
  return { change, settings, parameters, tail, accuracy, improved: visiblyBetter(before, { tail, right: accuracy.train.right }, run.inputs.length) };
}

/**
 * For a completed run of one sigmoid neuron that misses training rows: the facts of its rows, and
 * the advice followed. Rows that one straight boundary can split get more iterations (then a
 * larger learning rate); rows it cannot split get a hidden layer (then also more iterations).
 */
export async function diagnoseRun(run: FinishedRun, stopRequested: () => boolean | Promise<boolean>): Promise<RunDiagnosis> {
  const tail = errorTail(run.recentErrors);
  const diagnosis: RunDiagnosis = { tail, trials: [] };
  const { settings, network, accuracy } = run;
  const oneNeuron = settings.hiddenLayers.length === 0 && settings.output === 'sigmoid';
  if (!oneNeuron || !tail || accuracy.train.right === accuracy.train.all) return diagnosis;
  // One neuron's boundary is straight in the inputs it takes: the derived ones when the file has feature crosses.
  const facts = rowsFacts(run.inputs.map((row) => network.networkInputs(row)), run.targets);
  const answers = run.inputs.map((row) => network.predict(row));
  diagnosis.oneNeuron = {
    ...facts, answers: { lowest: Math.min(...answers), highest: Math.max(...answers) }, tutorialRows: isTutorialData(run.inputs, run.targets),
    features: network.rowStride,
  };
  const before = { tail, right: accuracy.train.right };
  // Rows with the same inputs and different classes: no network of any shape classifies them all, so nothing to try.
  const plan: TrialResult['change'][] = facts.separability.method === 'identical-inputs' ? []
    : facts.separability.separable === true
      ? [{ iterations: settings.iterations * 10 }, { learningRate: settings.learningRate * 10 }]
      : [{ hiddenLayers: SUGGESTED_HIDDEN_LAYERS }, { hiddenLayers: SUGGESTED_HIDDEN_LAYERS, iterations: settings.iterations * 10 }];
  for (const change of plan) {
    const trial = await runTrial(run, change, stopRequested, before);
    if (!trial) break;
    diagnosis.trials.push(trial);
    if (trial.improved) break;
  }
  return diagnosis;
}
