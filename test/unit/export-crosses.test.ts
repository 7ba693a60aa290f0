// Feature crosses on every path that predicts: the core, Explain, the NumPy export run with
// /usr/bin/python3 and the PyTorch export run with Debian's python3-torch all agree to 1e-9 on
// every row, for the tutorial's single neuron and for a hidden layer.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { explain, generatedDataset, NeuralNetwork } from '../../src/core/index';
import { numpyScript, predictionOrder, pytorchScript } from '../../src/export/index';
import type { ExportDataset } from '../../src/export/index';
import { assertClose, floatLines, PYTHON, requireNumpy, runPythonPrograms } from './export-helpers';

const CROSSES = ['x1', 'x2', 'x1*x1', 'x2*x2', 'x1*x2', 'sin(x1)', 'cos(x2)', 'sin(x1)*cos(x2)'];

function spiral(): ExportDataset {
  const rows = generatedDataset({ shape: 'spiral', points: 60, noise: 0.1, testRatio: 0.2, seed: 7 }).rows;
  return { features: ['x1', 'x2'], rows: [...rows, { input: [0.25, -3.5] }] };
}

function trained(hiddenLayers: number[], dataset: ExportDataset): NeuralNetwork {
  const network = new NeuralNetwork({ learningRate: 0.05, seed: 5, hiddenLayers, activation: 'tanh', inputs: CROSSES });
  const rows = dataset.rows.filter((row) => row.target !== undefined && row.split !== 'test');
  network.train(rows.map((row) => [...row.input]), rows.map((row) => row.target as number), 3000);
  assert.ok(network.hasFiniteParameters());
  return network;
}

describe('feature crosses: core, Explain, NumPy and PyTorch agree', function () {
  this.timeout(120_000);
  const dataset = spiral();
  const networks = [{ name: 'one neuron', network: trained([], dataset) }, { name: 'hidden layer [4] tanh', network: trained([4], dataset) }];

  it('Explain predicts what the core predicts, from the same derived input vector', () => {
    for (const { network } of networks) {
      for (const row of dataset.rows) {
        const explained = explain(network, [...row.input], row.target);
        assert.equal(explained.prediction, network.predict(row.input));
        assert.deepEqual(explained.terms[0], {
          name: 'input_vector', value: network.networkInputs(row.input),
          formula: `[${CROSSES.join(', ')}] of the row's features x1…x2`,
        });
      }
    }
  });

  it('the NumPy export, run with /usr/bin/python3, prints the core\'s predictions to 1e-9', () => {
    requireNumpy();
    const outputs = runPythonPrograms(networks.map(({ network }) => numpyScript(network.snapshot(), dataset)));
    networks.forEach(({ name, network }, i) => {
      assert.match(numpyScript(network.snapshot(), dataset), /^def network_inputs\(rows\):$/m);
      const expected = predictionOrder(dataset, 2).map((input) => network.predict(input));
      assertClose(floatLines(outputs[i]), expected, `NumPy, ${name}`);
    });
  });

  it('the PyTorch export, run with real torch, prints the core\'s predictions to 1e-9', () => {
    try {
      execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'pipe', timeout: 60_000 });
    } catch {
      assert.fail(`${PYTHON} cannot import torch: install it with apt-get install -y python3-torch (npm test's setup does)`);
    }
    const outputs = runPythonPrograms(networks.map(({ network }) => pytorchScript(network.snapshot(), dataset)));
    networks.forEach(({ name, network }, i) => {
      const expected = predictionOrder(dataset, 2).map((input) => network.predict(input));
      assertClose(floatLines(outputs[i]), expected, `PyTorch, ${name}`);
    });
  });
});
