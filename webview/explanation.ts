// One row's forward and backward pass with every intermediate value named as the tutorial names it.
import type { ExplainedTerm } from '../src/core/types';
import type { ExplanationView } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { l10n } from '../src/l10n';
import { formatSignificant, formatValue, fullValue } from './format';
import { rowLabel } from './prediction';

const DIGITS = 6;

/** For a message without an intro (an older host): true of every network. */
const genericIntro = () =>
  l10n.t('The forward pass computes each layer from the one before, up to the prediction. The backward pass uses the chain rule: it multiplies the partial derivatives from the error back to each weight and to the bias, which tells gradient descent how to update them.');

/**
 * Group headings for deeper nets. `layer` counts from the first hidden layer; the output layer
 * either has no `layer` or the highest one, depending on how the terms were collected.
 */
function groupTitler(terms: ExplainedTerm[]): (layer: number | undefined) => string {
  const layers = terms.map((term) => term.layer).filter((layer): layer is number => layer !== undefined);
  const outputHasNoLayer = layers.length < terms.length;
  const highest = Math.max(...layers);
  return (layer) => {
    if (layer === undefined) return l10n.t('Output layer');
    return layer === highest && !outputHasNoLayer ? l10n.t('Layer {0} (output)', layer + 1) : l10n.t('Hidden layer {0}', layer + 1);
  };
}

function termRow(term: ExplainedTerm): HTMLTableRowElement {
  return el(
    'tr',
    { 'data-term': term.name, 'data-value': fullValue(term.value), 'data-layer': term.layer },
    el('th', { scope: 'row' }, el('code', {}, term.name)),
    el('td', { class: 'formula' }, term.formula),
    el('td', { class: 'number' }, formatValue(term.value, DIGITS)),
  );
}

/** Returns false when there is nothing to show, so the caller can hide the pane. */
export function renderExplanation(container: HTMLElement, explanation: ExplanationView | undefined): boolean {
  if (!explanation) {
    replaceChildren(container);
    return false;
  }
  const grouped = explanation.terms.some((term) => term.layer !== undefined);
  const groupTitle = groupTitler(explanation.terms);
  const body = el('tbody');
  let previousGroup: string | undefined;
  for (const term of explanation.terms) {
    const group = groupTitle(term.layer);
    // A header row whenever the layer changes, so deeper nets read layer by layer.
    if (grouped && group !== previousGroup) {
      body.append(el('tr', { class: 'group-row' }, el('th', { scope: 'rowgroup', colspan: 3 }, group)));
      previousGroup = group;
    }
    body.append(termRow(term));
  }
  const target = explanation.target === undefined ? '' : l10n.t(', target {0}', formatSignificant(explanation.target, DIGITS));
  replaceChildren(
    container,
    el('h3', { class: 'explanation-heading' }, l10n.t('{0}: forward and backward pass', rowLabel(explanation.row))),
    el('p', { class: 'explanation-input' }, l10n.t('Input '), el('span', { class: 'number' }, formatValue(explanation.input, DIGITS)), target),
    el('p', { class: 'note explanation-intro' }, explanation.intro ?? genericIntro()),
    el(
      'table',
      { class: 'data-table explanation-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Name')), el('th', { scope: 'col' }, l10n.t('How it is computed')), el('th', { scope: 'col', class: 'numeric' }, l10n.t('Value')))),
      body,
    ),
  );
  container.dataset.row = String(explanation.row);
  return true;
}
