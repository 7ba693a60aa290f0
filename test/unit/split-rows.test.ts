// Split Dataset: a seeded choice of test rows, written as the smallest possible change to each row.
import * as assert from 'assert';
import { pickTestRows, splitChange } from '../../src/editor/splitRows';

const apply = (text: string, change: ReturnType<typeof splitChange>) =>
  change ? text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length) : text;

describe('Split Dataset', () => {
  it('holds out the asked fraction, the same rows for the same seed, other rows for another', () => {
    const a = pickTestRows(100, 0.25, 7);
    assert.strictEqual(a.size, 25);
    assert.deepStrictEqual([...pickTestRows(100, 0.25, 7)], [...a]);
    assert.notDeepStrictEqual([...pickTestRows(100, 0.25, 8)].sort(), [...a].sort());
    for (const index of a) assert.ok(index >= 0 && index < 100);
  });

  it('adds "split": "test" after the last property and keeps everything else', () => {
    const row = '{ "input": [3, 1.5], "target": 0, "note": "measured twice" }';
    assert.strictEqual(apply(row, splitChange(row, 'test')), '{ "input": [3, 1.5], "target": 0, "note": "measured twice", "split": "test" }');
    assert.strictEqual(splitChange(row, 'train'), undefined, 'a row without split already trains');
  });

  it('changes only the value of an existing split', () => {
    const row = '{"split":"test","input":[1,2],"target":1}';
    assert.strictEqual(apply(row, splitChange(row, 'train')), '{"split":"train","input":[1,2],"target":1}');
    assert.strictEqual(splitChange(row, 'test'), undefined);
  });
});
