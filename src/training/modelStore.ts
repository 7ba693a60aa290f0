// The model last trained on each dataset, kept so predictions survive a reload. Small models live in
// workspaceState; large ones (a wide network is millions of numbers) as files under the extension's
// storage folder, within a byte cap, the oldest forgotten first. workspaceState holds only their
// index. Reading is async (a file may have to be read); what a lens needs — whether there is a
// model, its input size, its version — is known without reading.
import * as vscode from 'vscode';
import type { ModelSnapshot } from '../core/types';
import { decodeModel, encodeModel, valueCount } from './modelCodec';

const KEY = 'neuralNetworkLab.models';
/** Enough for a course's worth of files; the oldest are forgotten first. */
const MAX_MODELS = 50;
/** Models with more numbers than this go to a file (5,000 numbers are about 100 KB of JSON). */
export const INLINE_MAX_VALUES = 5000;
/** All model files together stay under this; the oldest are deleted first. */
export const MAX_STORED_BYTES = 256 * 1024 * 1024;
/** Large models kept in memory after use (numbers in all), the most recent first. */
const MEMORY_MAX_VALUES = 4_000_000;
const FOLDER = 'models';

interface StoredModel {
  trainedAt: number;
  inputSize: number;
  values: number;
  /** Small models, in the index itself. */
  model?: ModelSnapshot;
  /** Large models: the file's name in the storage folder, and its size. */
  file?: string;
  bytes?: number;
}

export interface ModelInfo {
  inputSize: number;
  values: number;
  trainedAt: number;
  /** Changes whenever the dataset's model does (within this session): a cache key. */
  version: number;
}

export class ModelStore {
  /** Models in memory, least recently used first: the large ones just used, and every one just set. */
  private readonly memory = new Map<string, ModelSnapshot>();
  /** Deleted, and the index not yet written. */
  private readonly deleting = new Set<string>();
  private readonly versions = new Map<string, number>();
  private nextVersion = 1;
  private fileNumber = 0;
  /** Writes and deletes happen one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  /** `folder`: where large models are written (the extension's storageUri or globalStorageUri); none keeps them in memory only. */
  constructor(
    private readonly memento: vscode.Memento,
    private readonly folder?: vscode.Uri,
    private readonly log?: vscode.LogOutputChannel,
    private readonly maxStoredBytes = MAX_STORED_BYTES,
  ) {}

  info(datasetUri: string): ModelInfo | undefined {
    if (this.deleting.has(datasetUri)) return undefined;
    const version = this.versionOf(datasetUri);
    const cached = this.memory.get(datasetUri);
    if (cached) return { inputSize: cached.inputSize, values: valueCount(cached.layers), trainedAt: this.index()[datasetUri]?.trainedAt ?? Date.now(), version };
    const stored = this.index()[datasetUri];
    return stored && { inputSize: stored.inputSize, values: stored.values, trainedAt: stored.trainedAt, version };
  }

  async get(datasetUri: string): Promise<ModelSnapshot | undefined> {
    if (this.deleting.has(datasetUri)) return undefined;
    const cached = this.memory.get(datasetUri);
    if (cached) {
      this.remember(datasetUri, cached);
      return cached;
    }
    const stored = this.index()[datasetUri];
    if (!stored) return undefined;
    if (stored.model) return stored.model;
    if (!stored.file || !this.folder) return undefined;
    try {
      const model = decodeModel(await vscode.workspace.fs.readFile(this.fileUri(stored.file)));
      if (!model) throw new Error('not a model file');
      // A newer model may have been stored while the file was read.
      if (this.index()[datasetUri]?.file !== stored.file) return this.get(datasetUri);
      this.remember(datasetUri, model);
      return model;
    } catch (error) {
      this.log?.warn(`The stored model of ${datasetUri} could not be read (${error instanceof Error ? error.message : String(error)}); it is forgotten.`);
      await this.delete(datasetUri);
      return undefined;
    }
  }

  set(datasetUri: string, model: ModelSnapshot): Promise<void> {
    this.bump(datasetUri);
    this.deleting.delete(datasetUri);
    // Readers get it from memory at once, whatever the writes still queued.
    this.remember(datasetUri, model);
    const values = valueCount(model.layers);
    if (values <= INLINE_MAX_VALUES) {
      return this.enqueue(() => this.write(datasetUri, { trainedAt: Date.now(), inputSize: model.inputSize, values, model }));
    }
    return this.enqueue(async () => {
      if (!this.folder) return this.write(datasetUri, undefined);
      const bytes = encodeModel(model);
      if (bytes.byteLength > this.maxStoredBytes) {
        this.log?.warn(`The model of ${datasetUri} is ${(bytes.byteLength / 1e6).toFixed(0)} MB, more than the ${(this.maxStoredBytes / 1e6).toFixed(0)} MB kept on disk: it lasts until VS Code closes.`);
        return this.write(datasetUri, undefined);
      }
      const file = `model-${Date.now().toString(36)}-${(this.fileNumber++).toString(36)}.bin`;
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.folder, FOLDER));
      await vscode.workspace.fs.writeFile(this.fileUri(file), bytes);
      await this.write(datasetUri, { trainedAt: Date.now(), inputSize: model.inputSize, values, file, bytes: bytes.byteLength });
    });
  }

  delete(datasetUri: string): Promise<void> {
    this.bump(datasetUri);
    this.memory.delete(datasetUri);
    this.deleting.add(datasetUri);
    return this.enqueue(async () => {
      await this.write(datasetUri, undefined);
      if (!this.memory.has(datasetUri)) this.deleting.delete(datasetUri);
    });
  }

  /** Bytes of all model files, for the benchmark and tests. */
  storedBytes(): number {
    return Object.values(this.index()).reduce((sum, stored) => sum + (stored.bytes ?? 0), 0);
  }

  private versionOf(datasetUri: string): number {
    let version = this.versions.get(datasetUri);
    if (version === undefined) this.versions.set(datasetUri, (version = this.nextVersion++));
    return version;
  }

  private bump(datasetUri: string): void {
    this.versions.set(datasetUri, this.nextVersion++);
  }

  private remember(datasetUri: string, model: ModelSnapshot): void {
    this.memory.delete(datasetUri);
    this.memory.set(datasetUri, model);
    let total = 0;
    for (const kept of this.memory.values()) total += valueCount(kept.layers);
    for (const [uri, kept] of this.memory) {
      if (total <= MEMORY_MAX_VALUES || uri === datasetUri) break;
      total -= valueCount(kept.layers);
      this.memory.delete(uri);
    }
  }

  /** Never rejects: a failed write is logged, and readers still have the model in memory. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => this.log?.error('Storing a model failed', error));
    this.queue = next;
    return next;
  }

  /** Replaces one dataset's entry (undefined removes it), then keeps the index within its caps. */
  private async write(datasetUri: string, entry: StoredModel | undefined): Promise<void> {
    const index = { ...this.index() };
    const stale: string[] = [];
    if (index[datasetUri]?.file) stale.push(index[datasetUri].file!);
    if (entry) index[datasetUri] = entry;
    else delete index[datasetUri];
    const newestFirst = Object.entries(index).sort(([, a], [, b]) => b.trainedAt - a.trainedAt);
    const kept: [string, StoredModel][] = [];
    let bytes = 0;
    for (const [uri, stored] of newestFirst) {
      const fits = kept.length < MAX_MODELS && bytes + (stored.bytes ?? 0) <= this.maxStoredBytes;
      if (fits) {
        kept.push([uri, stored]);
        bytes += stored.bytes ?? 0;
      } else if (stored.file) {
        stale.push(stored.file);
      }
    }
    await this.memento.update(KEY, Object.fromEntries(kept));
    for (const file of stale) {
      if (file === entry?.file) continue;
      await vscode.workspace.fs.delete(this.fileUri(file)).then(undefined, () => undefined);
    }
  }

  private fileUri(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder!, FOLDER, file);
  }

  private index(): Record<string, StoredModel> {
    const stored = this.memento.get<unknown>(KEY);
    if (typeof stored !== 'object' || stored === null) return {};
    // Entries written by the first version held only { model, trainedAt }.
    const index: Record<string, StoredModel> = {};
    for (const [uri, entry] of Object.entries(stored as Record<string, Partial<StoredModel>>)) {
      if (entry?.model) index[uri] = { trainedAt: entry.trainedAt ?? 0, inputSize: entry.model.inputSize, values: valueCount(entry.model.layers), model: entry.model };
      else if (typeof entry?.file === 'string' && typeof entry.inputSize === 'number') index[uri] = entry as StoredModel;
    }
    return index;
  }
}
