// The optional "network" block of a dataset file: every setting checked against the limits the
// schema (media/dataset.schema.json) also states.
import type { Node } from 'jsonc-parser';
import type { DatasetNetworkSettings } from './types';
import { HIDDEN_ACTIVATION_NAMES, OUTPUT_KIND_NAMES } from '../core/activations';
import { NETWORK_LIMITS } from '../core/limits';
import { REGULARIZATION_KINDS, type Regularization } from '../core/regularization';
import { describeNode, didYouMean, listNames, ProblemCollector, rangeOf, startOf } from './problems';
import { readNumber, readProperties, tooLargeMessage } from './properties';
import { l10n } from '../l10n';

export const NETWORK_SETTING_NAMES = [
  'hiddenLayers', 'activation', 'output', 'learningRate', 'iterations', 'errorInterval', 'seed', 'start', 'inputs', 'regularization', 'batchSize',
] as const;
export const START_KEY_NAMES = ['weights', 'bias'] as const;

export const REGULARIZATION_KEY_NAMES = ['kind', 'rate'] as const;

export interface NetworkReading {
  settings: DatasetNetworkSettings;
  /** The "weights" array of a valid "start", so its length can be checked once the input size is known. */
  startWeightsNode?: Node;
  /** "inputs" (feature crosses), read once the features' names are known. */
  inputsNode?: Node;
  /** "batchSize", to say once the rows are read when it covers all of them. */
  batchSizeNode?: Node;
  /** "hiddenLayers", so the network's size can be checked once the input size is known. */
  hiddenLayersNode?: Node;
}

export function readNetwork(node: Node, text: string, problems: ProblemCollector): NetworkReading {
  const settings: DatasetNetworkSettings = {};
  if (node.type !== 'object') {
    problems.error(
      rangeOf(node),
      l10n.t('"network" must be an object like { "learningRate": 0.1, "iterations": 10000 }, not {0}', describeNode(node, text)),
    );
    return { settings };
  }
  const properties = readProperties(node, NETWORK_SETTING_NAMES, problems, { prefix: '', noun: 'setting' });
  const valueOf = (name: (typeof NETWORK_SETTING_NAMES)[number]): Node | undefined => properties.get(name)?.value;
  const check = new SettingChecker(text, problems);

  const hiddenLayersNode = valueOf('hiddenLayers');
  if (hiddenLayersNode) settings.hiddenLayers = check.hiddenLayers(hiddenLayersNode);
  const activationNode = valueOf('activation');
  if (activationNode) {
    settings.activation = check.choice(activationNode, 'activation', HIDDEN_ACTIVATION_NAMES, l10n.t('of the hidden layers'));
  }
  const outputNode = valueOf('output');
  if (outputNode) {
    settings.output = check.choice(
      outputNode, 'output', OUTPUT_KIND_NAMES, l10n.t('(sigmoid: a class probability as in the tutorial; linear: regression)'),
    );
  }
  if (activationNode && settings.activation && settings.hiddenLayers?.length === 0 && (settings.activation !== 'sigmoid' || settings.output === 'linear')) {
    const neuron = settings.output === 'linear' ? 'linear' : 'a sigmoid';
    problems.warning(
      rangeOf(activationNode),
      l10n.t('"activation": "{0}" has no effect with "hiddenLayers": []: it applies to hidden layers only, and the single neuron\'s output is {1} (set by "output"). Add a hidden layer, e.g. "hiddenLayers": [4], or remove "activation"', settings.activation, neuron),
    );
  }
  const learningRateNode = valueOf('learningRate');
  if (learningRateNode) settings.learningRate = check.learningRate(learningRateNode);
  const iterationsNode = valueOf('iterations');
  if (iterationsNode) {
    settings.iterations = check.wholeNumber(iterationsNode, 'iterations', 1, NETWORK_LIMITS.maxIterations);
    if (settings.iterations !== undefined && settings.iterations > NETWORK_LIMITS.iterationsWarnAbove) {
      problems.warning(
        rangeOf(iterationsNode),
        l10n.t('"iterations" {0} will take a long time to train; the tutorial uses 10000', settings.iterations),
      );
    }
  }
  const errorIntervalNode = valueOf('errorInterval');
  if (errorIntervalNode) {
    settings.errorInterval = check.wholeNumber(errorIntervalNode, 'errorInterval', 1, NETWORK_LIMITS.maxErrorInterval);
    if (settings.errorInterval !== undefined && settings.iterations !== undefined
      && settings.errorInterval > settings.iterations) {
      problems.warning(
        rangeOf(errorIntervalNode),
        l10n.t('"errorInterval" {0} is larger than "iterations" {1}, so the error is recorded only once', settings.errorInterval, settings.iterations),
      );
    }
    const recorded = settings.errorInterval !== undefined && settings.iterations !== undefined ? Math.ceil(settings.iterations / settings.errorInterval) : 0;
    if (recorded > NETWORK_LIMITS.recordedErrorsWarnAbove) {
      const suggested = Math.ceil(settings.iterations! / NETWORK_LIMITS.recordedErrorsSuggested);
      problems.warning(
        rangeOf(errorIntervalNode),
        l10n.t(
          '"errorInterval" {0} records the error {1} times, each time over every row, which slows training; the chart thins a long run to a few tens of thousands of points anyway (keeping the lowest and highest error of each stretch). "errorInterval": {2} records at most {3}',
          settings.errorInterval!, recorded.toLocaleString('en-US'), suggested, NETWORK_LIMITS.recordedErrorsSuggested.toLocaleString('en-US'),
        ),
      );
    }
  }
  const seedNode = valueOf('seed');
  if (seedNode) settings.seed = check.wholeNumber(seedNode, 'seed', 0, NETWORK_LIMITS.maxSeed, l10n.t(' so a run can be repeated'));

  const regularizationNode = valueOf('regularization');
  if (regularizationNode) settings.regularization = readRegularization(regularizationNode, text, problems);
  const batchSizeNode = valueOf('batchSize');
  if (batchSizeNode) {
    settings.batchSize = check.wholeNumber(batchSizeNode, 'batchSize', 1, NETWORK_LIMITS.maxBatchSize, l10n.t(' (1 is the tutorial\'s stochastic gradient descent: one row per step)'));
  }

  const startNode = valueOf('start');
  let startWeightsNode: Node | undefined;
  if (startNode) {
    const start = readStart(startNode, text, problems);
    const hasHiddenLayers = (hiddenLayersNode?.children?.length ?? 0) > 0;
    if (start && hasHiddenLayers) {
      problems.error(
        rangeOf(properties.get('start')?.key ?? startNode),
        l10n.t('"start" sets the starting weights and bias of the tutorial\'s single neuron, so it only works with "hiddenLayers": [] — remove "start" or the hidden layers'),
      );
    } else if (start) {
      settings.start = start.value;
      startWeightsNode = start.weightsNode;
    }
  }
  return { settings, startWeightsNode, inputsNode: valueOf('inputs'), batchSizeNode: valueOf('batchSize'), hiddenLayersNode };
}

/** Checks one setting value; returns it when valid, else reports an error and returns undefined. */
class SettingChecker {
  constructor(private readonly text: string, private readonly problems: ProblemCollector) {}

  hiddenLayers(node: Node): number[] | undefined {
    const limits = l10n.t('a whole number of neurons from 1 to {0}', NETWORK_LIMITS.maxUnitsPerLayer);
    if (node.type !== 'array') {
      this.problems.error(
        rangeOf(node),
        l10n.t('"hiddenLayers" must be a list of layer sizes like [4] or [8, 4] (use [] for the tutorial\'s single neuron), not {0}', describeNode(node, this.text)),
      );
      return undefined;
    }
    const layers = node.children ?? [];
    if (layers.length > NETWORK_LIMITS.maxHiddenLayers) {
      this.problems.error(
        rangeOf(node),
        l10n.t('"hiddenLayers" has {0} layers; at most {1} are supported (the tutorial\'s "adding more layers" needs only one or two)', layers.length, NETWORK_LIMITS.maxHiddenLayers),
      );
      return undefined;
    }
    const sizes: number[] = [];
    layers.forEach((layer, index) => {
      const size = readNumber(layer);
      if (size.ok && Number.isInteger(size.value) && size.value >= 1 && size.value <= NETWORK_LIMITS.maxUnitsPerLayer) {
        sizes.push(size.value);
        return;
      }
      this.problems.error(rangeOf(layer), l10n.t('hidden layer {0} must be {1}, not {2}', index + 1, limits, describeNode(layer, this.text)));
    });
    return sizes.length === layers.length ? sizes : undefined;
  }

  choice<T extends string>(node: Node, name: string, allowed: readonly T[], meaning: string): T | undefined {
    if (node.type === 'string' && (allowed as readonly string[]).includes(node.value)) return node.value as T;
    const suggestion = node.type === 'string' ? didYouMean(String(node.value), allowed) : '';
    this.problems.error(
      rangeOf(node),
      l10n.t('"{0}" {1} must be {2}, not {3}{4}', name, meaning, listNames(allowed), describeNode(node, this.text), suggestion),
    );
    return undefined;
  }

  learningRate(node: Node): number | undefined {
    const rate = readNumber(node);
    if (!rate.ok || rate.value <= 0) {
      this.problems.error(
        rangeOf(node),
        l10n.t('"learningRate" must be a number greater than 0, like the tutorial\'s 0.1 (it sets how big a step gradient descent takes), not {0}', describeNode(node, this.text)),
      );
      return undefined;
    }
    if (rate.value > NETWORK_LIMITS.learningRateWarnAbove) {
      this.problems.warning(
        rangeOf(node),
        l10n.t('"learningRate" {0} is very large: steps this big usually overshoot the minimum and the error jumps around or blows up — try 0.1', rate.value),
      );
    }
    return rate.value;
  }

  wholeNumber(node: Node, name: string, min: number, max: number, why = ''): number | undefined {
    const reading = readNumber(node);
    if (reading.ok && Number.isInteger(reading.value) && reading.value >= min && reading.value <= max) return reading.value;
    this.problems.error(
      rangeOf(node),
      l10n.t('"{0}" must be a whole number from {1} to {2}{3}, not {4}', name, min, max, why, describeNode(node, this.text)),
    );
    return undefined;
  }
}

interface StartReading {
  value: { weights: number[]; bias: number };
  weightsNode: Node;
}

function readStart(node: Node, text: string, problems: ProblemCollector): StartReading | undefined {
  const shape = '{ "weights": [1.45, -0.66], "bias": 0 }';
  if (node.type !== 'object') {
    problems.error(rangeOf(node), l10n.t('"start" must be an object like {0}, not {1}', shape, describeNode(node, text)));
    return undefined;
  }
  const properties = readProperties(node, START_KEY_NAMES, problems, { prefix: '"start": ', noun: 'key' });
  const weightsNode = properties.get('weights')?.value;
  const biasNode = properties.get('bias')?.value;
  let valid = true;
  if (!properties.has('weights') || !properties.has('bias')) {
    problems.error(startOf(node), l10n.t('"start" needs both "weights" (one number per input) and "bias", like {0}', shape));
    valid = false;
  }
  const weights: number[] = [];
  if (weightsNode && weightsNode.type !== 'array') {
    problems.error(rangeOf(weightsNode), l10n.t('"start.weights" must be an array with one number per input, not {0}', describeNode(weightsNode, text)));
    valid = false;
  } else if (weightsNode) {
    (weightsNode.children ?? []).forEach((weightNode, index) => {
      const weight = readNumber(weightNode);
      if (weight.ok) {
        weights.push(weight.value);
        return;
      }
      const message = weight.reason === 'too large'
        ? l10n.t('"start.weights" value {0}: {1}', index + 1, tooLargeMessage(weightNode, text))
        : l10n.t('"start.weights" value {0} is {1}; every weight must be a number', index + 1, describeNode(weightNode, text));
      problems.error(rangeOf(weightNode), message);
      valid = false;
    });
  }
  let bias = 0;
  if (biasNode) {
    const reading = readNumber(biasNode);
    if (reading.ok) bias = reading.value;
    else {
      problems.error(rangeOf(biasNode), l10n.t('"start.bias" must be a number, not {0}', describeNode(biasNode, text)));
      valid = false;
    }
  }
  if (!valid || !weightsNode || !biasNode) return undefined;
  return { value: { weights, bias }, weightsNode };
}

function readRegularization(node: Node, text: string, problems: ProblemCollector): Regularization | undefined {
  const shape = '{ "kind": "L2", "rate": 0.001 }';
  if (node.type !== 'object') {
    problems.error(rangeOf(node), l10n.t('"regularization" must be an object like {0}, not {1}', shape, describeNode(node, text)));
    return undefined;
  }
  const properties = readProperties(node, REGULARIZATION_KEY_NAMES, problems, { prefix: '"regularization": ', noun: 'key' });
  const kindNode = properties.get('kind')?.value;
  const rateNode = properties.get('rate')?.value;
  if (!kindNode || !rateNode) {
    problems.error(startOf(node), l10n.t('"regularization" needs both "kind" ("L1" or "L2") and "rate", like {0}', shape));
    return undefined;
  }
  let valid = true;
  const kind = kindNode.type === 'string' && (REGULARIZATION_KINDS as readonly string[]).includes(kindNode.value) ? kindNode.value as Regularization['kind'] : undefined;
  if (!kind) {
    const suggestion = kindNode.type === 'string' ? didYouMean(String(kindNode.value), REGULARIZATION_KINDS) : '';
    problems.error(rangeOf(kindNode), l10n.t('"regularization.kind" must be {0} (L1: rate · Σ|w|, L2: rate · Σw²), not {1}{2}', listNames(REGULARIZATION_KINDS), describeNode(kindNode, text), suggestion));
    valid = false;
  }
  const rate = readNumber(rateNode);
  if (!rate.ok || rate.value < 0) {
    problems.error(rangeOf(rateNode), l10n.t('"regularization.rate" must be a number from 0 up, like 0.001 (how strongly large weights are penalised), not {0}', describeNode(rateNode, text)));
    valid = false;
  } else if (rate.value > NETWORK_LIMITS.regularizationRateWarnAbove) {
    problems.warning(rangeOf(rateNode), l10n.t('"regularization.rate" {0} is very large: the penalty outweighs the error and the weights shrink towards 0 whatever the data; try 0.001', rate.value));
  }
  return valid && kind && rate.ok ? { kind, rate: rate.value } : undefined;
}
