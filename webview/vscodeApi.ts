// The one handle on the host. acquireVsCodeApi() may be called only once per webview load,
// so everything goes through this module.
import type { WebviewMessage } from '../src/protocol';

/** What the webview remembers across reloads (VS Code keeps it while the view is hidden). */
export interface PersistedState {
  logScale?: boolean;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function loadState(): PersistedState {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as PersistedState) : {};
}

export function saveState(patch: Partial<PersistedState>): void {
  api.setState({ ...loadState(), ...patch });
}
