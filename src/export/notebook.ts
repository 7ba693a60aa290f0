// A small typed builder for Jupyter notebooks (nbformat 4.5): cells are added as data and the
// file is JSON.stringify of the result, so no cell can break the document's syntax whatever its
// text. nbformat 4.5 requires every cell to have an id (1 to 64 of [a-zA-Z0-9-_], unique in the
// notebook); the builder refuses any other, so a generated notebook always validates.

export interface NotebookMetadata {
  kernelspec: { name: string; display_name: string; language: string };
  language_info: { name: string };
  [key: string]: unknown;
}

interface CellBase {
  id: string;
  metadata: Record<string, unknown>;
  /** The text as nbformat stores it: lines, each but the last ending in "\n". */
  source: string[];
}

export interface MarkdownCell extends CellBase {
  cell_type: 'markdown';
}

export interface CodeCell extends CellBase {
  cell_type: 'code';
  execution_count: null;
  outputs: [];
}

export type NotebookCell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: NotebookMetadata;
  cells: NotebookCell[];
}

const CELL_ID = /^[a-zA-Z0-9-_]{1,64}$/;

export const PYTHON_METADATA: NotebookMetadata = {
  kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
  language_info: { name: 'python' },
};

export class NotebookBuilder {
  private readonly cells: NotebookCell[] = [];
  private readonly ids = new Set<string>();

  markdown(id: string, text: string): this {
    this.cells.push({ cell_type: 'markdown', id: this.claim(id), metadata: {}, source: sourceLines(text) });
    return this;
  }

  code(id: string, text: string): this {
    this.cells.push({ cell_type: 'code', id: this.claim(id), metadata: {}, execution_count: null, outputs: [], source: sourceLines(text) });
    return this;
  }

  build(metadata: NotebookMetadata = PYTHON_METADATA): Notebook {
    return { nbformat: 4, nbformat_minor: 5, metadata: structuredClone(metadata), cells: structuredClone(this.cells) };
  }

  private claim(id: string): string {
    if (!CELL_ID.test(id)) throw new RangeError(`cell id ${JSON.stringify(id)} is not 1 to 64 of [a-zA-Z0-9-_]`);
    if (this.ids.has(id)) throw new RangeError(`cell id ${JSON.stringify(id)} is used twice`);
    this.ids.add(id);
    return id;
  }
}

/** The file's text, indented by one space as Jupyter writes notebooks, with a final newline. */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

function sourceLines(text: string): string[] {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (trimmed === '') return [];
  const lines = trimmed.split('\n');
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line));
}

/**
 * Text from a user's file (a dataset or feature name) made literal in Markdown: every character
 * Markdown or HTML could read as syntax is backslash-escaped, and line breaks become spaces.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (char) => `\\${char}`);
}
