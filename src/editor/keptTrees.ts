// Each open small dataset's last parse with its tree, so the next parse reads again only the rows
// the edits since fell in (src/dataset/incremental.ts). The changes come from the document's
// change log, which every parse of the document restarts (here or in the parse worker).
import type * as vscode from 'vscode';
import { parseAfterChanges, parseKeepingTree, type KeptParse } from '../dataset/incremental';
import type { ParseDatasetResult } from '../dataset';
import type { ChangeLog } from './changeLog';

export class KeptTrees {
  private readonly kept = new Map<string, KeptParse>();

  constructor(private readonly changes: ChangeLog) {}

  /** How long the last parse took and whether it read only the edited rows (the bench and tests read it). */
  lastParse = { ms: 0, rowsOnly: false };

  /** The parse of `text`, the document's current text. */
  parse(document: vscode.TextDocument, text: string): ParseDatasetResult {
    const started = performance.now();
    const key = document.uri.toString();
    const kept = this.kept.get(key);
    const changes = this.changes.since(document);
    // Without a log that leads to this version (none kept, or too many changes), parse in full.
    const parse = kept && changes ? parseAfterChanges(kept, changes, text) : parseKeepingTree(text);
    this.kept.set(key, parse);
    this.changes.restart(document);
    this.lastParse = { ms: performance.now() - started, rowsOnly: parse.rowsOnly };
    return parse.result;
  }

  forget(document: vscode.TextDocument): void {
    this.kept.delete(document.uri.toString());
  }
}
