// The step debugger's view of one SGD iteration: which row was picked, what the network
// predicted, and every parameter before the update, its gradient and after
// (after = before − learning_rate · gradient, the tutorial's _update_parameters).
import { classVerdict } from '../src/core/classes';
import type { LayerParameters } from '../src/core/types';
import type { StepView } from '../src/protocol';
import { el, replaceChildren, sentence } from './dom';
import { l10n } from '../src/l10n';
import { formatInteger, formatSignificant, formatValue } from './format';

const DIGITS = 6;
/** A 256-wide net has ~65,000 weights per layer: a table that long helps nobody and stalls the page. */
const MAX_ROWS = 300;

interface ParameterEntry {
  /** Stable key for tools and tests: "layer0.w0.1" (layer 0, unit 0, input 1), "layer0.b0". */
  key: string;
  /** What the learner reads: the tutorial's names for its single neuron. */
  name: string;
  before: number;
  gradient: number;
  after: number;
}

function entries(before: LayerParameters[], gradients: LayerParameters[], after: LayerParameters[]): ParameterEntry[] {
  const isTutorialNet = before.length === 1 && before[0]!.weights.length === 1;
  const list: ParameterEntry[] = [];
  before.forEach((layer, l) => {
    layer.weights.forEach((row, unit) => {
      row.forEach((weight, input) => {
        list.push({
          key: `layer${l}.w${unit}.${input}`,
          name: isTutorialNet ? `weights[${input}]` : `layer ${l + 1} weights[${unit}][${input}]`,
          before: weight,
          gradient: gradients[l]?.weights[unit]?.[input] ?? NaN,
          after: after[l]?.weights[unit]?.[input] ?? NaN,
        });
      });
      list.push({
        key: `layer${l}.b${unit}`,
        name: isTutorialNet ? 'bias' : `layer ${l + 1} biases[${unit}]`,
        before: layer.biases[unit] ?? NaN,
        gradient: gradients[l]?.biases[unit] ?? NaN,
        after: after[l]?.biases[unit] ?? NaN,
      });
    });
  });
  return list;
}

const numberCell = (value: number) => el('td', { class: 'number' }, formatSignificant(value, DIGITS));

/** Returns false when there is nothing to show, so the caller can hide the pane. */
export function renderStep(container: HTMLElement, step: StepView | undefined): boolean {
  if (!step) {
    replaceChildren(container);
    container.removeAttribute('data-iteration');
    container.removeAttribute('data-row');
    return false;
  }
  container.dataset.iteration = String(step.iteration);
  container.dataset.row = String(step.row);
  const list = entries(step.before, step.gradients, step.after);
  const classes = classVerdict(step.output, step.prediction, step.target);
  const body = el('tbody', {}, ...list.slice(0, MAX_ROWS).map((entry) =>
    el(
      'tr',
      { 'data-parameter': entry.key, 'data-before': String(entry.before), 'data-gradient': String(entry.gradient), 'data-after': String(entry.after) },
      el('th', { scope: 'row' }, el('code', {}, entry.name)),
      numberCell(entry.before),
      numberCell(entry.gradient),
      numberCell(entry.after),
    ),
  ));
  replaceChildren(
    container,
    el(
      'p',
      { class: 'step-line' },
      el('strong', {}, l10n.t('Iteration {0}: ', formatInteger(step.iteration))),
      ...sentence(l10n.t('SGD picked row {0} (input {1}, target {2}) → prediction {3}'),
        step.row + 1,
        el('span', { class: 'number' }, formatValue(step.input, DIGITS)),
        formatSignificant(step.target, DIGITS),
        el('span', { class: 'number', 'data-value': String(step.prediction) }, formatSignificant(step.prediction, DIGITS))),
      !classes ? '.' : classes.correct ? l10n.t(' (class {0}, right).', classes.predictedClass) : l10n.t(' (class {0}, wrong).', classes.predictedClass),
    ),
    el('p', { class: 'note' },
      ...sentence(l10n.t('The gradient says how the error changes with each parameter; the update moves against it: {0} (learning rate {1}).'),
        el('code', {}, 'after = before − learning_rate · gradient'),
        formatSignificant(step.learningRate, 6))),
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'data-table step-table' },
        el('caption', {}, l10n.t('Every parameter in this step')),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, l10n.t('Parameter')),
          el('th', { scope: 'col', class: 'numeric' }, l10n.t('Before')),
          el('th', { scope: 'col', class: 'numeric' }, l10n.t('Gradient')),
          el('th', { scope: 'col', class: 'numeric' }, l10n.t('After')),
        )),
        body,
      ),
    ),
    list.length > MAX_ROWS ? el('p', { class: 'note' }, l10n.t('The first {0} of {1} parameters are shown.', MAX_ROWS, formatInteger(list.length))) : null,
    step.cumulativeError === undefined
      ? null
      : el('p', { class: 'step-error' }, l10n.t('Cumulative error over all training rows after the update: '),
        el('span', { class: 'number', 'data-value': String(step.cumulativeError) }, formatSignificant(step.cumulativeError, DIGITS))),
  );
  return true;
}
