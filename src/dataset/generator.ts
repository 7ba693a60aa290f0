// The optional "generator" block: how a generated file was made (Generate Dataset…), so someone
// else can make it again. It is a record, not a setting: training uses the rows as they are, so
// anything wrong here is a warning on the value itself and the block is ignored.
import type { Node } from 'jsonc-parser';
import { GENERATOR_LIMITS, GENERATOR_SHAPES, type GeneratorSettings } from '../core/generators';
import { describeNode, didYouMean, listNames, ProblemCollector, rangeOf, startOf } from './problems';
import { readNumber, readProperties } from './properties';
import { l10n } from '../l10n';

export const GENERATOR_KEY_NAMES = ['shape', 'points', 'noise', 'testRatio', 'seed'] as const;
const SHAPE_HINT = '{ "shape": "spiral", "points": 200, "noise": 0.1, "testRatio": 0.2, "seed": 3 }';

export function readGenerator(node: Node, text: string, problems: ProblemCollector): GeneratorSettings | undefined {
  if (node.type !== 'object') {
    problems.warning(rangeOf(node), l10n.t('"generator" records how the rows were made, like {0}, not {1}; it is ignored', SHAPE_HINT, describeNode(node, text)));
    return undefined;
  }
  const properties = readProperties(node, GENERATOR_KEY_NAMES, problems, { prefix: '"generator": ', noun: 'key' });
  const missing = GENERATOR_KEY_NAMES.filter((name) => !properties.get(name)?.value);
  if (missing.length > 0) {
    problems.warning(startOf(node), l10n.t('"generator" needs {0} to make the rows again, like {1}; it is ignored', listNames(missing), SHAPE_HINT));
    return undefined;
  }
  const value = (name: (typeof GENERATOR_KEY_NAMES)[number]) => properties.get(name)?.value as Node;
  const shapeNode = value('shape');
  let valid = true;
  // Each message ends "; the block is ignored" itself, so it translates as one sentence.
  const warn = (at: Node, message: string) => {
    problems.warning(rangeOf(at), message);
    valid = false;
  };
  const shape = shapeNode.type === 'string' && (GENERATOR_SHAPES as readonly string[]).includes(shapeNode.value)
    ? (shapeNode.value as GeneratorSettings['shape']) : undefined;
  if (!shape) {
    const suggestion = shapeNode.type === 'string' ? didYouMean(String(shapeNode.value), GENERATOR_SHAPES) : '';
    warn(shapeNode, l10n.t('"generator.shape" must be {0}, not {1}{2}; the block is ignored', listNames(GENERATOR_SHAPES), describeNode(shapeNode, text), suggestion));
  }
  const number = (name: 'points' | 'noise' | 'testRatio' | 'seed', min: number, max: number, whole: boolean): number => {
    const reading = readNumber(value(name));
    if (reading.ok && reading.value >= min && reading.value <= max && (!whole || Number.isInteger(reading.value))) return reading.value;
    warn(value(name), whole
      ? l10n.t('"generator.{0}" must be a whole number from {1} to {2}, not {3}; the block is ignored', name, min, max, describeNode(value(name), text))
      : l10n.t('"generator.{0}" must be a number from {1} to {2}, not {3}; the block is ignored', name, min, max, describeNode(value(name), text)));
    return NaN;
  };
  const points = number('points', GENERATOR_LIMITS.minPoints, GENERATOR_LIMITS.maxPoints, true);
  const noise = number('noise', 0, GENERATOR_LIMITS.maxNoise, false);
  const testRatio = number('testRatio', 0, GENERATOR_LIMITS.maxTestRatio, false);
  const seed = number('seed', 0, GENERATOR_LIMITS.maxSeed, true);
  if (!valid || !shape) return undefined;
  if (points - Math.round(points * testRatio) < 1) {
    warn(value('testRatio'), l10n.t('"generator.testRatio" {0} holds out every one of the {1} points, leaving none to train on; the block is ignored', testRatio, points));
    return undefined;
  }
  return { shape, points, noise, testRatio, seed };
}
