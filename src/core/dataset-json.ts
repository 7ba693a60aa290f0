// Reads dataset text into a jsonc-parser syntax tree (offsets kept for every value), turning syntax
// errors, comments and trailing commas into learner-friendly problems.
//
// Two paths build the same tree: a quick one over jsonc-parser's scanner for well-formed files, and
// jsonc-parser's own parseTree, which recovers from errors, for everything else. parseTree alone spends
// most of its time on bookkeeping we do not need (~10x slower than scanning), which a 20 MB file notices.
import { createScanner, parseTree, ParseErrorCode, ScanError, SyntaxKind } from 'jsonc-parser';
import type { Node, NodeType, ParseError } from 'jsonc-parser';
import { ProblemCollector, quote } from './dataset-problems';

/**
 * Reading JSON nested deeper than this falls back to parseTree, which stops at the stack limit with an
 * error; a dataset never goes deeper than about five levels.
 */
const QUICK_PATH_MAX_DEPTH = 64;

export function readJsonTree(text: string, problems: ProblemCollector): Node | undefined {
  if (text.trim() === '') {
    problems.error(
      { offset: 0, length: text.length },
      'The file is empty; a dataset is an object with a "rows" array, like { "rows": [ { "input": [3, 1.5], "target": 0 } ] }',
    );
    return undefined;
  }
  reportCommentsAndTrailingCommas(text, problems);
  const quickTree = parseWellFormedTree(text);
  if (quickTree) return quickTree;
  return parseWithRecovery(text, problems);
}

function parseWithRecovery(text: string, problems: ProblemCollector): Node | undefined {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // jsonc-parser is recursive: thousands of nested [ or { exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    problems.error(
      { offset: 0, length: 1 },
      'The file is nested too deeply to read (thousands of [ or { inside each other); a dataset needs only a few levels',
    );
    return undefined;
  }
  for (const error of errors) {
    // Unclosed comments are reported by reportCommentsAndTrailingCommas, which sees them on every path.
    if (error.error === ParseErrorCode.UnexpectedEndOfComment) continue;
    problems.error({ offset: error.offset, length: error.length }, describeSyntaxError(error, text));
  }
  return root;
}

/**
 * JSON has neither comments nor trailing commas. Both still leave the data unambiguous, so they are
 * warnings: training works, but Python's json.load and other JSON tools would reject the file.
 */
function reportCommentsAndTrailingCommas(text: string, problems: ProblemCollector): void {
  const scanner = createScanner(text, false);
  let previousKind = SyntaxKind.Unknown;
  let previousOffset = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const range = { offset: scanner.getTokenOffset(), length: scanner.getTokenLength() };
      if (scanner.getTokenError() === ScanError.UnexpectedEndOfComment) {
        problems.error(range, 'This /* comment is never closed with */, so the rest of the file is hidden in it');
      } else {
        problems.warning(
          range,
          'Comments are not allowed in JSON; Python\'s json.load and other tools would reject this file — put notes in "description" instead',
        );
      }
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    const closes = kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken;
    if (closes && previousKind === SyntaxKind.CommaToken) {
      problems.warning(
        { offset: previousOffset, length: 1 },
        'Trailing comma: JSON allows no comma after the last item; remove it so other tools can read the file',
      );
    }
    previousKind = kind;
    previousOffset = scanner.getTokenOffset();
  }
}

function describeSyntaxError(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const first = found.charAt(0);
  if (first === '\'') return 'Text and property names need double quotes (") in JSON, not single quotes (\')';
  if (/^-?(NaN|Infinity)/.test(found)) return 'NaN and Infinity are not numbers in JSON; write a finite number';
  if (first === '\uFEFF') return 'The file starts with an invisible byte-order mark; save it as UTF-8 without BOM';
  switch (error.error) {
    case ParseErrorCode.InvalidSymbol:
      return /^[A-Za-z_]/.test(found)
        ? `Unexpected word ${quote(found)}: names and text need double quotes in JSON; the only bare words it knows are true, false and null`
        : `Unexpected character ${quote(first)}: a value is a number, "text", true, false, null, an object {…} or an array […]`;
    case ParseErrorCode.InvalidNumberFormat:
      return `${quote(found)} is not a valid number; write numbers like 3, -0.5 or 1e-3`;
    case ParseErrorCode.PropertyNameExpected: {
      const bareWord = /^[A-Za-z_]\w*/.exec(found)?.[0];
      return bareWord
        ? `Property names need double quotes: write ${quote(bareWord)}, not ${bareWord}`
        : 'Expected a property name in double quotes, like "input"';
    }
    case ParseErrorCode.ValueExpected:
      return 'Expected a value here: a number, "text", true, false, null, an object {…} or an array […]';
    case ParseErrorCode.ColonExpected:
      return 'Expected a colon (:) between the property name and its value';
    case ParseErrorCode.CommaExpected:
      return 'Expected a comma (,) between these items';
    case ParseErrorCode.CloseBraceExpected:
      return 'Expected a closing brace } to end this object';
    case ParseErrorCode.CloseBracketExpected:
      return 'Expected a closing bracket ] to end this array';
    case ParseErrorCode.EndOfFileExpected:
      return 'Expected the end of the file: the dataset is one object { … }, and there is more text after it';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'This text is never closed; add the missing double quote (")';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'This number ends too early; write digits after the minus sign, decimal point or e';
    case ParseErrorCode.InvalidUnicode:
      return 'A \\u escape needs exactly four hex digits, like \\u00e9';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Unknown escape after a backslash; use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX';
    case ParseErrorCode.InvalidCharacter:
      return 'Text cannot contain a raw tab or line break; write \\t or \\n instead';
    default:
      return 'This is not valid JSON here';
  }
}

interface TreeNode {
  type: NodeType;
  value?: string | number | boolean | null;
  offset: number;
  length: number;
  colonOffset?: number;
  children?: TreeNode[];
}

/** Thrown inside the quick path only, to hand the text over to the recovering parser. */
class NotWellFormed {}
const NOT_WELL_FORMED = new NotWellFormed();

/**
 * The tree parseTree would build (without parent links), or undefined as soon as anything is not plain
 * JSON — apart from comments and trailing commas, which the recovering parser also accepts silently.
 */
export function parseWellFormedTree(text: string): Node | undefined {
  const scanner = createScanner(text, true);
  let token: SyntaxKind = SyntaxKind.Unknown;
  // A function, not `token === kind` inline: TypeScript would keep narrowing `token` across advance().
  const at = (kind: SyntaxKind): boolean => token === kind;
  const advance = (): void => {
    token = scanner.scan();
    if (scanner.getTokenError() !== ScanError.None) throw NOT_WELL_FORMED;
  };
  const literal = (type: NodeType, value: TreeNode['value']): TreeNode => {
    const node: TreeNode = { type, value, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() };
    advance();
    return node;
  };

  const parseValue = (depth: number): TreeNode => {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
        return parseObject(depth + 1);
      case SyntaxKind.OpenBracketToken:
        return parseArray(depth + 1);
      case SyntaxKind.StringLiteral:
        return literal('string', scanner.getTokenValue());
      case SyntaxKind.NumericLiteral: {
        const value = Number(scanner.getTokenValue());
        if (Number.isNaN(value)) throw NOT_WELL_FORMED;
        return literal('number', value);
      }
      case SyntaxKind.TrueKeyword:
        return literal('boolean', true);
      case SyntaxKind.FalseKeyword:
        return literal('boolean', false);
      case SyntaxKind.NullKeyword:
        return literal('null', null);
      default:
        throw NOT_WELL_FORMED;
    }
  };

  const parseObject = (depth: number): TreeNode => {
    if (depth > QUICK_PATH_MAX_DEPTH) throw NOT_WELL_FORMED;
    const offset = scanner.getTokenOffset();
    const children: TreeNode[] = [];
    advance();
    while (!at(SyntaxKind.CloseBraceToken)) {
      if (!at(SyntaxKind.StringLiteral)) throw NOT_WELL_FORMED;
      const key = literal('string', scanner.getTokenValue());
      if (!at(SyntaxKind.ColonToken)) throw NOT_WELL_FORMED;
      const colonOffset = scanner.getTokenOffset();
      advance();
      const value = parseValue(depth);
      const length = value.offset + value.length - key.offset;
      children.push({ type: 'property', offset: key.offset, length, colonOffset, children: [key, value] });
      if (at(SyntaxKind.CommaToken)) advance();
      else if (!at(SyntaxKind.CloseBraceToken)) throw NOT_WELL_FORMED;
    }
    const length = scanner.getTokenOffset() + 1 - offset;
    advance();
    return { type: 'object', offset, length, children };
  };

  const parseArray = (depth: number): TreeNode => {
    if (depth > QUICK_PATH_MAX_DEPTH) throw NOT_WELL_FORMED;
    const offset = scanner.getTokenOffset();
    const children: TreeNode[] = [];
    advance();
    while (!at(SyntaxKind.CloseBracketToken)) {
      children.push(parseValue(depth));
      if (at(SyntaxKind.CommaToken)) advance();
      else if (!at(SyntaxKind.CloseBracketToken)) throw NOT_WELL_FORMED;
    }
    const length = scanner.getTokenOffset() + 1 - offset;
    advance();
    return { type: 'array', offset, length, children };
  };

  try {
    advance();
    const root = parseValue(0);
    return at(SyntaxKind.EOF) ? root : undefined;
  } catch (error) {
    if (error === NOT_WELL_FORMED) return undefined;
    throw error;
  }
}
