// The status line (iteration, speed, latest error in words) and the end-of-run message.
import { replaceChildren } from './dom';
import { formatInteger, formatSignificant } from './format';
import { penaltyName } from './penalty';
import type { RunSeries, ViewStatus } from './runs';

export const EMPTY_STATE_TEXT = 'No training yet. Run “Neural Network: Train Network” on a dataset file (*.nn.json).';

const ENDED_WORDS: Record<Exclude<ViewStatus, 'idle' | 'running'>, string> = {
  completed: 'Training completed',
  stopped: 'Training stopped',
  diverged: 'Training diverged',
  saturated: 'Training saturated',
  failed: 'Training failed',
};

/** Statuses that need the learner's attention: shown as a warning with the host's advice. */
const WARNING_STATUSES = new Set<ViewStatus>(['diverged', 'saturated', 'failed']);

function errorWords(run: RunSeries): string {
  if (run.lastError === undefined) return 'no error recorded yet';
  const regularization = run.info.settings.regularization;
  if (regularization && run.lastPenalized !== undefined) {
    // Both sums at the last recorded iteration (they arrive together), each named by its line on
    // the chart; with a test split the lines are drawn per row, and the words say so.
    const summed = run.unit === 'mean' ? ` summed over the ${formatInteger(run.info.trainRows)} training rows` : '';
    const drawn = run.unit === 'mean' ? ', drawn per row' : '';
    return `latest error ${formatSignificant(run.lastError, 4)}${summed} without the penalty (solid curve${drawn}), ` +
      `${formatSignificant(run.lastPenalized, 4)} with the ${penaltyName(regularization)} once per training row (dotted curve${drawn})`;
  }
  if (run.unit === 'mean') {
    // The curves are means per row (a test split); the status keeps the tutorial's sum and says both.
    return `latest error ${formatSignificant(run.lastError, 4)} summed over the ${formatInteger(run.info.trainRows)} training rows ` +
      `(${formatSignificant(run.lastError / Math.max(1, run.info.trainRows), 4)} per row, as drawn)`;
  }
  return `latest error ${formatSignificant(run.lastError, 4)}`;
}

export function statusText(run: RunSeries | undefined, status: ViewStatus): string {
  if (!run) return EMPTY_STATE_TEXT;
  const total = run.info.settings.iterations;
  const where = `${run.info.datasetName}, learning rate ${run.info.settings.learningRate}`;
  if (status === 'running') {
    return (
      `Training ${where}: iteration ${formatInteger(run.iteration)} of ${formatInteger(total)}, ` +
      `${formatInteger(run.stepsPerSecond)} steps per second, ${errorWords(run)}.`
    );
  }
  const ended = status === 'idle' ? 'Training' : ENDED_WORDS[status];
  return `${ended} (${where}) after ${formatInteger(run.iteration)} of ${formatInteger(total)} iterations, ${errorWords(run)}.`;
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
