// Collecting problems with a cap, and the small wording helpers every dataset message shares.
import type { Node } from 'jsonc-parser';
import type { Problem, TextRange } from './types';
import { l10n } from '../l10n';

/** A broken 300,000-row file must not flood the editor with diagnostics: after this many we only count. */
export const MAX_REPORTED_PROBLEMS = 1000;

export class ProblemCollector {
  private readonly listed: Problem[] = [];
  private unlistedCount = 0;
  private unlistedErrors = 0;
  private firstUnlisted?: TextRange;
  private errors = 0;

  constructor(private readonly textLength: number) {}

  get errorCount(): number {
    return this.errors;
  }

  /** True once further problems are only counted: callers may then skip the work of wording them. */
  get isFull(): boolean {
    return this.listed.length >= MAX_REPORTED_PROBLEMS;
  }

  error(range: TextRange, message: string): void {
    this.add('error', range, message);
  }

  warning(range: TextRange, message: string): void {
    this.add('warning', range, message);
  }

  add(severity: Problem['severity'], range: TextRange, message: string): void {
    const clamped = this.clamp(range);
    if (severity === 'error') this.errors++;
    if (this.listed.length < MAX_REPORTED_PROBLEMS) {
      this.listed.push({ severity, message, offset: clamped.offset, length: clamped.length });
      return;
    }
    this.unlistedCount++;
    if (severity === 'error') this.unlistedErrors++;
    this.firstUnlisted ??= clamped;
  }

  /** The listed problems in text order, plus one summary of the rest when the cap was reached. */
  finish(): Problem[] {
    const problems = this.listed.slice().sort((a, b) => a.offset - b.offset);
    if (this.unlistedCount > 0 && this.firstUnlisted) {
      problems.push({
        severity: this.unlistedErrors > 0 ? 'error' : 'warning',
        message:
          l10n.t(
          '…and {0} more problems from here on (only the first {1} are listed); fix those first',
          this.unlistedCount.toLocaleString('en-US'), MAX_REPORTED_PROBLEMS.toLocaleString('en-US'),
        ),
        ...this.firstUnlisted,
      });
    }
    return problems;
  }

  // Ranges from a parser that recovered from broken text can overshoot; diagnostics must stay inside the text.
  private clamp(range: TextRange): TextRange {
    const offset = Math.min(Math.max(0, Math.floor(range.offset) || 0), this.textLength);
    const length = Math.min(Math.max(0, Math.floor(range.length) || 0), this.textLength - offset);
    return { offset, length };
  }
}

/** Shows a learner's string in a message without pasting a megabyte of it. */
export function quote(value: string, maxLength = 40): string {
  const shown = value.length > maxLength ? `${value.slice(0, maxLength)}…` : value;
  return JSON.stringify(shown);
}

/** Names what a node is, for "… is a string ("abc")" style messages. */
export function describeNode(node: Node, text: string): string {
  switch (node.type) {
    case 'string':
      return l10n.t('a string ({0})', quote(String(node.value)));
    case 'number':
      // 1e400 parses to Infinity: show what the learner wrote and why it cannot be used.
      return Number.isFinite(node.value) ? sourceOf(node, text) : l10n.t('{0}, which is too large to be a number', sourceOf(node, text));
    case 'boolean':
      return l10n.t('a boolean ({0})', String(node.value));
    case 'null':
      return 'null';
    case 'array':
      return l10n.t('an array');
    case 'object':
      return l10n.t('an object');
    default:
      return l10n.t('a property');
  }
}

/** The node's own text, e.g. "1e400" rather than the Infinity it parsed to. */
export function sourceOf(node: Node, text: string, maxLength = 40): string {
  const source = text.slice(node.offset, node.offset + Math.min(node.length, maxLength + 1));
  return source.length > maxLength ? `${source.slice(0, maxLength)}…` : source;
}

const LONGEST_NAME_WORTH_SUGGESTING = 64;

/** The known name a misspelt one most likely meant: same letters in another case, else within a few edits. */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  // Edit distance is quadratic in the name's length; a huge key is not a typo of a short one.
  if (name.length === 0 || name.length > LONGEST_NAME_WORTH_SUGGESTING) return undefined;
  const lower = name.toLowerCase();
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const allowed = Math.max(1, Math.floor(candidate.length / 3));
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " — did you mean "x"?" or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = suggestName(name, known);
  return suggestion === undefined ? '' : l10n.t(' — did you mean {0}?', quote(suggestion));
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b: "bais" is one swap from "bias". */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

export function rangeOf(node: Node): TextRange {
  return { offset: node.offset, length: node.length };
}

/** Just the first character, for problems about a whole (possibly huge) object such as a missing key. */
export function startOf(node: Node): TextRange {
  return { offset: node.offset, length: 1 };
}

/** Lists names for messages: "a", "b" or "c". */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  if (quoted.length <= 1) return quoted.join('');
  return l10n.t('{0} or {1}', quoted.slice(0, -1).join(', '), quoted[quoted.length - 1]);
}
