// The lesson's takeaways are built only from localizable messages: under a localizer that marks
// the literal text of every message (not what is filled into it), nothing but numbers, punctuation
// and the tutorial's variable names is left unmarked, for the tutorial's inputs and for edited ones
// that reach the other branches (zero vectors, negative inputs, a step that flips the class).
import * as assert from 'assert';
import fc from 'fast-check';
import { computeCheckpoints, TUTORIAL_INPUTS, type LessonInputs } from '../../src/lesson/checkpoints';
import { englishLocalizer, useLocalizer, type Localizer } from '../../src/l10n';

/** Marks a message's own words «like this»; the values filled into {0}, {1}, … stay as they are. */
const marking: Localizer = {
  t: (message, ...args) => message.split(/(\{\d+\})/).map((part) => {
    const placeholder = /^\{(\d+)\}$/.exec(part);
    return placeholder ? String(args[Number(placeholder[1])]) : part ? `«${part}»` : '';
  }).join(''),
};

/** What is left once every «…» is removed. */
function unmarked(text: string): string {
  return text.replace(/«[^«»]*»/g, ' ');
}

/** Numbers (as num() and vec() write them), names, and the punctuation that joins sentences. */
const NOT_WORDS = /input_vector|weights_[12]|NaN|-?Infinity|#\d+|[-−+]?\d+(\.\d+)?(e[-+]?\d+)?/g;

function assertAllLocalized(inputs: LessonInputs): void {
  for (const checkpoint of computeCheckpoints(inputs)) {
    const rest = unmarked(checkpoint.takeaway).replace(NOT_WORDS, ' ');
    assert.match(rest, /^[\s.,:;[\]()]*$/, `${checkpoint.id}: "${rest.trim()}" is not localized in: ${checkpoint.takeaway}`);
  }
}

const entry = fc.oneof(fc.double({ min: -8, max: 8, noNaN: true }), fc.constantFrom(0, 1, -1, 2, 0.5, -2, 5));
const vector = fc.tuple(entry, entry);
const target = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

describe('lesson takeaways are localizable', () => {
  before(() => useLocalizer(marking));
  after(() => useLocalizer(englishLocalizer));

  it('the tutorial\'s inputs and edited ones leave no English outside a localized message', () => {
    assertAllLocalized(TUTORIAL_INPUTS);
    assertAllLocalized({ ...TUTORIAL_INPUTS, inputVector: [0, 0], weights1: [0, 0] });
    assertAllLocalized({ ...TUTORIAL_INPUTS, weights1: [5, 0] });
    assertAllLocalized({ ...TUTORIAL_INPUTS, wrongInput: [-2, -1.5], learningRate: 1.5 });
    assertAllLocalized({ ...TUTORIAL_INPUTS, weights: [0, 0], wrongTarget: 0.5 });
    fc.assert(fc.property(fc.record({ inputVector: vector, weights1: vector, weights2: vector, wrongInput: vector, wrongTarget: target, firstTarget: target }),
      (edited) => assertAllLocalized({ ...TUTORIAL_INPUTS, ...edited })), { numRuns: 25 });
  });

  it('titles, and every row name and formula written in words, are localized too (code such as sigmoid(layer_1) stays code)', () => {
    for (const inputs of [TUTORIAL_INPUTS, { ...TUTORIAL_INPUTS, inputVector: [0, 0], weights1: [1, 1], weights2: [2, 2] }]) {
      for (const checkpoint of computeCheckpoints(inputs)) {
        assert.strictEqual(unmarked(checkpoint.title).trim(), '', checkpoint.title);
        for (const row of checkpoint.values) {
          const texts = [row.name, row.formula, ...(typeof row.ours === 'string' ? [row.ours] : [])];
          for (const text of texts) {
            // Two words in a row (not joined by code's operators) are prose; prose must come from a message.
            assert.doesNotMatch(unmarked(text), /\b[a-z]{2,} [a-z]{2,}\b/i, `${checkpoint.id}: "${text}"`);
            // A lone word that is not one of the tutorial's names is prose as well (class, up, yes, equal, …).
            assert.ok(!/^[a-z]+$/i.test(unmarked(text).trim()) || ['prediction', 'error', 'derivative', 'weights_1', 'weights_2'].includes(text), `${checkpoint.id}: "${text}"`);
          }
        }
      }
    }
  });

  it('a translation reaches the card: the localizer\'s text is what the takeaway says', () => {
    useLocalizer({ t: (message, ...args) => englishLocalizer.t(message === 'the {0} weight must go up{1}' ? 'le poids {0} doit monter{1}' : message === 'first' ? 'premier' : message, ...args) });
    try {
      const derivative = computeCheckpoints({ ...TUTORIAL_INPUTS, wrongInput: [-2, -1.5] }).find((checkpoint) => checkpoint.id === 'derivative')!;
      assert.match(derivative.takeaway, /le poids premier doit monter \(its input is negative\)/);
    } finally {
      useLocalizer(marking);
    }
  });
});
