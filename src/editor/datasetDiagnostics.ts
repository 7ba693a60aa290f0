// Squiggles for every problem parseDataset finds, at the exact row or value, refreshed shortly
// after typing stops (so a keystroke never waits for a parse).
import * as vscode from 'vscode';
import type { Problem } from '../dataset';
import type { DatasetDocuments } from './datasetDocuments';
import { isDatasetDocument } from './datasetDocuments';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
const DEBOUNCE_MS = 50;
/**
 * Past LONG_PARSE_CHARS a full parse on the host's thread takes 10–50 ms (10,000 rows), time in which
 * the host answers nothing: no lenses for the edited text, no completion. An edit inside a row needs
 * only that row read again (about 1 ms, incremental.ts); any other edit still parses in full. Such a
 * document waits a little longer after a keystroke, so those requests (answered without a parse, see
 * rowLayouts.ts) go first; the parse still lands within the 200 ms diagnostics budget
 * (`npm run bench -- inhost`).
 */
const LONG_PARSE_CHARS = 100_000;
const LONG_PARSE_DEBOUNCE_MS = 100;

export class DatasetDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('neuralNetworkLab');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly documents: DatasetDocuments, private readonly onParsed: (document: vscode.TextDocument) => void) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, debounceFor(event.document))),
      vscode.workspace.onDidCloseTextDocument((document) => {
        clearTimeout(this.timers.get(document.uri.toString()));
        this.collection.delete(document.uri);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isDatasetDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.update(document);
      }, delay),
    );
  }

  /** Parses (off the host's thread for large documents) and publishes the problems. */
  async update(document: vscode.TextDocument): Promise<void> {
    const parsed = await this.documents.parseCurrent(document);
    if (document.isClosed || parsed.version !== document.version) return;
    const diagnostics = parsed.problems.map((problem) => toDiagnostic(document, problem));
    this.collection.set(document.uri, diagnostics);
    this.onParsed(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function debounceFor(document: vscode.TextDocument): number {
  const chars = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return chars < LONG_PARSE_CHARS ? DEBOUNCE_MS : LONG_PARSE_DEBOUNCE_MS;
}

function toDiagnostic(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
  const start = document.positionAt(problem.offset);
  const end = document.positionAt(problem.offset + Math.max(problem.length, 1));
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, severity);
  diagnostic.source = 'Neural Network Lab';
  return diagnostic;
}
