// Inside a Web Worker: the port to the extension host is the worker's global scope.
import type { WorkerPort } from '../workerPort';

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

export const webWorkerPort: WorkerPort = {
  post: (message) => scope.postMessage(message),
  onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
};
