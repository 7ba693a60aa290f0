// Hovers and completion inside the rows of a dataset, from the row's description in
// media/dataset.schema.json (definitions.row, the one source of these texts).
//
// Why not leave them to VS Code's JSON service: a schema for the rows' items makes that service
// walk every row on every edit, to validate (nothing: the rows are described, not constrained) and
// to look for colours (none). On a 10,000-row file that is ~30 + ~160 ms of its CPU per edit, which
// the lenses wait behind (`npm run bench -- inhost`). So the schema's "rows" has no "items"; this
// module answers for the row under the cursor only, and the extension's diagnostics check every row.
import * as vscode from 'vscode';
import { getLocation, type Location } from 'jsonc-parser';
import { LARGE_DOCUMENT_CHARS, type DatasetDocuments } from './datasetDocuments';

/** Where a position is in the rows: path ["rows", index, …], and whether on a property key. */
type RowLocation = Pick<Location, 'path' | 'isAtPropertyKey'>;

interface RowSchema {
  properties: Record<string, { markdownDescription?: string; description?: string; examples?: string[] }>;
  defaultSnippets: { label: string; description?: string; body: unknown }[];
}

export class RowSchemaHelp implements vscode.HoverProvider, vscode.CompletionItemProvider {
  private schema?: Promise<RowSchema>;

  constructor(private readonly extensionUri: vscode.Uri, private readonly documents: Pick<DatasetDocuments, 'parseCurrent'>) {}

  /** Read on the first hover or completion, so activation pays nothing. */
  private rowSchema(): Promise<RowSchema> {
    this.schema ??= (async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'media', 'dataset.schema.json'));
      return (JSON.parse(new TextDecoder().decode(bytes)) as { definitions: { row: RowSchema } }).definitions.row;
    })();
    return this.schema;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const location = await this.rowLocation(document, position);
    const key = location?.path[2];
    if (!location || location.path.length !== 3 || typeof key !== 'string') return undefined;
    // On the key or its value, as the JSON service's hover was.
    const property = (await this.rowSchema()).properties[key];
    if (!property) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(property.markdownDescription ?? property.description ?? ''), quotedRange(document, position));
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const location = await this.rowLocation(document, position);
    if (!location) return [];
    const schema = await this.rowSchema();
    // Between rows: the row snippets.
    if (location.path.length === 2 && !location.isAtPropertyKey && !insideObject(document, position)) {
      return schema.defaultSnippets.map((snippet) => {
        const item = new vscode.CompletionItem(snippet.label, vscode.CompletionItemKind.Snippet);
        item.detail = snippet.description;
        item.insertText = new vscode.SnippetString(snippetText(snippet.body));
        return item;
      });
    }
    // A key of a row: those the row does not have yet.
    if (location.isAtPropertyKey && location.path.length === 3) {
      const present = new Set(presentKeys(document, position));
      return Object.entries(schema.properties)
        .filter(([key]) => !present.has(key))
        .map(([key, property]) => {
          const item = new vscode.CompletionItem(`"${key}"`, vscode.CompletionItemKind.Property);
          item.documentation = new vscode.MarkdownString(property.markdownDescription ?? property.description ?? '');
          item.insertText = new vscode.SnippetString(`"${key}": $1`);
          item.range = quotedRange(document, position);
          return item;
        });
    }
    // The value of "split": its examples.
    if (location.path.length === 3 && location.path[2] === 'split' && !location.isAtPropertyKey) {
      return (schema.properties.split?.examples ?? []).map((value) => {
        const item = new vscode.CompletionItem(`"${value}"`, vscode.CompletionItemKind.Value);
        item.insertText = `"${value}"`;
        item.range = quotedRange(document, position);
        return item;
      });
    }
    return [];
  }

  /**
   * The JSON location when it is inside "rows" (path ["rows", index, …]). getLocation reads the text
   * from its start, ~60 ms a megabyte on the host's thread at every hover and every `"` typed: a
   * large document is located within the parsed row around the position instead (its valid rows
   * only, the parse being shared with the lenses), as much text as one row.
   */
  private async rowLocation(document: vscode.TextDocument, position: vscode.Position): Promise<RowLocation | undefined> {
    const offset = document.offsetAt(position);
    // The length without getText(), which joins every line.
    if (document.offsetAt(document.lineAt(document.lineCount - 1).range.end) < LARGE_DOCUMENT_CHARS) {
      const location = getLocation(document.getText(), offset);
      return location.path[0] === 'rows' && typeof location.path[1] === 'number' ? location : undefined;
    }
    const { dataset, version } = await this.documents.parseCurrent(document);
    const rows = dataset && version === document.version ? dataset.rows : [];
    if (rows.length === 0 || offset < rows[0].offset || offset > rows[rows.length - 1].offset + rows[rows.length - 1].length) return undefined;
    const next = firstRowEndingAtOrAfter(rows, offset);
    const row = rows[next];
    // Between two rows: as getLocation says there, the next element of the array.
    if (offset < row.offset) return { path: ['rows', row.index], isAtPropertyKey: false };
    const text = document.getText(new vscode.Range(document.positionAt(row.offset), document.positionAt(row.offset + row.length)));
    const inRow = getLocation(text, offset - row.offset);
    return { path: ['rows', row.index, ...inRow.path], isAtPropertyKey: inRow.isAtPropertyKey };
  }
}

/** The first of the rows (in file order) whose text ends at or after the offset, by bisection. */
function firstRowEndingAtOrAfter(rows: readonly { offset: number; length: number }[], offset: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle].offset + rows[middle].length < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether the nearest unclosed bracket before the position is a `{` (inside a row's object). */
function insideObject(document: vscode.TextDocument, position: vscode.Position): boolean {
  const before = document.getText(new vscode.Range(new vscode.Position(Math.max(0, position.line - 20), 0), position));
  let depth = 0;
  for (let index = before.length - 1; index >= 0; index--) {
    const char = before[index];
    if (char === '}' || char === ']') depth++;
    else if (char === '{' || char === '[') {
      if (depth === 0) return char === '{';
      depth--;
    }
  }
  return false;
}

/** The keys written on the row's line (rows are one per line; enough to not offer a key twice). */
function presentKeys(document: vscode.TextDocument, position: vscode.Position): string[] {
  return [...document.lineAt(position.line).text.matchAll(/"(\w+)"\s*:/g)].map((match) => match[1]);
}

/** The word or quoted text being typed at the position, so a completion replaces its quotes too. */
function quotedRange(document: vscode.TextDocument, position: vscode.Position): vscode.Range {
  return document.getWordRangeAtPosition(position, /"[^"\n]*"?|[\w]+/) ?? new vscode.Range(position, position);
}

/** The schema's snippet body (JSON with "^${1:3}" for raw numbers) as snippet text on one line. */
function snippetText(body: unknown): string {
  return JSON.stringify(body, null, 1).replace(/\s*\n\s*/g, ' ').replace(/"\^(\$\{[^}]*\})"/g, '$1');
}

export function registerRowSchemaHelp(extensionUri: vscode.Uri, documents: Pick<DatasetDocuments, 'parseCurrent'>, selector: vscode.DocumentSelector): vscode.Disposable[] {
  const help = new RowSchemaHelp(extensionUri, documents);
  return [vscode.languages.registerHoverProvider(selector, help), vscode.languages.registerCompletionItemProvider(selector, help, '"', ':')];
}
