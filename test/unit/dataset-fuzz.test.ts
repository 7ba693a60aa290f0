// Property-based tests: parseDataset never throws and keeps every range inside the text, whatever it
// is given; the quick tree builder agrees with jsonc-parser's parseTree wherever it answers.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ParseErrorCode, parseTree } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { parseDataset } from '../../src/dataset';
import { LexicalNotes } from '../../src/dataset/lexical';
import { parseWellFormedTree } from '../../src/dataset/quick';

const RUNS = 500;

/** parseDataset's contract, checked on one text. */
function checkContract(text: string): void {
  const result = parseDataset(text);
  assert.ok(Array.isArray(result.problems));
  for (const problem of result.problems) {
    assert.ok(problem.severity === 'error' || problem.severity === 'warning');
    assert.ok(typeof problem.message === 'string' && problem.message.length > 0);
    assert.ok(Number.isInteger(problem.offset) && Number.isInteger(problem.length), problem.message);
    assert.ok(problem.offset >= 0 && problem.length >= 0 && problem.offset + problem.length <= text.length, problem.message);
  }
  for (const row of result.dataset?.rows ?? []) {
    assert.ok(row.offset >= 0 && row.offset + row.length <= text.length);
    assert.equal(text[row.offset], '{');
    assert.ok(row.input.every(Number.isFinite));
    assert.equal(row.input.length, result.dataset?.inputSize);
  }
}

/** A comparable, parent-free copy; reading `children` also builds those of compact rows. */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type, value: node.value, offset: node.offset, length: node.length, colonOffset: node.colonOffset,
    children: node.children?.map(plain),
  };
}

const jsonTokens = fc.constantFrom(
  '{', '}', '[', ']', ',', ':', '"', '"rows"', '"input"', '"target"', '"split"', '"test"', '"network"', '1', '-',
  '0.5', 'e', '1e400', 'null', 'true', ' ', '\n', '//', '/*', '*/', '\\', 'x', '\'',
);
const tokenSoup = fc.array(jsonTokens, { maxLength: 60 }).map((tokens) => tokens.join(''));
const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
const rowLike = fc.oneof(
  fc.record({ input: fc.array(fc.oneof(fc.double({ noNaN: true }), value), { maxLength: 4 }), target: value, split: value }, { requiredKeys: [] }),
  fc.record({ input: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 2, maxLength: 2 }), target: fc.constantFrom(0, 1, 0.5) }),
  fc.anything(),
);
const datasetLike = fc.record({
  description: value,
  features: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), value),
  rows: fc.oneof(fc.array(rowLike, { maxLength: 8 }), fc.anything()),
  network: fc.oneof(fc.dictionary(fc.constantFrom('hiddenLayers', 'activation', 'output', 'learningRate', 'iterations', 'errorInterval', 'seed', 'start', 'x'), value), value),
}, { requiredKeys: ['rows'] });
const indent = fc.constantFrom(undefined, 0, 1, 2, '\t');

describe('parseDataset: never throws, ranges stay inside the text (fast-check)', function () {
  this.timeout(60_000);
  it('on arbitrary text (graphemes)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), checkContract), { numRuns: RUNS });
  });
  it('on arbitrary code points, lone surrogates included', () => {
    // fast-check's own 'binary' unit is slow to generate; any code point, surrogates included, is the same idea.
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));
    fc.assert(fc.property(fc.string({ unit: anyCodePoint, maxLength: 200 }), checkContract), { numRuns: RUNS });
  });
  it('on soups of JSON tokens (broken structure, comments, huge numbers)', () => {
    fc.assert(fc.property(tokenSoup, checkContract), { numRuns: RUNS });
  });
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), indent, (json, space) => checkContract(JSON.stringify(json, null, space))), { numRuns: RUNS });
  });
  it('on dataset-shaped objects with arbitrary values, and every row read matches its text', () => {
    fc.assert(fc.property(datasetLike, indent, (dataset, space) => {
      const text = JSON.stringify(dataset, null, space);
      checkContract(text);
      for (const row of parseDataset(text).dataset?.rows ?? []) {
        const written = JSON.parse(text.slice(row.offset, row.offset + row.length)) as { input: number[]; target?: number };
        assert.deepEqual(row.input, written.input);
        assert.equal(row.target, written.target);
      }
    }), { numRuns: RUNS });
  });
  it('on dataset-shaped objects cut off or spliced at a random place', () => {
    fc.assert(fc.property(datasetLike, fc.nat(), fc.constantFrom('', ',', '}', '"', '/*', ']'), (dataset, cut, insert) => {
      const text = JSON.stringify(dataset, null, 1);
      const at = cut % (text.length + 1);
      checkContract(text.slice(0, at) + insert + text.slice(at + 1));
    }), { numRuns: RUNS });
  });
});

describe('the quick tree builder agrees with jsonc-parser parseTree', function () {
  this.timeout(60_000);
  function agree(text: string): void {
    const quick = parseWellFormedTree(text, new LexicalNotes());
    if (!quick) return;
    const errors: ParseError[] = [];
    const reference = parseTree(text, errors, { allowTrailingComma: true });
    // An unclosed /* comment at the end hides nothing the tree needs; LexicalNotes reports it instead.
    const unclosedComment = errors.some((error) => error.error === ParseErrorCode.UnexpectedEndOfComment);
    if (unclosedComment) assert.ok(parseDataset(text).problems.some((problem) => /comment is never closed/.test(problem.message)));
    assert.deepEqual(errors.filter((error) => error.error !== ParseErrorCode.UnexpectedEndOfComment), [], 'the quick path accepted text parseTree finds errors in');
    assert.deepEqual(plain(quick), plain(reference));
  }
  it('on dataset-shaped JSON (compact rows included), however indented', () => {
    fc.assert(fc.property(datasetLike, indent, (dataset, space) => {
      const text = JSON.stringify(dataset, null, space);
      assert.ok(parseWellFormedTree(text, new LexicalNotes()), 'well-formed JSON must take the quick path');
      agree(text);
    }), { numRuns: RUNS });
  });
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), indent, (json, space) => agree(JSON.stringify(json, null, space))), { numRuns: RUNS });
  });
  it('on soups of JSON tokens, whenever it accepts them', () => {
    fc.assert(fc.property(tokenSoup, agree), { numRuns: RUNS * 4 });
  });
  it('with comments and trailing commas inside rows', () => {
    const text = '{ "rows": [ { "input": [1, 2,], /* a */ "target": 1, }, // b\n { /* c */ "input": [3], "x": 1 }, ] }';
    agree(text);
    const notes = new LexicalNotes();
    assert.ok(parseWellFormedTree(text, notes));
    const warnings = parseDataset(text).problems.filter((problem) => problem.severity === 'warning').map((problem) => text.slice(problem.offset, problem.offset + problem.length));
    assert.deepEqual(warnings.filter((covered) => covered !== '"x"'), [',', '/* a */', ',', '// b', '/* c */', ',']);
  });
});
