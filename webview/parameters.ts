// The current weights and bias. The tutorial's single neuron reads as one line
// ("weights: [w1, w2]  bias: b"); deeper nets get one small table per layer.
import type { LayerParameters } from '../src/core/types';
import type { LayerSummary, ValueSpread } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { formatInteger, formatSignificant } from './format';
import { l10n } from '../src/l10n';

const DIGITS = 4;

function number(value: number): HTMLElement {
  return el('span', { class: 'number', 'data-value': String(value) }, formatSignificant(value, DIGITS));
}

function singleNeuron(layer: LayerParameters, label = l10n.t('weights: '), attributes: Record<string, string> = {}): HTMLElement {
  const weights = layer.weights[0] ?? [];
  const list = el('span', { class: 'vector' }, '[');
  weights.forEach((weight, index) => {
    if (index > 0) list.append(', ');
    list.append(number(weight));
  });
  list.append(']');
  // Each "name: value" pair is kept whole so a narrow side bar wraps between them, not inside.
  return el(
    'p',
    { class: 'parameter-line', ...attributes },
    el('span', { class: 'parameter-part' }, el('span', { class: 'parameter-name' }, label), list),
    ' ',
    el('span', { class: 'parameter-part' }, el('span', { class: 'parameter-name' }, l10n.t('bias: ')), number(layer.biases[0] ?? NaN)),
  );
}

function layerTitle(index: number, count: number): string {
  return index === count - 1 ? l10n.t('Output layer (layer {0})', index + 1) : l10n.t('Hidden layer {0}', index + 1);
}

/** Rows are units, columns the weights from each input, then the bias. */
function layerTable(layer: LayerParameters, index: number, count: number): HTMLElement {
  const inputs = layer.weights[0]?.length ?? 0;
  const header = el('tr', {}, el('th', { scope: 'col' }, l10n.t('unit')));
  for (let input = 0; input < inputs; input++) header.append(el('th', { scope: 'col' }, `w${input + 1}`));
  header.append(el('th', { scope: 'col' }, l10n.t('bias')));
  const body = el('tbody');
  layer.weights.forEach((row, unit) => {
    const tr = el('tr', {}, el('th', { scope: 'row' }, String(unit + 1)));
    for (const weight of row) tr.append(el('td', {}, number(weight)));
    tr.append(el('td', {}, number(layer.biases[unit] ?? NaN)));
    body.append(tr);
  });
  return el(
    'table',
    { class: 'data-table parameter-table', 'data-layer': index },
    el('caption', {}, layerTitle(index, count)),
    el('thead', {}, header),
    body,
  );
}

function spreadCells(spread: ValueSpread): HTMLElement[] {
  return [spread.min, spread.mean, spread.max, spread.rms].map((value) => el('td', {}, number(value)));
}

/** A network too large to list: one row per layer with its shape and the spread of its values. */
function summaryTable(layers: LayerSummary[]): HTMLElement[] {
  const count = layers.reduce((sum, layer) => sum + layer.units * (layer.inputs + 1), 0);
  const header = el(
    'tr',
    {},
    ...[
      l10n.t('layer'), l10n.t('units × inputs'),
      l10n.t('weights: min'), l10n.t('mean'), l10n.t('max'), l10n.t('RMS'),
      l10n.t('biases: min'), l10n.t('mean'), l10n.t('max'), l10n.t('RMS'),
    ].map((title) => el('th', { scope: 'col' }, title)),
  );
  const body = el('tbody');
  layers.forEach((layer, index) => {
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, layerTitle(index, layers.length)),
        el('td', {}, `${formatInteger(layer.units)} × ${formatInteger(layer.inputs)}`),
        ...spreadCells(layer.weights),
        ...spreadCells(layer.biases),
      ),
    );
  });
  return [
    el(
      'p',
      { class: 'note', id: 'parameters-summarised' },
      l10n.t('This network has {0} weights and biases, too many to list: each layer is summarised by the smallest, mean, largest and root-mean-square value.', formatInteger(count)),
    ),
    el('table', { class: 'data-table parameter-table parameter-summary', 'data-parameter-count': count }, el('caption', {}, l10n.t('Weights and biases per layer')), el('thead', {}, header), body),
  ];
}

/**
 * Returns false when there is nothing to show, so the caller can hide the pane. `generatedBy` (a
 * synthetic dataset's true weights) is drawn under the learned ones, to compare.
 */
export function renderParameters(
  container: HTMLElement,
  layers: LayerParameters[],
  generatedBy?: { weights: number[]; bias: number },
  summary?: LayerSummary[],
): boolean {
  const isTutorialNet = layers.length === 1 && layers[0]!.weights.length === 1;
  if (layers.length === 0 && summary && summary.length > 0) {
    replaceChildren(container, ...summaryTable(summary));
    container.dataset.layerCount = String(summary.length);
    return true;
  }
  if (layers.length === 0) {
    replaceChildren(container);
  } else if (isTutorialNet) {
    const truth = generatedBy && generatedBy.weights.length === layers[0]!.weights[0]?.length
      ? singleNeuron({ weights: [generatedBy.weights], biases: [generatedBy.bias] }, l10n.t('generating weights: '), { id: 'generated-by', title: l10n.t('The weights and bias the rows were generated from (the file\'s "generatedBy")') })
      : undefined;
    replaceChildren(container, singleNeuron(layers[0]!), truth);
  } else {
    replaceChildren(container, ...layers.map((layer, index) => layerTable(layer, index, layers.length)));
  }
  container.dataset.layerCount = String(layers.length);
  return layers.length > 0;
}
