// Parses large dataset documents off the extension host's thread, so typing in a 20 MB file
// never waits for a parse. One request at a time per document; the host drops stale answers.
// Runs in a worker thread (Node) or a Web Worker: the entry files in src/platform pass the port.
import { parseDataset } from '../dataset';
import type { WorkerPort } from '../platform/workerPort';

export interface ParseRequest {
  id: number;
  text: string;
}

export function serveParsing(port: WorkerPort): void {
  port.onMessage((request: ParseRequest) => {
    port.post({ id: request.id, ...parseDataset(request.text) });
  });
}
