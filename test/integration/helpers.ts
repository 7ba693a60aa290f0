// Shared by the integration tests: the activated extension's API, and dataset files written into
// the test workspace (never into the extension's own media/).
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import type { LabApi } from '../../src/api';

export const EXTENSION_ID = 'neural-network-lab.neural-network-lab';

export async function activeApi(): Promise<LabApi> {
  const extension = vscode.extensions.getExtension<LabApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder');
  return folder.uri.fsPath;
}

let fileNumber = 0;
/** Writes a dataset into the workspace and opens it in an editor. */
export async function openDataset(content: unknown, name = `test-${process.pid}-${fileNumber++}.nn.json`): Promise<vscode.TextDocument> {
  const file = path.join(workspaceFolder(), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : datasetText(content as DatasetContent));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

interface DatasetContent {
  rows: { input: number[]; target?: number; split?: string }[];
  [key: string]: unknown;
}

/** One row per line, as the extension writes datasets. */
export function datasetText(content: DatasetContent): string {
  const { rows, ...rest } = content;
  const head = Object.entries(rest).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`).join('');
  return `{\n${head}  "rows": [\n${rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]\n}\n`;
}

export const TUTORIAL_INPUTS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
export const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];
export const tutorialRows = () => TUTORIAL_INPUTS.map((input, index) => ({ input, target: TUTORIAL_TARGETS[index] }));

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The lenses `ask` returns and the visible range the provider saw: asked again until the editor's
 * visible range is the same before and after (it shrinks once the editor draws lenses, each a line
 * high) and `until` holds for the lenses.
 */
export async function lensesForSteadyRange(
  editor: vscode.TextEditor,
  ask: () => Thenable<vscode.CodeLens[]>,
  until: (lenses: vscode.CodeLens[]) => boolean = () => true,
): Promise<{ lenses: vscode.CodeLens[]; visible: vscode.Range }> {
  let seen = { lenses: [] as vscode.CodeLens[], visible: editor.visibleRanges[0] };
  await waitFor('lenses for a visible range that stays put while they are asked for', async () => {
    const before = editor.visibleRanges[0];
    seen = { lenses: await ask(), visible: editor.visibleRanges[0] };
    return before.isEqual(seen.visible) && until(seen.lenses);
  });
  return seen;
}
