// "network.inputs": the feature crosses, checked entry by entry against the features' names; a bad
// entry gets an error on the entry itself. Kept in the canonical form (x1, x2, … by position) that
// the network, its snapshot and the exports read; the diagram names them back with "features".
import type { Node } from 'jsonc-parser';
import { defaultFeatureNames, formatDerivedInput, MAX_DERIVED_INPUTS, readDerivedInput } from '../core/features';
import { describeNode, ProblemCollector, quote, rangeOf } from './problems';

const SHAPE_HINT = '["x1", "x2", "x1*x1", "x2*x2", "x1*x2", "sin(x1)"]';

export function readInputs(node: Node, featureNames: readonly string[], text: string, problems: ProblemCollector): string[] | undefined {
  if (node.type !== 'array') {
    problems.error(rangeOf(node), `"inputs" must be a list of the network's inputs made from the features, like ${SHAPE_HINT}, not ${describeNode(node, text)}`);
    return undefined;
  }
  const entries = node.children ?? [];
  if (entries.length === 0) {
    problems.error(rangeOf(node), `"inputs" is empty: the network needs at least one input; list them like ${SHAPE_HINT}, or remove "inputs" to feed the features as they are`);
    return undefined;
  }
  if (entries.length > MAX_DERIVED_INPUTS) {
    problems.error(rangeOf(node), `"inputs" lists ${entries.length} inputs; at most ${MAX_DERIVED_INPUTS} are supported`);
    return undefined;
  }
  if (featureNames.length === 0) return undefined; // no rows to say what the features are: nothing to check against yet
  const canonical = defaultFeatureNames(featureNames.length);
  const seen = new Map<string, number>();
  const inputs: string[] = [];
  let valid = true;
  entries.forEach((entry, index) => {
    if (entry.type !== 'string') {
      problems.error(rangeOf(entry), `input ${index + 1} must be text like "x1*x2" in double quotes, not ${describeNode(entry, text)}`);
      valid = false;
      return;
    }
    const written = String(entry.value);
    const reading = readDerivedInput(written, featureNames);
    if (!reading.ok) {
      problems.error(rangeOf(entry), `input ${index + 1} ${quote(written)} ${reading.message}. The grammar: a feature, sin(feature) or cos(feature), multiplied with "*"`);
      valid = false;
      return;
    }
    const form = formatDerivedInput(reading.input, canonical);
    const earlier = seen.get(form);
    if (earlier !== undefined) problems.warning(rangeOf(entry), `input ${index + 1} ${quote(written)} is the same as input ${earlier + 1}; it only repeats a column`);
    else seen.set(form, index);
    inputs.push(form);
  });
  return valid ? inputs : undefined;
}
