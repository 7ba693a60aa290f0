// What each neuron sees: every cell of every hidden unit's heatmap is that unit's output at the
// cell's centre, checked against Explain's separately computed activations; the worker sends the
// same numbers with the decision boundary, for the model it ends with.
import * as assert from 'assert';
import * as path from 'path';
import { cellCentre, explain, NeuralNetwork, unitHeatmaps } from '../../src/core';
import type { GridArea, NetworkOptions } from '../../src/core';
import { TrainingRun } from '../../src/training/trainingRun';
import { nodePlatform } from '../../src/platform/node/nodePlatform';

const AREA: GridArea = { x: [-6, 6], y: [-4, 5] };
const XOR_INPUTS = [[-1, -1], [-1, 1], [1, -1], [1, 1]];
const XOR_TARGETS = [0, 1, 1, 0];

/** Hidden layer l's activations at `point`, as Explain names them in the tutorial's count (layer_2, layer_4, …). */
function explainedActivations(network: NeuralNetwork, point: number[], layer: number): number[] {
  const term = explain(network, point).terms.find((candidate) => candidate.name === `layer_${2 * layer + 2}`);
  assert.ok(term, `layer_${2 * layer + 2}`);
  return term.value as number[];
}

describe('hidden-unit heatmaps', () => {
  const cases: [string, Omit<NetworkOptions, 'learningRate'> & { hiddenLayers: number[] }][] = [
    ['two tanh layers', { hiddenLayers: [3, 2], activation: 'tanh' }],
    ['relu with feature crosses', { hiddenLayers: [4], activation: 'relu', inputs: ['x1', 'x2', 'x1*x2', 'sin(x1)'] }],
  ];
  for (const [what, options] of cases) {
    it(`each cell is the unit's output at the cell's centre (${what})`, () => {
      const network = new NeuralNetwork({ learningRate: 0.1, seed: 8, ...options });
      network.train(XOR_INPUTS, XOR_TARGETS, 500);
      const size = 7;
      const maps = unitHeatmaps(network, AREA, size, 12);
      assert.deepStrictEqual(maps.map((layer) => layer.length), options.hiddenLayers);
      for (let row = 0; row < size; row++) {
        for (let column = 0; column < size; column++) {
          const point = cellCentre(AREA, size, column, row);
          maps.forEach((layer, l) => {
            const expected = explainedActivations(network, point, l);
            layer.forEach((values, u) => assert.strictEqual(values[row * size + column], expected[u], `layer ${l} unit ${u} cell ${column},${row}`));
          });
        }
      }
    });
  }

  it('places cell centres as the boundary grid does, row-major from the lowest y', () => {
    assert.deepStrictEqual(cellCentre(AREA, 4, 0, 0), [-4.5, -2.875]);
    assert.deepStrictEqual(cellCentre(AREA, 4, 3, 3), [4.5, 3.875]);
  });

  it('keeps the first units of a wide layer only, and is empty without hidden layers', () => {
    const wide = new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [20, 5] });
    assert.deepStrictEqual(unitHeatmaps(wide, AREA, 3, 12).map((layer) => layer.length), [12, 5]);
    assert.deepStrictEqual(unitHeatmaps(new NeuralNetwork({ learningRate: 0.1, seed: 1 }), AREA, 3, 12), []);
  });

  it('asks `stopped` before every row and gives up as soon as it says so (a Stop need not wait for the grid)', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [4] });
    let asked = 0;
    assert.strictEqual(unitHeatmaps(network, AREA, 5, 12, () => ++asked > 2), undefined);
    assert.strictEqual(asked, 3, 'two rows drawn, then the stop seen');
    assert.deepStrictEqual(unitHeatmaps(network, AREA, 5, 12, () => false), unitHeatmaps(network, AREA, 5, 12), 'never stopped: the same maps');
  });

  it('the worker sends, with its last boundary, the heatmaps of the model it ends with', async function () {
    this.timeout(60_000);
    const platform = nodePlatform(path.resolve(__dirname, '..', '..', '..', 'dist'));
    const settings = { learningRate: 0.5, iterations: 3000, errorInterval: 100, seed: 2, hiddenLayers: [3], activation: 'tanh' as const, output: 'sigmoid' as const, inputs: ['x1', 'x2', 'x1*x2'] };
    const boundary = { x: AREA.x, y: AREA.y, size: 8, units: { size: 5, maxPerLayer: 12 } };
    const run = await new Promise<TrainingRun>((resolve) => {
      const info = { runId: 'h', datasetUri: 'file:///xor.nn.json', datasetName: 'xor.nn.json', settings, trainRows: 4, testRows: 0, startedAt: 0 };
      void new TrainingRun(info, { inputs: XOR_INPUTS, targets: XOR_TARGETS, testInputs: [], testTargets: [] }, platform,
        { progress: () => undefined, boundary: () => undefined, ended: resolve }, 50, boundary);
    });
    assert.strictEqual(run.end?.status, 'completed');
    assert.ok(run.model && run.boundary?.units);
    assert.strictEqual(run.boundary.iteration, 3000);
    assert.deepStrictEqual(run.boundary.units, unitHeatmaps(NeuralNetwork.fromSnapshot(run.model), AREA, 5, 12));
  });
});
