// Reads dataset text into a jsonc-parser syntax tree (offsets kept for every value), turning syntax
// errors, comments and trailing commas into learner-friendly problems.
//
// Two paths build the same tree: a quick one over jsonc-parser's scanner for well-formed files
// (quick.ts), and jsonc-parser's own parseTree, which recovers from errors, for the rest.
// parseTree allocates about ten nodes per row, which a 300,000-row file notices.
import { createScanner, parseTree, ParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { LexicalNotes } from './lexical';
import { ProblemCollector, quote } from './problems';
import type { TextRange } from './types';
import { MAX_DEPTH, parseWellFormedTree } from './quick';
import { l10n } from '../l10n';

/**
 * Recovering rows from broken text costs parseTree's ten nodes per row (seconds for 20 MB). Above this
 * many characters (~60,000 rows) a broken file gets its syntax errors only, until they are fixed.
 */
export const FULL_RECOVERY_MAX_LENGTH = 4_000_000;

export function readJsonTree(text: string, problems: ProblemCollector): Node | undefined {
  if (text.trim() === '') {
    problems.error(
      { offset: 0, length: text.length },
      l10n.t('The file is empty; a dataset is an object with a "rows" array, like { "rows": [ { "input": [3, 1.5], "target": 0 } ] }'),
    );
    return undefined;
  }
  const quickTree = readWellFormedTree(text);
  if (quickTree) {
    reportWellFormedTree(quickTree, problems);
    return quickTree.root;
  }
  return readBrokenTree(text, problems);
}

/** What the quick path reads from well-formed text: the tree, and what it noted on the way. */
export interface WellFormedTree {
  root: Node;
  notes: LexicalNotes;
  /** Values nested past MAX_DEPTH, in text order. */
  tooDeep: TextRange[];
}

/** The quick path's reading, or undefined when the text is not well-formed (or is empty). */
export function readWellFormedTree(text: string): WellFormedTree | undefined {
  if (text.trim() === '') return undefined;
  const notes = new LexicalNotes();
  const tooDeep: TextRange[] = [];
  const root = parseWellFormedTree(text, notes, (offset, length) => tooDeep.push({ offset, length }));
  return root && { root, notes, tooDeep };
}

export function reportWellFormedTree({ notes, tooDeep }: WellFormedTree, problems: ProblemCollector): void {
  notes.report(problems);
  // What is inside is not read: the value stands as an empty array or object, which whoever reads
  // it reports as wrong where it matters (a row's input, "generatedBy"); elsewhere it is ignored.
  for (const range of tooDeep) {
    problems.warning(
      { offset: range.offset, length: 1 },
      l10n.t('This value is nested more than {0} levels deep, so what is inside it is not read; a dataset needs only a few levels', MAX_DEPTH),
    );
  }
}

function readBrokenTree(text: string, problems: ProblemCollector): Node | undefined {
  noteCommentsAndTrailingCommas(text).report(problems);
  if (text.length > FULL_RECOVERY_MAX_LENGTH) {
    reportSyntaxErrorsOnly(text, problems);
    return undefined;
  }
  return parseWithRecovery(text, problems);
}

function reportSyntaxErrorsOnly(text: string, problems: ProblemCollector): void {
  let firstError: ParseError | undefined;
  const errors: ParseError[] = [];
  try {
    visit(text, { onError: (error, offset, length) => errors.push({ error, offset, length }) }, { allowTrailingComma: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reportTooDeep(problems);
    return;
  }
  for (const error of errors) {
    if (error.error === ParseErrorCode.UnexpectedEndOfComment) continue;
    firstError ??= error;
    problems.error({ offset: error.offset, length: error.length }, describeSyntaxError(error, text));
  }
  if (firstError) {
    problems.warning(
      { offset: firstError.offset, length: firstError.length },
      l10n.t('The rows of a file this large are checked again once its syntax errors are fixed'),
    );
  }
}

function reportTooDeep(problems: ProblemCollector): void {
  problems.error(
    { offset: 0, length: 1 },
    l10n.t('The file is nested too deeply to read (thousands of [ or { inside each other); a dataset needs only a few levels'),
  );
}

function parseWithRecovery(text: string, problems: ProblemCollector): Node | undefined {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // jsonc-parser is recursive: thousands of nested [ or { exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    reportTooDeep(problems);
    return undefined;
  }
  for (const error of errors) {
    // Unclosed comments are reported with the other comments, by LexicalNotes.
    if (error.error === ParseErrorCode.UnexpectedEndOfComment) continue;
    problems.error({ offset: error.offset, length: error.length }, describeSyntaxError(error, text));
  }
  return root;
}

function noteCommentsAndTrailingCommas(text: string): LexicalNotes {
  const notes = new LexicalNotes();
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) notes.observe(kind, scanner);
  return notes;
}

function describeSyntaxError(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const first = found.charAt(0);
  if (first === '\'') return l10n.t('Text and property names need double quotes (") in JSON, not single quotes (\')');
  if (/^-?(NaN|Infinity)/.test(found)) return l10n.t('NaN and Infinity are not numbers in JSON; write a finite number');
  if (first === '\uFEFF' && error.offset === 0) return l10n.t('The file starts with an invisible byte-order mark; save it as UTF-8 without BOM');
  switch (error.error) {
    case ParseErrorCode.InvalidSymbol:
      return /^[A-Za-z_]/.test(found)
        ? l10n.t('Unexpected word {0}: names and text need double quotes in JSON; the only bare words it knows are true, false and null', quote(found))
        : l10n.t('Unexpected character {0}: a value is a number, "text", true, false, null, an object {…} or an array […]', quote(first));
    case ParseErrorCode.InvalidNumberFormat:
      return l10n.t('{0} is not a valid number; write numbers like 3, -0.5 or 1e-3', quote(found));
    case ParseErrorCode.PropertyNameExpected: {
      const bareWord = /^[A-Za-z_]\w*/.exec(found)?.[0];
      return bareWord
        ? l10n.t('Property names need double quotes: write {0}, not {1}', quote(bareWord), bareWord)
        : l10n.t('Expected a property name in double quotes, like "input"');
    }
    case ParseErrorCode.ValueExpected:
      return l10n.t('Expected a value here: a number, "text", true, false, null, an object {…} or an array […]');
    case ParseErrorCode.ColonExpected:
      return l10n.t('Expected a colon (:) between the property name and its value');
    case ParseErrorCode.CommaExpected:
      return l10n.t('Expected a comma (,) between these items');
    case ParseErrorCode.CloseBraceExpected:
      return l10n.t('Expected a closing brace } to end this object');
    case ParseErrorCode.CloseBracketExpected:
      return l10n.t('Expected a closing bracket ] to end this array');
    case ParseErrorCode.EndOfFileExpected:
      return l10n.t('Expected the end of the file: the dataset is one object { … }, and there is more text after it');
    case ParseErrorCode.UnexpectedEndOfString:
      return l10n.t('This text is never closed; add the missing double quote (")');
    case ParseErrorCode.UnexpectedEndOfNumber:
      return l10n.t('This number ends too early; write digits after the minus sign, decimal point or e');
    case ParseErrorCode.InvalidUnicode:
      return l10n.t('A \\u escape needs exactly four hex digits, like \\u00e9');
    case ParseErrorCode.InvalidEscapeCharacter:
      return l10n.t('Unknown escape after a backslash; use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
    case ParseErrorCode.InvalidCharacter:
      return l10n.t('Text cannot contain a raw tab or line break; write \\t or \\n instead');
    default:
      return l10n.t('This is not valid JSON here');
  }
}
