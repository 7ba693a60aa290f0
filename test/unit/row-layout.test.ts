// Row layouts carried across edits (src/dataset/rowLayout.ts): an edit without a structural
// character moves the rows exactly as a fresh parse of the edited text finds them; any other edit
// drops the layout, so lenses wait for the parse.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createScanner, parseTree, SyntaxKind, type ParseError } from 'jsonc-parser';
import { parseDataset } from '../../src/dataset';
import { applyChanges, layoutOf, preservesStructure, sameLayout, type LaidOutText, type TextChange } from '../../src/dataset/rowLayout';

const RUNS = 300;

const laidOut = (text: string): LaidOutText => ({ text, layout: layoutOf(parseDataset(text).dataset) });
const freshLayout = (text: string) => layoutOf(parseDataset(text).dataset);
const edit = (text: string, change: TextChange) => text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);

// Dataset texts in many shapes: numbers written every way JSON allows, odd spacing and line breaks,
// comments between rows, a description, features, test rows, a row with the wrong input count.
const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\n    ', ' \r\n  ');
const digits = fc.stringMatching(/^[1-9][0-9]{0,3}$/);
const number = fc.oneof(
  fc.tuple(fc.boolean(), digits).map(([negative, value]) => `${negative ? '-' : ''}${value}`),
  fc.tuple(fc.boolean(), digits, fc.stringMatching(/^[0-9]{1,4}$/)).map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`),
  fc.tuple(fc.stringMatching(/^[0-9]\.[0-9]{1,3}$/), fc.constantFrom('e', 'E', 'e-', 'e+'), fc.stringMatching(/^[1-9][0-9]?$/)).map((parts) => parts.join('')),
);
const target = fc.oneof(fc.constantFrom('0', '1'), fc.stringMatching(/^[0-9]{1,4}$/).map((fraction) => `0.${fraction}`));
const words = fc.stringMatching(/^[a-z][a-z ]{0,12}$/);
const comment = fc.oneof(words.map((text) => `// ${text}\n`), words.map((text) => `/* ${text} */`));

const datasetText = fc.integer({ min: 1, max: 3 }).chain((inputSize) => {
  const row = fc.record({
    // Now and then a row with one number too many: a row the parse drops.
    input: fc.oneof({ arbitrary: fc.array(number, { minLength: inputSize, maxLength: inputSize }), weight: 5 }, { arbitrary: fc.array(number, { minLength: inputSize + 1, maxLength: inputSize + 1 }), weight: 1 }),
    target: fc.option(target),
    split: fc.option(fc.constantFrom('"test"', '"train"')),
    spaces: fc.array(space, { minLength: 8, maxLength: 8 }),
    before: fc.option(comment, { freq: 4 }),
  });
  return fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 12 }),
    description: fc.option(words),
    features: fc.boolean(),
    seed: fc.option(digits),
    spaces: fc.array(space, { minLength: 6, maxLength: 6 }),
  }).map(({ rows, description, features, seed, spaces: s }) => {
    const rowText = rows.map(({ input, target: t, split, spaces: r, before }) => {
      const parts = [`${r[0]}"input"${r[1]}:${r[2]}[${r[3]}${input.join(`,${r[4]}`)}${r[5]}]`];
      if (t !== null) parts.push(`${r[6]}"target": ${t}`);
      if (split !== null) parts.push(`"split":${r[7]}${split}`);
      return `${before ?? ''}${r[7]}{${parts.join(',')}${r[6]}}`;
    });
    const members = [`"rows"${s[0]}:${s[1]}[${rowText.join(`,${s[2]}`)}${s[3]}]`];
    if (description !== null) members.unshift(`"description": "${description}"`);
    if (features) members.unshift(`"features": [${Array.from({ length: inputSize }, (_, i) => `"x${i + 1}"`).join(', ')}]`);
    if (seed !== null) members.push(`"network":${s[4]}{ "seed": ${seed} }`);
    return `{${s[5]}${members.join(`,${s[4]}`)}\n}\n`;
  });
});

/** Where edits that keep every row valid can go: digits inside numbers, spacing, comments and the description. */
function safeSites(text: string) {
  const digitsAfterTheFirst: number[] = [];
  const between: number[] = [];
  const spaces: number[] = [];
  const insideWords: number[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    between.push(start);
    if (kind === SyntaxKind.NumericLiteral) {
      // Not the first digit: a 0 there could make a leading zero, which JSON forbids.
      for (let i = start + 1; i < end; i++) if (/[0-9]/.test(text[i]) && /[0-9.]/.test(text[i - 1])) digitsAfterTheFirst.push(i);
    } else if (kind === SyntaxKind.Trivia) {
      for (let i = start; i < end; i++) spaces.push(i);
    } else if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      // After the space that follows `//` or `/*`, so the edit splits neither.
      for (let i = start + 3; i < end - (kind === SyntaxKind.BlockCommentTrivia ? 2 : 0); i++) insideWords.push(i);
    } else if (kind === SyntaxKind.StringLiteral && text.slice(start - 15, start).includes('"description"')) {
      for (let i = start + 1; i < end - 1; i++) insideWords.push(i);
    }
  }
  // Right after a `/`, `*` or `\\` an edit is refused (it could split `*/`, `//` or an escape): not a site.
  const carried = (positions: number[]) => positions.filter((i) => !/[/*\\]/.test(text.charAt(i - 1)));
  return { digitsAfterTheFirst, between: carried(between), spaces: carried(spaces), insideWords };
}

// Built once: fast-check compiles a regular expression into an arbitrary each time it is given one.
const oneDigit = fc.stringMatching(/^[0-9]$/);
const wordCharacters = fc.stringMatching(/^[a-z 0-9]{0,4}$/);
const harmlessCharacters = fc.stringMatching(/^[a-z0-9 .+\-\tE]{0,4}$/);
const fewHarmlessCharacters = fc.stringMatching(/^[a-z0-9 ]{0,2}$/);

/** An edit that keeps the file well-formed and every row's validity, from the sites above. */
function validityKeepingEdit(text: string) {
  const sites = safeSites(text);
  const pick = (positions: number[]) => fc.constantFrom(...positions);
  const choices = [fc.tuple(pick(sites.between), fc.constantFrom(' ', '\t', '   ')).map(([offset, inserted]): TextChange => ({ offset, length: 0, text: inserted }))];
  if (sites.insideWords.length > 0) {
    choices.push(fc.tuple(pick(sites.insideWords), wordCharacters, fc.integer({ min: 0, max: 1 })).map(([offset, inserted, length]): TextChange => ({ offset, length, text: inserted })));
  }
  if (sites.digitsAfterTheFirst.length > 0) choices.push(fc.tuple(pick(sites.digitsAfterTheFirst), oneDigit).map(([offset, inserted]): TextChange => ({ offset, length: 1, text: inserted })));
  if (sites.spaces.length > 0) choices.push(pick(sites.spaces).map((offset): TextChange => ({ offset, length: 1, text: '' })));
  return fc.oneof(...choices);
}

/** Any edit of characters that decide nothing structural, anywhere it fits. */
function anyPreservingEdit(text: string) {
  return fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: 3 }), harmlessCharacters)
    .map(([offset, length, inserted]): TextChange => ({ offset, length: Math.min(length, text.length - offset), text: inserted }))
    .filter((change) => preservesStructure(text, change));
}

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
