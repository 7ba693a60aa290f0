// parseDataset: dataset text (*.nn.json) → the valid rows and settings, plus a problem for everything
// wrong, each pointing at the exact row or value. It never throws, whatever the text.
import type { Node } from 'jsonc-parser';
import type {
  Dataset, DatasetNetworkSettings, ParseDatasetOptions, ParseDatasetResult, Problem, TextRange,
} from './types';
import type { OutputKind } from '../core/types';
import { readJsonTree, reportWellFormedTree, type WellFormedTree } from './json';
import { readNetwork } from './network';
import { networkTooLarge } from '../core/limits';
import { readGenerator } from './generator';
import { readInputs } from './inputs';
import { defaultFeatureNames } from '../core/features';
import { describeNode, ProblemCollector, quote, rangeOf, startOf } from './problems';
import { readProperties } from './properties';
import { InputSizeSource, readRows, surveyInputSizes } from './rows';
import { l10n } from '../l10n';

export type {
  Dataset, DatasetNetworkSettings, DatasetRow, DatasetToWrite, ParseDatasetOptions, ParseDatasetResult, Problem,
  RowToWrite, TextRange,
} from './types';
export { formatDataset, serializeRow } from './format';
export { NETWORK_SETTING_NAMES, START_KEY_NAMES } from './network';
export { HIDDEN_ACTIVATION_NAMES, OUTPUT_KIND_NAMES } from '../core/activations';
export { NETWORK_LIMITS, networkTooLarge, networkValueCount } from '../core/limits';
export { ROW_KEY_NAMES, SPLIT_NAMES } from './rows';
export { GENERATOR_KEY_NAMES } from './generator';
export { MAX_REPORTED_PROBLEMS } from './problems';

export const TOP_LEVEL_NAMES = ['description', 'features', 'rows', 'network', 'generatedBy', 'generator'] as const;
/** Allowed at the top level without a warning: editors use it to pick a schema. */
const IGNORED_TOP_LEVEL_NAMES = ['$schema'];

const SHAPE_HINT = '{ "rows": [ { "input": [3, 1.5], "target": 0 } ] }';

export function parseDataset(text: string, options?: ParseDatasetOptions): ParseDatasetResult {
  // Callers from plain JavaScript (or a webview message) may hand over anything.
  const source = typeof text === 'string' ? text : '';
  return readSafely(source, (problems) => {
    const root = readJsonTree(source, problems);
    return root && readDataset(root, source, options?.outputHint, problems);
  });
}

/** parseDataset of well-formed text whose tree is read already (incremental.ts keeps one across edits). */
export function parseWellFormedDataset(text: string, tree: WellFormedTree, options?: ParseDatasetOptions): ParseDatasetResult {
  return readSafely(text, (problems) => {
    reportWellFormedTree(tree, problems);
    return readDataset(tree.root, text, options?.outputHint, problems);
  });
}

function readSafely(source: string, read: (problems: ProblemCollector) => Dataset | undefined): ParseDatasetResult {
  try {
    const problems = new ProblemCollector(source.length);
    const dataset = read(problems);
    return { dataset, problems: problems.finish() };
  } catch (error) {
    // Last resort: a bug here must cost the learner a diagnostic, not the extension host a crash.
    const reason = error instanceof Error ? error.message : l10n.t('unknown error');
    const problem: Problem = {
      severity: 'error',
      message: l10n.t('Could not read this dataset because of an internal error ({0}); please report it', reason),
      offset: 0,
      length: 0,
    };
    return { problems: [problem] };
  }
}

function readDataset(root: Node, text: string, outputHint: unknown, problems: ProblemCollector): Dataset | undefined {
  // In text the parser had to repair, a "missing" key is more likely a casualty of the syntax error.
  const repaired = problems.errorCount > 0;
  if (root.type !== 'object') {
    problems.error(rangeOf(root), l10n.t('The file must be an object with a "rows" array, like {0}; found {1}', SHAPE_HINT, describeNode(root, text)));
    return undefined;
  }
  const properties = readProperties(root, TOP_LEVEL_NAMES, problems, { prefix: '', noun: 'property' }, IGNORED_TOP_LEVEL_NAMES);
  const description = readDescription(properties.get('description')?.value, text, problems);
  const featuresNode = properties.get('features')?.value;
  const features = featuresNode && readFeatures(featuresNode, text, problems);
  const networkNode = properties.get('network')?.value;
  const network = networkNode ? readNetwork(networkNode, text, problems) : { settings: {} };

  const rowsEntry = properties.get('rows');
  if (!rowsEntry) {
    if (repaired) return undefined;
    problems.error(startOf(root), l10n.t('The file must be an object with a "rows" array; add "rows" like {0}', SHAPE_HINT));
    return undefined;
  }
  const rowsNode = rowsEntry.value;
  if (!rowsNode) return undefined;
  if (rowsNode.type !== 'array') {
    problems.error(
      rangeOf(rowsNode),
      l10n.t('"rows" must be an array of rows like [ { "input": [3, 1.5], "target": 0 } ], not {0}', describeNode(rowsNode, text)),
    );
    return undefined;
  }
  const rowNodes = rowsNode.children ?? [];
  if (rowNodes.length === 0) {
    problems.error(rangeOf(rowsNode), l10n.t('"rows" is empty: there is nothing to train on; add rows like { "input": [3, 1.5], "target": 0 }'));
  }

  const size = decideInputSize(rowNodes, features, featuresNode, network.settings, network.startWeightsNode, problems);
  const generatedByNode = properties.get('generatedBy')?.value;
  const generatedBy = generatedByNode && readGeneratedBy(generatedByNode, size.value, text, problems);
  const output: OutputKind = network.settings.output ?? (outputHint === 'linear' ? 'linear' : 'sigmoid');
  if (network.inputsNode) {
    const names = features?.length === size.value ? features : defaultFeatureNames(size.value);
    const inputs = readInputs(network.inputsNode, names, text, problems);
    if (inputs && network.settings.start) {
      problems.error(rangeOf(network.inputsNode), l10n.t('"start" gives one weight per raw feature, so it cannot be combined with "inputs"; remove "start" (the network then starts from random weights) or "inputs"'));
      delete network.settings.start;
    } else if (inputs) network.settings.inputs = inputs;
  }
  // A network of millions of weights would exhaust the editor's memory before it learned anything.
  const hiddenLayers = network.settings.hiddenLayers;
  const tooLarge = hiddenLayers && network.hiddenLayersNode && networkTooLarge(network.settings.inputs?.length ?? size.value, hiddenLayers);
  if (tooLarge) problems.error(rangeOf(network.hiddenLayersNode!), tooLarge);
  const generatorNode = properties.get('generator')?.value;
  const generator = generatorNode && readGenerator(generatorNode, text, problems);
  const rows = readRows(rowNodes, { expectedSize: size.value, sizeSource: size.source, output }, text, problems);

  const everyRowValid = rows.length === rowNodes.length;
  if (everyRowValid && rows.length > 0 && !repaired) {
    const rowsKey = rangeOf(rowsEntry.key);
    if (!rows.some((row) => row.target !== undefined)) {
      problems.error(rowsKey, l10n.t('No row has a "target", so there is nothing to train on; rows without a target are only predicted'));
    } else if (!rows.some((row) => row.target !== undefined && row.split === 'train')) {
      problems.error(rowsKey, l10n.t('Every row with a "target" is in the test split, so there is nothing to train on; leave "split" out of some rows'));
    }
    const trainingRows = rows.filter((row) => row.target !== undefined && row.split === 'train').length;
    const batchSize = network.settings.batchSize;
    if (batchSize !== undefined && network.batchSizeNode && trainingRows > 0 && batchSize > trainingRows) {
      problems.warning(rangeOf(network.batchSizeNode), l10n.t('"batchSize" {0} is more than the number of training rows ({1}): every step averages all of them (full-batch gradient descent)', batchSize, trainingRows));
    }
  }
  return {
    description,
    // Names that disagree with the rows (already reported) would label the wrong inputs.
    features: features?.length === size.value ? features : undefined,
    rows,
    inputSize: size.value,
    network: network.settings,
    rowsKey: rangeOf(rowsEntry.key),
    networkRange: networkNode?.type === 'object' ? rangeOf(networkNode) : undefined,
    generatedBy,
    generator,
  };
}

/**
 * The weights and bias synthetic rows were made from, so the learned ones can be shown beside
 * them. Only informative: anything wrong is a warning and the setting is ignored.
 */
function readGeneratedBy(node: Node, inputSize: number, text: string, problems: ProblemCollector): { weights: number[]; bias: number } | undefined {
  const shape = '{ "weights": [150, -8], "bias": 50 }';
  // Read node by node, never the whole value: a "generatedBy" nested thousands deep is only wrong.
  const properties = node.type === 'object' ? (node.children ?? []) : [];
  const valueOf = (name: string) => properties.find((property) => property.children?.[0]?.value === name)?.children?.[1];
  const weightsNode = valueOf('weights');
  const biasNode = valueOf('bias');
  const finite = (entry: Node | undefined): boolean => entry?.type === 'number' && Number.isFinite(entry.value);
  const weights = weightsNode?.type === 'array' && (weightsNode.children ?? []).every(finite) ? (weightsNode.children ?? []).map((entry) => entry.value as number) : undefined;
  const bias = finite(biasNode) ? (biasNode!.value as number) : undefined;
  const onlyKnownKeys = properties.every((property) => property.children?.[0]?.value === 'weights' || property.children?.[0]?.value === 'bias');
  if (node.type !== 'object' || !weights || bias === undefined || !onlyKnownKeys) {
    problems.warning(rangeOf(node), l10n.t('"generatedBy" should be the weights and bias the rows were made from, like {0}, not {1}; it is ignored', shape, describeNode(node, text)));
    return undefined;
  }
  if (inputSize > 0 && weights.length !== inputSize) {
    problems.warning(rangeOf(node), l10n.t('"generatedBy" has {0} weights, but each row has {1} inputs; it is ignored', weights.length, inputSize));
    return undefined;
  }
  return { weights: [...weights], bias };
}

function readDescription(node: Node | undefined, text: string, problems: ProblemCollector): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  problems.warning(rangeOf(node), l10n.t('"description" should be text in double quotes, not {0}; it is ignored', describeNode(node, text)));
  return undefined;
}

function readFeatures(node: Node, text: string, problems: ProblemCollector): string[] | undefined {
  if (node.type !== 'array') {
    problems.error(rangeOf(node), l10n.t('"features" must be a list of input names like ["x1", "x2"], not {0}', describeNode(node, text)));
    return undefined;
  }
  const names: string[] = [];
  const seen = new Set<string>();
  let valid = true;
  (node.children ?? []).forEach((nameNode, index) => {
    if (nameNode.type !== 'string') {
      problems.error(rangeOf(nameNode), l10n.t('feature {0} must be a name in double quotes like "x1", not {1}', index + 1, describeNode(nameNode, text)));
      valid = false;
      return;
    }
    const name = String(nameNode.value);
    if (seen.has(name)) problems.warning(rangeOf(nameNode), l10n.t('feature name {0} is used twice; give each input its own name', quote(name)));
    seen.add(name);
    names.push(name);
  });
  if (valid && names.length === 0) {
    problems.error(rangeOf(node), l10n.t('"features" is empty; give one name per input, like ["x1", "x2"]'));
    return undefined;
  }
  return valid ? names : undefined;
}

interface InputSize {
  value: number;
  source: InputSizeSource;
}

/**
 * How many numbers each row's input must have: as many as "features" names, else as "start.weights"
 * has, else as the first row has. A declaration that no row agrees with is reported once, on the
 * declaration, instead of on every row.
 */
function decideInputSize(
  rowNodes: readonly Node[],
  features: string[] | undefined,
  featuresNode: Node | undefined,
  settings: DatasetNetworkSettings,
  startWeightsNode: Node | undefined,
  problems: ProblemCollector,
): InputSize {
  const survey = surveyInputSizes(rowNodes);
  const startWeights = settings.start?.weights;
  let size: InputSize | undefined;
  if (features && featuresNode) {
    if (survey.firstSize === undefined || survey.sizes.has(features.length)) size = { value: features.length, source: 'features' };
    else {
      problems.error(
        rangeOf(featuresNode),
        l10n.t('"features" names {0} inputs, but the rows have {1} numbers each; give one name per input', features.length, survey.firstSize),
      );
    }
  }
  if (!size && startWeights && startWeightsNode) {
    if (survey.firstSize === undefined || survey.sizes.has(startWeights.length)) size = { value: startWeights.length, source: 'start' };
  }
  size ??= { value: survey.firstSize ?? 0, source: 'rows' };
  if (startWeights && startWeightsNode && startWeights.length !== size.value) {
    problems.error(
      rangeOf(startWeightsNode),
      l10n.t('"start.weights" has {0} numbers, but each row has {1} inputs; give one weight per input', startWeights.length, size.value),
    );
    delete settings.start;
  }
  return size;
}
