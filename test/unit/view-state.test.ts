// The host's pane data: stored and sent together, forgotten on reset, given back with the state.
import * as assert from 'node:assert/strict';
import type { ExplanationView, HostMessage, PredictionView } from '../../src/protocol';
import { ViewState } from '../../src/views/viewState';

const prediction: PredictionView = { datasetUri: 'file:///a.nn.json', row: 2, input: [1, 2], target: 1, prediction: 0.8, output: 'sigmoid', untrained: false };
const explanation: ExplanationView = { datasetUri: 'file:///a.nn.json', row: 2, input: [1, 2], target: 1, terms: [], intro: 'x' };

describe('ViewState', () => {
  it('sends what it stores, once, as one pane message', () => {
    const sent: HostMessage[] = [];
    const views = new ViewState((message) => sent.push(message));
    views.set('prediction', prediction);
    views.set('lesson', 'error');
    views.set('explanation', explanation, { refreshed: true });
    assert.deepEqual(sent, [
      { type: 'pane', key: 'prediction', data: prediction },
      { type: 'pane', key: 'lesson', data: 'error' },
      { type: 'pane', key: 'explanation', data: explanation, refreshed: true },
    ]);
    assert.equal(views.get('prediction'), prediction);
    assert.deepEqual(views.all(), { prediction, lesson: 'error', explanation });
  });

  it('forgets only the panes it is told to, and sends nothing for that', () => {
    const sent: HostMessage[] = [];
    const views = new ViewState((message) => sent.push(message));
    views.set('prediction', prediction);
    views.set('lesson', 'error');
    sent.length = 0;
    views.clear('prediction', 'step');
    assert.deepEqual(sent, []);
    assert.equal(views.get('prediction'), undefined);
    assert.deepEqual(views.all(), { lesson: 'error' });
  });
});
