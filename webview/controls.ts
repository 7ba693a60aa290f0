// Panel controls (Train, Stop, Reset, Step, Run to, learning rate, iterations, the layer editor)
// and the log-scale toggle, built from @vscode-elements so they look like VS Code in every theme.
// Only the components used are imported; each import registers its custom element.
import { l10n } from '../src/l10n';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import type { HiddenActivation } from '../src/core/types';
import type { SessionsView } from '../src/protocol';
import { button, setDisabled } from './buttons';
import { el } from './dom';
import { createLayerEditor } from './layerEditor';
import { parseIterations, parseLearningRate, parseRunTo, type Parsed } from './validation';
import { post } from './vscodeApi';

export interface Controls {
  element: HTMLElement;
  /** Prefills the fields from the host's defaults unless the learner has edited them. */
  setDefaults(defaults: { learningRate: number; iterations: number; hiddenLayers?: number[]; activation?: HiddenActivation }): void;
  setRunning(running: boolean): void;
  /** The host's sessions: Train is busy while any start is pending; Stop works on starting runs too. */
  setSessions(sessions: SessionsView): void;
  /** The host answered the Train request with this id. */
  trainHandled(requestId: number): void;
}

interface Field {
  input: VscodeTextfield;
  error: HTMLElement;
  edited: boolean;
  wrapper: HTMLElement;
}

function createField(id: string, label: string, hint: string): Field {
  const input = document.createElement('vscode-textfield');
  input.id = id;
  input.placeholder = hint;
  // The label's text must be in place before it connects: vscode-label copies it to the field then.
  const labelElement = el('vscode-label', { for: id }, label);
  const error = el('p', { id: `${id}-error`, class: 'field-error', role: 'alert', hidden: true });
  const field: Field = { input, error, edited: false, wrapper: el('div', { class: 'field' }, labelElement, input, error) };
  input.addEventListener('input', () => {
    field.edited = true;
    showError(field, undefined);
  });
  return field;
}

function showError(field: Field, message: string | undefined): void {
  field.input.invalid = message !== undefined;
  field.error.hidden = message === undefined;
  field.error.textContent = message ?? '';
}

function check(field: Field, parse: (text: string) => Parsed): number | undefined {
  const parsed = parse(field.input.value);
  showError(field, parsed.ok ? undefined : parsed.message);
  return parsed.ok ? parsed.value : undefined;
}

export function createControls(): Controls {
  const learningRate = createField('learning-rate', l10n.t('Learning rate'), l10n.t('e.g. {0}', '0.1'));
  const iterations = createField('iterations', l10n.t('Iterations'), l10n.t('e.g. {0}', '10000'));
  const train = button('train-button', l10n.t('Train'), false);
  const stop = button('stop-button', l10n.t('Stop'), true);
  const reset = button('reset-button', l10n.t('Reset'), true);
  const step = button('step-button', l10n.t('Step'), true, l10n.t('Step: take one SGD iteration and show it'));
  const runTo = createField('run-to', l10n.t('Run to iteration'), l10n.t('e.g. {0}', '100'));
  const runToButton = button('run-to-button', l10n.t('Run to'), true, l10n.t('Run the step debugger to this iteration'));
  const layers = createLayerEditor();
  stop.setAttribute('disabled', '');
  // Says "Starting training…" to screen readers when Train turns busy (the button's own label changes too).
  const announcer = el('p', { id: 'train-announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let lastRequestId = 0;
  /** The Train request the host has not answered yet. */
  let outstanding: number | undefined;
  let hostStarting = false;
  let hostStoppable = false;
  let runRunning = false;
  const isBusy = () => outstanding !== undefined || hostStarting;
  const renderBusy = () => {
    const busy = isBusy();
    if (busy === (train.getAttribute('aria-busy') === 'true')) return;
    // Held Enter or a double click cannot queue restarts: one start at a time, the rest are ignored.
    setDisabled(train, busy);
    train.setAttribute('aria-busy', String(busy));
    train.textContent = busy ? l10n.t('Starting…') : l10n.t('Train');
    announcer.textContent = busy ? l10n.t('Starting training…') : '';
  };
  const renderStop = () => setDisabled(stop, !(runRunning || hostStoppable));

  const submit = () => {
    if (isBusy()) return;
    const rate = check(learningRate, parseLearningRate);
    const count = check(iterations, parseIterations);
    const network = layers.read();
    if (rate === undefined) learningRate.input.focus();
    else if (count === undefined) iterations.input.focus();
    else if (!network.ok) network.focus.focus();
    else {
      outstanding = ++lastRequestId;
      renderBusy();
      post({ type: 'train', learningRate: rate, iterations: count, ...network.choice, requestId: outstanding });
    }
  };
  const submitRunTo = () => {
    const iteration = check(runTo, parseRunTo);
    if (iteration === undefined) runTo.input.focus();
    else post({ type: 'runTo', iteration });
  };
  train.addEventListener('click', submit);
  step.addEventListener('click', () => post({ type: 'step' }));
  runToButton.addEventListener('click', submitRunTo);
  runTo.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submitRunTo();
    }
  });
  stop.addEventListener('click', () => {
    if (!stop.hasAttribute('disabled')) post({ type: 'stop' });
  });
  reset.addEventListener('click', () => post({ type: 'reset' }));
  for (const field of [learningRate, iterations]) {
    field.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        submit();
      }
    });
  }

  const element = el(
    'div',
    { class: 'controls', role: 'group', 'aria-label': l10n.t('Training controls') },
    el('div', { class: 'fields' }, learningRate.wrapper, iterations.wrapper),
    layers.element,
    el('div', { class: 'buttons' }, train, stop, reset, announcer),
    el('div', { class: 'step-controls', role: 'group', 'aria-label': l10n.t('Step debugger') }, step, runTo.wrapper, runToButton),
  );
  return {
    element,
    setDefaults(defaults) {
      if (!learningRate.edited) learningRate.input.value = String(defaults.learningRate);
      if (!iterations.edited) iterations.input.value = String(defaults.iterations);
      layers.setDefaults(defaults.hiddenLayers ?? [], defaults.activation ?? 'sigmoid');
    },
    setRunning(running) {
      // Stop only makes sense while a run is going; a disabled vscode-button leaves the tab order.
      runRunning = running;
      renderStop();
    },
    setSessions(sessions) {
      hostStarting = sessions.starting > 0;
      hostStoppable = sessions.starting + sessions.running > 0;
      renderBusy();
      renderStop();
    },
    trainHandled(requestId) {
      if (requestId !== outstanding) return;
      outstanding = undefined;
      renderBusy();
    },
  };
}

/** "Logarithmic scale" toggle, in both views: the error spans orders of magnitude on a plateau. */
export function createLogScaleToggle(checked: boolean, onChange: (logScale: boolean) => void): VscodeCheckbox {
  const checkbox = document.createElement('vscode-checkbox');
  checkbox.id = 'log-scale';
  checkbox.label = l10n.t('Logarithmic scale');
  checkbox.checked = checked;
  checkbox.addEventListener('change', () => onChange(checkbox.checked));
  return checkbox;
}
