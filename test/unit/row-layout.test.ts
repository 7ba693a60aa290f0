// Row layouts carried across edits (src/dataset/rowLayout.ts): an edit without a structural
// character moves the rows exactly as a fresh parse of the edited text finds them; any other edit
// drops the layout, so lenses wait for the parse.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseDataset } from '../../src/dataset';
import { applyChanges, layoutOf, preservesStructure, sameLayout, type LaidOutText, type TextChange } from '../../src/dataset/rowLayout';
import { anyPreservingEdit, datasetText, edit, fewHarmlessCharacters, validityKeepingEdit } from './dataset-texts';

const RUNS = 300;

const laidOut = (text: string): LaidOutText => ({ text, layout: layoutOf(parseDataset(text).dataset) });
const freshLayout = (text: string) => layoutOf(parseDataset(text).dataset);

describe('Row layouts carried across edits', function () {
  this.timeout(60_000);

  it('tells structural characters apart, and edits that split or join a two-character token', () => {
    for (const character of ['{', '}', '[', ']', '"', '\\', ',', ':', '/', '*', '\n', '\r']) {
      assert.equal(preservesStructure(`a ${character}`, { offset: 1, length: 0, text: `1${character}` }), false, JSON.stringify(character));
      assert.equal(preservesStructure(`a ${character}`, { offset: 2, length: 1, text: '1' }), false, JSON.stringify(character));
    }
    assert.equal(preservesStructure('[0.5]', { offset: 1, length: 3, text: '-12e+3 x\t' }), true);
    // Typed inside `*/`, deleted out of `* /`, typed after a backslash: no structural character, yet each changes where a comment or string ends.
    assert.equal(preservesStructure('/* a */ 1', { offset: 6, length: 0, text: 'x' }), false);
    assert.equal(preservesStructure('/* a * / */ 1', { offset: 6, length: 1, text: '' }), false);
    assert.equal(preservesStructure('"a\\"b"', { offset: 3, length: 0, text: 'x' }), false);
  });

  it('moves a row when text is typed right before its {, and keeps the "rows" key when text follows it', () => {
    const text = '{ "rows": [ {"input": [1], "target": 0}, {"input": [2], "target": 1} ] }';
    const before = laidOut(text);
    const second = text.lastIndexOf('{');
    const moved = applyChanges(before, [{ offset: second, length: 0, text: '  ' }, { offset: text.indexOf(':'), length: 0, text: ' ' }])!;
    assert.ok(sameLayout(moved.layout, freshLayout(moved.text)));
    assert.deepEqual(moved.layout.rowsKey, { offset: 2, length: 6 });
    assert.equal(moved.text[moved.layout.rowOffsets[1]], '{');
  });

  it('keeps positions but not validity: the row a typo breaks still has its place until the parse', () => {
    const text = '{ "rows": [ {"input": [1], "target": 0}, {"input": [2], "target": 1} ] }';
    const at = text.indexOf('0}');
    const after = applyChanges(laidOut(text), [{ offset: at, length: 1, text: '7' }])!;
    assert.deepEqual([...after.layout.rowIndexes], [0, 1]);
    assert.deepEqual([...freshLayout(after.text).rowIndexes], [1], 'target 7 is out of range: the parse drops the row');
    assert.ok(!sameLayout(after.layout, freshLayout(after.text)), 'which is what makes the lenses refresh once the parse is in');
    const renamed = applyChanges(laidOut(text), [{ offset: text.indexOf('rows') + 4, length: 0, text: 'x' }])!;
    assert.deepEqual(renamed.layout.rowsKey, { offset: 2, length: 7 }, 'typing inside the key lengthens it');
    assert.equal(freshLayout(renamed.text).rowsKey, undefined);
  });

  it('edits that keep every row valid: the carried layout is the layout of a fresh parse (fast-check)', () => {
    const cases = datasetText.chain((text) => fc.tuple(fc.constant(text), fc.array(validityKeepingEdit(text), { minLength: 1, maxLength: 3 })));
    fc.assert(fc.property(cases, ([text, edits]) => {
      // Several changes of one event, as VS Code lists them: from the end back, so each offset still holds.
      const changes = [...new Map(edits.map((change) => [change.offset, change])).values()].sort((a, b) => b.offset - a.offset)
        .filter((change, i, all) => i === 0 || change.offset + change.length <= all[i - 1].offset);
      const after = applyChanges(laidOut(text), changes);
      assert.ok(after, 'every change is structure-preserving');
      assert.equal(after.text, changes.reduce(edit, text));
      const fresh = parseDataset(after.text);
      assert.equal(fresh.problems.filter((problem) => problem.severity === 'error').length, parseDataset(text).problems.filter((problem) => problem.severity === 'error').length);
      assert.ok(sameLayout(after.layout, layoutOf(fresh.dataset)), `${JSON.stringify(changes)} in ${JSON.stringify(text)}`);
    }), { numRuns: RUNS });
  });

  it('any structure-preserving edit that leaves the JSON well-formed: rows valid before and after are exactly where the layout says (fast-check)', () => {
    // A syntax error can change more: in `[0 {…}` jsonc-parser's recovery makes 0 the first row and the
    // rows after it shift by one index. The parse that follows the edit corrects the lenses then.
    const cases = datasetText.chain((text) => fc.tuple(fc.constant(text), anyPreservingEdit(text)));
    let wellFormed = 0;
    fc.assert(fc.property(cases, ([text, change]) => {
      const after = applyChanges(laidOut(text), [change])!;
      for (const offset of after.layout.rowOffsets) assert.equal(after.text[offset], '{');
      const errors: ParseError[] = [];
      parseTree(after.text, errors);
      if (errors.length > 0) return;
      wellFormed++;
      const fresh = freshLayout(after.text);
      const carried = new Map([...after.layout.rowIndexes].map((row, i) => [row, after.layout.rowOffsets[i]]));
      fresh.rowIndexes.forEach((row, i) => {
        if (carried.has(row)) assert.equal(carried.get(row), fresh.rowOffsets[i], `row ${row} after ${JSON.stringify(change)} in ${JSON.stringify(text)}`);
      });
      if (fresh.rowsKey && after.layout.rowsKey) assert.deepEqual(after.layout.rowsKey, fresh.rowsKey);
    }), { numRuns: RUNS });
    assert.ok(wellFormed > RUNS / 5, `only ${wellFormed} of ${RUNS} edits left the JSON well-formed`);
  });

  it('an edit that removes or adds a structural character drops the layout (fast-check)', () => {
    const structural = fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '/', '*', '\n', '\r');
    const cases = datasetText.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.oneof(
          // Insert text holding a structural character.
          fc.tuple(fc.integer({ min: 0, max: text.length }), fewHarmlessCharacters, structural).map(([offset, around, character]): TextChange => ({ offset, length: 0, text: around + character })),
          // Replace a range holding one.
          fc.integer({ min: 0, max: text.length - 1 }).filter((i) => /[{}[\]"\\,:/*\n\r]/.test(text[i])).chain((i) =>
            fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fewHarmlessCharacters).map(([left, right, inserted]): TextChange => {
              const offset = Math.max(0, i - left);
              return { offset, length: Math.min(text.length, i + 1 + right) - offset, text: inserted };
            }),
          ),
        ),
      ),
    );
    fc.assert(fc.property(cases, ([text, change]) => {
      assert.equal(applyChanges(laidOut(text), [change]), undefined);
      // One such change among harmless ones drops it too.
      assert.equal(applyChanges(laidOut(text), [{ offset: text.length, length: 0, text: ' ' }, change]), undefined);
    }), { numRuns: RUNS });
  });

  it('leaves the layout untouched by an edit of equal length, and does not copy rows before the edit', () => {
    const text = '{ "rows": [ {"input": [1.5], "target": 0}, {"input": [2.5], "target": 1} ] }';
    const before = laidOut(text);
    const same = applyChanges(before, [{ offset: text.indexOf('1.5') + 2, length: 1, text: '9' }])!;
    assert.equal(same.layout, before.layout);
    const atEnd = applyChanges(before, [{ offset: text.length - 1, length: 0, text: '  ' }])!;
    assert.equal(atEnd.layout.rowOffsets, before.layout.rowOffsets, 'no row after the edit: the same offsets');
  });
});
