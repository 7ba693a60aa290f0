// A worker seen from inside: how it receives and sends messages. Node's parentPort and a Web
// Worker's global scope both fit; the worker's entry file (platform/node or platform/web) picks one.
export interface WorkerPort {
  post(message: unknown): void;
  onMessage(listener: (message: any) => void): void;
}

/** Resolves after the event loop has run once, so messages that arrived meanwhile are delivered. */
export function nextTask(): Promise<void> {
  // A MessageChannel, not setTimeout: browsers clamp nested timeouts to 4 ms, a cost on every chunk.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // `onmessage` (which also starts the port) is common to the web's and Node's MessagePort.
    const receiver = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
    receiver.onmessage = () => {
      receiver.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
