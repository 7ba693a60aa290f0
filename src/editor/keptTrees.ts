// Each open small dataset's last parse with its tree, and the changes made to the text since, so the
// next parse reads again only the rows an edit fell in (src/dataset/incremental.ts).
import * as vscode from 'vscode';
import { parseAfterChanges, parseKeepingTree, type KeptParse } from '../dataset/incremental';
import type { TextChange } from '../dataset/rowLayout';
import type { ParseDatasetResult } from '../dataset';

const MAX_CARRIED_CHANGES = 500;

interface Kept {
  parse: KeptParse;
  /** The changes since `parse`, in the order the change events gave them. */
  changes: TextChange[];
  /** The document version those changes lead to. */
  version: number;
}

export class KeptTrees implements vscode.Disposable {
  private readonly kept = new Map<string, Kept>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    const kept = this.kept.get(event.document.uri.toString());
    if (!kept || event.contentChanges.length === 0) return;
    // Changes pile up only while nothing parses: past a few hundred a full parse is as quick.
    if (kept.changes.length > MAX_CARRIED_CHANGES) {
      this.kept.delete(event.document.uri.toString());
      return;
    }
    for (const change of event.contentChanges) kept.changes.push({ offset: change.rangeOffset, length: change.rangeLength, text: change.text });
    kept.version = event.document.version;
  });

  /** The parse of `text`, the document's current text. */
  parse(document: vscode.TextDocument, text: string): ParseDatasetResult {
    const key = document.uri.toString();
    const kept = this.kept.get(key);
    // A version the changes do not lead to (an event missed) is parsed in full; so is a text they do not make.
    const parse = kept && kept.version === document.version ? parseAfterChanges(kept.parse, kept.changes, text) : parseKeepingTree(text);
    this.kept.set(key, { parse, changes: [], version: document.version });
    return parse.result;
  }

  forget(document: vscode.TextDocument): void {
    this.kept.delete(document.uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.kept.clear();
  }
}
