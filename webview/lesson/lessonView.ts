// The live lesson: the tutorial's worked examples as cards, every number computed in this page
// by the core (computeCheckpoints) from the inputs above them, beside what the tutorial prints.
import { computeCheckpoints, TUTORIAL_INPUTS, type Checkpoint, type CheckpointValue, type LessonInputs } from '../../src/lesson/checkpoints';
import type { LessonCheckpoint } from '../../src/protocol';
import { el, replaceChildren } from '../dom';
import { l10n } from '../../src/l10n';
import { post } from '../vscodeApi';
import { EXERCISE_LINKS } from '../../src/lesson/exerciseLinks';
import { formatSignificant, formatValue } from '../format';
import { createLessonInputs, LESSON_FIELDS, type LessonKey } from './lessonInputs';

const DIGITS = 8;

/** What the tutorial printed, by checkpoint and row position: shown for reference even after edits. */
const TUTORIAL_PRINTED: Map<string, (string | undefined)[]> = new Map(
  computeCheckpoints(TUTORIAL_INPUTS).map((checkpoint) => [checkpoint.id, checkpoint.values.map((value) => value.printed)]),
);

/** Ours at the precision the tutorial printed, so "4.1259999999999994" is not shown as "4.126". */
function displayOurs(value: CheckpointValue, printed: string | undefined): string {
  const ours = value.ours;
  if (typeof ours === 'string') return ours;
  if (Array.isArray(ours)) return formatValue(ours, 6);
  if (printed !== undefined && Number.isFinite(ours)) {
    const decimals = printed.includes('.') ? printed.split('.')[1]!.length : 0;
    return ours.toFixed(Math.min(decimals, 20));
  }
  return Number.isInteger(ours) ? String(ours) : formatSignificant(ours, DIGITS);
}

const fullOurs = (ours: CheckpointValue['ours']) => (typeof ours === 'number' ? String(ours) : JSON.stringify(ours));

function agreementCell(value: CheckpointValue, printed: string | undefined): HTMLTableCellElement {
  if (value.agrees === true) return el('td', { class: 'agreement agrees', 'data-agrees': 'true', 'aria-label': l10n.t('agrees with the tutorial') }, '✓');
  if (value.agrees === false) return el('td', { class: 'agreement differs', 'data-agrees': 'false', 'aria-label': l10n.t('differs from the tutorial') }, '✗');
  // The tutorial printed a value, but for its own inputs: nothing to compare ours with.
  if (printed !== undefined) return el('td', { class: 'agreement', 'aria-label': l10n.t('not compared: the inputs changed') }, '—');
  return el('td', { class: 'agreement' });
}

function valueRow(value: CheckpointValue, printed: string | undefined): HTMLTableRowElement {
  const agreement = agreementCell(value, printed);
  const ours = fullOurs(value.ours);
  return el(
    'tr',
    { 'data-value-name': value.name, 'data-ours': ours, 'data-agrees': agreement.dataset.agrees, 'data-printed': printed },
    el('th', { scope: 'row' }, el('code', {}, value.name)),
    el('td', { class: 'formula' }, value.formula),
    el('td', { class: 'number ours', 'data-ours': ours, title: ours }, displayOurs(value, printed)),
    // Dimmed when it was printed for the tutorial's inputs, not these.
    el('td', { class: `number printed${printed !== undefined && value.printed === undefined ? ' stale' : ''}` }, printed ?? ''),
    agreement,
  );
}

/** A link-like button to the input's field: "which input_vector?" is answered by going there. */
function inputLink(key: LessonKey): HTMLElement {
  const { label, hint } = LESSON_FIELDS[key];
  const link = el('button', { type: 'button', class: 'input-link', 'data-input': key, title: l10n.t('Edit {0} ({1})', label, hint), 'aria-label': l10n.t('Edit {0} ({1})', label, hint) }, el('code', {}, label));
  link.addEventListener('click', () => {
    const field = document.getElementById(`lesson-input-${key}`) as HTMLInputElement | null;
    field?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
    field?.select();
  });
  return link;
}

function card(checkpoint: Checkpoint, index: number, focused: boolean): HTMLElement {
  const headingId = `checkpoint-${checkpoint.id}-heading`;
  const printed = TUTORIAL_PRINTED.get(checkpoint.id) ?? [];
  return el(
    'article',
    { class: 'checkpoint', 'data-checkpoint': checkpoint.id, 'data-focused': focused ? 'true' : undefined, 'aria-labelledby': headingId, tabindex: -1 },
    el('h3', { id: headingId }, `${index + 1}. ${checkpoint.title}`),
    el('p', { class: 'checkpoint-uses' }, l10n.t('Uses '), ...checkpoint.inputs.map(inputLink)),
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'data-table checkpoint-table' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, l10n.t('Name')),
          el('th', { scope: 'col' }, l10n.t('Formula')),
          el('th', { scope: 'col', class: 'numeric' }, l10n.t('Ours')),
          el('th', { scope: 'col', class: 'numeric' }, l10n.t('Tutorial prints')),
          el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, l10n.t('Agrees')), '✓'),
        )),
        el('tbody', {}, ...checkpoint.values.map((value, i) => valueRow(value, printed[i]))),
      ),
    ),
    el('p', { class: 'takeaway' }, checkpoint.takeaway),
    exerciseLinks(checkpoint.id),
  );
}

/** "Write it yourself": buttons that open the learner's neural_network.py at these functions. */
function exerciseLinks(id: Checkpoint['id']): HTMLElement {
  const links = EXERCISE_LINKS[id].map((fn) => {
    const label = l10n.t('Write {0} yourself in neural_network.py', fn);
    const link = el('button', { type: 'button', class: 'input-link exercise-link', 'data-exercise': fn, title: label, 'aria-label': label }, el('code', {}, fn));
    link.addEventListener('click', () => post({ type: 'openExercise', function: fn }));
    return link;
  });
  return el('p', { class: 'exercise-links' }, l10n.t('Write it yourself: '), ...links.flatMap((link, i) => (i === 0 ? [link] : [', ', link])));
}

export interface LessonView {
  /** The lesson pane's content (webview/panes/lessonPane.ts puts it in its section). */
  elements: HTMLElement[];
  /** The checkpoint last asked for. */
  readonly focus: LessonCheckpoint | undefined;
  /** Computes the cards (the first time) and scrolls to one checkpoint; the pane must be visible. */
  show(focus: LessonCheckpoint): void;
}

export function createLessonView(): LessonView {
  const cards = el('div', { id: 'lesson-checkpoints', class: 'checkpoints' });
  const changedNote = el('p', { id: 'lesson-changed', class: 'note', hidden: true },
    "Your inputs differ from the tutorial's: its printed values stay for reference, but there is nothing to compare them with.");
  const failure = el('p', { id: 'lesson-failure', class: 'field-error', role: 'alert', hidden: true });
  let focus: LessonCheckpoint | undefined;

  const render = (inputs: LessonInputs) => {
    let checkpoints: Checkpoint[];
    try {
      checkpoints = computeCheckpoints(inputs);
    } catch (error) {
      // The inputs are validated, so this is a bug in the core: say so and keep the last cards.
      failure.hidden = false;
      failure.textContent = l10n.t('Could not compute the lesson: {0}', error instanceof Error ? error.message : String(error));
      return;
    }
    failure.hidden = true;
    changedNote.hidden = JSON.stringify(inputs) === JSON.stringify(TUTORIAL_INPUTS);
    replaceChildren(cards, ...checkpoints.map((checkpoint, index) => card(checkpoint, index, checkpoint.id === focus)));
  };

  const form = createLessonInputs(render);
  const elements = [
    el('p', { class: 'note' }, l10n.t('Every value below is computed in this view by the same code that trains your networks. Change an input and every later number follows.')),
    form.element,
    changedNote,
    failure,
    cards,
  ];
  let rendered = false;

  return {
    elements,
    get focus() {
      return focus;
    },
    show(next) {
      focus = next;
      if (!rendered) {
        render(form.values());
        rendered = true;
      }
      for (const element of cards.querySelectorAll<HTMLElement>('[data-checkpoint]')) {
        if (element.dataset.checkpoint === focus) element.dataset.focused = 'true';
        else delete element.dataset.focused;
      }
      const target = cards.querySelector<HTMLElement>(`[data-checkpoint="${focus}"]`);
      target?.scrollIntoView({ block: 'start' });
      // Focus (without a second scroll) so a screen reader starts reading at the checkpoint.
      target?.focus({ preventScroll: true });
    },
  };
}
