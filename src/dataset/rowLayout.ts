// Where a dataset's lenses go (the "rows" key, each valid row's `{`), carried across edits that
// cannot move a row boundary, so lenses can be placed without waiting for a full parse.
//
// Which edits those are: both of our parsers read through jsonc-parser's scanner, and there only
// these characters decide where tokens begin and end: `{ } [ ] , :` are tokens of their own; `"`
// opens and closes a string, and `\` inside one escapes the next character (so `\"` does not close
// it); a line break ends an unclosed string; `/` and `*` open and close comments (`//`, `/*`, `*/`),
// and a line break ends a `//` comment. Every other character belongs to a number, a literal,
// whitespace or an unknown word, and the scanner ends each of those at the characters above, never
// across them. So an edit whose replaced and inserted text hold none of  { } [ ] " \ , : / *  nor a
// line break keeps every structural token, each inside the same string or comment as before (or
// outside all), those after the edit moved by (inserted − replaced) characters — provided it does
// not split or join a two-character token: text typed between `*` and `/` unmakes a `*/`, deleting
// the space of `* /` makes one, and text typed right after a `\` changes what it escapes (`\x"`
// closes the string `\"` kept open). Every such pair starts with `/`, `*` or `\`, so an edit right
// after one of those is not carried either.
//
// What such an edit can still change is a value or a key's name: a row's target typed out of range,
// a number turned into a word (a syntax error, after which jsonc-parser's recovery may even count a
// stray value as a row), `[]` given a first number, `"rows"` renamed. Which rows are valid, and so
// which rows have lenses, is therefore only as good as the last full parse until the next one: the
// editor parses again shortly after each edit and corrects the lenses if they differ.
import type { Dataset, DatasetRow, TextRange } from './types';
import { packedIndexesAndOffsets, packedRowsOf } from './packedRows';

export interface RowLayout {
  /** Each valid row's index in the file's "rows" array (a row with an error has no lens). */
  readonly rowIndexes: Int32Array;
  /** The offset of each of those rows' `{`, in the same order (ascending). */
  readonly rowOffsets: Int32Array;
  /** The "rows" key with its quotes, where "Train Network" goes. */
  readonly rowsKey?: TextRange;
}

/** One replacement, as VS Code reports it: `length` characters at `offset` became `text`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** `text` with `change` made to it. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);
}

/** A layout and the text it describes. */
export interface LaidOutText {
  readonly layout: RowLayout;
  readonly text: string;
}

const NO_ROWS: RowLayout = { rowIndexes: new Int32Array(0), rowOffsets: new Int32Array(0) };

/** The layout a full parse gives (no dataset: no lenses). */
export function layoutOf(dataset: Dataset | undefined): RowLayout {
  if (!dataset) return NO_ROWS;
  // Rows from the parse worker stay packed until something needs them; this does not.
  const packed = packedRowsOf(dataset);
  const { rowIndexes, rowOffsets } = packed ? packedIndexesAndOffsets(packed) : indexesAndOffsets(dataset.rows);
  return dataset.rowsKey ? { rowIndexes, rowOffsets, rowsKey: { ...dataset.rowsKey } } : { rowIndexes, rowOffsets };
}

function indexesAndOffsets(rows: readonly DatasetRow[]): { rowIndexes: Int32Array; rowOffsets: Int32Array } {
  const rowIndexes = new Int32Array(rows.length);
  const rowOffsets = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    rowIndexes[i] = rows[i].index;
    rowOffsets[i] = rows[i].offset;
  }
  return { rowIndexes, rowOffsets };
}

/** The characters that can make or end a token that decides the structure (see the top of this file). */
const STRUCTURAL = /[{}[\]"\\,:/*\n\r]/;
// The first characters of the two-character tokens an edit could split or join: comment marks, escapes.
const PAIR_START = /[/*\\]/;

/** Whether `change` to `text` keeps every structural token (see the top of this file). */
export function preservesStructure(text: string, change: TextChange): boolean {
  const replaced = text.slice(change.offset, change.offset + change.length);
  return !STRUCTURAL.test(replaced) && !STRUCTURAL.test(change.text) && !PAIR_START.test(text.charAt(change.offset - 1));
}

/**
 * The layout and text after `changes`, applied one after another (as the extension host applies an
 * event's content changes), or undefined when one of them may have moved a row boundary.
 */
export function applyChanges(before: LaidOutText, changes: readonly TextChange[]): LaidOutText | undefined {
  let { layout, text } = before;
  for (const change of changes) {
    const end = change.offset + change.length;
    if (change.offset < 0 || end > text.length) return undefined;
    if (!preservesStructure(text, change)) return undefined;
    layout = shiftLayout(layout, end, change.text.length - change.length);
    text = applyChange(text, change);
  }
  return { layout, text };
}

/**
 * Moves by `delta` every position at or after `end`, the end of a structure-preserving change.
 * No structural character lies inside the replaced text, so a row's `{` and the key's quotes are
 * either before its start (they stay) or at or after its end (they move; an insertion right before
 * a `{` pushes it along).
 */
function shiftLayout(layout: RowLayout, end: number, delta: number): RowLayout {
  if (delta === 0) return layout;
  const offsets = layout.rowOffsets;
  const firstMoved = firstAtOrAfter(offsets, end);
  let rowOffsets = offsets;
  if (firstMoved < offsets.length) {
    rowOffsets = offsets.slice();
    for (let i = firstMoved; i < rowOffsets.length; i++) rowOffsets[i] += delta;
  }
  const key = layout.rowsKey;
  if (!key) return { rowIndexes: layout.rowIndexes, rowOffsets };
  // The key's end is the position after its closing quote: move the quote itself, so that text
  // inserted right after the key does not join it, while text typed inside the key lengthens it.
  const moved = (position: number) => (position >= end ? position + delta : position);
  const start = moved(key.offset);
  const closingQuote = moved(key.offset + key.length - 1);
  return { rowIndexes: layout.rowIndexes, rowOffsets, rowsKey: { offset: start, length: closingQuote + 1 - start } };
}

/** The index of the first offset ≥ `position` (offsets ascending); the length if there is none. */
function firstAtOrAfter(offsets: Int32Array, position: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle] < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether two layouts put the same lenses at the same places. */
export function sameLayout(a: RowLayout, b: RowLayout): boolean {
  if (a === b) return true;
  if (a.rowsKey?.offset !== b.rowsKey?.offset || a.rowsKey?.length !== b.rowsKey?.length) return false;
  return sameNumbers(a.rowIndexes, b.rowIndexes) && sameNumbers(a.rowOffsets, b.rowOffsets);
}

function sameNumbers(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
