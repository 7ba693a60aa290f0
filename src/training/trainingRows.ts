// Which rows gradient descent learns from: those with a target that are not held out for testing.
// Training, the step debugger and the commands' checks must all agree on this.
import type { DatasetRow } from '../dataset';

export function isTrainingRow(row: DatasetRow): row is DatasetRow & { target: number } {
  return row.target !== undefined && row.split !== 'test';
}

/** A seed for a run whose file and settings fix none: any 32-bit value, reported with the run. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 0x100000000);
}
