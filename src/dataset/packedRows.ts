// Rows as three flat arrays, to cross from the parse worker to the extension host: a structured clone
// of 300,000 row objects costs the receiving thread 0.5–0.8 s, of three typed arrays a few
// milliseconds (rebuilding the objects then takes about a quarter of the clone's time).
import type { Dataset, DatasetRow } from './types';

export interface PackedRows {
  inputSize: number;
  /** Row after row, `inputSize` numbers each. */
  inputs: Float64Array;
  /** NaN where a row has no target (a target is always finite). */
  targets: Float64Array;
  /** Per row: its index in the file, its offset, its length, and 1 if it is in the test split. */
  meta: Int32Array;
}

const META = 4;

/** The rows packed, or undefined if their inputs differ in length (a dataset's valid rows never do). */
export function packRows(rows: readonly DatasetRow[], inputSize: number): PackedRows | undefined {
  if (rows.some((row) => row.input.length !== inputSize)) return undefined;
  const inputs = new Float64Array(rows.length * inputSize);
  const targets = new Float64Array(rows.length);
  const meta = new Int32Array(rows.length * META);
  rows.forEach((row, i) => {
    inputs.set(row.input, i * inputSize);
    targets[i] = row.target ?? NaN;
    meta.set([row.index, row.offset, row.length, row.split === 'test' ? 1 : 0], i * META);
  });
  return { inputSize, inputs, targets, meta };
}

export function unpackRows({ inputSize, inputs, targets, meta }: PackedRows): DatasetRow[] {
  const rows = new Array<DatasetRow>(targets.length);
  for (let i = 0; i < rows.length; i++) {
    const input = new Array<number>(inputSize);
    for (let j = 0; j < inputSize; j++) input[j] = inputs[i * inputSize + j];
    const target = targets[i];
    const at = i * META;
    rows[i] = {
      index: meta[at],
      input,
      target: Number.isNaN(target) ? undefined : target,
      split: meta[at + 3] === 1 ? 'test' : 'train',
      offset: meta[at + 1],
      length: meta[at + 2],
    };
  }
  return rows;
}

/** Datasets whose rows came packed (see withPackedRows), and the rows once something read them. */
const packedDatasets = new WeakMap<Dataset, { packed: PackedRows; rows?: DatasetRow[] }>();

/**
 * `dataset` with `packed` as its rows, unpacked only when something reads `rows`: after an edit the
 * host needs only where the rows are (layoutOf reads that from the packed arrays) and the problems.
 */
export function withPackedRows(dataset: Dataset, packed: PackedRows): Dataset {
  const lazy = { ...dataset };
  const entry: { packed: PackedRows; rows?: DatasetRow[] } = { packed };
  Object.defineProperty(lazy, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => (entry.rows ??= unpackRows(packed)),
    set: (value: DatasetRow[]) => {
      // Rows replaced: the packed ones no longer describe them.
      packedDatasets.delete(lazy);
      entry.rows = value;
    },
  });
  packedDatasets.set(lazy, entry);
  return lazy;
}

/** The packed rows of a dataset from withPackedRows whose rows were not replaced since. */
export function packedRowsOf(dataset: Dataset): PackedRows | undefined {
  return packedDatasets.get(dataset)?.packed;
}

/** Whether anything has read the rows of a dataset from withPackedRows (tests check that lenses need not). */
export function rowsWereUnpacked(dataset: Dataset): boolean {
  const entry = packedDatasets.get(dataset);
  return !entry || entry.rows !== undefined;
}

/** Per packed row: its index in the file and its offset, as layoutOf needs them. */
export function packedIndexesAndOffsets(packed: PackedRows): { rowIndexes: Int32Array; rowOffsets: Int32Array } {
  const count = packed.targets.length;
  const rowIndexes = new Int32Array(count);
  const rowOffsets = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    rowIndexes[i] = packed.meta[i * META];
    rowOffsets[i] = packed.meta[i * META + 1];
  }
  return { rowIndexes, rowOffsets };
}
