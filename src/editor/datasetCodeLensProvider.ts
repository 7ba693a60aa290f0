// "Predict" and "Explain" above every row, "Train Network" on the "rows" key. Lenses on or near the
// screen come titled; the others carry only ranges, and resolveCodeLens titles them when scrolled
// to. Past `maxCodeLenses` rows only the rows on screen or within half a screen of it get lenses.
import * as vscode from 'vscode';
import type { Dataset } from '../dataset';
import { sameLayout, type RowLayout } from '../dataset/rowLayout';
import type { PredictionModelKind } from './predictionModel';
import type { Services } from '../services';
import { isDatasetDocument } from './datasetDocuments';
import { COMMANDS } from '../commands/ids';

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
  /** What placed the last lenses: a layout carried across the edit, the parse of this version, or a wait for that parse. */
  lastPlacedBy: 'carried' | 'parse' | 'waited for parse' = 'parse';
  /** How often a parse disagreed with the lenses on screen and they were asked for again (tests read it). */
  correctionsAfterParse = 0;
  /** Per document: what its lenses were last placed by and titled from, to check against the next parse. */
  private readonly served = new Map<string, { version: number; layout: RowLayout; titles?: string }>();

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const started = performance.now();
    try {
      return await this.lensesFor(document, token);
    } finally {
      this.lastProvideMs = performance.now() - started;
    }
  }

  private async lensesFor(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const { documents } = this.services;
    // After an edit that cannot move a row the rows are where the last parse put them, shifted;
    // otherwise wait for the parse (in a worker for a large document) rather than place lenses by a stale one.
    const current = documents.layouts.current(document);
    let layout = current?.layout;
    this.lastPlacedBy = !current ? 'waited for parse' : current.parsed ? 'parse' : 'carried';
    if (!layout) {
      const parsed = await documents.parseCurrent(document);
      if (token.isCancellationRequested || parsed.version !== document.version) return [];
      layout = documents.layouts.of(parsed);
    }
    const key = document.uri.toString();
    this.served.set(key, { version: document.version, layout, titles: this.served.get(key)?.titles });
    const lenses: vscode.CodeLens[] = [];
    const rowsWithLenses = this.rowsWithLenses(document, layout);
    if (layout.rowsKey) {
      const range = rangeOf(document, layout.rowsKey.offset, layout.rowsKey.length);
      lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('▶ Train Network'), command: COMMANDS.train, arguments: [document.uri] }));
      if (rowsWithLenses.length < layout.rowOffsets.length) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('Predict/Explain shown near the visible rows only ({0} rows); Predict All covers every row', layout.rowOffsets.length.toLocaleString('en-US')),
            command: COMMANDS.predictAll,
            arguments: [document.uri],
          }),
        );
      }
    }
    // Lenses on screen get their titles now: each lens left to resolveCodeLens costs the workbench
    // another round trip to the extension host before it shows, behind whatever else it is doing.
    const onScreen = nearVisibleRange(document, TITLED_WITHIN_SCREENS);
    const model = rowsWithLenses.some((i) => onScreen(layout.rowOffsets[i])) ? this.titleModel(document) : undefined;
    for (const i of rowsWithLenses) {
      const range = rangeOf(document, layout.rowOffsets[i], 0);
      const row = layout.rowIndexes[i];
      const titled = model && onScreen(layout.rowOffsets[i]);
      for (const action of ['predict', 'explain'] as const) {
        const lens = new RowLens(range, document, row, action);
        if (titled) lens.command = commandFor(lens, model.kind);
        lenses.push(lens);
      }
    }
    return lenses;
  }

  /**
   * Titles need only whether there is a trained model that fits: no network is built per lens. They
   * come from the newest parse there is, without parsing an edited text again: checkAgainstParse
   * refreshes them once the parse of the edited text is in, if it says otherwise.
   */
  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (lens instanceof RowLens) lens.command = commandFor(lens, this.titleModel(lens.document).kind);
    return lens;
  }

  /** What the titles of a document's row lenses say, noted for checkAgainstParse. */
  private titleModel(document: vscode.TextDocument): { kind: PredictionModelKind | undefined } {
    const { documents } = this.services;
    const { dataset } = documents.latest(document) ?? documents.parse(document);
    const kind = this.modelFor(document.uri, dataset);
    const served = this.served.get(document.uri.toString());
    if (served) served.titles = JSON.stringify(kind ?? null);
    return { kind };
  }

  private modelFor(uri: vscode.Uri, dataset: Dataset | undefined): PredictionModelKind | undefined {
    return dataset && this.services.predictionModels.kindOf(uri.toString(), dataset);
  }

  /**
   * The parse of the document's current version is in. Lenses placed by a carried layout or titled
   * from an older parse are refreshed only if it disagrees: a row that became valid or invalid, a
   * model that no longer fits, a file that no longer reads. Most edits (a digit typed) change none.
   */
  checkAgainstParse(document: vscode.TextDocument): void {
    const served = this.served.get(document.uri.toString());
    const parsed = this.services.documents.latest(document);
    if (!served || !parsed || parsed.version !== document.version) return;
    const misplaced = served.version === document.version && !sameLayout(served.layout, this.services.documents.layouts.of(parsed));
    const mistitled = served.titles !== undefined && served.titles !== JSON.stringify(this.modelFor(document.uri, parsed.dataset) ?? null);
    if (misplaced || mistitled) {
      this.correctionsAfterParse++;
      this.changed.fire();
    }
  }

  private isLimited(document: vscode.TextDocument): boolean {
    const { documents } = this.services;
    const latest = documents.latest(document);
    const layout = documents.layouts.current(document)?.layout ?? (latest && documents.layouts.of(latest));
    return (layout?.rowOffsets.length ?? 0) > maxCodeLenses();
  }

  /** The positions in `layout` of the rows that get lenses. */
  private rowsWithLenses(document: vscode.TextDocument, layout: RowLayout): number[] {
    const count = layout.rowOffsets.length;
    const max = maxCodeLenses();
    if (count <= max) return Array.from({ length: count }, (_, i) => i);
    const onScreen = nearVisibleRange(document, LENSES_WITHIN_SCREENS);
    const chosen: number[] = [];
    for (let i = 0; i < count && chosen.length < max; i++) {
      if (onScreen(layout.rowOffsets[i])) chosen.push(i);
    }
    return chosen;
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

/**
 * Lenses within this many screens of the visible rows come titled: Page Up or Page Down lands on
 * titled lenses. A title costs no more than an untitled lens, which takes its line all the same.
 */
const TITLED_WITHIN_SCREENS = 1;
/**
 * Past maxCodeLenses rows, the rows within this many screens of the visible ones get lenses. Every
 * lens line is a view zone the workbench lays out again on each keystroke, before it answers anything
 * else, so fewer lines mean a faster answer after each edit: half a screen keeps 64 lenses in the
 * inhost bench's window where a whole screen kept 86, and the lens request after an edit of 10,000
 * rows came back sooner in three of four runs that measured both side by side. Page Down then lands
 * on a page whose upper half has its lenses; the rows below get theirs once scrolling stops.
 */
const LENSES_WITHIN_SCREENS = 0.5;

/** Whether an offset lies on screen or within `screens` screens above or below it. */
function nearVisibleRange(document: vscode.TextDocument, screens: number): (offset: number) => boolean {
  const visible = vscode.window.visibleTextEditors
    .filter((editor) => editor.document === document)
    .flatMap((editor) => editor.visibleRanges)
    .map((range) => {
      const margin = Math.ceil((range.end.line - range.start.line + 1) * screens);
      return { from: document.offsetAt(new vscode.Position(Math.max(0, range.start.line - margin), 0)),
               to: document.offsetAt(new vscode.Position(range.end.line + margin, 0)) };
    });
  return (offset) => visible.some(({ from, to }) => offset >= from && offset <= to);
}

function commandFor(lens: RowLens, model: PredictionModelKind | undefined): vscode.Command {
  const uri = lens.document.uri;
  if (!model || model.kind === 'mismatch') {
    const why = model ? vscode.l10n.t('the model was trained on {0} inputs, the rows now have {1}', model.expected, model.found) : vscode.l10n.t('the file has problems');
    return { title: vscode.l10n.t('Train first'), tooltip: vscode.l10n.t('Train the network again: {0}.', why), command: COMMANDS.train, arguments: [uri] };
  }
  if (lens.action === 'predict') {
    return {
      title: model.kind === 'random' ? vscode.l10n.t('Predict (untrained)') : vscode.l10n.t('Predict'),
      tooltip: vscode.l10n.t('Run the network on this row and show the prediction at its end'),
      command: COMMANDS.predictRow,
      arguments: [uri, lens.row],
    };
  }
  return {
    title: vscode.l10n.t('Explain'),
    tooltip: vscode.l10n.t('Show this row\'s forward and backward pass, value by value'),
    command: COMMANDS.explainRow,
    arguments: [uri, lens.row],
  };
}
