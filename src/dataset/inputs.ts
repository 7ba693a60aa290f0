// "network.inputs": the feature crosses, checked entry by entry against the features' names; a bad
// entry gets an error on the entry itself. Kept in the canonical form (x1, x2, … by position) that
// the network, its snapshot and the exports read; the diagram names them back with "features".
import type { Node } from 'jsonc-parser';
import { defaultFeatureNames, formatDerivedInput, MAX_DERIVED_INPUTS, readDerivedInput } from '../core/features';
import { describeNode, ProblemCollector, quote, rangeOf } from './problems';
import { l10n } from '../l10n';

const SHAPE_HINT = '["x1", "x2", "x1*x1", "x2*x2", "x1*x2", "sin(x1)"]';

export function readInputs(node: Node, featureNames: readonly string[], text: string, problems: ProblemCollector): string[] | undefined {
  if (node.type !== 'array') {
    problems.error(rangeOf(node), l10n.t('"inputs" must be a list of the network\'s inputs made from the features, like {0}, not {1}', SHAPE_HINT, describeNode(node, text)));
    return undefined;
  }
  const entries = node.children ?? [];
  if (entries.length === 0) {
    problems.error(rangeOf(node), l10n.t('"inputs" is empty: the network needs at least one input; list them like {0}, or remove "inputs" to feed the features as they are', SHAPE_HINT));
    return undefined;
  }
  if (entries.length > MAX_DERIVED_INPUTS) {
    problems.error(rangeOf(node), l10n.t('"inputs" lists {0} inputs; at most {1} are supported', entries.length, MAX_DERIVED_INPUTS));
    return undefined;
  }
  if (featureNames.length === 0) return undefined; // no rows to say what the features are: nothing to check against yet
  const canonical = defaultFeatureNames(featureNames.length);
  const seen = new Map<string, number>();
  const inputs: string[] = [];
  let valid = true;
  entries.forEach((entry, index) => {
    if (entry.type !== 'string') {
      problems.error(rangeOf(entry), l10n.t('input {0} must be text like "x1*x2" in double quotes, not {1}', index + 1, describeNode(entry, text)));
      valid = false;
      return;
    }
    const written = String(entry.value);
    const reading = readDerivedInput(written, featureNames);
    if (!reading.ok) {
      problems.error(rangeOf(entry), l10n.t('input {0} {1} {2}. The grammar: a feature, sin(feature) or cos(feature), multiplied with "*"', index + 1, quote(written), reading.message));
      valid = false;
      return;
    }
    const form = formatDerivedInput(reading.input, canonical);
    const earlier = seen.get(form);
    if (earlier !== undefined) problems.warning(rangeOf(entry), l10n.t('input {0} {1} is the same as input {2}; it only repeats a column', index + 1, quote(written), earlier + 1));
    else seen.set(form, index);
    inputs.push(form);
  });
  return valid ? inputs : undefined;
}
