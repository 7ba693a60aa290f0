// The worst cases of "bounded by design", measured inside a real VS Code (the integration harness):
// 30 s of training each with the Training panel and the Error Chart view open. Loaded as
// `extensionTestsPath` by test/bench/bounds.bench.mjs; prints a report, fails only on errors.
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import type { LabApi } from '../../../src/api';

const SECONDS = Number(process.env.NNL_BOUNDS_SECONDS ?? 30);
const BUDGET = { p99Ms: 50, rssMb: 200 };

function wave(rows: number, inputs: number): string {
  const lines = Array.from({ length: rows }, (_, row) =>
    `    { "input": [${Array.from({ length: inputs }, (_, index) => Math.sin(row * 7 + index).toFixed(3)).join(', ')}], "target": ${row % 2} }`);
  return lines.join(',\n');
}

const CASES = [
  { name: 'worst case 1: 4 rows × 4,000 inputs, hiddenLayers [256 × 8], errorInterval 1', network: { hiddenLayers: [256, 256, 256, 256, 256, 256, 256, 256], iterations: 1e9, errorInterval: 1, seed: 1 }, rows: wave(4, 4000) },
  { name: 'worst case 2: 2 rows, errorInterval 1, 1e9 iterations', network: { iterations: 1e9, errorInterval: 1, seed: 2 }, rows: '    { "input": [1, 2], "target": 0 },\n    { "input": [3, 1], "target": 1 }' },
];

async function measure(api: LabApi, folder: string, entry: (typeof CASES)[number], index: number): Promise<string> {
  const file = path.join(folder, `bench-bounds-${index}.nn.json`);
  fs.writeFileSync(file, `{\n  "network": ${JSON.stringify(entry.network)},\n  "rows": [\n${entry.rows}\n  ]\n}\n`);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('neuralNetworkLab.showTrainingPanel');
  await vscode.commands.executeCommand('neuralNetworkLab.errorChart.focus');
  await vscode.window.showTextDocument(document, { preserveFocus: false });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  // The same host idle first: on a loaded machine its own p99 is the floor the run is compared with.
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  idle.disable();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const meter = api.measureMessages();
  delay.enable();
  const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const asked = performance.now();
  await vscode.commands.executeCommand('neuralNetworkLab.stop');
  const result = await api.waitForRun(runId);
  const stopMs = performance.now() - asked;
  delay.disable();
  clearInterval(sampler);
  const sent = meter.stop();
  const p99 = delay.percentile(99) / 1e6;
  const growth = (peakRss - startRss) / 1e6;
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  fs.rmSync(file);
  const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER');
  return (
    `  ${entry.name} (${SECONDS} s, ${result.iteration.toLocaleString('en-US')} iterations):\n` +
    `    host event-loop p99 ${p99.toFixed(1)} ms (max ${(delay.max / 1e6).toFixed(0)} ms; idle ${(idle.percentile(99) / 1e6).toFixed(1)} ms)   budget < ${BUDGET.p99Ms} ms: ${verdict(p99 < BUDGET.p99Ms)}\n` +
    `    extension-host RSS growth ${growth.toFixed(0)} MB (peak over the start)   budget < ${BUDGET.rssMb} MB: ${verdict(growth < BUDGET.rssMb)}\n` +
    `    progress to the views ${(sent.progressBytes / SECONDS / 1024).toFixed(0)} KiB/s per view (${sent.progressMessages} messages, ${(sent.progressMessages / SECONDS).toFixed(1)}/s); Stop took ${stopMs.toFixed(0)} ms`
  );
}

export async function run(): Promise<void> {
  const api = (await vscode.extensions.getExtension<LabApi>('neural-network-lab.neural-network-lab')!.activate()) as LabApi;
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const lines = ['bounds: the worst files the schema allows, Training panel and Error Chart view open'];
  for (const [index, entry] of CASES.entries()) lines.push(await measure(api, folder, entry, index));
  console.log(lines.join('\n'));
  console.log('RESULT: 1 passed, 0 failed');
}
