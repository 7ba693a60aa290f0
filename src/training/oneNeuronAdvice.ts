// The end-of-run advice for one sigmoid neuron that misses training rows, in words: every claim
// is one of the diagnosis's numbers (runDiagnosis.ts), and every suggestion reports what the core
// did when the worker followed it. test/unit/run-advice.test.ts follows it again and compares.
import type { ErrorTail } from '../core/errorTail';
import { l10n } from '../l10n';
import { distinct } from '../lesson/numberText';
import type { OneNeuronFacts, RunDiagnosis, TrialResult } from './runDiagnosis';

/** An error as the advice writes it: 2 decimals, or 2 significant digits below 0.1. */
export function shortNumber(value: number): string {
  return Math.abs(value) >= 0.1 || value === 0 ? value.toFixed(2) : Number(value.toPrecision(2)).toString();
}

/** "a straight line" for 2 features, "a flat boundary" beyond, "a threshold" for one. */
function boundaryWord(features: number): string {
  return features === 1 ? l10n.t('one threshold') : features === 2 ? l10n.t('one straight line') : l10n.t('one flat boundary (a hyperplane)');
}

interface AdviceContext {
  diagnosis: RunDiagnosis;
  settings: { iterations: number; learningRate: number; seed: number };
  features: number;
  testRows: number;
}

export function oneNeuronAdvice({ diagnosis, settings, features, testRows }: AdviceContext): string {
  const facts = diagnosis.oneNeuron;
  const tail = diagnosis.tail;
  if (!facts || !tail) return '';
  const parts = facts.separability.separable === true
    ? separableAdvice(diagnosis.trials, settings, features)
    : notSeparableAdvice(facts, tail, diagnosis.trials, settings, features, testRows);
  return parts.join(' ');
}

function trialOutcome(trial: TrialResult): string {
  const { right, all } = trial.accuracy.train;
  return l10n.t('the error ends near {0} with {1} of {2} rows right', shortNumber(trial.tail.median), right, all);
}

function separableAdvice(trials: TrialResult[], settings: AdviceContext['settings'], features: number): string[] {
  const parts = [l10n.t('These rows can be split by {0}, so one neuron can classify them all; this run has not got there yet.', boundaryWord(features))];
  const [more, faster] = trials;
  if (!more) {
    parts.push(l10n.t('More iterations or a larger learning rate may get it there (too long a run to try here).'));
    return parts;
  }
  const iterations = (more.change.iterations ?? settings.iterations).toLocaleString('en-US');
  if (more.improved) {
    parts.push(l10n.t('Tried: with 10× the iterations ({0}, same seed) {1}. Set "iterations": {2} to get there.', iterations, trialOutcome(more), more.settings.iterations));
    return parts;
  }
  parts.push(l10n.t('With 10× the iterations ({0}, same seed) nothing changes visibly: {1}.', iterations, trialOutcome(more)));
  if (faster?.improved) {
    parts.push(l10n.t('With 10× the learning rate ({0}) instead, {1}: set "learningRate": {0}.', faster.settings.learningRate, trialOutcome(faster)));
  } else if (faster) {
    parts.push(l10n.t('With 10× the learning rate ({0}) neither: {1}. The rows are separable, but only just; the error keeps falling slowly.', faster.settings.learningRate, trialOutcome(faster)));
  }
  return parts;
}

function notSeparableAdvice(facts: OneNeuronFacts, tail: ErrorTail, trials: TrialResult[], settings: AdviceContext['settings'], features: number, testRows: number): string[] {
  const parts: string[] = [];
  const { separability, bestLine, bestNeuron, constant } = facts;
  if (separability.method === 'identical-inputs') {
    return [l10n.t('Some rows have the same inputs but different classes: no network of any shape can classify them all.')];
  }
  if (separability.separable === 'unknown') {
    parts.push(l10n.t('No flat boundary splits these rows with a margin of {0} or more (a perceptron check, {1} corrections, on rows within {2} of their mean): either none splits them, or it passes within {0} of some row.',
      Number(separability.marginBelow.toPrecision(2)), separability.updates.toLocaleString('en-US'), Number(separability.radius.toPrecision(3))));
  } else if (bestLine) {
    parts.push(l10n.t('No straight line splits these rows (an exact test): the best one gets {0} of {1} right, so one neuron, which draws one straight boundary, cannot get them all.', bestLine.right, bestLine.all));
  } else {
    parts.push(l10n.t('No {0} splits these rows (an exact test), so one neuron cannot get them all.', boundaryWord(features).replace(/^one /, '')));
  }
  if (bestNeuron) {
    const [best, flat] = distinct(bestNeuron.error, constant.error, 2);
    const rows = bestLine?.all;
    const balanced = constant.answer === 0.5 && rows ? l10n.t(' = {0} × 0.5²', rows) : '';
    parts.push(l10n.t('The lowest summed error any single sigmoid neuron reaches on them is {0}; answering {1} to every row gives {2}{3}.', best, shortNumber(constant.answer), flat, balanced));
    if (bestNeuron.error >= 0.9 * constant.error) {
      parts.push(facts.tutorialRows
        ? l10n.t('So one neuron can barely tell these rows apart: as the tutorial says, "the data set is random and very small".')
        : l10n.t('So one neuron can barely tell these rows apart.'));
    }
    parts.push(tail.median <= 1.1 * bestNeuron.error
      ? l10n.t('This run stays near {0}, within 10% of that floor: no number of iterations takes one neuron below {1}.', shortNumber(tail.median), best)
      : l10n.t('This run stays near {0}, still above that floor.', shortNumber(tail.median)));
  }
  const [same, longer] = trials;
  if (!same) return parts;
  const layers = JSON.stringify(same.settings.hiddenLayers);
  if (same.improved) {
    parts.push(l10n.t('Tried: with "hiddenLayers": {0} (same seed, learning rate and iterations) {1}.', layers, trialOutcome(same)));
  } else {
    parts.push(l10n.t('A hidden layer can bend the boundary, but with "hiddenLayers": {0} and the same {1} iterations (same seed and learning rate) nothing changes visibly: {2}.', layers, settings.iterations.toLocaleString('en-US'), trialOutcome(same)));
    if (longer) {
      parts.push(longer.improved
        ? l10n.t('With {0} iterations {1}.', longer.settings.iterations.toLocaleString('en-US'), trialOutcome(longer))
        : l10n.t('With {0} iterations neither: {1}.', longer.settings.iterations.toLocaleString('en-US'), trialOutcome(longer)));
    }
  }
  const last = trials[trials.length - 1];
  parts.push(fitWarning(last, facts.tutorialRows, testRows));
  return parts.filter(Boolean);
}

/** A perfect fit says nothing about new rows; with as many parameters as rows it can be memorising. */
function fitWarning(trial: TrialResult, tutorialRows: boolean, testRows: number): string {
  const { right, all } = trial.accuracy.train;
  if (testRows > 0) {
    const test = trial.accuracy.test;
    return l10n.t('On the {0} held-out test rows that network gets {1} right: that, not the training score, tells whether it learned.', test.all, test.right);
  }
  if (right < all || trial.parameters < all) return '';
  if (tutorialRows) {
    return l10n.t('But that network has {0} parameters for {1} rows: a perfect fit of {1} random points is memorising, not learning. Hold out test rows (Split Dataset…) to see what a model learns.', trial.parameters, all);
  }
  return l10n.t('But that network has {0} parameters for {1} rows, enough to fit them one by one: a perfect score on the rows it trained on cannot tell learning from memorising. Hold out test rows (Split Dataset…) to find out.', trial.parameters, all);
}
