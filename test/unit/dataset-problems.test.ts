// Every kind of broken dataset: each test checks the message's key words, the severity, and exactly
// which text the problem points at (and so its line).
import * as assert from 'node:assert/strict';
import { parseDataset } from '../../src/dataset';
import type { ParseDatasetOptions, ParseDatasetResult, Problem } from '../../src/dataset';

/** 1-based, as the editor shows it. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

interface Found {
  problem: Problem;
  result: ParseDatasetResult;
  /** The text the problem's range covers. */
  covers: string;
}

/** The one problem whose message matches, checked for severity and line. */
function expectProblem(
  textLines: string[], pattern: RegExp, line: number, severity: Problem['severity'] = 'error', options?: ParseDatasetOptions,
): Found {
  const text = textLines.join('\n');
  const result = parseDataset(text, options);
  const matching = result.problems.filter((problem) => pattern.test(problem.message));
  const all = result.problems.map((problem) => `${problem.severity} line ${lineOf(text, problem.offset)}: ${problem.message}`);
  assert.equal(matching.length, 1, `expected one problem matching ${pattern}; got:\n${all.join('\n')}`);
  const [problem] = matching;
  assert.equal(problem.severity, severity, problem.message);
  assert.equal(lineOf(text, problem.offset), line, `${problem.message} points at the wrong line`);
  return { problem, result, covers: text.slice(problem.offset, problem.offset + problem.length) };
}

/** A file whose rows are the given lines (line 3 onwards), then the closing lines. */
function withRows(...rows: string[]): string[] {
  return ['{', '  "rows": [', ...rows.map((row, i) => `    ${row}${i < rows.length - 1 ? ',' : ''}`), '  ]', '}'];
}

const goodRow = '{ "input": [3, 1.5], "target": 0 }';

describe('parseDataset: syntax errors in plain words', () => {
  it('a missing comma between rows, and the rows around it are still read', () => {
    const found = expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": 1 }', '{ "input": [4, 1.5], "target": 0 }').map(
      (line) => line.replace('"target": 1 },', '"target": 1 }'),
    ), /Expected a comma/, 5);
    assert.equal(found.result.dataset?.rows.length, 3);
  });
  it('a text never closed', () => {
    expectProblem(['{', '  "description": "open,', '  "rows": []', '}'], /never closed; add the missing double quote/, 2);
  });
  it('single quotes', () => {
    expectProblem(withRows("{ 'input': [1, 2], \"target\": 0 }"), /double quotes .* not single quotes/, 3);
  });
  it('a property name without quotes', () => {
    const found = expectProblem(['{', '  "rows": [', '    { input: [1, 2] }', '  ]', '}'], /Unexpected word "input"/, 3);
    assert.equal(found.covers, 'input');
  });
  it('NaN as a number', () => {
    expectProblem(withRows(goodRow, '{ "input": [NaN, 2], "target": 0 }'), /NaN and Infinity are not numbers/, 4);
  });
  it('text after the dataset object', () => {
    expectProblem([...withRows(goodRow), '{ "rows": [] }'], /Expected the end of the file/, 6);
  });
  it('a missing closing brace', () => {
    expectProblem(['{', '  "rows": [', `    ${goodRow}`, '  ]'], /closing brace \}/, 4);
  });
  it('a missing closing bracket', () => {
    expectProblem(['{', '  "rows": [', `    ${goodRow}`, '}'], /closing bracket \]/, 4);
  });
  it('an unknown escape in a text', () => {
    expectProblem(['{', '  "description": "C:\\data",', `  "rows": [${goodRow}]`, '}'], /Unknown escape after a backslash/, 2);
  });
  it('a byte-order mark at the start', () => {
    expectProblem([`\uFEFF{ "rows": [${goodRow}] }`], /byte-order mark/, 1);
  });
  it('an empty file', () => {
    expectProblem(['', '  '], /The file is empty/, 1);
  });
  it('nesting far too deep', () => {
    expectProblem(['['.repeat(200_000)], /nested too deeply/, 1);
  });
  it('comments are warnings', () => {
    const found = expectProblem([...withRows(goodRow).slice(0, 2), '    // the tutorial rows', ...withRows(goodRow).slice(2)], /Comments are not allowed/, 3, 'warning');
    assert.equal(found.covers, '// the tutorial rows');
    assert.equal(found.result.dataset?.rows.length, 1);
  });
  it('a comment that is never closed is an error', () => {
    expectProblem([...withRows(goodRow), '/* unfinished'], /comment is never closed/, 6);
  });
  it('a trailing comma is a warning, pointing at the comma', () => {
    const found = expectProblem(['{', '  "rows": [', `    ${goodRow},`, '  ]', '}'], /Trailing comma/, 3, 'warning');
    assert.equal(found.covers, ',');
  });
  it('a comment inside a row that is read twice is reported once', () => {
    expectProblem(withRows('{ /* note */ "input": [1, 2], "target": 0, "extra": 1 }'), /Comments are not allowed/, 3, 'warning');
  });
});

describe('parseDataset: the top-level shape', () => {
  it('an array instead of an object', () => {
    const found = expectProblem(['[', '  [3, 1.5]', ']'], /must be an object with a "rows" array.*found an array/, 1);
    assert.equal(found.result.dataset, undefined);
  });
  it('a missing "rows"', () => {
    const found = expectProblem(['{', '  "description": "no rows"', '}'], /must be an object with a "rows" array; add "rows"/, 1);
    assert.equal(found.covers, '{');
  });
  it('"rows" that is not an array', () => {
    expectProblem(['{', '  "description": "x",', '  "rows": { "input": [1] }', '}'], /"rows" must be an array of rows.*not an object/, 3);
  });
  it('an empty "rows" array', () => {
    const found = expectProblem(['{', '  "rows": []', '}'], /"rows" is empty: there is nothing to train on/, 2);
    assert.equal(found.covers, '[]');
  });
  it('an unknown top-level property, with a suggestion', () => {
    expectProblem(['{', '  "featurs": ["a"],', `  "rows": [${goodRow}]`, '}'], /unknown property "featurs" — did you mean "features"\?/, 2, 'warning');
  });
  it('an unknown top-level property without a likely meaning lists the known ones', () => {
    expectProblem(['{', `  "rows": [${goodRow}],`, '  "author": "me"', '}'], /unknown property "author" is ignored; known: "description"/, 3, 'warning');
  });
  it('a duplicate key: a warning, and the last one counts', () => {
    const found = expectProblem(['{', '  "description": "first",', '  "description": "second",', `  "rows": [${goodRow}]`, '}'], /"description" appears more than once/, 3, 'warning');
    assert.equal(found.result.dataset?.description, 'second');
  });
  it('a description that is not text', () => {
    expectProblem(['{', '  "description": 42,', `  "rows": [${goodRow}]`, '}'], /"description" should be text.*not 42/, 2, 'warning');
  });
});

describe('parseDataset: features', () => {
  const twoRows = [`    { "input": [1, 2], "target": 0 },`, `    { "input": [3, 4], "target": 1 }`];
  it('"features" not an array', () => {
    expectProblem(['{', '  "features": "x1, x2",', '  "rows": [', ...twoRows, '  ]', '}'], /"features" must be a list of input names/, 2);
  });
  it('a feature that is not a name', () => {
    const found = expectProblem(['{', '  "features": ["x1", 2],', '  "rows": [', ...twoRows, '  ]', '}'], /feature 2 must be a name/, 2);
    assert.equal(found.covers, '2');
  });
  it('empty features', () => {
    expectProblem(['{', '  "features": [],', '  "rows": [', ...twoRows, '  ]', '}'], /"features" is empty/, 2);
  });
  it('a repeated feature name', () => {
    expectProblem(['{', '  "features": ["x1", "x1"],', '  "rows": [', ...twoRows, '  ]', '}'], /feature name "x1" is used twice/, 2, 'warning');
  });
  it('features that name a different number of inputs than every row has: one error, on features', () => {
    const found = expectProblem(['{', '  "features": ["a", "b", "c"],', '  "rows": [', ...twoRows, '  ]', '}'], /"features" names 3 inputs, but the rows have 2/, 2);
    assert.equal(found.result.problems.length, 1);
    assert.equal(found.result.dataset?.rows.length, 2);
    assert.equal(found.result.dataset?.features, undefined, 'names that disagree with the rows are not passed on');
  });
  it('a row that does not match the features', () => {
    expectProblem(
      ['{', '  "features": ["a", "b"],', '  "rows": [', ...twoRows.map((row) => `${row.trimEnd()}${row.endsWith(',') ? '' : ','}`), '    { "input": [5, 6, 7], "target": 1 }', '  ]', '}'],
      /row 3: expected 2 numbers \(one per name in "features"\), found 3/, 6,
    );
  });
});

describe('parseDataset: rows', () => {
  it('a row that is not an object', () => {
    expectProblem(withRows(goodRow, '[3, 1.5]'), /row 2 must be an object like \{ "input"/, 4);
  });
  it('a row without "input" (and a hint for the misspelt key)', () => {
    expectProblem(withRows(goodRow, '{ "inputs": [2, 1], "target": 1 }'), /row 2 has no "input"/, 4);
    expectProblem(withRows(goodRow, '{ "inputs": [2, 1], "target": 1 }'), /row 2: unknown key "inputs" — did you mean "input"\?/, 4, 'warning');
  });
  it('an input that is not an array', () => {
    expectProblem(withRows(goodRow, '{ "input": 3, "target": 1 }'), /row 2: "input" must be an array of numbers.*not 3/, 4);
  });
  it('an empty input', () => {
    expectProblem(withRows(goodRow, '{ "input": [], "target": 1 }'), /row 2: "input" is empty/, 4);
  });
  it('a string in an input', () => {
    const found = expectProblem(withRows(goodRow, goodRow, goodRow, '{ "input": [3, "abc"], "target": 1 }'),
      /^row 4: input value 2 is a string \("abc"\); every input must be a number$/, 6);
    assert.equal(found.covers, '"abc"');
  });
  it('null, a boolean and a nested array in an input, each pointed at', () => {
    const text = withRows('{ "input": [null, true, [1]], "target": 1 }');
    expectProblem(text, /row 1: input value 1 is null/, 3);
    expectProblem(text, /row 1: input value 2 is a boolean \(true\)/, 3);
    assert.equal(expectProblem(text, /row 1: input value 3 is an array.*flat list/, 3).covers, '[1]');
  });
  it('a number too large for a double', () => {
    const found = expectProblem(withRows(goodRow, goodRow, '{ "input": [1e400, 2], "target": 1 }'), /row 3: input value 1: 1e400 is too large to be a number/, 5);
    assert.equal(found.covers, '1e400');
    expectProblem(withRows('{ "input": [-1e400, 2], "target": 1 }'), /-1e400 is too large/, 3);
  });
  it('a ragged row, measured against the first row', () => {
    const found = expectProblem(withRows(goodRow, goodRow, goodRow, '{ "input": [3, 1.5, 2], "target": 1 }'),
      /^row 4: expected 2 numbers like the other rows, found 3$/, 6);
    assert.equal(found.covers, '[3, 1.5, 2]');
    assert.equal(found.result.dataset?.rows.length, 3);
  });
  it('a target that is not a number; null hints at leaving it out', () => {
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": "1" }'), /row 2: "target" must be a number, not a string \("1"\)/, 4);
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": null }'), /row 2: "target" must be a number, not null — to have this row predicted instead, leave "target" out/, 4);
  });
  it('a target too large to be a number', () => {
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": 1e999 }'), /row 2: target 1e999 is too large/, 4);
  });
  it('a target outside [0, 1] for a sigmoid output', () => {
    const found = expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": 1.5 }'),
      /^row 2: target 1\.5 is outside \[0, 1\]; a sigmoid output can only predict values between 0 and 1 — use "output": "linear" for regression$/, 4);
    assert.equal(found.covers, '1.5');
  });
  it('the file\'s "output": "sigmoid" wins over a linear outputHint', () => {
    const text = [...withRows('{ "input": [2, 1], "target": -2 }').slice(0, -1), '  , "network": { "output": "sigmoid" }', '}'];
    expectProblem(text, /target -2 is outside \[0, 1\]/, 3, 'error', { outputHint: 'linear' });
  });
  it('an invalid split, with a suggestion', () => {
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "target": 1, "split": "Test" }'), /row 2: "split" must be "train" or "test", not a string \("Test"\) — did you mean "test"\?/, 4);
  });
  it('an unknown key in a row, with a suggestion', () => {
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "targte": 1 }'), /row 2: unknown key "targte" — did you mean "target"\?/, 4, 'warning');
  });
  it('a key repeated in a row: a warning, and the last one counts', () => {
    const found = expectProblem(withRows('{ "input": [2, 1], "target": 0, "target": 1 }'), /row 1: "target" appears more than once/, 3, 'warning');
    assert.equal(found.result.dataset?.rows[0].target, 1);
  });
  it('a test row without a target cannot be scored', () => {
    expectProblem(withRows(goodRow, '{ "input": [2, 1], "split": "test" }'), /row 2 is in the test split but has no "target"/, 4, 'warning');
  });
  it('no row with a target: nothing to train on', () => {
    const found = expectProblem(withRows('{ "input": [2, 1] }', '{ "input": [3, 1] }'), /No row has a "target"/, 2);
    assert.equal(found.covers, '"rows"');
    assert.equal(found.result.dataset?.rows.length, 2);
  });
  it('every row with a target held out for testing: nothing to train on', () => {
    expectProblem(withRows('{ "input": [2, 1], "target": 1, "split": "test" }', '{ "input": [3, 1] }'), /Every row with a "target" is in the test split/, 2);
  });
});
