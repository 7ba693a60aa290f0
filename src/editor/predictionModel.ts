// Which network answers a Predict on a dataset: the model last trained on it; before any
// training the file's `network.start` weights (the tutorial's worked example); else a seeded
// random network, flagged so the learner knows its answer means nothing yet.
import { classVerdict, NeuralNetwork } from '../core';
import { l10n } from '../l10n';
import { type Dataset } from '../dataset';
import type { ModelSnapshot, OutputKind } from '../core/types';
import type { ModelStore } from '../training/modelStore';

export type PredictionModel =
  | { kind: 'trained' | 'start' | 'random'; network: NeuralNetwork }
  /** The file changed after training: the model expects a different number of inputs. */
  | { kind: 'mismatch'; expected: number; found: number };

/** The seed of the "untrained" network, so the same file always shows the same random answers. */
const UNTRAINED_SEED = 1;

export function predictionModel(dataset: Dataset, stored: ModelSnapshot | undefined): PredictionModel {
  if (stored) {
    if (stored.inputSize !== dataset.inputSize) return { kind: 'mismatch', expected: stored.inputSize, found: dataset.inputSize };
    return { kind: 'trained', network: NeuralNetwork.fromSnapshot(stored) };
  }
  const settings = dataset.network;
  const hiddenLayers = settings.hiddenLayers ?? [];
  if (settings.start && hiddenLayers.length === 0) {
    return {
      kind: 'start',
      network: new NeuralNetwork({ learningRate: settings.learningRate ?? 0.1, output: settings.output, weights: settings.start.weights, bias: settings.start.bias }),
    };
  }
  return {
    kind: 'random',
    network: new NeuralNetwork({
      learningRate: settings.learningRate ?? 0.1,
      seed: settings.seed ?? UNTRAINED_SEED,
      hiddenLayers,
      activation: settings.activation,
      output: settings.output,
      inputSize: dataset.inputSize,
      ...(settings.inputs ? { inputs: settings.inputs } : {}),
    }),
  };
}

export type PredictionModelKind =
  | { kind: 'trained' | 'start' | 'random' }
  | { kind: 'mismatch'; expected: number; found: number };

/** What predictionModel would answer, without building a network (a lens needs only this). */
export function predictionModelKind(dataset: Dataset, stored: { inputSize: number } | undefined): PredictionModelKind {
  if (stored) return stored.inputSize === dataset.inputSize ? { kind: 'trained' } : { kind: 'mismatch', expected: stored.inputSize, found: dataset.inputSize };
  return { kind: dataset.network.start && (dataset.network.hiddenLayers ?? []).length === 0 ? 'start' : 'random' };
}

/**
 * One prediction model per dataset, built once and kept while neither its stored model nor its
 * network settings change: editing rows does not rebuild it, and a network of a million weights is
 * built once, not once per lens or per Predict.
 */
export class PredictionModels {
  private readonly cache = new Map<string, { key: string; model: Promise<PredictionModel> }>();

  constructor(private readonly models: Pick<ModelStore, 'info' | 'get'>) {}

  /** The model for a dataset (a parse of the document at `datasetUri`). */
  of(datasetUri: string, dataset: Dataset): Promise<PredictionModel> {
    const info = this.models.info(datasetUri);
    // The trained model does not depend on the file's settings; an untrained one on nothing else.
    const key = info ? `model ${info.version} ${dataset.inputSize}` : `file ${dataset.inputSize} ${JSON.stringify(dataset.network)}`;
    const cached = this.cache.get(datasetUri);
    if (cached?.key === key) return cached.model;
    const model = (async () => predictionModel(dataset, info ? await this.models.get(datasetUri) : undefined))();
    this.cache.set(datasetUri, { key, model });
    // A failed build is not kept.
    model.catch(() => this.cache.get(datasetUri)?.model === model && this.cache.delete(datasetUri));
    return model;
  }

  kindOf(datasetUri: string, dataset: Dataset): PredictionModelKind {
    return predictionModelKind(dataset, this.models.info(datasetUri));
  }

  forget(datasetUri: string): void {
    this.cache.delete(datasetUri);
  }
}

/** `→ 0.799 ⇒ class 1 ✓`: the prediction, its class for a sigmoid output, and a mark against the target. */
export function describePrediction(prediction: number, output: OutputKind, target: number | undefined, untrained: boolean): string {
  const suffix = untrained ? `  (${l10n.t('untrained: random weights')})` : '';
  const verdict = classVerdict(output, prediction, target);
  if (!verdict) return `→ ${formatNumber(prediction)}${target === undefined ? '' : `  (${l10n.t('target {0}', formatNumber(target))})`}${suffix}`;
  const mark = verdict.correct === undefined ? '' : verdict.correct ? ' ✓' : ' ✗';
  return `→ ${prediction.toFixed(3)} ⇒ ${l10n.t('class {0}', verdict.predictedClass)}${mark}${suffix}`;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(6)));
}
