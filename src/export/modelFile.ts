// The model file ("Export Model…" / "Load Model…"): a trained network as versioned JSON, so it
// can be kept, shared, and loaded back to predict without retraining. The shape is described by
// media/model.schema.json; readModelFile (modelFileChecks.ts) enforces it and more.

import type { ModelSnapshot } from '../core/types';
import { layoutJson } from './jsonLayout';
import { readModelFile, type LoadedModel } from './modelFileChecks';

export type { LoadedModel } from './modelFileChecks';

export const MODEL_FORMAT = 'neural-network-lab.model';
/** Bump when a file written by the new code cannot be read correctly by the old. */
export const MODEL_FILE_VERSION = 1;
/** Suggested name ending: distinct from datasets' ".nn.json", so each gets its own schema. */
export const MODEL_FILE_EXTENSION = '.nnmodel.json';

/** What the snapshot does not hold but a saved model should say. */
export interface ModelFileExtras {
  /** Names of the inputs, in order (the dataset's "features"). */
  features?: readonly string[];
  /** The dataset's file name (a name, not a path: the file may travel). */
  datasetName?: string;
  iterations?: number;
  errorInterval?: number;
  trainedAt?: string | Date;
}

/**
 * The model as pretty JSON text. Throws RangeError if a parameter is not finite (a diverged run:
 * there is nothing worth saving) or if `features` does not have one name per input.
 */
export function modelToFile(snapshot: ModelSnapshot, extra: ModelFileExtras = {}): string {
  if (extra.features && extra.features.length !== snapshot.inputSize) {
    throw new RangeError(`${extra.features.length} feature names for a model with ${snapshot.inputSize} inputs`);
  }
  const trainedAt = extra.trainedAt instanceof Date ? extra.trainedAt.toISOString() : extra.trainedAt;
  const text = layoutJson({
    format: MODEL_FORMAT,
    version: MODEL_FILE_VERSION,
    architecture: {
      inputSize: snapshot.inputSize,
      hiddenLayers: [...snapshot.hiddenLayers],
      activation: snapshot.activation,
      output: snapshot.output,
      inputs: snapshot.inputs ? [...snapshot.inputs] : undefined,
    },
    layers: snapshot.layers.map((layer) => ({
      weights: layer.weights.map((row) => [...row]),
      biases: [...layer.biases],
    })),
    training: {
      learningRate: snapshot.learningRate,
      iterations: extra.iterations,
      errorInterval: extra.errorInterval,
      seed: snapshot.seed,
      regularization: snapshot.regularization ? { ...snapshot.regularization } : undefined,
    },
    features: extra.features ? [...extra.features] : undefined,
    dataset: extra.datasetName,
    trainedAt,
  });
  return `${text}\n`;
}

/**
 * Reads a model file. Never throws: a file that is not a model, comes from a newer version, or
 * has parameters that do not fit its architecture gives `error`, a sentence for the user.
 */
export function parseModelFile(text: string): { model?: LoadedModel; error?: string } {
  try {
    const result = readModelFile(text, MODEL_FORMAT, MODEL_FILE_VERSION);
    return typeof result === 'string' ? { error: result } : { model: result };
  } catch (error) {
    // readModelFile reports every problem it knows as a string; this is for the ones it doesn't.
    return { error: `The model file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Why `model` cannot predict rows of `inputSize` numbers, or undefined if it can. */
export function checkModelFits(model: Pick<ModelSnapshot, 'inputSize'>, inputSize: number): string | undefined {
  if (model.inputSize === inputSize) return undefined;
  return `This model takes ${count(model.inputSize, 'input')}, but the dataset's rows have ${inputSize}.`;
}

/** "model.nnmodel.json" from "tutorial.nn.json" → "tutorial.nnmodel.json". */
export function suggestedModelFileName(datasetName: string | undefined): string {
  const base = (datasetName ?? 'model').replace(/\.nn\.json$|\.json$/i, '') || 'model';
  return `${base}${MODEL_FILE_EXTENSION}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
