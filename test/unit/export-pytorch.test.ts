// The PyTorch export, run for real with Debian's /usr/bin/python3 and python3-torch (CPU): its
// predictions, its gradients (the loss it defines, through autograd) and its train() replaying
// the lab's run (the lab's start values, the rows LabRandom draws) must match the core to 1e-9.
// All torch programs of this file run in one Python process: importing torch dominates the time.
import * as assert from 'node:assert/strict';
import { NeuralNetwork } from '../../src/core/index';
import type { LayerParameters, ModelSnapshot } from '../../src/core/index';
import { PARAMETERS_BEGIN, PARAMETERS_END, predictionOrder, pytorchScript } from '../../src/export/index';
import {
  assertClose, floatLines, labRun, requireTorch, runPythonPrograms, trainingRows, TUTORIAL_DATASET, variants, type Variant,
} from './export-helpers';

/** The WEIGHTS and BIASES between the marker lines, read as JSON. */
function parametersSection(script: string): LayerParameters[] {
  const lines = script.split('\n');
  const begin = lines.indexOf(PARAMETERS_BEGIN);
  const end = lines.indexOf(PARAMETERS_END);
  assert.ok(begin >= 0 && end > begin, 'the learned-parameters markers, in order');
  const code = lines.slice(begin + 1, end).filter((line) => !line.startsWith('#')).join('\n');
  const match = /^WEIGHTS = ([\s\S]*)\nBIASES = ([\s\S]*)$/.exec(code);
  assert.ok(match, `WEIGHTS = … then BIASES = …, found:\n${code}`);
  // Python allows a trailing comma; JSON does not. Our literals have no other differences.
  const json = (text: string): unknown => JSON.parse(text.replace(/,(\s*\])/g, '$1'));
  const weights = json(match[1]) as number[][][];
  const biases = json(match[2]) as number[][];
  return weights.map((layer, l) => ({ weights: layer, biases: biases[l] }));
}

function flatten(layers: LayerParameters[]): number[] {
  return layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
}

/** Imports an exported program as a module and drives it with its own Net, loss and train(). */
function torchDriver(moduleName: string, replayIterations: number): string {
  return `import json
import torch
import ${moduleName} as model


def parameters(net, of_gradients=False):
    pick = (lambda p: p.grad) if of_gradients else (lambda p: p)
    return [{"weights": pick(layer.weight).tolist(), "biases": pick(layer.bias).tolist()} for layer in net.layers]


net = model.Net()
model.load_parameters(net, model.WEIGHTS, model.BIASES)
assert all(p.dtype == torch.float64 for p in net.parameters())

# d error / d parameter for one row at a time: the loss train() uses, through autograd
loss_function = torch.nn.MSELoss(reduction="sum")
gradients = []
for input_vector, target in zip(model.input_vectors, model.targets):
    net.zero_grad()
    loss = loss_function(net(input_vector), target.reshape(1))
    # With a weight penalty, computeGradients includes its slope, as the lab's step does
    (loss + model.penalty(net) if hasattr(model, "penalty") else loss).backward()
    gradients.append(parameters(net, of_gradients=True))

# The lab's run, replayed: its start values and the rows LabRandom draws
replay = model.Net()
model.load_parameters(replay, model.START_WEIGHTS, model.START_BIASES)
errors = model.train(replay, model.input_vectors, model.targets, ${replayIterations})

with torch.no_grad():
    print(json.dumps({"gradients": gradients, "errors": errors, "afterReplay": parameters(replay)}))
`;
}

describe('export: PyTorch script (run with /usr/bin/python3 and torch)', function () {
  this.timeout(180_000);
  let nets: Variant[];
  /** stdout of each script run as is, then of each driver. */
  let printed: string[];
  let driven: { gradients: LayerParameters[][]; errors: number[]; afterReplay: LayerParameters[] }[];
  let randomPrinted: string[];
  const RANDOM_ITERATIONS = 100;
  // torch takes ~100 µs a step on one row: the first 500 steps of each run (the NumPy test
  // replays whole runs) keep this file to a few seconds of CPU.
  const REPLAY_ITERATIONS = 500;

  before(() => {
    requireTorch();
    nets = variants();
    const scripts = nets.map(({ network, dataset, batchSize }) => pytorchScript(network.snapshot(), dataset, { batchSize }));
    const randomStarts = nets.map(({ network, dataset, batchSize }) => pytorchScript(network.snapshot(), dataset, { start: 'random', iterations: RANDOM_ITERATIONS, batchSize }));
    const modules = Object.fromEntries(scripts.map((script, i) => [`exported_torch_${i}.py`, script]));
    const outputs = runPythonPrograms([
      ...scripts,
      ...randomStarts,
      ...nets.map((_, i) => torchDriver(`exported_torch_${i}`, REPLAY_ITERATIONS)),
    ], modules);
    printed = outputs.slice(0, nets.length);
    randomPrinted = outputs.slice(nets.length, 2 * nets.length);
    driven = outputs.slice(2 * nets.length).map((text) => JSON.parse(text) as typeof driven[number]);
  });

  it('covers the nets the issue names: the tutorial\'s, [5, 3] tanh, relu and a linear output', () => {
    const shapes = nets.map(({ network }) => `${network.hiddenLayers.join(',')}:${network.activation}:${network.output}`);
    for (const shape of [':sigmoid:sigmoid', '5,3:tanh:sigmoid', '5,3:relu:sigmoid', ':sigmoid:linear']) {
      assert.ok(shapes.includes(shape), `missing ${shape} in ${shapes.join(' ')}`);
    }
  });

  it('prints the same predictions as the core for every row, to 1e-9', () => {
    nets.forEach(({ name, network, dataset }, i) => {
      const core = NeuralNetwork.fromSnapshot(network.snapshot());
      assertClose(floatLines(printed[i]), predictionOrder(dataset, network.inputSize).map((input) => core.predict(input)), name);
    });
  });

  it('computes the same gradients as computeGradients for every row, to 1e-9', () => {
    nets.forEach(({ name, network, dataset }, i) => {
      const core = NeuralNetwork.fromSnapshot(network.snapshot());
      const { inputs, targets } = trainingRows(dataset);
      assert.equal(driven[i].gradients.length, inputs.length);
      inputs.forEach((input, row) => {
        assertClose(flatten(driven[i].gradients[row]), flatten(core.computeGradients(input, targets[row]).layers), `${name}: gradients of row ${row + 1}`);
      });
    });
  });

  it('replays the lab\'s run with train(): the same cumulative errors and weights as the core, to 1e-9', () => {
    nets.forEach((variant, i) => {
      const lab = labRun(variant, REPLAY_ITERATIONS);
      assert.equal(driven[i].errors.length, REPLAY_ITERATIONS / 100, `${variant.name}: one error per 100 iterations`);
      assertClose(driven[i].errors, lab.errors, `${variant.name}: cumulative errors`);
      assertClose(flatten(driven[i].afterReplay), flatten(lab.network.parameters()), `${variant.name}: weights after the replay`);
    });
  });

  it('starts from random weights on request, trains, and predicts every row', () => {
    nets.forEach(({ name, network, dataset }, i) => {
      const values = floatLines(randomPrinted[i]);
      assert.equal(values.length, predictionOrder(dataset, network.inputSize).length, `${name}: one prediction per row`);
      assert.ok(values.every(Number.isFinite), `${name}: finite predictions`);
    });
    const script = pytorchScript(nets[0].network.snapshot(), TUTORIAL_DATASET, { start: 'random' });
    assert.ok(script.includes('net.layers[0].weight.copy_(torch.randn(1, 2, dtype=torch.float64))'));
    assert.doesNotMatch(script, /WEIGHTS = /, 'no learned or start values in a random start');
  });

  it('holds exactly the model\'s parameters between the markers, -0 included', () => {
    for (const { name, network, dataset } of nets) {
      const snapshot = network.snapshot();
      assert.deepStrictEqual(parametersSection(pytorchScript(snapshot, dataset)), snapshot.layers, name);
    }
    const signed: ModelSnapshot = structuredClone(nets[0].network.snapshot());
    signed.layers[0].weights[0][0] = -0;
    signed.layers[0].biases[0] = 1e-300;
    assert.deepStrictEqual(parametersSection(pytorchScript(signed, TUTORIAL_DATASET)), signed.layers);
  });

  it('uses the lab\'s loss, optimiser and architecture; GPUs and DistributedDataParallel only in comments', () => {
    const deep = nets[1].network.snapshot();
    const script = pytorchScript(deep, nets[1].dataset, { iterations: 500, errorInterval: 50 });
    for (const text of [
      'import torch', 'from torch import nn', 'class Net(nn.Module):', 'nn.Linear(2, 5, dtype=torch.float64)',
      'nn.Linear(5, 3, dtype=torch.float64)', 'nn.Linear(3, 1, dtype=torch.float64)', 'self.hidden_activation = nn.Tanh()',
      'self.output_activation = nn.Sigmoid()', 'nn.MSELoss(reduction="sum")',
      'torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)', 'LEARNING_RATE = 0.1', 'error_interval=50',
      'random_data_index = random.randint(len(input_vectors))',
      '    # cumulative_errors = train(replay, input_vectors, targets, 500)',
      '    # cumulative_errors = train(net, input_vectors, targets, 500)',
      'torch.manual_seed(7) would draw other numbers.',
    ]) {
      assert.ok(script.includes(text), `missing: ${text}`);
    }
    const code = script.split('\n').filter((line) => !line.trim().startsWith('#'));
    for (const gpuOnly of ['cuda', 'DistributedDataParallel', 'torchrun', 'init_process_group']) {
      assert.ok(!code.some((line) => line.includes(gpuOnly)), `${gpuOnly} outside a comment: the script must run on a CPU`);
      assert.ok(script.includes(gpuOnly), `the notes mention ${gpuOnly}`);
    }
    const linear = pytorchScript(nets[4].network.snapshot(), nets[4].dataset);
    assert.match(linear, /self\.output_activation = nn\.Identity\(\)/);
  });
});
