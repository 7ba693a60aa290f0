// The status line (iteration, speed, latest error in words) and the end-of-run message.
import { replaceChildren } from './dom';
import { l10n } from '../src/l10n';
import { formatInteger, formatSignificant } from './format';
import { penaltyName } from './penalty';
import type { RunSeries, ViewStatus } from './runs';

export const EMPTY_STATE_TEXT = l10n.t('No training yet. Run “Neural Network: Train Network” on a dataset file (*.nn.json).');

const ENDED_WORDS: Record<Exclude<ViewStatus, 'idle' | 'running'>, string> = {
  completed: l10n.t('Training completed'),
  stopped: l10n.t('Training stopped'),
  diverged: l10n.t('Training diverged'),
  saturated: l10n.t('Training saturated'),
  failed: l10n.t('Training failed'),
};

/** Statuses that need the learner's attention: shown as a warning with the host's advice. */
const WARNING_STATUSES = new Set<ViewStatus>(['diverged', 'saturated', 'failed']);

function errorWords(run: RunSeries): string {
  if (run.lastError === undefined) return l10n.t('no error recorded yet');
  const regularization = run.info.settings.regularization;
  if (regularization && run.lastPenalized !== undefined) {
    // Both sums at the last recorded iteration (they arrive together), each named by its line on
    // the chart; with a test split the lines are drawn per row, and the words say so.
    const error = formatSignificant(run.lastError, 4);
    const penalized = formatSignificant(run.lastPenalized, 4);
    return run.unit === 'mean'
      ? l10n.t('latest error {0} summed over the {1} training rows without the penalty (solid curve, drawn per row), {2} with the {3} once per training row (dotted curve, drawn per row)',
        error, formatInteger(run.info.trainRows), penalized, penaltyName(regularization))
      : l10n.t('latest error {0} without the penalty (solid curve), {1} with the {2} once per training row (dotted curve)', error, penalized, penaltyName(regularization));
  }
  if (run.unit === 'mean') {
    // The curves are means per row (a test split); the status keeps the tutorial's sum and says both.
    return l10n.t('latest error {0} summed over the {1} training rows ({2} per row, as drawn)',
      formatSignificant(run.lastError, 4), formatInteger(run.info.trainRows), formatSignificant(run.lastError / Math.max(1, run.info.trainRows), 4));
  }
  return l10n.t('latest error {0}', formatSignificant(run.lastError, 4));
}

export function statusText(run: RunSeries | undefined, status: ViewStatus): string {
  if (!run) return EMPTY_STATE_TEXT;
  const total = run.info.settings.iterations;
  const where = l10n.t('{0}, learning rate {1}', run.info.datasetName, run.info.settings.learningRate);
  if (status === 'running') {
    return l10n.t('Training {0}: iteration {1} of {2}, {3} steps per second, {4}.', where, formatInteger(run.iteration), formatInteger(total), formatInteger(run.stepsPerSecond), errorWords(run));
  }
  const ended = status === 'idle' ? l10n.t('Training') : ENDED_WORDS[status];
  return l10n.t('{0} ({1}) after {2} of {3} iterations, {4}.', ended, where, formatInteger(run.iteration), formatInteger(total), errorWords(run));
}

/** Shows the run's end message; warnings (diverged, saturated, failed) stand out. Hidden otherwise. */
export function renderRunMessage(container: HTMLElement, run: RunSeries | undefined): void {
  const end = run?.end;
  const message = end?.message.trim();
  if (!end || !message) {
    container.hidden = true;
    replaceChildren(container);
    container.removeAttribute('data-severity');
    return;
  }
  const warning = WARNING_STATUSES.has(end.status);
  container.hidden = false;
  container.dataset.severity = warning ? 'warning' : 'info';
  replaceChildren(container, warning ? `⚠ ${ENDED_WORDS[end.status]}: ${message}` : message);
}
