// The pure half of "Split Dataset…": which rows go to the test set, and the smallest text change
// that marks a row. No vscode here, so it is unit-tested in plain Node.
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { createRandom } from '../core';

/** Which rows (by position among the labelled rows) go to the test set: a seeded Fisher–Yates pick. */
export function pickTestRows(count: number, fraction: number, seed: number): Set<number> {
  const order = Array.from({ length: count }, (_, index) => index);
  const random = createRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = random.randomInt(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Set(order.slice(0, Math.round(count * fraction)));
}

/**
 * The smallest change to one row's text that gives it this split: the "split" value replaced, or
 * `, "split": "test"` added after its last property. Everything else in the row (other keys, the
 * learner's spacing) stays as it was. Undefined when nothing needs to change.
 */
export function splitChange(rowText: string, split: 'train' | 'test'): { offset: number; length: number; text: string } | undefined {
  const row = parseTree(rowText);
  if (!row || row.type !== 'object') return undefined;
  const current = findNodeAtLocation(row, ['split']);
  if (current) {
    return current.value === split ? undefined : { offset: current.offset, length: current.length, text: JSON.stringify(split) };
  }
  if (split === 'train') return undefined;
  const last = row.children?.[row.children.length - 1];
  return last ? { offset: last.offset + last.length, length: 0, text: ', "split": "test"' } : undefined;
}

