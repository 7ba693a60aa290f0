// The model last trained on each dataset, kept in workspaceState so predictions survive a reload.
import type * as vscode from 'vscode';
import type { ModelSnapshot } from '../core/types';

const KEY = 'neuralNetworkLab.models';
/** Enough for a course's worth of files; the oldest are forgotten first. */
const MAX_MODELS = 50;

interface StoredModel {
  model: ModelSnapshot;
  trainedAt: number;
}

export class ModelStore {
  constructor(private readonly memento: vscode.Memento) {}

  get(datasetUri: string): ModelSnapshot | undefined {
    return this.all()[datasetUri]?.model;
  }

  async set(datasetUri: string, model: ModelSnapshot): Promise<void> {
    const models = { ...this.all(), [datasetUri]: { model, trainedAt: Date.now() } };
    const newestFirst = Object.entries(models).sort(([, a], [, b]) => b.trainedAt - a.trainedAt).slice(0, MAX_MODELS);
    await this.memento.update(KEY, Object.fromEntries(newestFirst));
  }

  async delete(datasetUri: string): Promise<void> {
    const models = { ...this.all() };
    delete models[datasetUri];
    await this.memento.update(KEY, models);
  }

  private all(): Record<string, StoredModel> {
    const stored = this.memento.get<unknown>(KEY);
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, StoredModel>) : {};
  }
}
