// parseDataset across edits: an edit inside one row that keeps the text's structure (rowLayout.ts
// says which edits those are) reads only that row again. The rest of the tree is moved along, and
// the dataset is read from the tree as a full parse reads it, so every conclusion drawn from all
// rows (the input size, whether anything trains, the cap on listed problems) is drawn again.
//
// Why: tokenising a 10,000-row file takes 10–50 ms of the extension host's thread after every
// keystroke, time in which it answers no lens or completion request; reading the rows from a tree
// takes a few. The result is the one parseDataset gives; a property test holds it to that.
// Successive parses share the input arrays of the rows no edit touched: like every cached parse,
// their rows are read-only (nothing in src changes a row's input in place).
import type { Node } from 'jsonc-parser';
import { parseDataset, parseWellFormedDataset } from './index';
import { readWellFormedTree, type WellFormedTree } from './json';
import { LexicalNotes } from './lexical';
import { CompactRowNode, parseWellFormedRow } from './quick';
import { applyChange, preservesStructure, type TextChange } from './rowLayout';
import type { ParseDatasetOptions, ParseDatasetResult, TextRange } from './types';

/** A parse and the tree it was read from, to bring up to date across edits. */
export interface KeptParse {
  readonly text: string;
  readonly result: ParseDatasetResult;
  readonly options?: ParseDatasetOptions;
  /** Absent when the text was not well-formed or has no single top-level "rows" array. */
  readonly tree?: RowsTree;
  /** Carried from an earlier parse, reading again only the rows the edits fell in (else parsed in full). */
  readonly rowsOnly: boolean;
}

interface RowsTree extends WellFormedTree {
  /** The top-level "rows" property and its array. */
  rowsProperty: Node;
  rows: Node;
}

type MutableNode = { -readonly [K in keyof Node]: Node[K] } & { colonOffset?: number };

export function parseKeepingTree(text: string, options?: ParseDatasetOptions): KeptParse {
  let tree: WellFormedTree | undefined;
  try {
    tree = readWellFormedTree(text);
  } catch {
    // parseDataset reports whatever went wrong.
  }
  if (!tree) return { text, options, result: parseDataset(text, options), rowsOnly: false };
  return { text, options, result: parseWellFormedDataset(text, tree, options), tree: withRows(tree), rowsOnly: false };
}

/**
 * The parse of `text`, which `changes` (applied one after another, as the extension host applies a
 * change event's) made of `kept.text`: what parseDataset(text) gives. `kept` is used up: its tree
 * is changed in place, so only the returned parse may be carried on.
 */
export function parseAfterChanges(kept: KeptParse, changes: readonly TextChange[], text: string): KeptParse {
  try {
    return carryAcross(kept, changes, text);
  } catch {
    // A bug here must cost a full parse, not a wrong one or a crash.
    return parseKeepingTree(text, kept.options);
  }
}

function carryAcross(kept: KeptParse, changes: readonly TextChange[], text: string): KeptParse {
  let tree = kept.tree;
  // The text before each change. The last change is checked against `text` itself, so one change
  // (a keystroke) never costs a copy of the document.
  let before = kept.text;
  for (let i = 0; i < changes.length && tree; i++) {
    const after = i === changes.length - 1 ? text : applyChange(before, changes[i]);
    if (!editRow(tree, before, changes[i], after)) tree = undefined;
    before = after;
  }
  if (!tree) return parseKeepingTree(text, kept.options);
  for (const row of tree.rows.children ?? []) if (row instanceof CompactRowNode) row.readFrom(text);
  return { text, options: kept.options, result: parseWellFormedDataset(text, tree, kept.options), tree, rowsOnly: true };
}

function withRows(tree: WellFormedTree): RowsTree | undefined {
  if (tree.root.type !== 'object') return undefined;
  const rowsProperties = (tree.root.children ?? []).filter((property) => property.children?.[0]?.value === 'rows');
  const rows = rowsProperties.length === 1 ? rowsProperties[0].children?.[1] : undefined;
  return rows?.type === 'array' ? { ...tree, rowsProperty: rowsProperties[0], rows } : undefined;
}

/**
 * Brings `tree` from `before` to `after`, the text `change` made of it, and says so; false (the tree
 * is then unusable) when the change is not inside one row, or does not keep the structure.
 */
function editRow(tree: RowsTree, before: string, change: TextChange, after: string): boolean {
  const rows = tree.rows.children ?? [];
  const index = rowContaining(rows, change);
  if (index < 0 || !preservesStructure(before, change)) return false;
  const delta = change.text.length - change.length;
  const old = rows[index];
  const oldEnd = old.offset + old.length;
  // The row alone, edited, read where it stands: the text the events say it is, or nothing.
  const rowText = after.slice(old.offset, oldEnd + delta);
  const expected = before.slice(old.offset, change.offset) + change.text + before.slice(change.offset + change.length, oldEnd);
  if (after.length !== before.length + delta || rowText !== expected) return false;
  const notes = new LexicalNotes();
  const tooDeep: TextRange[] = [];
  const row = parseWellFormedRow(rowText, 0, notes, (offset, length) => tooDeep.push({ offset: old.offset + offset, length }));
  if (!row || row.length !== rowText.length) return false;

  moveNode(row, old.offset);
  rows[index] = row;
  for (let i = index + 1; i < rows.length; i++) moveNode(rows[i], delta);
  for (const enclosing of [tree.root, tree.rowsProperty, tree.rows]) (enclosing as MutableNode).length += delta;
  for (const property of tree.root.children ?? []) if (property.offset >= oldEnd) moveNode(property, delta);
  tree.notes.replaceStretch(old.offset, oldEnd, delta, notes);
  const keptDeep = tree.tooDeep.filter((range) => range.offset < old.offset || range.offset >= oldEnd)
    .map((range) => (range.offset >= oldEnd ? { offset: range.offset + delta, length: range.length } : range));
  tree.tooDeep = keptDeep.concat(tooDeep).sort((a, b) => a.offset - b.offset);
  return true;
}

/** The index of the row whose braces enclose the whole change (not touching either), else -1. */
function rowContaining(rows: readonly Node[], change: TextChange): number {
  let low = 0;
  let high = rows.length;
  // The last row starting before the change.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle].offset < change.offset) low = middle + 1;
    else high = middle;
  }
  const index = low - 1;
  if (index < 0) return -1;
  const row = rows[index];
  return change.offset + change.length < row.offset + row.length ? index : -1;
}

/** Moves a node and everything in it `delta` characters along. */
function moveNode(node: Node, delta: number): void {
  if (node instanceof CompactRowNode) {
    node.offset += delta; // its text is set once all changes are in (parseAfterChanges)
    return;
  }
  const mutable = node as MutableNode;
  mutable.offset += delta;
  if (mutable.colonOffset !== undefined) mutable.colonOffset += delta;
  for (const child of node.children ?? []) moveNode(child, delta);
}
