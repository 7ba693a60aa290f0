// "Predict" and "Explain" above every row, "Train Network" on the "rows" key. Lenses carry only
// ranges when provided; their titles and commands are filled in resolveCodeLens, for the few on
// screen. Past `maxCodeLenses` rows only the rows near the visible range get lenses.
import * as vscode from 'vscode';
import type { DatasetRow } from '../dataset';
import type { Services } from '../services';
import { isDatasetDocument } from './datasetDocuments';
import { COMMANDS } from '../commands/ids';

/** Rows above and below the visible range that still get lenses in a large file. */
const VISIBLE_MARGIN_LINES = 100;

class RowLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly document: vscode.TextDocument,
    readonly row: number,
    readonly action: 'predict' | 'explain',
  ) {
    super(range);
  }
}

export class DatasetCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Pick<Services, 'documents' | 'models' | 'predictionModels'>) {
    let pending: ReturnType<typeof setTimeout> | undefined;
    this.subscriptions = [
      // Large files show lenses near the visible range only, so scrolling must refresh them.
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (!isDatasetDocument(event.textEditor.document) || !this.isLimited(event.textEditor.document)) return;
        clearTimeout(pending);
        pending = setTimeout(() => this.changed.fire(), 150);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('neuralNetworkLab.maxCodeLenses')) this.changed.fire();
      }),
    ];
  }

  /** Titles depend on the stored model: call after training or loading a model. */
  refresh(): void {
    this.changed.fire();
  }

  /** How long the last provideCodeLenses took inside the extension host (the benchmark reports it). */
  lastProvideMs = 0;

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const started = performance.now();
    try {
      return await this.lensesFor(document, token);
    } finally {
      this.lastProvideMs = performance.now() - started;
    }
  }

  private async lensesFor(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    // Large documents parse in a worker: wait for it rather than place lenses by a stale parse.
    const { dataset, version } = await this.services.documents.parseCurrent(document);
    if (!dataset || token.isCancellationRequested || version !== document.version) return [];
    const lenses: vscode.CodeLens[] = [];
    const rowsWithLenses = this.rowsWithLenses(document, dataset.rows);
    if (dataset.rowsKey) {
      const range = rangeOf(document, dataset.rowsKey.offset, dataset.rowsKey.length);
      lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('▶ Train Network'), command: COMMANDS.train, arguments: [document.uri] }));
      if (rowsWithLenses.length < dataset.rows.length) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('Predict/Explain shown near the visible rows only ({0} rows); Predict All covers every row', dataset.rows.length.toLocaleString('en-US')),
            command: COMMANDS.predictAll,
            arguments: [document.uri],
          }),
        );
      }
    }
    for (const row of rowsWithLenses) {
      const range = rangeOf(document, row.offset, 0);
      lenses.push(new RowLens(range, document, row.index, 'predict'), new RowLens(range, document, row.index, 'explain'));
    }
    return lenses;
  }

  /** Titles need only whether there is a trained model that fits: no network is built per lens. */
  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof RowLens)) return lens;
    const { dataset } = this.services.documents.parse(lens.document);
    const uri = lens.document.uri;
    const model = dataset && this.services.predictionModels.kindOf(uri.toString(), dataset);
    if (!model || model.kind === 'mismatch') {
      const why = model ? vscode.l10n.t('the model was trained on {0} inputs, the rows now have {1}', model.expected, model.found) : vscode.l10n.t('the file has problems');
      lens.command = { title: vscode.l10n.t('Train first'), tooltip: vscode.l10n.t('Train the network again: {0}.', why), command: COMMANDS.train, arguments: [uri] };
    } else if (lens.action === 'predict') {
      lens.command = {
        title: model.kind === 'random' ? vscode.l10n.t('Predict (untrained)') : vscode.l10n.t('Predict'),
        tooltip: vscode.l10n.t('Run the network on this row and show the prediction at its end'),
        command: COMMANDS.predictRow,
        arguments: [uri, lens.row],
      };
    } else {
      lens.command = {
        title: vscode.l10n.t('Explain'),
        tooltip: vscode.l10n.t('Show this row\'s forward and backward pass, value by value'),
        command: COMMANDS.explainRow,
        arguments: [uri, lens.row],
      };
    }
    return lens;
  }

  private isLimited(document: vscode.TextDocument): boolean {
    const rows = this.services.documents.parse(document).dataset?.rows.length ?? 0;
    return rows > maxCodeLenses();
  }

  private rowsWithLenses(document: vscode.TextDocument, rows: DatasetRow[]): DatasetRow[] {
    if (rows.length <= maxCodeLenses()) return rows;
    const visible = vscode.window.visibleTextEditors
      .filter((editor) => editor.document === document)
      .flatMap((editor) => editor.visibleRanges)
      .map((range) => ({ from: document.offsetAt(new vscode.Position(Math.max(0, range.start.line - VISIBLE_MARGIN_LINES), 0)),
                         to: document.offsetAt(new vscode.Position(range.end.line + VISIBLE_MARGIN_LINES, 0)) }));
    if (visible.length === 0) return [];
    return rows.filter((row) => visible.some(({ from, to }) => row.offset >= from && row.offset <= to)).slice(0, maxCodeLenses());
  }

  dispose(): void {
    this.changed.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}

function maxCodeLenses(): number {
  const value = vscode.workspace.getConfiguration('neuralNetworkLab').get<number>('maxCodeLenses', 2000);
  return Number.isInteger(value) && value >= 0 ? value : 2000;
}

function rangeOf(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}
