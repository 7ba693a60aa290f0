// Parses large dataset documents off the extension host's thread, so typing in a 20 MB file
// never waits for a parse. One request at a time per document; the host drops stale answers.
import { parentPort } from 'node:worker_threads';
import { parseDataset } from '../core';

export interface ParseRequest {
  id: number;
  text: string;
}

parentPort?.on('message', (request: ParseRequest) => {
  parentPort?.postMessage({ id: request.id, ...parseDataset(request.text) });
});
