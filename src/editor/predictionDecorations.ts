// Predictions shown at the end of their rows. They follow their rows through edits and vanish
// when a row's input changes, since the old answer no longer belongs to it.
import * as vscode from 'vscode';
import type { Dataset, DatasetRow } from '../dataset';

interface ShownPrediction {
  inputKey: string;
  text: string;
}

export class PredictionDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** document URI → row index → prediction */
  private readonly shown = new Map<string, Map<number, ShownPrediction>>();

  show(document: vscode.TextDocument, dataset: Dataset, predictions: { row: DatasetRow; text: string }[]): void {
    const rows = this.shown.get(document.uri.toString()) ?? new Map<number, ShownPrediction>();
    for (const { row, text } of predictions) rows.set(row.index, { inputKey: row.input.join(','), text });
    this.shown.set(document.uri.toString(), rows);
    this.apply(document, dataset);
  }

  /** Re-places (or drops) the predictions after the document changed. */
  refresh(document: vscode.TextDocument, dataset: Dataset | undefined): void {
    const rows = this.shown.get(document.uri.toString());
    if (!rows) return;
    const current = new Map(dataset?.rows.map((row) => [row.index, row]));
    for (const [index, prediction] of rows) {
      if (current.get(index)?.input.join(',') !== prediction.inputKey) rows.delete(index);
    }
    if (dataset) this.apply(document, dataset);
  }

  clear(document: vscode.TextDocument): void {
    this.shown.delete(document.uri.toString());
    for (const editor of this.editorsOf(document)) editor.setDecorations(this.type, []);
  }

  /** The rows of a document that show a prediction. */
  rowsShown(documentUri: string): number[] {
    return [...(this.shown.get(documentUri)?.keys() ?? [])];
  }

  /** Drops a document's predictions without an editor to clear (it was closed). */
  forget(documentUri: string): void {
    this.shown.delete(documentUri);
  }

  /** The text shown after a row, for tests and for hovers. */
  textFor(document: vscode.TextDocument, row: number): string | undefined {
    return this.shown.get(document.uri.toString())?.get(row)?.text;
  }

  private apply(document: vscode.TextDocument, dataset: Dataset): void {
    const shown = this.shown.get(document.uri.toString()) ?? new Map<number, ShownPrediction>();
    const decorations: vscode.DecorationOptions[] = [];
    for (const row of dataset.rows) {
      const prediction = shown.get(row.index);
      if (!prediction) continue;
      const end = document.positionAt(row.offset + row.length);
      const line = document.lineAt(end.line);
      decorations.push({ range: new vscode.Range(line.range.end, line.range.end), renderOptions: { after: { contentText: prediction.text } } });
    }
    for (const editor of this.editorsOf(document)) editor.setDecorations(this.type, decorations);
  }

  private editorsOf(document: vscode.TextDocument): readonly vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => editor.document === document);
  }

  /** An editor that becomes visible again needs its decorations re-applied. */
  reapply(editor: vscode.TextEditor, dataset: Dataset | undefined): void {
    if (dataset && this.shown.has(editor.document.uri.toString())) this.apply(editor.document, dataset);
  }

  dispose(): void {
    this.type.dispose();
    this.shown.clear();
  }
}
