// Reading one JSON object's properties: known names, misspelt names, duplicates, and number checks.
import type { Node } from 'jsonc-parser';
import { didYouMean, listNames, ProblemCollector, quote, rangeOf, sourceOf } from './problems';
import { l10n } from '../l10n';

export interface PropertyEntry {
  key: Node;
  /** Missing only where the text is broken (`"input": }`); the syntax error already says so. */
  value?: Node;
}

export interface PropertyContext {
  /** Put before every message, e.g. "row 3: ". */
  prefix: string;
  /** What a key is called here: "setting", "property", "key". */
  noun: string;
}

/**
 * The object's properties by name. Unknown names get a warning with a spelling suggestion; a repeated
 * name gets a warning and, as in JSON.parse and Python's json.load, the last one counts.
 */
export function readProperties(
  objectNode: Node,
  known: readonly string[],
  problems: ProblemCollector,
  context: PropertyContext,
  ignored: readonly string[] = [],
): Map<string, PropertyEntry> {
  const properties = new Map<string, PropertyEntry>();
  for (const property of objectNode.children ?? []) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    const name = key.value;
    if (!known.includes(name)) {
      if (!ignored.includes(name)) problems.warning(rangeOf(key), unknownNameMessage(name, known, context));
      continue;
    }
    if (properties.has(name)) {
      problems.warning(rangeOf(key), l10n.t('{0}{1} appears more than once; the last one counts', context.prefix, quote(name)));
    }
    properties.set(name, { key, value: property.children?.[1] });
  }
  return properties;
}

function unknownNameMessage(name: string, known: readonly string[], context: PropertyContext): string {
  const suggestion = didYouMean(name, known);
  if (suggestion) return `${context.prefix}unknown ${context.noun} ${quote(name)}${suggestion}`;
  return l10n.t('{0}unknown {1} {2} is ignored; known: {3}', context.prefix, context.noun, quote(name), listNames(known));
}

/** "is too large to be a number", for 1e400 and friends, which JSON readers turn into Infinity. */
export function tooLargeMessage(node: Node, text: string): string {
  return l10n.t('{0} is too large to be a number (the largest is about 1.8e308)', sourceOf(node, text));
}

export type NumberReading = { ok: true; value: number } | { ok: false; reason: 'not a number' | 'too large' };

export function readNumber(node: Node): NumberReading {
  if (node.type !== 'number' || typeof node.value !== 'number') return { ok: false, reason: 'not a number' };
  if (!Number.isFinite(node.value)) return { ok: false, reason: 'too large' };
  return { ok: true, value: node.value };
}
