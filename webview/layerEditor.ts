// The panel's layer editor: the hidden layers' widths and their activation. Train sends them
// only when the learner changed them, so otherwise the dataset file's own network block wins.
import { HIDDEN_ACTIVATION_NAMES, type HiddenActivation } from '../src/core/activations';
import { l10n } from '../src/l10n';
import { NETWORK_LIMITS } from '../src/core/limits';
import { button, setDisabled } from './buttons';
import { el, replaceChildren } from './dom';

/** The limits of the dataset format (and of parseWebviewMessage on the host). */
const MAX_LAYERS = NETWORK_LIMITS.maxHiddenLayers;
const MAX_UNITS = NETWORK_LIMITS.maxUnitsPerLayer;
/** A new layer starts as wide as the last one, or 4: the tutorial's suggestion ("hiddenLayers": [4]). */
const NEW_LAYER_UNITS = 4;

export interface NetworkChoice {
  hiddenLayers?: number[];
  activation?: HiddenActivation;
}

export interface LayerEditor {
  element: HTMLElement;
  setDefaults(hiddenLayers: number[], activation: HiddenActivation): void;
  /** What Train should add to its request, or the field to focus when a width is invalid. */
  read(): { ok: true; choice: NetworkChoice } | { ok: false; focus: HTMLElement };
}

function parseWidth(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= MAX_UNITS ? value : undefined;
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((value, index) => value === b[index]);

export function createLayerEditor(): LayerEditor {
  /** The texts of the width fields: kept as typed, so a half-typed width survives a re-render. */
  let widths: string[] = [];
  let activation: HiddenActivation = 'sigmoid';
  /**
   * What "unchanged" means: the host's defaults when the learner first edited. Later defaults
   * come from runs that may already use the learner's choice, so they do not move this.
   */
  let baseline: { hiddenLayers: number[]; activation: HiddenActivation } = { hiddenLayers: [], activation: 'sigmoid' };
  let edited = false;

  const list = el('ol', { id: 'layer-list', class: 'layer-list', 'aria-label': l10n.t('Hidden layers, from the input side') });
  const empty = el('p', { class: 'note layer-empty' }, l10n.t('No hidden layer: the tutorial\'s single neuron.'));
  const add = button('add-layer', l10n.t('Add layer'), true, l10n.t('Add a hidden layer'));
  const select = el('select', { id: 'activation', class: 'select-input' }, ...HIDDEN_ACTIVATION_NAMES.map((name) => el('option', { value: name }, name)));

  const markEdited = () => {
    edited = true;
  };

  const render = (focusIndex?: number) => {
    const items = widths.map((text, index) => {
      const id = `layer-width-${index}`;
      const input = el('input', {
        id, type: 'text', inputmode: 'numeric', class: 'text-input width-input', value: text, 'aria-describedby': `${id}-error`,
      });
      const error = el('p', { id: `${id}-error`, class: 'field-error', role: 'alert', hidden: true });
      input.addEventListener('input', () => {
        markEdited();
        widths[index] = input.value;
        error.hidden = true;
        input.removeAttribute('aria-invalid');
      });
      const remove = button(`remove-layer-${index}`, l10n.t('Remove'), true, l10n.t('Remove hidden layer {0}', index + 1));
      remove.addEventListener('click', () => {
        markEdited();
        widths.splice(index, 1);
        render(Math.min(index, widths.length - 1));
      });
      return el('li', { class: 'layer-item', 'data-layer': index },
        el('label', { for: id }, l10n.t('Layer {0}', index + 1)), input, el('span', { class: 'field-hint' }, l10n.t('units')), remove, error);
    });
    replaceChildren(list, ...items);
    empty.hidden = widths.length > 0;
    setDisabled(add, widths.length >= MAX_LAYERS);
    add.title = widths.length >= MAX_LAYERS ? l10n.t('At most {0} hidden layers', MAX_LAYERS) : '';
    // Keep the keyboard where it was: on the next width field, or on "Add layer" when none is left.
    if (focusIndex !== undefined) (focusIndex >= 0 ? list.querySelector<HTMLElement>(`#layer-width-${focusIndex}`) : add)?.focus();
  };

  add.addEventListener('click', () => {
    if (widths.length >= MAX_LAYERS) return;
    markEdited();
    const last = parseWidth(widths[widths.length - 1] ?? '');
    widths.push(String(last ?? NEW_LAYER_UNITS));
    render(widths.length - 1);
  });
  select.addEventListener('change', () => {
    markEdited();
    activation = select.value as HiddenActivation;
  });

  const element = el(
    'div',
    { class: 'layer-editor', role: 'group', 'aria-labelledby': 'layer-editor-heading' },
    el('span', { id: 'layer-editor-heading', class: 'group-label' }, l10n.t('Hidden layers')),
    list,
    empty,
    el('div', { class: 'layer-actions' },
      add,
      el('label', { for: 'activation', class: 'inline-label' }, l10n.t('Activation')),
      select),
  );
  render();

  return {
    element,
    setDefaults(hiddenLayers, defaultActivation) {
      if (edited) return;
      baseline = { hiddenLayers: [...hiddenLayers], activation: defaultActivation };
      widths = hiddenLayers.map(String);
      activation = defaultActivation;
      select.value = defaultActivation;
      render();
    },
    read() {
      const parsed = widths.map(parseWidth);
      const invalid = parsed.findIndex((width) => width === undefined);
      if (invalid >= 0) {
        const input = list.querySelector<HTMLInputElement>(`#layer-width-${invalid}`)!;
        const error = list.querySelector<HTMLElement>(`#layer-width-${invalid}-error`)!;
        error.textContent = l10n.t('A layer needs a whole number of units from 1 to {0}.', MAX_UNITS);
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        return { ok: false, focus: input };
      }
      const hiddenLayers = parsed as number[];
      const choice: NetworkChoice = {};
      if (!sameList(hiddenLayers, baseline.hiddenLayers)) choice.hiddenLayers = hiddenLayers;
      if (activation !== baseline.activation) choice.activation = activation;
      return { ok: true, choice };
    },
  };
}
