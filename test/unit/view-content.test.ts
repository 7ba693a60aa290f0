// A view is sent only what it shows: the side view has no controls, step debugger, explanation,
// lesson or bag of words, so the messages for those go to the Training panel alone.
import * as assert from 'assert';
import { messageFor } from '../../src/views/viewContent';
import type { HostMessage } from '../../src/protocol';

const defaults = { learningRate: 0.1, iterations: 10000, hiddenLayers: [], activation: 'sigmoid' as const };
const step = { datasetUri: 'file:///a.nn.json', iteration: 0, row: 0, input: [1, 2], target: 1, prediction: 0.5, output: 'sigmoid' as const, learningRate: 0.1, gradients: [], before: [], after: [] };
const explanation = { datasetUri: 'file:///a.nn.json', row: 0, input: [1, 2], terms: [], intro: '' };
const bag = { sentences: [], tokens: [], vocabulary: [], vectors: [] };
const prediction = { datasetUri: 'file:///a.nn.json', row: 0, input: [1, 2], prediction: 0.7, output: 'sigmoid' as const, untrained: false };
const state: HostMessage = {
  type: 'state', runs: [], defaults, sessions: { starting: 0, running: 1, stopping: 0 },
  panes: { step, explanation, lesson: 'error', bag, prediction },
};

describe('messageFor (what each view is sent)', () => {
  it('sends the panel everything, unchanged', () => {
    for (const message of [state, { type: 'pane', key: 'step', data: step } as HostMessage, { type: 'sessions', sessions: { starting: 1, running: 0, stopping: 0 } } as HostMessage]) {
      assert.strictEqual(messageFor('panel', message), message);
    }
  });

  it('keeps the panel-only messages from the side view', () => {
    const panelOnly: HostMessage[] = [
      { type: 'pane', key: 'step', data: step }, { type: 'pane', key: 'explanation', data: explanation }, { type: 'pane', key: 'lesson', data: 'error' },
      { type: 'pane', key: 'bag', data: bag },
      { type: 'trainHandled', requestId: 3 }, { type: 'sessions', sessions: { starting: 1, running: 0, stopping: 0 } },
    ];
    for (const message of panelOnly) assert.strictEqual(messageFor('sidebar', message), undefined, message.type);
    const predictionMessage: HostMessage = { type: 'pane', key: 'prediction', data: prediction };
    assert.strictEqual(messageFor('sidebar', predictionMessage), predictionMessage, 'the side view shows the prediction pane');
    const progress: HostMessage = { type: 'progress', runId: 'r', datasetUri: 'file:///a.nn.json', points: [[0, 1]], testPoints: [], iteration: 1, stepsPerSecond: 1, parameters: [] };
    assert.strictEqual(messageFor('sidebar', progress), progress);
  });

  it("trims the side view's state to what it draws", () => {
    const shown = messageFor('sidebar', state) as Extract<HostMessage, { type: 'state' }>;
    assert.deepStrictEqual(Object.keys(shown).sort(), ['defaults', 'panes', 'runs', 'type']);
    assert.deepStrictEqual(shown.panes, { prediction });
    assert.strictEqual(shown.panes?.prediction, prediction);
  });
});
