// Parses large dataset documents off the extension host's thread, so typing in a 20 MB file
// never waits for a parse. One request at a time per document; the host drops stale answers.
// The worker keeps the last parse of the few documents it parsed last, so the host can send the
// changes since instead of the whole text, and an edit inside a row reads only that row again.
// Runs in a worker thread (Node) or a Web Worker: the entry files in src/platform pass the port.
import { parseAfterChanges, parseKeepingTree, type KeptParse } from '../dataset/incremental';
import type { Dataset, ParseDatasetResult, Problem } from '../dataset';
import { packRows, withPackedRows, type PackedRows } from '../dataset/packedRows';
import { applyChange, type TextChange } from '../dataset/rowLayout';
import type { WorkerPort } from '../platform/workerPort';

export type ParseRequest =
  /** Parse `text` and keep the parse under `key` (a document's URI). */
  | { id: number; key: string; text: string }
  /** Parse what `changes` made of the text last parsed under `key`: `length` characters. */
  | { id: number; key: string; changes: readonly TextChange[]; length: number }
  /** The document is closed, or small enough for the host: drop its parse. */
  | { forget: string };

export type ParseAnswer =
  /** With `packedRows`, the dataset's rows are those (see packedRows.ts), not `dataset.rows`. */
  | { id: number; dataset?: Dataset; packedRows?: PackedRows; problems: Problem[]; rowsOnly: boolean }
  /** The worker holds no parse the changes apply to: send the text. */
  | { id: number; needsText: true };

/** Each kept parse holds a document's text and tree: a few 20 MB files at most. */
export const KEPT_DOCUMENTS = 2;

export function serveParsing(port: WorkerPort): void {
  // In the order last used, so the first is the one to drop.
  const kept = new Map<string, KeptParse>();
  port.onMessage((request: ParseRequest) => {
    if ('forget' in request) {
      kept.delete(request.forget);
      return;
    }
    const before = kept.get(request.key);
    kept.delete(request.key);
    let parse: KeptParse;
    if ('text' in request) parse = parseKeepingTree(request.text);
    else {
      const text = before && request.changes.reduce(applyChange, before.text);
      if (!before || text === undefined || text.length !== request.length) {
        port.post({ id: request.id, needsText: true } satisfies ParseAnswer);
        return;
      }
      parse = parseAfterChanges(before, request.changes, text);
    }
    kept.set(request.key, parse);
    for (const key of kept.keys()) if (kept.size > KEPT_DOCUMENTS) kept.delete(key);
    const { dataset, problems } = parse.result;
    const packedRows = dataset && packRows(dataset.rows, dataset.inputSize);
    const sent = packedRows ? { ...dataset, rows: [] } : dataset;
    port.post({ id: request.id, dataset: sent, packedRows, problems, rowsOnly: parse.rowsOnly } satisfies ParseAnswer);
  });
}

/** The parse an answer carries; its rows are unpacked when first read (withPackedRows). */
export function parseOf(answer: Extract<ParseAnswer, { problems: Problem[] }>): ParseDatasetResult {
  const { dataset, packedRows, problems } = answer;
  return { dataset: dataset && packedRows ? withPackedRows(dataset, packedRows) : dataset, problems };
}
