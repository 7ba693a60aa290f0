// One parse per document version, shared by lenses, diagnostics, decorations and training.
import * as vscode from 'vscode';
import { parseDataset, type Dataset, type Problem } from '../core';

export interface ParsedDataset {
  version: number;
  dataset?: Dataset;
  problems: Problem[];
}

export function isDatasetDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.toLowerCase().endsWith('.nn.json');
}

export function hasErrors(parsed: ParsedDataset): boolean {
  return parsed.problems.some((problem) => problem.severity === 'error');
}

export class DatasetDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, ParsedDataset>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));

  parse(document: vscode.TextDocument): ParsedDataset {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const parsed = { version: document.version, ...parseDataset(document.getText()) };
    this.cache.set(key, parsed);
    return parsed;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
