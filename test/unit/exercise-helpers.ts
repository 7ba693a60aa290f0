// Shared by the exercise unit tests: what a learner's function would report if its numbers were
// exactly a spec's expected values (the harness's shapes: returned tuples as lists, locals by name).
import type { Observed, ObservedCase } from '../../src/exercise/harnessProtocol';
import type { CheckCase } from '../../src/exercise/specs';

const sample = (expected: CheckCase['terms'][number]['expected']): Observed => {
  if (expected.kind === 'value') return Array.isArray(expected.value) ? [...expected.value] : expected.value;
  return expected.length === undefined ? 0.5 : Array.from({ length: expected.length }, (_, i) => i - 0.5);
};

export function observedFrom(testCase: CheckCase): ObservedCase {
  const observed: ObservedCase = { locals: {}, attributes: {}, calls: [] };
  const tuple: Observed[] = [];
  for (const term of testCase.terms) {
    const value = sample(term.expected);
    if (term.source === 'local') observed.locals[term.keys[0]] = value;
    else if (term.source === 'attribute') observed.attributes[term.keys[0]] = value;
    else if (term.index === undefined) observed.returned = value;
    else tuple[term.index] = value;
  }
  if (tuple.length > 0) observed.returned = tuple;
  return observed;
}
