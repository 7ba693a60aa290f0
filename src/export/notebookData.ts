// The notebook's data cell: the dataset's rows written into the notebook, or — past a size — read
// from the dataset file when the notebook runs, so a large dataset does not make a huge notebook.
// Either way the cell defines the tutorial's names (input_vectors, targets) and the test and
// unlabelled rows, grouped as every export groups them.

import { pythonFloatList, pythonString, pythonStringList } from './pythonLiterals';
import { vectors } from './numpyScript';
import type { ModelSnapshot } from '../core/types';
import { asNetworkInputs, type ExportDataset, type RowGroups } from './scriptParts';

/** Rows written into a notebook by default; larger datasets are read from their file. */
export const DEFAULT_NOTEBOOK_INLINE_ROWS = 1000;

export type DataSource =
  | { kind: 'inline'; /** Why a large dataset is inlined all the same (a sentence ending without a period). */ reason?: string }
  | { kind: 'file'; /** The dataset file, relative to the notebook's folder where possible (forward slashes). */ path: string };

export interface DatasetFileFacts {
  rowCount: number;
  /** Where the notebook can read the file from; absent for an untitled dataset. */
  path?: string;
  /** The editor holds changes not saved to the file. */
  unsaved: boolean;
  /** The text parses as strict JSON (no comments, no trailing commas), as Python's json module needs. */
  plainJson: boolean;
}

/**
 * The path of `target` seen from the folder of `from` (both URI paths, '/'-separated), e.g.
 * "../data/x.nn.json": what a notebook at `from` opens to read `target`.
 */
export function relativeUriPath(from: string, target: string): string {
  const folder = from.split('/').slice(0, -1).filter((part) => part !== '');
  const parts = target.split('/').filter((part) => part !== '');
  const drive = /^[a-zA-Z]:$/;
  // Another Windows drive has no relative path: the absolute one, as Python on Windows reads it.
  if (drive.test(parts[0] ?? '') && parts[0].toLowerCase() !== folder[0]?.toLowerCase()) return parts.join('/');
  let shared = 0;
  while (shared < folder.length && shared < parts.length - 1 && folder[shared] === parts[shared]) shared++;
  return [...folder.slice(shared).map(() => '..'), ...parts.slice(shared)].join('/');
}

/** Inline up to `inlineRows` rows; beyond that read the file, if Python can read what the lab reads. */
export function chooseDataSource(facts: DatasetFileFacts, inlineRows: number): DataSource {
  if (facts.rowCount <= inlineRows) return { kind: 'inline' };
  if (facts.path === undefined) return { kind: 'inline', reason: 'it has not been saved to a file yet' };
  if (facts.unsaved) return { kind: 'inline', reason: 'its file does not hold the changes made in the editor yet' };
  if (!facts.plainJson) return { kind: 'inline', reason: "its file has comments or trailing commas, which Python's json module cannot read" };
  return { kind: 'file', path: facts.path };
}

/** The data cell's code. */
export function dataCell(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>, dataset: ExportDataset, groups: RowGroups, source: DataSource): string {
  const features = dataset.features && dataset.features.length > 0
    ? `# The meaning of each position in an input vector\nfeatures = ${pythonStringList(dataset.features)}\n\n`
    : '';
  return features + (source.kind === 'file' ? readFromFile(snapshot, groups, source.path) : inline(snapshot, groups));
}

function inline(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>, groups: RowGroups): string {
  return [
    '# The training rows, named as in the tutorial: one input vector per row and its target',
    `input_vectors = ${vectors(snapshot, groups.training.inputs)}`,
    `targets = np.array(${pythonFloatList(groups.training.targets)})`,
    '',
    '# Held-out test rows (predicted and scored, never trained on) and rows without a target',
    `test_input_vectors = ${vectors(snapshot, groups.test.inputs)}`,
    `test_targets = np.array(${pythonFloatList(groups.test.targets)})`,
    `new_input_vectors = ${vectors(snapshot, groups.unlabelled.inputs)}`,
  ].join('\n');
}

function readFromFile(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>, groups: RowGroups, path: string): string {
  const counts = [groups.training.inputs.length, groups.test.inputs.length, groups.unlabelled.inputs.length];
  return `import json

with open(${pythonString(path)}, encoding="utf-8") as file:
    rows = json.load(file)["rows"]


def input_array(selected):
    return ${asNetworkInputs(snapshot, `np.array([row["input"] for row in selected], dtype=float).reshape(-1, ${snapshot.inputSize})`)}


# Rows with a target learn, except those held out with "split": "test"; rows without one are predicted
training_rows = [row for row in rows if "target" in row and row.get("split") != "test"]
test_rows = [row for row in rows if "target" in row and row.get("split") == "test"]
new_rows = [row for row in rows if "target" not in row]

input_vectors = input_array(training_rows)
targets = np.array([row["target"] for row in training_rows], dtype=float)
test_input_vectors = input_array(test_rows)
test_targets = np.array([row["target"] for row in test_rows], dtype=float)
new_input_vectors = input_array(new_rows)

counts = (len(input_vectors), len(test_input_vectors), len(new_input_vectors))
assert counts == (${counts.join(', ')}), f"the dataset file has changed since this notebook was written: {counts} rows"`;
}
