// The tutorial's eight training rows and what the data itself says about them (computed once:
// the rows never change). The lesson's last card and the walkthrough's claims rest on these.
import { rowsFacts, type RowsFacts } from '../core/rowsFacts';

export const TUTORIAL_ROWS: readonly (readonly number[])[] = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
export const TUTORIAL_TARGETS: readonly number[] = [0, 1, 0, 1, 0, 1, 1, 0];
/** The seed of tutorial.nn.json, which DESIGN.md and many tests use. */
export const TUTORIAL_SEED = 42;

let facts: RowsFacts | undefined;

export function tutorialRowsFacts(): RowsFacts {
  return (facts ??= rowsFacts(TUTORIAL_ROWS, TUTORIAL_TARGETS));
}

/** True when the rows are exactly the tutorial's eight (in any order), so its words about them apply. */
export function isTutorialData(inputs: readonly (readonly number[])[], targets: readonly number[]): boolean {
  if (inputs.length !== TUTORIAL_ROWS.length) return false;
  const key = (row: readonly number[], target: number) => `${row.join(',')}→${target}`;
  const expected = TUTORIAL_ROWS.map((row, i) => key(row, TUTORIAL_TARGETS[i])).sort();
  const actual = inputs.map((row, i) => key(row, targets[i])).sort();
  return expected.every((entry, i) => entry === actual[i]);
}
