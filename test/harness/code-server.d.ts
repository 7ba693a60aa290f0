// Types for code-server.js (plain CommonJS so that scripts and the test-electron shim can use it uncompiled).
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ROOT: string;
export const TOOLS: string;
export const NODE24: string;
export const CODE_SERVER_ENTRY: string;
export const CHROMIUM: string;
export const USER_SETTINGS: Record<string, unknown>;

export interface CodeServer {
  origin: string;
  port: number;
  pid: number;
  stateDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** resolves when the server process exits (by itself or through stop()) */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace?: string;
  stateDir?: string;
  extensionsDir?: string;
  userDataDir?: string;
  smokeTestDriver?: boolean;
  port?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  preserveSettings?: boolean;
  echo?: boolean;
  /** Workspace trust on (default off): folders open in Restricted Mode, without a prompt. */
  workspaceTrust?: boolean;
}

export interface Dirs { userDataDir: string; extensionsDir: string; stateDir?: string }

export function startCodeServer(o?: StartOptions): Promise<CodeServer>;
export function codeServerCli(args: string[], dirs: Dirs): string;
export function installExtension(vsix: string, dirs: Dirs): string;
export function listExtensions(dirs: Dirs): string[];
export function launchBrowser(o?: { profileDir?: string; viewport?: { width: number; height: number } }):
  Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;
export function launchSharedBrowser(o?: { viewport?: { width: number; height: number } }):
  Promise<{ browser: Browser; newContext(): Promise<BrowserContext>; close(): Promise<void> }>;
export function workbenchUrl(origin: string, folder?: string, payload?: [string, string][]): string;
export function makeWorkspace(o?: { files?: Record<string, string | Buffer | object>; datasets?: boolean; prefix?: string }): string;
export function copyDatasets(dest: string): number;
export function findFreePort(start?: number): Promise<number>;
export function makeTempDir(prefix?: string): string;
