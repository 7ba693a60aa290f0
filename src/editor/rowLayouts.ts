// Each open dataset's row layout (src/dataset/rowLayout.ts) for its current version: from the parse
// of that version once there is one, and between an edit and that parse carried over from the last
// parse across edits that cannot move a row. Lenses then appear without waiting for a parse of the
// edited text (24–52 ms on the host's thread for 10,000 rows, seconds in a worker for 300,000).
import * as vscode from 'vscode';
import { applyChanges, layoutOf, type LaidOutText, type RowLayout } from '../dataset/rowLayout';
import type { Dataset } from '../dataset';
import { textChangesOf } from './changeLog';

interface Tracked extends LaidOutText {
  /** The document version `text` is. */
  version: number;
  /** From a parse of this version, not carried over. */
  parsed: boolean;
}

export class RowLayouts implements vscode.Disposable {
  /** Kept in step with every change event from the parse on, or dropped when a change may move a row. */
  private readonly tracked = new Map<string, Tracked>();
  private readonly fromParse = new WeakMap<object, RowLayout>();
  private readonly subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => this.changed(event)),
    vscode.workspace.onDidCloseTextDocument((document) => this.tracked.delete(document.uri.toString())),
  ];

  /** The layout of the document's current version, or undefined when only a parse can tell. */
  current(document: vscode.TextDocument): { layout: RowLayout; parsed: boolean } | undefined {
    const tracked = this.tracked.get(document.uri.toString());
    return tracked?.version === document.version ? tracked : undefined;
  }

  /** The layout a parse gives (the same object for the same parse). */
  of(parsed: { dataset?: Dataset }): RowLayout {
    let layout = this.fromParse.get(parsed);
    if (!layout) {
      layout = layoutOf(parsed.dataset);
      this.fromParse.set(parsed, layout);
    }
    return layout;
  }

  /** A parse of the document's current version is in: its layout replaces any carried one. */
  parsed(document: vscode.TextDocument, parsed: { version: number; dataset?: Dataset }, text: string): void {
    this.tracked.set(document.uri.toString(), { version: parsed.version, layout: this.of(parsed), text, parsed: true });
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const before = this.tracked.get(key);
    // An event without changes (the dirty flag only) leaves the text as it was; a parse of the new
    // version may already be in if another listener of this event asked for one.
    if (!before || event.contentChanges.length === 0 || before.version === event.document.version) return;
    const after = applyChanges(before, textChangesOf(event));
    if (after) this.tracked.set(key, { ...after, version: event.document.version, parsed: false });
    else this.tracked.delete(key);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.tracked.clear();
  }
}
