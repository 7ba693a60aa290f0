// The quick path for well-formed files: builds the tree jsonc-parser's parseTree would (without parent
// links) straight from its scanner. Each simple row of the top-level "rows" array — `{ "input": [numbers],
// "target": number, "split": "train"|"test" }` — becomes one CompactRowNode instead of a dozen nodes:
// a 300,000-row file would otherwise spend most of its time allocating and collecting nodes.
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { JSONScanner, Node, NodeType } from 'jsonc-parser';
import { LexicalNotes } from './lexical';

/**
 * A dataset needs about five levels. Deeper values are only checked for being well-formed (without
 * recursion, however deep) and stand in the tree as an empty array or object: see parseWellFormedTree.
 */
export const MAX_DEPTH = 64;

/** Where a value nested deeper than MAX_DEPTH starts, and its length. */
export type TooDeep = (offset: number, length: number) => void;

interface TreeNode {
  type: NodeType;
  value?: string | number | boolean | null;
  offset: number;
  length: number;
  colonOffset?: number;
  children?: Node[];
}

/**
 * A row object already read as numbers. It is still a proper jsonc-parser Node: its children are
 * built from the text the first time anyone asks (only rows with a problem to explain need them).
 */
export class CompactRowNode implements Node {
  readonly type = 'object';
  private childNodes?: Node[];

  constructor(
    private text: string,
    public offset: number,
    readonly length: number,
    readonly input: number[],
    readonly target: number | undefined,
    readonly split: 'train' | 'test',
  ) {}

  get children(): Node[] {
    this.childNodes ??= new TreeBuilder(this.text, new LexicalNotes(), this.offset).parseRoot()?.children ?? [];
    return this.childNodes;
  }

  /** The row now stands at `offset` in the edited `text` (incremental.ts moves it along). */
  readFrom(text: string): void {
    this.text = text;
    this.childNodes = undefined;
  }
}

/** Thrown inside the builder only: the text is not plain JSON, so the recovering parser must read it. */
class NotWellFormed {}
const NOT_WELL_FORMED = new NotWellFormed();

/**
 * The tree of well-formed text (comments and trailing commas allowed, as noted in `notes`), else
 * undefined. A value nested deeper than MAX_DEPTH makes the text count as not well-formed, unless
 * `tooDeep` is given: then the value is skipped, stands as an empty array or object, and is reported.
 */
export function parseWellFormedTree(text: string, notes: LexicalNotes, tooDeep?: TooDeep): Node | undefined {
  return new TreeBuilder(text, notes, 0, tooDeep).parseRoot(true);
}

/** The depth parseObject gives the top-level "rows" array (the root object is depth 1). */
const ROWS_ARRAY_DEPTH = 2;

/**
 * The row of the top-level "rows" array that starts at `offset`, read exactly as parseWellFormedTree
 * reads it there, or undefined if it is not well-formed.
 */
export function parseWellFormedRow(text: string, offset: number, notes: LexicalNotes, tooDeep: TooDeep): Node | undefined {
  return new TreeBuilder(text, notes, offset, tooDeep).parseRoot(false, ROWS_ARRAY_DEPTH);
}

class TreeBuilder {
  private readonly scanner: JSONScanner;
  private token: SyntaxKind = SyntaxKind.Unknown;

  constructor(private readonly text: string, private readonly notes: LexicalNotes, start: number, private readonly tooDeep?: TooDeep) {
    this.scanner = createScanner(text, false);
    this.scanner.setPosition(start);
  }

  /**
   * Parses one value from the start position; `whole`: it must also be the last thing in the text.
   * `rowIn`: the value is a row of the top-level "rows" array, at that array's depth.
   */
  parseRoot(whole = false, rowIn?: number): Node | undefined {
    try {
      this.advance();
      const root = rowIn === undefined ? this.parseValue(0) : this.at(SyntaxKind.OpenBraceToken) ? this.parseRow(rowIn) : undefined;
      return !whole || this.at(SyntaxKind.EOF) ? root : undefined;
    } catch (error) {
      if (error === NOT_WELL_FORMED) return undefined;
      throw error;
    }
  }

  // A method, not `this.token === kind` inline: TypeScript would keep a narrowed token across advance().
  private at(kind: SyntaxKind): boolean {
    return this.token === kind;
  }

  private advance(): void {
    do {
      this.token = this.scanner.scan();
      if (this.scanner.getTokenError() !== ScanError.None && this.token !== SyntaxKind.BlockCommentTrivia) {
        throw NOT_WELL_FORMED;
      }
    } while (this.notes.observe(this.token, this.scanner));
  }

  private literal(type: NodeType, value: TreeNode['value']): TreeNode {
    const node: TreeNode = { type, value, offset: this.scanner.getTokenOffset(), length: this.scanner.getTokenLength() };
    this.advance();
    return node;
  }

  private parseValue(depth: number): Node {
    switch (this.token) {
      case SyntaxKind.OpenBraceToken:
        return this.parseObject(depth + 1);
      case SyntaxKind.OpenBracketToken:
        return this.parseArray(depth + 1, false);
      case SyntaxKind.StringLiteral:
        return this.literal('string', this.scanner.getTokenValue());
      case SyntaxKind.NumericLiteral: {
        const value = Number(this.scanner.getTokenValue());
        if (Number.isNaN(value)) throw NOT_WELL_FORMED;
        return this.literal('number', value);
      }
      case SyntaxKind.TrueKeyword:
        return this.literal('boolean', true);
      case SyntaxKind.FalseKeyword:
        return this.literal('boolean', false);
      case SyntaxKind.NullKeyword:
        return this.literal('null', null);
      default:
        throw NOT_WELL_FORMED;
    }
  }

  private parseObject(depth: number): Node {
    if (depth > MAX_DEPTH) return this.skipDeepValue();
    const offset = this.scanner.getTokenOffset();
    const children: Node[] = [];
    this.advance();
    while (!this.at(SyntaxKind.CloseBraceToken)) {
      if (!this.at(SyntaxKind.StringLiteral)) throw NOT_WELL_FORMED;
      const key = this.literal('string', this.scanner.getTokenValue());
      if (!this.at(SyntaxKind.ColonToken)) throw NOT_WELL_FORMED;
      const colonOffset = this.scanner.getTokenOffset();
      this.advance();
      const isTopLevelRows = depth === 1 && key.value === 'rows' && this.at(SyntaxKind.OpenBracketToken);
      const value = isTopLevelRows ? this.parseArray(depth + 1, true) : this.parseValue(depth);
      const length = value.offset + value.length - key.offset;
      children.push({ type: 'property', offset: key.offset, length, colonOffset, children: [key, value] } satisfies TreeNode);
      this.skipSeparator(SyntaxKind.CloseBraceToken);
    }
    return this.close(offset, 'object', children);
  }

  private parseArray(depth: number, holdsRows: boolean): Node {
    if (depth > MAX_DEPTH) return this.skipDeepValue();
    const offset = this.scanner.getTokenOffset();
    const children: Node[] = [];
    this.advance();
    while (!this.at(SyntaxKind.CloseBracketToken)) {
      children.push(holdsRows && this.at(SyntaxKind.OpenBraceToken) ? this.parseRow(depth) : this.parseValue(depth));
      this.skipSeparator(SyntaxKind.CloseBracketToken);
    }
    return this.close(offset, 'array', children);
  }

  /**
   * At a { or [ past MAX_DEPTH: checks the value is well-formed with a stack of the closing tokens
   * awaited (no recursion, so no depth is too much) and returns it as an empty node of its type.
   */
  private skipDeepValue(): Node {
    if (!this.tooDeep) throw NOT_WELL_FORMED;
    const offset = this.scanner.getTokenOffset();
    const type = this.at(SyntaxKind.OpenBraceToken) ? 'object' : 'array';
    const awaited: SyntaxKind[] = [];
    let atValue = true;
    /** Just inside a { or [: no comma before the first item. */
    let first = false;
    for (;;) {
      if (atValue) {
        if (this.at(SyntaxKind.OpenBraceToken) || this.at(SyntaxKind.OpenBracketToken)) {
          awaited.push(this.at(SyntaxKind.OpenBraceToken) ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken);
          this.advance();
          first = true;
        } else {
          // A string, number, true, false or null (anything else throws): never a container here.
          this.parseValue(0);
          first = false;
        }
        atValue = false;
        continue;
      }
      const closing = awaited[awaited.length - 1];
      if (this.at(closing)) {
        const length = this.scanner.getTokenOffset() + 1 - offset;
        awaited.pop();
        this.advance();
        if (awaited.length === 0) {
          this.tooDeep(offset, length);
          return { type, offset, length, children: [] } satisfies TreeNode;
        }
        first = false;
        continue;
      }
      if (!first) {
        if (!this.at(SyntaxKind.CommaToken)) throw NOT_WELL_FORMED;
        this.advance();
        if (this.at(closing)) continue;
      }
      first = false;
      if (closing === SyntaxKind.CloseBraceToken) {
        if (!this.at(SyntaxKind.StringLiteral)) throw NOT_WELL_FORMED;
        this.advance();
        if (!this.at(SyntaxKind.ColonToken)) throw NOT_WELL_FORMED;
        this.advance();
      }
      atValue = true;
    }
  }

  /** After an item: a comma (a trailing one is noted, not fatal) or the closing token. */
  private skipSeparator(closing: SyntaxKind): void {
    if (this.at(SyntaxKind.CommaToken)) this.advance();
    else if (!this.at(closing)) throw NOT_WELL_FORMED;
  }

  private close(offset: number, type: 'object' | 'array', children: Node[]): Node {
    const length = this.scanner.getTokenOffset() + 1 - offset;
    this.advance();
    return { type, offset, length, children } satisfies TreeNode;
  }

  /** A simple row as a CompactRowNode; anything else is read again as ordinary nodes. */
  private parseRow(depth: number): Node {
    const offset = this.scanner.getTokenOffset();
    const mark = this.notes.mark();
    const row = this.tryCompactRow(offset);
    if (row) return row;
    this.notes.rewind(mark);
    this.scanner.setPosition(offset);
    this.advance();
    return this.parseValue(depth);
  }

  private tryCompactRow(offset: number): CompactRowNode | undefined {
    let input: number[] | undefined;
    let target: number | undefined;
    let split: 'train' | 'test' | undefined;
    this.advance();
    while (!this.at(SyntaxKind.CloseBraceToken)) {
      if (!this.at(SyntaxKind.StringLiteral)) return undefined;
      const key = this.scanner.getTokenValue();
      this.advance();
      if (!this.at(SyntaxKind.ColonToken)) return undefined;
      this.advance();
      if (key === 'input' && input === undefined) {
        input = this.tryNumberList();
        if (!input) return undefined;
      } else if (key === 'target' && target === undefined) {
        target = this.tryFiniteNumber();
        if (target === undefined) return undefined;
      } else if (key === 'split' && split === undefined && this.at(SyntaxKind.StringLiteral)) {
        const value = this.scanner.getTokenValue();
        if (value !== 'train' && value !== 'test') return undefined;
        split = value;
        this.advance();
      } else {
        return undefined;
      }
      if (this.at(SyntaxKind.CommaToken)) this.advance();
      else if (!this.at(SyntaxKind.CloseBraceToken)) return undefined;
    }
    if (!input) return undefined;
    const length = this.scanner.getTokenOffset() + 1 - offset;
    this.advance();
    return new CompactRowNode(this.text, offset, length, input, target, split ?? 'train');
  }

  /** A non-empty array of finite numbers, else undefined. */
  private tryNumberList(): number[] | undefined {
    if (!this.at(SyntaxKind.OpenBracketToken)) return undefined;
    const values: number[] = [];
    this.advance();
    while (!this.at(SyntaxKind.CloseBracketToken)) {
      const value = this.tryFiniteNumber();
      if (value === undefined) return undefined;
      values.push(value);
      if (this.at(SyntaxKind.CommaToken)) this.advance();
      else if (!this.at(SyntaxKind.CloseBracketToken)) return undefined;
    }
    this.advance();
    return values.length > 0 ? values : undefined;
  }

  private tryFiniteNumber(): number | undefined {
    if (!this.at(SyntaxKind.NumericLiteral)) return undefined;
    const value = Number(this.scanner.getTokenValue());
    if (!Number.isFinite(value)) return undefined;
    this.advance();
    return value;
  }
}
