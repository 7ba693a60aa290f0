// The few things the desktop (Node) extension host and VS Code for the Web's extension host (a Web
// Worker: no Node, no worker_threads, no shared memory unless cross-origin isolated) do differently.
// The entry point picks the implementation (node/extension.ts or web/extension.ts); nothing else forks.

/** A worker seen from the extension host: the part of Node's Worker and the web's Worker both have. */
export interface WorkerHandle {
  postMessage(message: unknown): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: any) => void): () => void;
  /** Returns a function that removes the listener. */
  onError(listener: (error: Error) => void): () => void;
  /** The worker is gone: it exited, crashed, or was terminated. Fires once. */
  onExit(listener: () => void): void;
  terminate(): void;
}

/**
 * How the host asks a training worker to stop. Where memory can be shared the worker reads the flag
 * between chunks with no message having to get through; elsewhere the host also posts
 * `{ type: 'stop' }` and the worker yields between chunks to receive it.
 */
export interface StopFlag {
  /** What the start message carries; undefined where memory cannot be shared. */
  readonly shared?: SharedArrayBuffer;
  readonly isSet: boolean;
  set(): void;
}

export interface Platform {
  readonly kind: 'node' | 'web';
  startTrainingWorker(): WorkerHandle;
  startParseWorker(): WorkerHandle;
  createStopFlag(): StopFlag;
}

/** A stop flag in shared memory (Node, or a cross-origin-isolated page). */
export function sharedStopFlag(): StopFlag {
  const shared = new SharedArrayBuffer(4);
  const view = new Int32Array(shared);
  return {
    shared,
    get isSet() {
      return Atomics.load(view, 0) === 1;
    },
    set: () => Atomics.store(view, 0, 1),
  };
}

/** A flag only the host sees: the worker learns of the stop from a message. */
export function localStopFlag(): StopFlag {
  let isSet = false;
  return {
    get isSet() {
      return isSet;
    },
    set: () => {
      isSet = true;
    },
  };
}
