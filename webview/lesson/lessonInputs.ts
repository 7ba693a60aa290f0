// The lesson's editable inputs: one field per LessonInputs key, prefilled with the tutorial's
// values. Each field keeps its last valid value, so a half-typed "1.45, -" leaves the cards on
// the last good numbers while the field explains what is wrong.
import { TUTORIAL_INPUTS, type LessonInputs } from '../../src/lesson/checkpoints';
import { l10n } from '../../src/l10n';
import { button } from '../buttons';
import { el } from '../dom';

export type LessonKey = keyof LessonInputs;

interface FieldSpec {
  key: LessonKey;
  /** The tutorial's variable name, and where it is used. */
  label: string;
  hint: string;
}

/** In the tutorial's order: the dot product, the first prediction, the wrong one, the learning rate. */
const FIELDS: FieldSpec[] = [
  { key: 'inputVector', label: 'input_vector', hint: l10n.t('dot product') },
  { key: 'weights1', label: 'weights_1', hint: l10n.t('dot product') },
  { key: 'weights2', label: 'weights_2', hint: l10n.t('dot product') },
  { key: 'firstInput', label: 'input_vector', hint: l10n.t('first prediction') },
  { key: 'firstTarget', label: 'target', hint: l10n.t('first prediction') },
  { key: 'weights', label: 'weights', hint: l10n.t('the network') },
  { key: 'bias', label: 'bias', hint: l10n.t('the network') },
  { key: 'wrongInput', label: 'input_vector', hint: l10n.t('wrong prediction') },
  { key: 'wrongTarget', label: 'target', hint: l10n.t('wrong prediction') },
  { key: 'learningRate', label: 'learning_rate', hint: l10n.t('update step') },
];

export const LESSON_FIELDS: Readonly<Record<LessonKey, { label: string; hint: string }>> = Object.fromEntries(
  FIELDS.map((field) => [field.key, { label: field.label, hint: field.hint }]),
) as Record<LessonKey, { label: string; hint: string }>;

/** How long typing must pause before everything is recomputed (the training checkpoint runs 10,000 steps). */
const RECOMPUTE_DELAY_MS = 150;

type Parsed = { ok: true; value: number | number[] } | { ok: false; message: string };

function parseField(key: LessonKey, text: string): Parsed {
  const expected = TUTORIAL_INPUTS[key];
  // Accept what people paste: "1.45, -0.66", "[1.45, -0.66]", "1.45 -0.66".
  const parts = text.trim().replace(/^\[|\]$/g, '').split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map(Number);
  const bad = parts.find((part, index) => part === '' || !Number.isFinite(numbers[index]));
  if (bad !== undefined) return { ok: false, message: l10n.t('"{0}" is not a finite number.', bad) };
  if (Array.isArray(expected)) {
    if (numbers.length !== expected.length) {
      return { ok: false, message: l10n.t('Needs {0} numbers separated by commas, e.g. {1}.', expected.length, expected.join(', ')) };
    }
    return { ok: true, value: numbers };
  }
  if (numbers.length !== 1) return { ok: false, message: l10n.t('Needs one number, e.g. {0}.', String(expected)) };
  if (key === 'learningRate' && numbers[0]! <= 0) return { ok: false, message: l10n.t('The learning rate must be greater than 0, e.g. 0.1.') };
  return { ok: true, value: numbers[0]! };
}

const formatInput = (value: number | number[]) => (Array.isArray(value) ? value.join(', ') : String(value));

interface FieldView {
  spec: FieldSpec;
  input: HTMLInputElement;
  error: HTMLElement;
}

export interface LessonInputsForm {
  element: HTMLElement;
  /** The current inputs: every field's last valid value. */
  values(): LessonInputs;
  reset(): void;
}

export function createLessonInputs(onChange: (inputs: LessonInputs) => void): LessonInputsForm {
  let good: LessonInputs = structuredClone(TUTORIAL_INPUTS);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fields: FieldView[] = FIELDS.map((spec) => {
    const id = `lesson-input-${spec.key}`;
    const input = el('input', {
      id, type: 'text', class: 'text-input', spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': `${id}-error`, value: formatInput(TUTORIAL_INPUTS[spec.key]),
    });
    const error = el('p', { id: `${id}-error`, class: 'field-error', role: 'alert', hidden: true });
    return { spec, input, error };
  });

  const showError = (field: FieldView, message: string | undefined) => {
    field.error.hidden = message === undefined;
    field.error.textContent = message ?? '';
    if (message === undefined) field.input.removeAttribute('aria-invalid');
    else field.input.setAttribute('aria-invalid', 'true');
  };

  const recompute = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = structuredClone(good) as unknown as Record<LessonKey, number | number[]>;
    for (const field of fields) {
      const parsed = parseField(field.spec.key, field.input.value);
      showError(field, parsed.ok ? undefined : parsed.message);
      if (parsed.ok) next[field.spec.key] = parsed.value;
    }
    const changed = JSON.stringify(next) !== JSON.stringify(good);
    good = next as unknown as LessonInputs;
    if (changed) onChange(structuredClone(good));
  };

  for (const field of fields) {
    field.input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(recompute, RECOMPUTE_DELAY_MS);
    });
    // Leaving the field or pressing Enter should not wait for the debounce.
    field.input.addEventListener('change', recompute);
  }

  const reset = () => {
    clearTimeout(timer);
    for (const field of fields) {
      field.input.value = formatInput(TUTORIAL_INPUTS[field.spec.key]);
      showError(field, undefined);
    }
    const changed = JSON.stringify(good) !== JSON.stringify(TUTORIAL_INPUTS);
    good = structuredClone(TUTORIAL_INPUTS);
    if (changed) onChange(structuredClone(good));
  };

  const resetButton = button('lesson-reset', l10n.t('Reset to the tutorial\'s values'), true);
  resetButton.addEventListener('click', reset);

  const element = el(
    'div',
    { id: 'lesson-inputs', class: 'lesson-inputs', role: 'group', 'aria-label': l10n.t('Lesson inputs') },
    el('div', { class: 'lesson-fields' }, ...fields.map(({ spec, input, error }) =>
      el('div', { class: 'lesson-field' },
        // Name and hint on lines of their own, so every field's box lines up in the grid.
        el('label', { for: input.id }, el('code', {}, spec.label), el('span', { class: 'field-hint' }, spec.hint)),
        input,
        error,
      ),
    )),
    el('div', { class: 'lesson-actions' }, resetButton),
  );
  return { element, values: () => structuredClone(good), reset };
}
