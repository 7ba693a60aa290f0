// VS Code for the Web: the extension host is itself a Web Worker, installed from a remote or a
// gallery origin, so `new Worker(url)` on the extension's own script is refused ("Creating workers
// from remote extensions is currently not supported", microsoft/vscode#144235). The worker bundles
// are inlined into this one as text at build time and started from Blob URLs instead.
import trainingWorkerSource from 'worker-source:training';
import parseWorkerSource from 'worker-source:parse';
import { localStopFlag, sharedStopFlag, type Platform, type WorkerHandle } from '../platform';

/** The slice of the DOM's Worker used here (the extension is type-checked without the DOM library). */
interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;
const scope = globalThis as unknown as { Worker: WebWorkerConstructor; crossOriginIsolated?: boolean };

export function webPlatform(): Platform {
  const urls = new Map<string, string>();
  /** One Blob URL per worker kind, kept for the extension's lifetime (each run starts a new worker from it). */
  const urlOf = (name: string, source: string) => {
    let url = urls.get(name);
    if (!url) urls.set(name, (url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))));
    return url;
  };
  return {
    kind: 'web',
    startTrainingWorker: () => webWorker(urlOf('training', trainingWorkerSource), 'Neural Network Lab training'),
    startParseWorker: () => webWorker(urlOf('parse', parseWorkerSource), 'Neural Network Lab parser'),
    // SharedArrayBuffer can be posted only from a cross-origin-isolated page; vscode.dev and code-server are not.
    createStopFlag: () => (scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? sharedStopFlag() : localStopFlag()),
  };
}

function webWorker(url: string, name: string): WorkerHandle {
  const worker = new scope.Worker(url, { name });
  const exitListeners: (() => void)[] = [];
  let exited = false;
  const exit = () => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener();
  };
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage(listener) {
      const handler = (event: { data: unknown }) => listener(event.data);
      worker.addEventListener('message', handler);
      return () => worker.removeEventListener('message', handler);
    },
    onError(listener) {
      const handler = (event: { message?: string; preventDefault(): void }) => {
        event.preventDefault();
        listener(new Error(event.message || 'the worker failed to start'));
      };
      worker.addEventListener('error', handler);
      return () => worker.removeEventListener('error', handler);
    },
    onExit: (listener) => void exitListeners.push(listener),
    // A Web Worker has no exit event: the only way it ends is being terminated, so say so here.
    terminate: () => {
      worker.terminate();
      exit();
    },
  };
}
