// Starts and Stops that race, in the real VS Code with the real worker: whatever the order, a Stop
// leaves no worker training, and the context key (what shows Stop in the palette) follows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LabApi } from '../../src/api';
import { NeuralNetwork } from '../../src/core';
import { describePrediction } from '../../src/editor/predictionModel';
import { activeApi, openDataset, tutorialRows, waitFor, TUTORIAL_INPUTS, TUTORIAL_TARGETS } from './helpers';

/** A loose bound: the tight figures are the benchmark's. */
const STOP_WITHIN_MS = 2000;
const LONG = { iterations: 1_000_000_000, seed: 9 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops everything and checks that, within the bound, no worker is left and the context key is false. */
async function stopAndCheckNothingLeft(api: LabApi): Promise<number> {
  const asked = Date.now();
  await vscode.commands.executeCommand('neuralNetworkLab.stop');
  await waitFor('every worker gone', () => api.trainingSnapshot().workers === 0, STOP_WITHIN_MS);
  const took = Date.now() - asked;
  const snapshot = api.trainingSnapshot();
  assert.deepStrictEqual(snapshot, { contextKey: false, sessions: { starting: 0, running: 0, stopping: 0 }, workers: 0 });
  // Nothing starts later either (a dropped start must not come back).
  await sleep(300);
  assert.deepStrictEqual(api.trainingSnapshot(), snapshot);
  return took;
}

describe('Runs: starts and Stops that race', function () {
  this.timeout(60000);

  it('a double start leaves one run, and one Stop ends it', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: LONG, rows: tutorialRows() });
    const first = vscode.commands.executeCommand<string | undefined>('neuralNetworkLab.train', document.uri);
    await sleep(5);
    const second = vscode.commands.executeCommand<string | undefined>('neuralNetworkLab.train', document.uri);
    const [firstId, secondId] = await Promise.all([first, second]);
    assert.ok(secondId, 'the later start runs');
    if (firstId) assert.strictEqual((await api.waitForRun(firstId)).status, 'stopped', 'the earlier run was stopped for the later');
    await waitFor('one worker', () => api.trainingSnapshot().workers === 1);
    assert.deepStrictEqual(api.trainingSnapshot(), { contextKey: true, sessions: { starting: 0, running: 1, stopping: 0 }, workers: 1 });
    await stopAndCheckNothingLeft(api);
    assert.strictEqual((await api.waitForRun(secondId)).status, 'stopped');
  });

  it('held Enter in the panel (a train every 33 ms) restarts one run at a time, and Stop ends it', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: LONG, rows: tutorialRows() });
    await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri);
    let most = 0;
    for (let press = 0; press < 30; press++) {
      api.receiveWebviewMessage({ type: 'train', learningRate: 0.1 + press / 100, iterations: LONG.iterations, requestId: press });
      const { sessions } = api.trainingSnapshot();
      most = Math.max(most, sessions.running + sessions.stopping);
      assert.ok(api.trainingSnapshot().contextKey, 'the context key stays true while runs restart');
      await sleep(33);
    }
    assert.ok(most <= 1, `${most} runs alive in one session at once`);
    const took = await stopAndCheckNothingLeft(api);
    assert.ok(took < STOP_WITHIN_MS, `stopped after ${took} ms`);
  });

  it('a Stop during a restart also cancels the start it was waiting for', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: LONG, rows: tutorialRows() });
    const firstId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await waitFor('progress', () => ((api.iterationOf(firstId) ?? 0) > 0 ? true : undefined));
    const restart = vscode.commands.executeCommand<string | undefined>('neuralNetworkLab.train', document.uri, { learningRate: 0.2 });
    // The restart is pending while the first run stops (a few milliseconds): a Stop then must end both.
    let settled = false;
    void restart.then(() => (settled = true));
    while (api.trainingSnapshot().sessions.starting === 0 && !settled) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(!settled, 'the restart was caught while pending');
    const stopped = vscode.commands.executeCommand('neuralNetworkLab.stop');
    assert.strictEqual(await restart, undefined, 'the pending start was dropped');
    await stopped;
    assert.strictEqual((await api.waitForRun(firstId)).status, 'stopped');
    await stopAndCheckNothingLeft(api);
  });

  it('closing the Training panel keeps the run, and the context key follows the run', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: LONG, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await waitFor('progress', () => ((api.iterationOf(runId) ?? 0) > 0 ? true : undefined));
    const panel = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === 'Neural Network Training');
    assert.ok(panel, 'the panel opened with the run');
    await vscode.window.tabGroups.close(panel);
    const before = api.iterationOf(runId)!;
    await waitFor('more progress with the panel closed', () => (api.iterationOf(runId)! > before ? true : undefined));
    assert.deepStrictEqual(api.trainingSnapshot(), { contextKey: true, sessions: { starting: 0, running: 1, stopping: 0 }, workers: 1 });
    await stopAndCheckNothingLeft(api);
    assert.strictEqual((await api.waitForRun(runId)).status, 'stopped');
  });

  it('recomputes the predictions shown on rows with the model a run leaves', async () => {
    const api = await activeApi();
    const rows: { input: number[]; target?: number }[] = [...tutorialRows(), { input: [1.66, 1.56] }];
    const document = await openDataset({ network: { iterations: 3000, seed: 12 }, rows });
    await vscode.commands.executeCommand('neuralNetworkLab.predictRow', document.uri, 8);
    await vscode.commands.executeCommand('neuralNetworkLab.predictRow', document.uri, 0);
    assert.match(api.predictionText(document, 8) ?? '', /untrained/);
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await api.waitForRun(runId);
    const trained = NeuralNetwork.fromSnapshot((await api.modelFor(document.uri.toString()))!);
    for (const row of [8, 0]) {
      const expected = describePrediction(trained.predict(rows[row]!.input), 'sigmoid', rows[row]!.target, false);
      await waitFor(`row ${row} recomputed`, () => api.predictionText(document, row) === expected || undefined);
    }
    assert.strictEqual(api.predictionText(document, 1), undefined, 'rows without a prediction stay without one');
  });

  it('Run to a far iteration trains in a worker: the host keeps its turn, and Reset cancels it', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { seed: 4 }, rows: tutorialRows() });
    const far = 20_000_000;
    let worst = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      worst = Math.max(worst, Date.now() - last);
      last = Date.now();
    }, 10);
    const taken = await vscode.commands.executeCommand<{ iteration: number; before: unknown }>('neuralNetworkLab.step', document.uri, far);
    clearInterval(ticker);
    const reference = new NeuralNetwork({ learningRate: 0.1, seed: 4 });
    reference.train(TUTORIAL_INPUTS, TUTORIAL_TARGETS, far);
    assert.strictEqual(taken.iteration, far);
    assert.deepStrictEqual(taken.before, reference.parameters(), 'the parameters after 20,000,000 iterations, exactly');
    // In the host this would block it for seconds; the tight figure is the benchmark's.
    assert.ok(worst < 1000, `the extension host's event loop stalled ${worst} ms`);

    const cancelled = vscode.commands.executeCommand('neuralNetworkLab.step', document.uri, 1_000_000_000);
    await sleep(500);
    const asked = Date.now();
    api.receiveWebviewMessage({ type: 'reset' });
    assert.strictEqual(await cancelled, undefined, 'Reset cancelled the Run to');
    assert.ok(Date.now() - asked < STOP_WITHIN_MS, `cancelled after ${Date.now() - asked} ms`);
  });
});
