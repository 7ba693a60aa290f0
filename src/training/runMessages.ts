// What a learner reads when a run ends: the cause in the tutorial's terms, and what to try next.
import type { RunStatus } from '../protocol';
import { l10n } from '../l10n';
import { distinct } from '../lesson/numberText';
import { oneNeuronAdvice, shortNumber } from './oneNeuronAdvice';
import type { RunDiagnosis } from './runDiagnosis';

interface RunFacts {
  iteration: number;
  accuracy?: { train: { right: number; all: number }; test: { right: number; all: number } };
  lastError: number | undefined;
  info: { settings: { learningRate: number; iterations: number; seed: number; hiddenLayers: number[] }; largestInput?: number; testRows?: number };
  /** Computed in the worker when a run completes: the facts the advice states and the advice followed. */
  diagnosis?: RunDiagnosis;
}

/** Inputs beyond this size make plain SGD steps huge: the tutorial's features are single digits. */
const LARGE_INPUT = 20;

const format = (value: number) => (Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : value.toPrecision(4));

export function suggestedLearningRate(learningRate: number): number {
  return Number((learningRate / 10).toPrecision(2));
}

export function endMessage(status: RunStatus, run: RunFacts, detail: string): string {
  const { learningRate, iterations, seed } = run.info.settings;
  const error = run.lastError === undefined ? '' : ' ' + l10n.t('Cumulative error: {0}.', format(run.lastError));
  switch (status) {
    case 'completed':
      return l10n.t('Finished {0} iterations (seed {1}).', iterations.toLocaleString('en-US'), seed) + error + describeAccuracy(run.accuracy) + tailSentence(run) + adviceOf(run);
    case 'stopped':
      return l10n.t('Stopped at iteration {0}.', run.iteration.toLocaleString('en-US')) + error;
    case 'diverged':
      return (
        l10n.t('Training diverged at iteration {0}: the weights became too large to represent (NaN or Infinity), because each gradient-descent step of learning rate {1} overshoots and the next gradient is bigger still. Lower the learning rate (try {2}).',
          run.iteration.toLocaleString('en-US'), learningRate, suggestedLearningRate(learningRate)) + largeInputAdvice(run)
      );
    case 'saturated':
      return (
        l10n.t('Training saturated: the sigmoid output is pinned near 0 or 1, so its derivative — and every gradient — is almost zero ({0}) and the error cannot fall.', detail) +
        error + ' ' + l10n.t('Lower the learning rate (try {0}) so the weights stay small.', suggestedLearningRate(learningRate))
      );
    case 'failed':
      return l10n.t('Training failed: {0}', detail);
  }
}

function describeAccuracy(accuracy: RunFacts['accuracy']): string {
  if (!accuracy) return '';
  const percent = ({ right, all }: { right: number; all: number }) => Math.round((100 * right) / all);
  const train = accuracy.train.all ? ' ' + l10n.t('Training accuracy {0}/{1} ({2}%).', accuracy.train.right, accuracy.train.all, percent(accuracy.train)) : '';
  const test = accuracy.test.all ? ' ' + l10n.t('Test accuracy {0}/{1} ({2}%).', accuracy.test.right, accuracy.test.all, percent(accuracy.test)) : '';
  return train + test;
}

/** Where the error stays, by the median of its last records: the last one alone is often a spike. */
function tailSentence(run: RunFacts): string {
  const tail = run.diagnosis?.tail;
  if (!tail || tail.count < 2 || run.lastError === undefined) return '';
  const [low, high] = distinct(tail.low, tail.high, 2);
  return tail.settled
    ? ' ' + l10n.t('Over the last {0} recorded errors it stays near {1} (from {2} to {3}).', tail.count, shortNumber(tail.median), low, high)
    : ' ' + l10n.t('Over the last {0} recorded errors it does not settle: from {1} to {2}.', tail.count, low, high);
}

function adviceOf(run: RunFacts): string {
  if (!run.diagnosis) return '';
  const advice = oneNeuronAdvice({ diagnosis: run.diagnosis, settings: run.info.settings, features: run.diagnosis.oneNeuron?.features ?? 0, testRows: run.info.testRows ?? 0 });
  return advice ? ` ${advice}` : '';
}

function largeInputAdvice(run: RunFacts): string {
  const largest = run.info.largestInput;
  if (largest === undefined || largest <= LARGE_INPUT) return '';
  return ' ' + l10n.t('The inputs are large (up to {0}): every gradient is multiplied by them, so even a small learning rate overshoots. Scale the features to single digits (e.g. an area in hundreds of m², an age in decades) and train again.',
    Number(largest.toPrecision(4)));
}
