// parseDataset across edits (src/dataset/incremental.ts): whatever the edits, the parse carried
// across them is the parse of the edited text; edits inside a row read only that row again.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createScanner, parseTree, SyntaxKind, type ParseError } from 'jsonc-parser';
import { MAX_REPORTED_PROBLEMS, parseDataset } from '../../src/dataset';
import { parseAfterChanges, parseKeepingTree, type KeptParse } from '../../src/dataset/incremental';
import { preservesStructure, type TextChange } from '../../src/dataset/rowLayout';
import { anyPreservingEdit, datasetText, edit, fewHarmlessCharacters, validityKeepingEdit } from './dataset-texts';

const RUNS = 200;

/**
 * Carries `kept` across `changes` and checks the result against a full parse; says whether only rows
 * were read again, and checks that a single change was, exactly when it lies inside one row and
 * keeps the structure and the text well-formed.
 */
function carry(kept: KeptParse, changes: TextChange[]): { kept: KeptParse; incremental: boolean } {
  const text = changes.reduce(edit, kept.text);
  const before = kept.tree;
  const after = parseAfterChanges(kept, changes, text);
  const context = `${JSON.stringify(changes)} in ${JSON.stringify(kept.text)}`;
  assert.deepEqual(after.result, parseDataset(text), context);
  const incremental = before !== undefined && after.tree === before;
  if (changes.length === 1) {
    const [change] = changes;
    const expected = wellFormed(kept.text) && insideOneRow(kept.text, change) && preservesStructure(kept.text, change) && wellFormed(text);
    assert.equal(incremental, expected, context);
  }
  return { kept: after, incremental };
}

const wellFormed = (text: string) => {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  return errors.length === 0;
};

function insideOneRow(text: string, change: TextChange): boolean {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const rows = root?.children?.filter((property) => property.children?.[0].value === 'rows');
  if (rows?.length !== 1 || rows[0].children?.[1]?.type !== 'array') return false;
  return (rows[0].children[1].children ?? []).some((row) => row.type === 'object' && row.offset < change.offset && change.offset + change.length < row.offset + row.length);
}

// Rows a full parse reads in every way it can: with comments and trailing commas inside, an unknown
// key (not the quick path's compact row), a target out of range, too few numbers, an empty input.
const oddRows = fc.constantFrom(
  '{ "input": [1, /* two */ 2], "target": 1 }',
  '{ "input": [3, 4,], "target": 0, }',
  '{ "input": [5, 6], "target": 0, "weight": 2 }',
  '{ "input": [7, 8], "target": 4 }',
  '{ "input": [9], "target": 1 }',
  '{ "input": [], "target": 1 }',
  '{ "input": [1, 2], "split": "test" }',
  '{ "input": [1, 2], "target": 1, "split": "tset" }',
  '{ "input": [1, [2]], "target": 1 }',
);
const withOddRows = fc.tuple(datasetText, fc.array(oddRows, { minLength: 1, maxLength: 4 }), fc.nat()).map(([text, odd, at]) => {
  const rowsStart = text.indexOf('[', text.indexOf('"rows"')) + 1;
  const rowStarts = [rowsStart];
  for (let i = text.indexOf('{', rowsStart); i >= 0; i = text.indexOf('{', i + 1)) if (text[i - 1] !== '"') rowStarts.push(i);
  const offset = rowStarts[at % rowStarts.length];
  return text.slice(0, offset) + odd.map((row) => `${row},\n`).join('') + text.slice(offset);
}).filter((text) => parseDataset(text).dataset !== undefined);

/** Where the text's numbers are. */
function numbersIn(text: string): { offset: number; length: number }[] {
  const numbers: { offset: number; length: number }[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.NumericLiteral) numbers.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  return numbers;
}

/** A number replaced by another value or a word: validity, input sizes and the class rule all change. */
const valueEdit = (numbers: { offset: number; length: number }[]) =>
  fc.tuple(fc.constantFrom(...numbers), fc.constantFrom('7', '-3', '0.5', '1', '0', 'true', 'null', 'x', '1e999', '', '5 6', '2e'))
    .map(([number, value]): TextChange => ({ ...number, text: value }));

const structuralEdit = (text: string) =>
  fc.tuple(fc.integer({ min: 0, max: text.length }), fewHarmlessCharacters, fc.constantFrom('{', '}', ']', ',', '"', '\n'))
    .map(([offset, around, character]): TextChange => ({ offset, length: 0, text: around + character }));

function anyEdit(text: string) {
  const numbers = numbersIn(text);
  // Earlier edits may have left no number to change.
  const changeANumber = numbers.length > 0 ? [{ arbitrary: valueEdit(numbers), weight: 3 }] : [];
  return fc.oneof(
    { arbitrary: validityKeepingEdit(text), weight: 3 },
    ...changeANumber,
    { arbitrary: anyPreservingEdit(text), weight: 2 },
    { arbitrary: structuralEdit(text), weight: 1 },
  );
}

describe('Parsing again after an edit (incremental)', function () {
  this.timeout(60_000);

  it('after any run of edits the carried parse is the full parse of the text, and an edit inside a row reads that row only (fast-check)', () => {
    let steps = 0;
    let incremental = 0;
    const start = fc.oneof(datasetText, withOddRows);
    fc.assert(fc.property(start, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }), fc.gen(), (text, sizes, g) => {
      let kept = parseKeepingTree(text);
      for (const size of sizes) {
        // Several changes between two parses, each to the text the one before it left.
        const changes: TextChange[] = [];
        let current = kept.text;
        for (let i = 0; i < size; i++) {
          const change = g(anyEdit, current);
          changes.push(change);
          current = edit(current, change);
        }
        const step = carry(kept, changes);
        kept = step.kept;
        steps++;
        if (step.incremental) incremental++;
      }
    }), { numRuns: RUNS });
    assert.ok(incremental > steps / 10, `only ${incremental} of ${steps} steps read one row again`);
  });

  it('an edit that changes what the rows say together: the input size, the problem cap, whether anything trains', () => {
    // The first row's empty input gets a number: every row's expected size changes with it.
    const sized = parseKeepingTree('{"rows":[{"input":[],"target":0},{"input":[1,2],"target":1},{"input":[3],"target":1}]}');
    const typed = carry(sized, [{ offset: sized.text.indexOf('[]') + 1, length: 0, text: '5' }]);
    assert.ok(typed.incremental);
    assert.deepEqual(typed.kept.result.dataset?.rows.map((row) => row.index), [0, 2]);

    // Past the cap problems are only counted: fixing the first bad row lists the next one.
    const rows = Array.from({ length: MAX_REPORTED_PROBLEMS + 50 }, (_, i) => `{"input":[${i}],"target":7}`);
    const capped = parseKeepingTree(`{"rows":[\n${rows.join(',\n')}\n]}`);
    const fixed = carry(capped, [{ offset: capped.text.indexOf('7'), length: 1, text: '1' }]);
    assert.ok(fixed.incremental);
    assert.equal(fixed.kept.result.dataset?.rows.length, 1);

    // The only row with a target loses it to a word: nothing trains, and a syntax error says why.
    const one = parseKeepingTree('{"rows":[{"input":[1],"target":1},{"input":[2]}]}');
    const broken = carry(one, [{ offset: one.text.indexOf('1}'), length: 1, text: 'x' }]);
    assert.equal(broken.incremental, false, 'not well-formed: parsed in full');
    const renumbered = carry(one, [{ offset: one.text.indexOf('1}'), length: 1, text: '0.25' }]);
    assert.ok(renumbered.incremental);
  });

  it('carries comments and trailing commas inside the edited row, and leaves one right after it alone', () => {
    const text = '{"rows":[{"input":[1, /* a */ 2,],"target":1} // after\n,{"input":[3,4],"target":0}]}';
    let kept = parseKeepingTree(text);
    for (const at of [
      (current: string) => ({ offset: current.indexOf('a */'), length: 1, text: 'abc' }),
      (current: string) => ({ offset: current.indexOf('2,]') + 2, length: 0, text: ' 9' }),
    ]) {
      const step = carry(kept, [at(kept.text)]);
      assert.ok(step.incremental, kept.text);
      kept = step.kept;
    }
    assert.equal(kept.result.problems.filter((problem) => /Trailing comma/.test(problem.message)).length, 0, 'the comma got a number after it');
    assert.equal(kept.result.problems.filter((problem) => /Comments/.test(problem.message)).length, 2);
  });
});
