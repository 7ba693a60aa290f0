// The parse worker's side (src/editor/parseWorker.ts), driven through a port as the host drives it:
// the changes since its last parse of a document give the parse of the edited text; when it holds
// no parse they apply to, it asks for the text instead of guessing.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseDataset } from '../../src/dataset';
import { packRows, rowsWereUnpacked, unpackRows } from '../../src/dataset/packedRows';
import { layoutOf, sameLayout } from '../../src/dataset/rowLayout';
import { datasetText } from './dataset-texts';
import { KEPT_DOCUMENTS, parseOf, serveParsing, type ParseAnswer, type ParseRequest } from '../../src/editor/parseWorker';

function startWorker() {
  const answers: ParseAnswer[] = [];
  let deliver: (request: ParseRequest) => void = () => undefined;
  serveParsing({ post: (message) => answers.push(message as ParseAnswer), onMessage: (listener) => (deliver = listener) });
  // What the host reads from an answer: the parse with its rows unpacked.
  return (request: ParseRequest) => {
    deliver(request);
    const answer = answers.pop();
    if (!answer || 'needsText' in answer) return answer;
    assert.ok(answer.packedRows && answer.dataset?.rows.length === 0, 'rows travel packed');
    return { id: answer.id, ...parseOf(answer), rowsOnly: answer.rowsOnly };
  };
}

const rowsText = (rows: number) =>
  `{\n  "rows": [\n${Array.from({ length: rows }, (_, i) => `    { "input": [${i % 7}, ${i % 3}], "target": ${i % 2} }`).join(',\n')}\n  ]\n}\n`;

describe('The parse worker', () => {
  it('sends rows packed: unpacked they are the parsed rows, targets, test splits and offsets included (fast-check)', () => {
    fc.assert(fc.property(datasetText, (text) => {
      const rows = parseDataset(text).dataset?.rows ?? [];
      const inputSize = rows[0]?.input.length ?? 0;
      assert.deepEqual(unpackRows(packRows(rows, inputSize)!), rows);
    }), { numRuns: 200 });
    const ragged = [{ index: 0, input: [1, 2], split: 'train' as const, offset: 0, length: 1 }, { index: 1, input: [1], split: 'train' as const, offset: 2, length: 1 }];
    assert.equal(packRows(ragged, 2), undefined, 'inputs of different lengths are not packed');
  });

  it('the host places lenses from the packed rows without unpacking them; reading the rows unpacks them once', () => {
    const answers: ParseAnswer[] = [];
    let deliver: (request: ParseRequest) => void = () => undefined;
    serveParsing({ post: (message) => answers.push(message as ParseAnswer), onMessage: (listener) => (deliver = listener) });
    const text = rowsText(300).replace('"target": 1 }', '"target": 3 }');
    deliver({ id: 1, key: 'a', text });
    const answer = answers.pop()!;
    assert.ok(!('needsText' in answer));
    const { dataset } = parseOf(answer);
    const full = parseDataset(text).dataset!;
    assert.ok(sameLayout(layoutOf(dataset), layoutOf(full)) && full.rows.length === 299, 'the same rows, the one with target 3 left out');
    assert.equal(rowsWereUnpacked(dataset!), false);
    assert.deepEqual(dataset!.rows, full.rows);
    assert.equal(dataset!.rows, dataset!.rows, 'unpacked once');
    assert.equal(rowsWereUnpacked(dataset!), true);
  });

  it('parses a text, then the changes since, as parseDataset parses the edited text; a change inside a row reads that row only', () => {
    const ask = startWorker();
    const text = rowsText(500);
    assert.deepEqual(ask({ id: 1, key: 'a', text }), { id: 1, ...parseDataset(text), rowsOnly: false });
    // Row 250's target 0 becomes 7 (out of range), then a space typed between two rows.
    const row250 = text.split('\n').slice(0, 2 + 250).join('\n').length + 1;
    const target = text.indexOf('"target": ', row250) + '"target": '.length;
    assert.equal(text[target], '0');
    const typo = { offset: target, length: 1, text: '7' };
    const typed = text.slice(0, target) + '7' + text.slice(target + 1);
    const answer = ask({ id: 2, key: 'a', changes: [typo], length: typed.length });
    assert.deepEqual(answer, { id: 2, ...parseDataset(typed), rowsOnly: true });
    assert.ok(parseDataset(typed).problems.some((problem) => /outside \[0, 1\]/.test(problem.message)));
    const between = typed.indexOf('},') + 2;
    const spaced = typed.slice(0, between) + ' ' + typed.slice(between);
    assert.deepEqual(ask({ id: 3, key: 'a', changes: [{ offset: between, length: 0, text: ' ' }], length: spaced.length }), { id: 3, ...parseDataset(spaced), rowsOnly: false });
  });

  it('asks for the text when it holds no parse the changes apply to: never seen, a length that does not add up, forgotten, or dropped for newer documents', () => {
    const ask = startWorker();
    const text = rowsText(20);
    const digit = { offset: text.indexOf('"input": [') + '"input": ['.length, length: 0, text: '1' };
    assert.deepEqual(ask({ id: 1, key: 'unknown', changes: [digit], length: text.length + 1 }), { id: 1, needsText: true });
    ask({ id: 2, key: 'a', text });
    assert.deepEqual(ask({ id: 3, key: 'a', changes: [digit], length: text.length + 5 }), { id: 3, needsText: true });
    ask({ id: 4, key: 'b', text });
    assert.equal(ask({ forget: 'b' }), undefined, 'forgetting is not answered');
    assert.deepEqual(ask({ id: 5, key: 'b', changes: [digit], length: text.length + 1 }), { id: 5, needsText: true });
    for (let i = 0; i < KEPT_DOCUMENTS; i++) ask({ id: 10 + i, key: `newer ${i}`, text });
    assert.deepEqual(ask({ id: 20, key: 'a', changes: [digit], length: text.length + 1 }), { id: 20, needsText: true });
    // Sent the text, it carries on from there.
    ask({ id: 21, key: 'a', text });
    const edited = text.slice(0, digit.offset) + '1' + text.slice(digit.offset);
    assert.deepEqual(ask({ id: 22, key: 'a', changes: [digit], length: edited.length }), { id: 22, ...parseDataset(edited), rowsOnly: true });
  });
});
