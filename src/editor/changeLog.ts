// The changes made to open documents since a chosen version, as the change events gave them, so a
// parse can be carried across them instead of redone (src/dataset/incremental.ts).
import * as vscode from 'vscode';
import type { TextChange } from '../dataset/rowLayout';

/** An event's content changes as offsets into the text before each of them. */
export function textChangesOf(event: vscode.TextDocumentChangeEvent): TextChange[] {
  return event.contentChanges.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text }));
}

/** Changes pile up only while nothing parses: past a few hundred a full parse is as quick. */
const MAX_LOGGED_CHANGES = 500;

export class ChangeLog implements vscode.Disposable {
  private readonly logs = new Map<string, { version: number; changes: TextChange[] }>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    const key = event.document.uri.toString();
    const log = this.logs.get(key);
    if (!log || event.contentChanges.length === 0) return;
    if (log.changes.length + event.contentChanges.length > MAX_LOGGED_CHANGES) {
      this.logs.delete(key);
      return;
    }
    log.changes.push(...textChangesOf(event));
    log.version = event.document.version;
  });

  /** Logs the document's changes from its current version on. */
  restart(document: vscode.TextDocument): void {
    this.logs.set(document.uri.toString(), { version: document.version, changes: [] });
  }

  /** The changes since `restart`, in order, if they lead to the document's current version. */
  since(document: vscode.TextDocument): readonly TextChange[] | undefined {
    const log = this.logs.get(document.uri.toString());
    return log?.version === document.version ? log.changes : undefined;
  }

  forget(document: vscode.TextDocument): void {
    this.logs.delete(document.uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.logs.clear();
  }
}
