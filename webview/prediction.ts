// The latest prediction: "Row 3: input [1.66, 1.56] → 0.799 ⇒ class 1 ✓".
import { classVerdict } from '../src/core/classes';
import type { PredictionView } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { l10n } from '../src/l10n';
import { formatSignificant, formatValue } from './format';

/** Rows are numbered from 1 for people; the host sends the 0-based index into the file's rows. */
export function rowLabel(row: number): string {
  return l10n.t('Row {0}', row + 1);
}

function verdict(prediction: PredictionView): string[] {
  const parts: string[] = [];
  const classes = classVerdict(prediction.output, prediction.prediction, prediction.target);
  if (classes) {
    parts.push(`⇒ ${l10n.t('class {0}', classes.predictedClass)}`);
    if (classes.correct !== undefined) parts.push(classes.correct ? '✓' : `✗ (${l10n.t('target {0}', String(prediction.target))})`);
  } else if (prediction.target !== undefined) {
    parts.push(`(${l10n.t('target {0}, off by {1}', formatSignificant(prediction.target, 6), formatSignificant(prediction.prediction - prediction.target, 3))})`);
  }
  return parts;
}

/** Returns false when there is nothing to show, so the caller can hide the pane. */
export function renderPrediction(container: HTMLElement, prediction: PredictionView | undefined): boolean {
  if (!prediction) {
    replaceChildren(container);
    container.removeAttribute('data-prediction');
    return false;
  }
  container.dataset.prediction = String(prediction.prediction);
  container.dataset.row = String(prediction.row);
  const value = Number.isFinite(prediction.prediction) ? prediction.prediction.toFixed(3) : formatSignificant(prediction.prediction, 3);
  replaceChildren(
    container,
    el(
      'p',
      { class: 'prediction-line' },
      el('span', { class: 'prediction-row' }, `${rowLabel(prediction.row)}: `),
      l10n.t('input '),
      el('span', { class: 'number' }, formatValue(prediction.input, 6)),
      ' → ',
      el('strong', { class: 'number prediction-value', 'data-value': String(prediction.prediction) }, value),
      ' ',
      verdict(prediction).join(' '),
    ),
    prediction.untrained ? el('p', { class: 'note' }, `(${l10n.t('untrained: random weights')})`) : null,
  );
  return true;
}
