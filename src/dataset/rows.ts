// The "rows" array: each row checked on its own, with messages that count rows from 1 as a learner does.
import type { Node } from 'jsonc-parser';
import type { DatasetRow } from './types';
import type { OutputKind } from '../core/types';
import { describeNode, didYouMean, ProblemCollector, rangeOf, sourceOf } from './problems';
import { readNumber, readProperties, tooLargeMessage } from './properties';
import { CompactRowNode } from './quick';
import { l10n } from '../l10n';

export const ROW_KEY_NAMES = ['input', 'target', 'split'] as const;
export const SPLIT_NAMES: readonly DatasetRow['split'][] = ['train', 'test'];

/** Where the expected input size came from, so a ragged-row message can say why. */
export type InputSizeSource = 'features' | 'start' | 'rows';

export interface RowRules {
  expectedSize: number;
  sizeSource: InputSizeSource;
  output: OutputKind;
}

const ROW_EXAMPLE = '{ "input": [3, 1.5], "target": 0 }';

/** The input lengths the rows themselves have, read cheaply before any row is checked. */
export function surveyInputSizes(rowNodes: readonly Node[]): { firstSize?: number; sizes: Set<number> } {
  const sizes = new Set<number>();
  let firstSize: number | undefined;
  for (const row of rowNodes) {
    if (row instanceof CompactRowNode) {
      sizes.add(row.input.length);
      firstSize ??= row.input.length;
      continue;
    }
    if (row.type !== 'object') continue;
    for (const property of row.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.value !== 'input' || value?.type !== 'array') continue;
      const size = value.children?.length ?? 0;
      if (size === 0) continue;
      sizes.add(size);
      firstSize ??= size;
    }
  }
  return { firstSize, sizes };
}

/** The valid rows; every invalid one gets at least one error instead. */
export function readRows(rowNodes: readonly Node[], rules: RowRules, text: string, problems: ProblemCollector): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (let index = 0; index < rowNodes.length; index++) {
    const row = readRow(rowNodes[index], index, rules, text, problems);
    if (row) rows.push(row);
  }
  return rows;
}

interface RowFields {
  input: number[];
  target?: number;
  split: DatasetRow['split'];
}

function readRow(node: Node, index: number, rules: RowRules, text: string, problems: ProblemCollector): DatasetRow | undefined {
  let fields: RowFields | undefined;
  if (node instanceof CompactRowNode) {
    // It already holds finite numbers; only a row that breaks a rule needs the full reading, for its message.
    const broken = compactRowProblemCount(node, rules);
    if (broken === 0) fields = node;
    else if (problems.isFull) {
      // Past the cap problems are only counted, so skip building this row's nodes just to word them.
      for (let count = 0; count < broken; count++) problems.error(rangeOf(node), l10n.t('row {0} is invalid', index + 1));
      return undefined;
    } else fields = readRowFields(node, l10n.t('row {0}', index + 1), rules, text, problems);
  } else {
    fields = readRowFields(node, l10n.t('row {0}', index + 1), rules, text, problems);
  }
  if (!fields) return undefined;
  if (fields.split === 'test' && fields.target === undefined) {
    problems.warning(rangeOf(node), l10n.t('row {0} is in the test split but has no "target", so it cannot be scored; it is only predicted', index + 1));
  }
  return { index, input: fields.input, target: fields.target, split: fields.split, offset: node.offset, length: node.length };
}

/** How many errors the full reading would report for this row (its size and its target can each be wrong). */
function compactRowProblemCount(row: CompactRowNode, rules: RowRules): number {
  const sizeFits = row.input.length === rules.expectedSize || rules.expectedSize === 0;
  const targetFits = row.target === undefined || rules.output === 'linear' || (row.target >= 0 && row.target <= 1);
  return (sizeFits ? 0 : 1) + (targetFits ? 0 : 1);
}

function readRowFields(node: Node, label: string, rules: RowRules, text: string, problems: ProblemCollector): RowFields | undefined {
  if (node.type !== 'object') {
    problems.error(rangeOf(node), l10n.t('{0} must be an object like {1}, not {2}', label, ROW_EXAMPLE, describeNode(node, text)));
    return undefined;
  }
  const properties = readProperties(node, ROW_KEY_NAMES, problems, { prefix: `${label}: `, noun: 'key' });
  const inputEntry = properties.get('input');
  if (!inputEntry) {
    problems.error(rangeOf(node), l10n.t('{0} has no "input"; every row needs an "input" array of numbers, like {1}', label, ROW_EXAMPLE));
    return undefined;
  }
  const input = inputEntry.value && readInput(inputEntry.value, label, rules, text, problems);
  // A key without a value (`"target": }`) is broken text the syntax error already reports: skip the row.
  const targetEntry = properties.get('target');
  const target = targetEntry?.value && readTarget(targetEntry.value, label, rules.output, text, problems);
  const splitEntry = properties.get('split');
  const split = splitEntry ? splitEntry.value && readSplit(splitEntry.value, label, text, problems) : 'train';
  if (!input || (targetEntry && target === undefined) || !split) return undefined;
  return { input, target, split };
}

function readInput(node: Node, label: string, rules: RowRules, text: string, problems: ProblemCollector): number[] | undefined {
  if (node.type !== 'array') {
    problems.error(rangeOf(node), l10n.t('{0}: "input" must be an array of numbers like [3, 1.5], not {1}', label, describeNode(node, text)));
    return undefined;
  }
  const values = node.children ?? [];
  if (values.length === 0) {
    problems.error(rangeOf(node), l10n.t('{0}: "input" is empty; it needs one number per feature, like [3, 1.5]', label));
    return undefined;
  }
  const input: number[] = [];
  let valid = true;
  for (let position = 0; position < values.length; position++) {
    const valueNode = values[position];
    const reading = readNumber(valueNode);
    if (reading.ok) {
      input.push(reading.value);
      continue;
    }
    valid = false;
    const which = l10n.t('{0}: input value {1}', label, position + 1);
    if (reading.reason === 'too large') {
      problems.error(rangeOf(valueNode), `${which}: ${tooLargeMessage(valueNode, text)}`);
    } else {
      const flat = valueNode.type === 'array' ? l10n.t(' (an input is one flat list of numbers)') : '';
      problems.error(rangeOf(valueNode), l10n.t('{0} is {1}; every input must be a number{2}', which, describeNode(valueNode, text), flat));
    }
  }
  if (!valid) return undefined;
  if (input.length !== rules.expectedSize && rules.expectedSize > 0) {
    problems.error(rangeOf(node), l10n.t('{0}: expected {1} numbers {2}, found {3}', label, rules.expectedSize, sizeReason(rules.sizeSource), input.length));
    return undefined;
  }
  return input;
}

function sizeReason(source: InputSizeSource): string {
  switch (source) {
    case 'features':
      return l10n.t('(one per name in "features")');
    case 'start':
      return l10n.t('(one per weight in "start.weights")');
    default:
      return l10n.t('like the other rows');
  }
}

function readTarget(node: Node, label: string, output: OutputKind, text: string, problems: ProblemCollector): number | undefined {
  const reading = readNumber(node);
  if (!reading.ok) {
    const message = reading.reason === 'too large'
      ? `${label}: target ${tooLargeMessage(node, text)}`
      : l10n.t('{0}: "target" must be a number, not {1}', label, describeNode(node, text)) +
        (node.type === 'null' ? l10n.t(' — to have this row predicted instead, leave "target" out') : '');
    problems.error(rangeOf(node), message);
    return undefined;
  }
  if (output === 'sigmoid' && (reading.value < 0 || reading.value > 1)) {
    problems.error(
      rangeOf(node),
      l10n.t('{0}: target {1} is outside [0, 1]; a sigmoid output can only predict values between 0 and 1 — use "output": "linear" for regression', label, sourceOf(node, text)),
    );
    return undefined;
  }
  return reading.value;
}

function readSplit(node: Node, label: string, text: string, problems: ProblemCollector): DatasetRow['split'] | undefined {
  if (node.type === 'string' && (node.value === 'train' || node.value === 'test')) return node.value;
  const suggestion = node.type === 'string' ? didYouMean(String(node.value), SPLIT_NAMES) : '';
  problems.error(rangeOf(node), l10n.t('{0}: "split" must be "train" or "test", not {1}{2}', label, describeNode(node, text), suggestion));
  return undefined;
}
