// One parse per document version, shared by lenses, diagnostics, decorations and training.
// Small documents parse synchronously (well under a millisecond per hundred rows); large ones
// parse in a worker thread, and until the answer comes readers get the previous parse.
import * as vscode from 'vscode';
import type { Dataset, Problem } from '../dataset';
import type { Platform, WorkerHandle } from '../platform/platform';
import { RowLayouts } from './rowLayouts';
import { KeptTrees } from './keptTrees';
import { ChangeLog } from './changeLog';
import { parseOf, type ParseAnswer, type ParseRequest } from './parseWorker';

export interface ParsedDataset {
  version: number;
  dataset?: Dataset;
  problems: Problem[];
}

/** Past this many characters (about 30,000 rows) a parse moves off the host's thread. */
export const LARGE_DOCUMENT_CHARS = 1_000_000;

export function isDatasetDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.toLowerCase().endsWith('.nn.json');
}

export function hasErrors(parsed: ParsedDataset): boolean {
  return parsed.problems.some((problem) => problem.severity === 'error');
}

interface Pending {
  version: number;
  done: Promise<ParsedDataset>;
}

export class DatasetDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, ParsedDataset>();
  /** Where each document's lenses go, known between an edit and its parse (see rowLayout.ts). */
  readonly layouts = new RowLayouts();
  /** The changes to each document since its last parse (on this thread or in the worker). */
  private readonly changes = new ChangeLog();
  /** Each small document's last parse tree, so an edit inside a row reads only that row again. */
  private readonly trees = new KeptTrees(this.changes);
  /** The documents whose last parse the worker keeps. */
  private readonly heldByWorker = new Set<string>();
  /** How long the last parse on the host's thread took, and whether it read only the edited rows. */
  get lastParse(): { ms: number; rowsOnly: boolean } {
    return this.trees.lastParse;
  }
  private readonly pending = new Map<string, Pending>();
  private readonly parsed = new vscode.EventEmitter<vscode.TextDocument>();
  /** A background parse finished: readers of a large document should read it again. */
  readonly onDidParseInBackground = this.parsed.event;
  private worker?: WorkerHandle;
  private nextRequest = 0;
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((document) => {
    this.cache.delete(document.uri.toString());
    this.pending.delete(document.uri.toString());
    this.trees.forget(document);
    this.forgetInWorker(document);
    this.changes.forget(document);
  });

  constructor(private readonly platform: Pick<Platform, 'startParseWorker'>) {}

  /** The parse of the current version, or for a large document possibly the previous one. */
  parse(document: vscode.TextDocument): ParsedDataset {
    const cached = this.latest(document);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    if (text.length < LARGE_DOCUMENT_CHARS) {
      this.forgetInWorker(document);
      const parsed = { version: document.version, ...this.trees.parse(document, text) };
      this.keep(document, parsed, text);
      return parsed;
    }
    this.trees.forget(document);
    void this.parseInBackground(document, text);
    return cached ?? { version: -1, problems: [] };
  }

  private forgetInWorker(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!this.heldByWorker.delete(key)) return;
    this.worker?.postMessage({ forget: key } satisfies ParseRequest);
  }

  /** The newest parse there is, of whichever version, without parsing (undefined: none yet). */
  latest(document: vscode.TextDocument): ParsedDataset | undefined {
    return this.cache.get(document.uri.toString());
  }

  /** Called only with the parse of the document's current version, and the text parsed. */
  private keep(document: vscode.TextDocument, parsed: ParsedDataset, text: string): void {
    this.cache.set(document.uri.toString(), parsed);
    this.layouts.parsed(document, parsed, text);
  }

  /** The parse of the current version, waiting for the worker if the document is large. */
  async parseCurrent(document: vscode.TextDocument): Promise<ParsedDataset> {
    const parsed = this.parse(document);
    return parsed.version === document.version ? parsed : this.parseInBackground(document);
  }

  private parseInBackground(document: vscode.TextDocument, knownText?: string): Promise<ParsedDataset> {
    const key = document.uri.toString();
    const pending = this.pending.get(key);
    if (pending && pending.version === document.version) return pending.done;
    const text = knownText ?? document.getText();
    const version = document.version;
    const id = this.nextRequest++;
    const worker = this.parseWorker();
    // The worker keeps its last parse of the document: the changes since are enough, and cheaper to send.
    const changes = this.heldByWorker.has(key) ? this.changes.since(document) : undefined;
    const request: ParseRequest = changes ? { id, key, changes, length: text.length } : { id, key, text };
    this.heldByWorker.add(key);
    this.changes.restart(document);
    const done = new Promise<ParsedDataset>((resolve, reject) => {
      const stopListening = worker.onMessage((answer: ParseAnswer) => {
        if (answer.id !== id) return;
        if ('needsText' in answer) {
          worker.postMessage({ id, key, text } satisfies ParseRequest);
          return;
        }
        stopListening();
        stopWatching();
        const parsed = { version, ...parseOf(answer) };
        if (this.pending.get(key)?.version === version) this.pending.delete(key);
        if (document.version === version) {
          this.keep(document, parsed, text);
          this.parsed.fire(document);
        }
        resolve(parsed);
      });
      const stopWatching = worker.onError(reject);
      worker.postMessage(request);
    });
    this.pending.set(key, { version, done });
    return done;
  }

  private parseWorker(): WorkerHandle {
    if (!this.worker) {
      const worker = this.platform.startParseWorker();
      worker.onExit(() => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.heldByWorker.clear();
      });
      this.worker = worker;
    }
    return this.worker;
  }

  dispose(): void {
    this.subscription.dispose();
    this.layouts.dispose();
    this.changes.dispose();
    this.parsed.dispose();
    this.worker?.terminate();
    this.cache.clear();
  }
}
