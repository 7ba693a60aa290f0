// Latency budgets measured inside a real VS Code (the same harness as the integration tests):
// activation, lenses and diagnostics after an edit on a 10,000-row file, and a 20 MB file.
// Loaded as `extensionTestsPath` by scripts/bench.mjs; prints a report, fails only on errors.
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import type { LabApi } from '../../../src/api';

/** Lenses wait for the workbench's own work on a JSON file, so their budget is over the same edit
 *  and lens request on the text as a plain .json file, measured in the same run. */
const BUDGET_MS = { activation: 30, lensesOverPlainJson: 50, diagnosticsAfterEdit: 200 };

/**
 * The wait between opening a file and editing it. The workbench answers an opened 10,000-line JSON
 * file (folding, symbols, the JSON service's validation) for up to about a second: after 500 ms, edits
 * of the same plain .json text ranged 36-305 ms; after 1,500 ms, 50-90 ms bar the first.
 */
const SETTLE_MS = 1500;
const MAIN_REPETITIONS = 15;
const BREAKDOWN_REPETITIONS = 7;

/** Any lens provider's share: one that returns a single lens at once, on the plain .json text. */
const ONE_LENS_PROVIDER_FILES = '**/bench-one-lens-*.json';

function datasetText(rows: number): string {
  const lines: string[] = [];
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let row = 0; row < rows; row++) {
    lines.push(`    { "input": [${(next() * 10).toFixed(4)}, ${(next() * 10).toFixed(4)}], "target": ${next() > 0.5 ? 1 : 0} }`);
  }
  return `{\n  "features": ["x1", "x2"],\n  "rows": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

async function timeUntil(probe: () => boolean | Promise<boolean>, timeoutMs = 60000): Promise<number> {
  const started = performance.now();
  while (!(await probe())) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - started;
}

const lensCount = async (uri: vscode.Uri) =>
  (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 50)).length;

/** Opens the text under `name`, waits until it is settled, edits one row, and times what follows. */
async function measureEdit(api: LabApi, rows: number, folder: string, name: string) {
  const file = path.join(folder, name);
  fs.writeFileSync(file, datasetText(rows));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  const isDataset = name.endsWith('.nn.json');
  if (isDataset) await timeUntil(async () => (await lensCount(document.uri)) > 0);
  else await lensCount(document.uri);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  // The edit: break one row in the middle, as a learner's typo would.
  const line = Math.floor(document.lineCount / 2);
  const at = document.lineAt(line).text.indexOf('"target": ') + '"target": '.length;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const edited = performance.now();
  await editor.edit((edit) => edit.replace(new vscode.Range(line, at, line, at + 1), '7'));
  const editMs = performance.now() - edited;
  // Lenses and diagnostics are waited for side by side, each timed from the edit.
  const [lensResult, diagnosticsMs] = await Promise.all([
    lensCount(document.uri).then((count) => ({ count, ms: performance.now() - edited })),
    isDataset
      ? timeUntil(() => vscode.languages.getDiagnostics(document.uri).some((d) => /outside \[0, 1\]/.test(d.message))).then(() => performance.now() - edited)
      : Promise.resolve(0),
  ]);
  delay.disable();
  const provideMs = api.lensProvideMs();
  const afterEdit = api.lastParse();
  const parseStarted = performance.now();
  await api.parseForBenchmark(document);
  const parseMs = performance.now() - parseStarted;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  fs.rmSync(file);
  return {
    rows, chars: document.getText().length, lenses: lensResult.count, lensesMs: lensResult.ms, provideMs, editMs, parseMs, diagnosticsMs, p99: delay.percentile(99) / 1e6,
    parseAfterEditMs: afterEdit.ms, rowsOnly: afterEdit.rowsOnly ? 1 : 0, longestStall: delay.max / 1e6,
  };
}

type Measured = Awaited<ReturnType<typeof measureEdit>>;

/** Each figure's median over the repetitions. */
function medians(runs: Measured[]): Measured {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const keys = Object.keys(runs[0]) as (keyof Measured)[];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as Measured;
}

export async function run(): Promise<void> {
  const api = (await vscode.extensions.getExtension<LabApi>('neural-network-lab.neural-network-lab')!.activate()) as LabApi;
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  vscode.languages.registerCodeLensProvider({ pattern: ONE_LENS_PROVIDER_FILES }, {
    provideCodeLenses: () => [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'one lens', command: '' })],
  });
  const lines = ['in VS Code (extension host):'];
  const activation = api.activationMs;
  lines.push(`  activation (activate() start to return): ${activation.toFixed(2)} ms   budget < ${BUDGET_MS.activation} ms: ${activation < BUDGET_MS.activation ? 'OK' : 'OVER'}`);
  let breakdown: string[] = [];
  for (const rows of [10_000, 300_000]) {
    // The breakdown runs before the 14 MB file: its first case, measured right after that file
    // closed, came out 33 and 87 ms above the same measurement in the main section in two of three runs.
    if (rows > 10_000) breakdown = await lensBreakdown(api, folder);
    // The same text as a plain .json file: what the workbench itself takes for the edit and a lens
    // request. Alternated with the dataset fifteen times (medians): either one varies by 100+ ms from
    // one edit to the next, with the workbench's own JSON work after each edit (folding, symbols), and
    // with nine the medians of the same two series still differed by up to 40 ms from run to run.
    const baselines: Measured[] = [];
    const oneLens: Measured[] = [];
    const results: Measured[] = [];
    for (let repetition = 0; repetition < (rows <= 10_000 ? MAIN_REPETITIONS : 1); repetition++) {
      baselines.push(await measureEdit(api, rows, folder, `bench-${rows}-${repetition}.json`));
      oneLens.push(await measureEdit(api, rows, folder, `bench-one-lens-${rows}-${repetition}.json`));
      results.push(await measureEdit(api, rows, folder, `bench-${rows}-${repetition}.nn.json`));
    }
    const baseline = medians(baselines);
    const oneLensProvider = medians(oneLens);
    const result = medians(results);
    // The same again with VS Code's JSON language service not validating (our schema is validated there).
    const json = vscode.workspace.getConfiguration('json');
    await json.update('validate.enable', false, vscode.ConfigurationTarget.Global);
    const unvalidated = await measureEdit(api, rows, folder, `bench-${rows}-unvalidated.nn.json`);
    await json.update('validate.enable', undefined, vscode.ConfigurationTarget.Global);
    const size = `${(result.chars / 1e6).toFixed(1)} MB`;
    const verdict = (ms: number, budget: number) => (ms < budget ? 'OK' : 'OVER');
    const lensBudget = baseline.lensesMs + BUDGET_MS.lensesOverPlainJson;
    const budget = rows <= 10_000
      ? ` budgets: diagnostics < ${BUDGET_MS.diagnosticsAfterEdit} ms ${verdict(result.diagnosticsMs, BUDGET_MS.diagnosticsAfterEdit)}, ` +
        `lenses < plain .json + ${BUDGET_MS.lensesOverPlainJson} ms = ${lensBudget.toFixed(0)} ms ${verdict(result.lensesMs, lensBudget)}`
      : ' (no budget: parsed in a worker)';
    lines.push(
      `  ${rows.toLocaleString('en-US')} rows (${size}), one edit → lenses ${result.lensesMs.toFixed(0)} ms (${result.lenses} lenses), ` +
        `diagnostics ${result.diagnosticsMs.toFixed(0)} ms, host event-loop p99 ${result.p99.toFixed(1)} ms, longest stall ${result.longestStall.toFixed(0)} ms;${budget}\n` +
        `    (of which the edit round trip ${result.editMs.toFixed(0)} ms, the lens provider in the extension host ${result.provideMs.toFixed(0)} ms; one full parse of the edited text ${result.parseMs.toFixed(0)} ms;\n` +
        (rows <= 10_000 ? `     the diagnostics' parse after the edit on the host's thread ${result.parseAfterEditMs.toFixed(1)} ms (${result.rowsOnly ? 'only the edited row read again' : 'in full'});\n` : '') +
        `     the same edit and lens request on the text as a plain .json file, without the extension's features: ${baseline.lensesMs.toFixed(0)} ms;\n` +
        `     the same on plain .json with a lens provider that returns one lens at once (any provider's round trip): ${oneLensProvider.lensesMs.toFixed(0)} ms;\n` +
        `     with VS Code's JSON schema validation off: lenses ${unvalidated.lensesMs.toFixed(0)} ms, diagnostics ${unvalidated.diagnosticsMs.toFixed(0)} ms)`,
    );
  }
  lines.push(...breakdown);
  console.log(lines.join('\n'));
  console.log('RESULT: 1 passed, 0 failed');
}

/** Runs `body` with these user settings, then restores them. */
async function withSettings<T>(settings: Record<string, unknown>, body: () => Promise<T>): Promise<T> {
  const update = async (values: (key: string) => unknown) => {
    for (const key of Object.keys(settings)) {
      const dot = key.lastIndexOf('.');
      await vscode.workspace.getConfiguration(key.slice(0, dot)).update(key.slice(dot + 1), values(key), vscode.ConfigurationTarget.Global);
    }
  };
  await update((key) => settings[key]);
  try {
    return await body();
  } finally {
    await update(() => undefined);
  }
}

/**
 * Where the lens time on a 10,000-row dataset goes beyond the plain .json baseline: each line turns
 * one thing off (or, for the schema, adds it to the plain .json file) and is measured alternately
 * with the plain .json baseline under the same settings (medians of BREAKDOWN_REPETITIONS). Both
 * files are language "json", so VS Code's folding, document symbols, colour decorators and the
 * outline run on both alike.
 */
async function lensBreakdown(api: LabApi, folder: string): Promise<string[]> {
  const extension = vscode.extensions.getExtension('neural-network-lab.neural-network-lab')!;
  const schema = vscode.Uri.file(path.join(extension.extensionPath, 'media', 'dataset.schema.json')).toString();
  const cases: { label: string; settings: Record<string, unknown>; plainName?: string }[] = [
    { label: 'as shipped', settings: {} },
    { label: "the editor's own lens fetch and rendering off (editor.codeLens false)", settings: { 'editor.codeLens': false } },
    { label: 'row lenses off (maxCodeLenses 0: the Train lens and its note only)', settings: { 'neuralNetworkLab.maxCodeLenses': 0 } },
    { label: "VS Code's JSON validation off (json.validate.enable false)", settings: { 'json.validate.enable': false } },
    { label: 'JSON folding, symbols, colours off (editor.folding, breadcrumbs, outline, json.colorDecorators)', settings: { 'editor.folding': false, 'breadcrumbs.enabled': false, 'json.colorDecorators.enable': false, 'editor.stickyScroll.enabled': false } },
    {
      label: 'all of the above off',
      settings: { 'editor.codeLens': false, 'neuralNetworkLab.maxCodeLenses': 0, 'json.validate.enable': false, 'editor.folding': false, 'breadcrumbs.enabled': false, 'json.colorDecorators.enable': false, 'editor.stickyScroll.enabled': false },
    },
    // Our schema on the plain .json file (no extension features there): what validating against it costs.
    { label: 'plain .json with the dataset schema (json.schemas), against plain .json', settings: { 'json.schemas': [{ fileMatch: ['bench-schema-*.json'], url: schema }] }, plainName: 'bench-schema' },
  ];
  const lines = [`  lens latency breakdown, 10,000 rows, medians of ${BREAKDOWN_REPETITIONS} (each against plain .json under the same settings):`];
  for (const { label, settings, plainName } of cases) {
    const { baseline, result } = await withSettings(settings, async () => {
      const baselines: Measured[] = [];
      const results: Measured[] = [];
      for (let repetition = 0; repetition < BREAKDOWN_REPETITIONS; repetition++) {
        baselines.push(await measureEdit(api, 10_000, folder, `bench-plain-${repetition}.json`));
        results.push(await measureEdit(api, 10_000, folder, plainName ? `${plainName}-${repetition}.json` : `bench-breakdown-${repetition}.nn.json`));
      }
      return { baseline: medians(baselines), result: medians(results) };
    });
    lines.push(
      `    ${label}: lenses ${result.lensesMs.toFixed(0)} ms (${result.lenses} lenses) vs plain .json ${baseline.lensesMs.toFixed(0)} ms = +${(result.lensesMs - baseline.lensesMs).toFixed(0)} ms` +
        (plainName ? '' : `; diagnostics ${result.diagnosticsMs.toFixed(0)} ms`),
    );
  }
  return lines;
}
