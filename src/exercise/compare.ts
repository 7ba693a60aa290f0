// Compares what the learner's function gave with the core's values. A check passes when what it
// returns (or the attributes it sets) equal the core's to 1e-9 relative; its local variables,
// named as the tutorial names them, only say where a failing computation first goes wrong.
import type { Observed, ObservedCase } from './harnessProtocol';
import type { CheckCase, Expectation, Term } from './specs';

export const RELATIVE_TOLERANCE = 1e-9;
/** Only for values that should be exactly 0, where no relative tolerance can work. */
export const ABSOLUTE_TOLERANCE = 1e-12;

export type MismatchReason = 'missing' | 'type' | 'shape' | 'value' | 'notFinite';

export interface Mismatch {
  reason: MismatchReason;
  /** The element of a vector that differs first. */
  index?: number;
  expected: string;
  actual: string;
}

export interface Difference extends Mismatch {
  term: Term;
  /** The term's name with the element, e.g. cumulative_errors[3]. */
  name: string;
}

export interface CaseComparison {
  passed: boolean;
  /** The first term, in the order the tutorial computes them, whose value differs. */
  first?: Difference;
  /** Every term that could be compared, as "name = value" lines: for a diff view. */
  expectedLines: string[];
  actualLines: string[];
}

export function closeEnough(actual: number, expected: number): boolean {
  const difference = Math.abs(actual - expected);
  return difference <= ABSOLUTE_TOLERANCE || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
}

/** NumPy's squeeze: length-1 lists are their one value (np.array([0.79]) reads as 0.79). */
export function squeeze(value: Observed): Observed {
  if (Array.isArray(value)) return value.length === 1 ? squeeze(value[0]) : value.map(squeeze);
  return value;
}

export function formatObserved(value: Observed | undefined): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(formatObserved).join(', ')}]`;
  if ('nonFinite' in value) return value.nonFinite;
  return value.repr;
}

export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0.0' : String(value);
}

export function formatExpectation(expected: Expectation): string {
  if (expected.kind === 'finite') return expected.length === undefined ? 'a finite number' : `${expected.length} finite numbers`;
  return Array.isArray(expected.value) ? `[${expected.value.map(formatNumber).join(', ')}]` : formatNumber(expected.value);
}

function isFiniteNumber(value: Observed): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function numberMismatch(expected: number, actual: Observed): Mismatch | undefined {
  const shown = { expected: formatNumber(expected), actual: formatObserved(actual) };
  if (typeof actual === 'number') return closeEnough(actual, expected) ? undefined : { reason: 'value', ...shown };
  if (Array.isArray(actual)) return { reason: 'shape', ...shown };
  if ('nonFinite' in actual) return { reason: 'notFinite', ...shown };
  return { reason: 'type', ...shown };
}

/** Whether `actual` meets `expected`; undefined when it does. */
export function mismatch(expected: Expectation, observed: Observed | undefined): Mismatch | undefined {
  if (observed === undefined) return { reason: 'missing', expected: formatExpectation(expected), actual: '(not set)' };
  const actual = squeeze(observed);
  if (expected.kind === 'finite') {
    const shown = { expected: formatExpectation(expected), actual: formatObserved(actual) };
    if (expected.length === undefined || expected.length === 1) {
      if (isFiniteNumber(actual)) return undefined;
      return { reason: typeof actual === 'object' && !Array.isArray(actual) && 'nonFinite' in actual ? 'notFinite' : 'type', ...shown };
    }
    if (!Array.isArray(actual) || actual.length !== expected.length) return { reason: 'shape', ...shown };
    const index = actual.findIndex((item) => !isFiniteNumber(item));
    return index < 0 ? undefined : { reason: 'notFinite', index, ...shown };
  }
  if (!Array.isArray(expected.value)) return numberMismatch(expected.value, actual);
  const vector = expected.value;
  if (typeof actual === 'number') {
    // NumPy broadcasts a number over a vector: weights − 0.17 moves every weight by 0.17.
    const index = vector.findIndex((element) => !closeEnough(actual, element));
    return index < 0 ? undefined : { reason: 'value', index, expected: formatExpectation(expected), actual: formatObserved(actual) };
  }
  if (!Array.isArray(actual) || actual.length !== vector.length) {
    return { reason: Array.isArray(actual) || typeof actual === 'number' ? 'shape' : 'type', expected: formatExpectation(expected), actual: formatObserved(actual) };
  }
  for (let index = 0; index < vector.length; index++) {
    const element = numberMismatch(vector[index], actual[index]);
    if (element) return { ...element, index };
  }
  return undefined;
}

/** The learner's value for a term: undefined when their code has nothing by that name. */
export function observedValue(term: Term, observed: ObservedCase): { found: boolean; value?: Observed } {
  if (term.source === 'local') {
    const key = term.keys.find((name) => name in observed.locals);
    return key === undefined ? { found: false } : { found: true, value: observed.locals[key] };
  }
  if (term.source === 'attribute') return { found: true, value: observed.attributes[term.keys[0]] };
  if (term.index === undefined) return { found: true, value: observed.returned };
  const returned = observed.returned;
  if (!Array.isArray(returned)) return { found: true, value: term.index === 0 ? returned : undefined };
  return { found: true, value: returned[term.index] };
}

function termLines(name: string, value: string, vectorValues?: string[]): string[] {
  // Long vectors one element a line, so a diff view marks the element that differs.
  if (vectorValues && vectorValues.length > 4) return vectorValues.map((item, i) => `${name}[${i}] = ${item}`);
  return [`${name} = ${value}`];
}

function shownLines(name: string, expected: Expectation, actual: Observed | undefined): { expected: string[]; actual: string[] } {
  const expectedVector = expected.kind === 'value' && Array.isArray(expected.value) ? expected.value.map(formatNumber) : undefined;
  const squeezed = actual === undefined ? undefined : squeeze(actual);
  const actualVector = Array.isArray(squeezed) && expectedVector ? squeezed.map(formatObserved) : undefined;
  return {
    expected: termLines(name, formatExpectation(expected), expectedVector),
    actual: termLines(name, formatObserved(squeezed), actualVector && actualVector.length === expectedVector!.length ? actualVector : undefined),
  };
}

export function compareCase(testCase: CheckCase, observed: ObservedCase): CaseComparison {
  let passed = true;
  let first: Difference | undefined;
  const expectedLines: string[] = [];
  const actualLines: string[] = [];
  for (const term of testCase.terms) {
    const { found, value } = observedValue(term, observed);
    if (!found) continue; // a local the learner named differently: compared by the returned values only
    const difference = mismatch(term.expected, value);
    if (difference && term.source !== 'local') passed = false;
    if (difference && !first) first = { ...difference, term, name: difference.index === undefined ? term.name : `${term.name}[${difference.index}]` };
    const lines = shownLines(term.name, term.expected, value);
    expectedLines.push(...lines.expected);
    actualLines.push(...lines.actual);
  }
  return { passed, first: passed ? undefined : first, expectedLines, actualLines };
}
