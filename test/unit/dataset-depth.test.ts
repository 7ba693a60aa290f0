// Case 4 of "bounded by design": files nested past the quick parser's depth. A well-formed file of
// any size and any depth gets its dataset (the deep value reported where it is); a deep
// "generatedBy" gets the usual warning, never "internal error".
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ParseErrorCode, parseTree, type ParseError } from 'jsonc-parser';
import { parseDataset } from '../../src/dataset';
import { FULL_RECOVERY_MAX_LENGTH } from '../../src/dataset/json';
import { LexicalNotes } from '../../src/dataset/lexical';
import { MAX_DEPTH, parseWellFormedTree } from '../../src/dataset/quick';

const DEEP_NOTE = /nested more than 64 levels deep, so what is inside it is not read/;

function rowsText(count: number): string {
  const rows: string[] = [];
  for (let index = 0; index < count; index++) rows.push(`    { "input": [${(index % 97) / 10}, ${(index % 13) / 10}], "target": ${index % 2} }`);
  return rows.join(',\n');
}

describe('datasets nested past the quick parser’s depth', function () {
  this.timeout(60_000);

  it(`a well-formed file over ${FULL_RECOVERY_MAX_LENGTH.toLocaleString('en-US')} characters with a value ${MAX_DEPTH + 1} deep still gets its dataset and a warning there`, () => {
    const deep = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
    const text = `{\n  "description": "big",\n  "extra": ${deep},\n  "rows": [\n${rowsText(100_000)}\n  ]\n}\n`;
    assert.ok(text.length > FULL_RECOVERY_MAX_LENGTH);
    const { dataset, problems } = parseDataset(text);
    assert.equal(dataset?.rows.length, 100_000);
    assert.equal(problems.filter((problem) => problem.severity === 'error').length, 0);
    const note = problems.find((problem) => DEEP_NOTE.test(problem.message));
    assert.ok(note, problems.map((problem) => problem.message).join('\n'));
    // The root is level 1 and "extra"'s array level 2: the one opened at level 65 (the 64th [) is reported.
    assert.equal(note.offset, text.indexOf('"extra": ') + '"extra": '.length + MAX_DEPTH - 2 + 1);
    assert.equal(note.severity, 'warning');
  });

  for (const [name, generatedBy] of [
    ['weights nested 3,000 deep', `{ "weights": ${'['.repeat(3000)}1${']'.repeat(3000)}, "bias": 1 }`],
    ['objects nested 100,000 deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ] as const) {
    it(`"generatedBy" with ${name} gets the usual warning, and the rows their dataset`, () => {
      const text = `{ "generatedBy": ${generatedBy}, "rows": [ { "input": [1, 2], "target": 1 } ] }`;
      const { dataset, problems } = parseDataset(text);
      assert.equal(dataset?.rows.length, 1);
      assert.equal(dataset?.generatedBy, undefined);
      assert.ok(problems.some((problem) => problem.severity === 'warning' && /^"generatedBy" should be the weights and bias/.test(problem.message)));
      assert.ok(problems.every((problem) => problem.severity === 'warning' && !/internal error/.test(problem.message)), problems.map((problem) => problem.message).join('\n'));
    });
  }

  it('a deep "generatedBy" in a file with a syntax error (the recovering parser) gets the usual warning too', () => {
    const text = `{ "generatedBy": { "weights": ${'['.repeat(3000)}1${']'.repeat(3000)}, "bias": 1 }, "rows": [ { "input": [1, 2], "target": 1 } x ] }`;
    const { dataset, problems } = parseDataset(text);
    assert.ok(dataset);
    assert.ok(problems.some((problem) => /^"generatedBy" should be the weights and bias/.test(problem.message)));
    assert.ok(!problems.some((problem) => /internal error/.test(problem.message)));
  });

  it('a row whose input is nested deep gets an error at that row', () => {
    const text = `{ "rows": [ { "input": [1, 2], "target": 0 }, { "input": ${'['.repeat(100)}1${']'.repeat(100)}, "target": 1 } ] }`;
    const { problems } = parseDataset(text);
    assert.ok(problems.some((problem) => problem.severity === 'error' && /^row 2: input value 1 is an array/.test(problem.message)));
  });

  it('past the depth, accepts exactly the text jsonc-parser reads without errors (fast-check)', () => {
    const tokens = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '1', '-', 'null', 'true', ' ', '/* c */', 'x', '[]', '{}', '"k": 1');
    const inner = fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.array(tokens, { maxLength: 30 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(inner, fc.integer({ min: MAX_DEPTH - 2, max: MAX_DEPTH + 20 }), fc.boolean(), (value, depth, objects) => {
        const open = objects ? '{"k":' : '[';
        const close = objects ? '}' : ']';
        const text = `{ "rows": [], "x": ${open.repeat(depth)}${value}${close.repeat(depth)} }`;
        const quick = parseWellFormedTree(text, new LexicalNotes(), () => undefined);
        const errors: ParseError[] = [];
        parseTree(text, errors, { allowTrailingComma: true });
        const realErrors = errors.filter((error) => error.error !== ParseErrorCode.UnexpectedEndOfComment);
        assert.equal(quick !== undefined, realErrors.length === 0, `${text}\n${JSON.stringify(realErrors)}`);
      }),
      { numRuns: 1000 },
    );
  });
});
