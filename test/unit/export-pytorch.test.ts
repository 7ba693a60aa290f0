// The PyTorch export. PyTorch itself cannot be installed here, so: the program must compile
// (py_compile), its learned-parameters section must read back as exactly the model's numbers,
// and its forward pass is run against a small NumPy stand-in for the parts of torch it uses —
// which checks the wiring (layer order, weight layout, activations, float64), not torch.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NeuralNetwork } from '../../src/core/index';
import type { LayerParameters, ModelSnapshot } from '../../src/core/index';
import { PARAMETERS_BEGIN, PARAMETERS_END, predictionOrder, pytorchScript } from '../../src/export/index';
import {
  assertClose, floatLines, PYTHON, requireNumpy, runPythonPrograms, scratchDirectory, TUTORIAL_DATASET, variants, type Variant,
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

/** Just enough of torch for the exported main block: tensors, nn.Linear and the activations. */
const TORCH_STAND_IN: Record<string, string> = {
  'torch/__init__.py': `import contextlib
import numpy as _np

float64 = "float64"


class Tensor:
    def __init__(self, values):
        self.values = _np.array(values, dtype=_np.float64)

    def __len__(self):
        return len(self.values)

    def __iter__(self):
        return (Tensor(row) for row in self.values)

    def __getitem__(self, index):
        return Tensor(self.values[index])

    def item(self):
        assert self.values.size == 1, self.values.shape
        return float(self.values.reshape(-1)[0])

    def copy_(self, other):
        assert self.values.shape == other.values.shape, (self.values.shape, other.values.shape)
        self.values[...] = other.values
        return self


def tensor(values, dtype=None):
    assert dtype == float64, "tensors must be float64 to match the lab"
    return Tensor(values)


def empty(shape, dtype=None):
    assert dtype == float64
    return Tensor(_np.empty(shape))


def no_grad():
    return contextlib.nullcontext()
`,
  'torch/nn/__init__.py': `import numpy as _np
import torch as _torch


class Module:
    def __call__(self, x):
        return self.forward(x)


class ModuleList(list):
    pass


class Linear(Module):
    def __init__(self, in_features, out_features, dtype=None):
        assert dtype == _torch.float64, "layers must be float64 to match the lab"
        self.weight = _torch.Tensor(_np.full((out_features, in_features), _np.nan))
        self.bias = _torch.Tensor(_np.full(out_features, _np.nan))

    def forward(self, x):
        return _torch.Tensor(self.weight.values @ x.values + self.bias.values)


class Sigmoid(Module):
    def forward(self, x):
        return _torch.Tensor(1 / (1 + _np.exp(-x.values)))


class Tanh(Module):
    def forward(self, x):
        return _torch.Tensor(_np.tanh(x.values))


class ReLU(Module):
    def forward(self, x):
        return _torch.Tensor(_np.maximum(x.values, 0.0))


class Identity(Module):
    def forward(self, x):
        return x
`,
};

describe('export: PyTorch script', function () {
  this.timeout(60_000);
  let nets: Variant[];

  before(() => {
    nets = variants();
  });

  it('compiles with /usr/bin/python3 -m py_compile', () => {
    const scratch = scratchDirectory();
    try {
      const files = nets.map(({ network, dataset }, i) => {
        const file = path.join(scratch.dir, `model_${i}.py`);
        fs.writeFileSync(file, pytorchScript(network.snapshot(), dataset), 'utf8');
        return file;
      });
      execFileSync(PYTHON, ['-m', 'py_compile', ...files], { timeout: 30_000, stdio: 'pipe' });
    } finally {
      scratch.remove();
    }
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

  it('uses the lab\'s loss, optimiser and architecture, and explains GPUs and DistributedDataParallel', () => {
    const deep = nets[1].network.snapshot();
    const script = pytorchScript(deep, nets[1].dataset, { iterations: 500, errorInterval: 50 });
    for (const text of [
      'import torch', 'from torch import nn', 'class Net(nn.Module):', 'nn.Linear(2, 5, dtype=torch.float64)',
      'nn.Linear(5, 3, dtype=torch.float64)', 'nn.Linear(3, 1, dtype=torch.float64)', 'self.hidden_activation = nn.Tanh()',
      'self.output_activation = nn.Sigmoid()', 'nn.MSELoss(reduction="sum")',
      'torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)', 'LEARNING_RATE = 0.1', 'error_interval=50',
      '# cumulative_errors = train(net, input_vectors, targets, 500)',
      'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")', 'net = net.to(device)',
      'DistributedDataParallel', 'DistributedSampler', 'torchrun',
    ]) {
      assert.ok(script.includes(text), `missing: ${text}`);
    }
    const linear = pytorchScript(nets[4].network.snapshot(), nets[4].dataset);
    assert.match(linear, /self\.output_activation = nn\.Identity\(\)/);
  });

  it('predicts like the core when run against a NumPy stand-in for torch', () => {
    requireNumpy();
    const outputs = runPythonPrograms(nets.map(({ network, dataset }) => pytorchScript(network.snapshot(), dataset)), TORCH_STAND_IN);
    nets.forEach(({ name, network, dataset }, i) => {
      const expected = predictionOrder(dataset, network.inputSize).map((input) => NeuralNetwork.fromSnapshot(network.snapshot()).predict(input));
      assertClose(floatLines(outputs[i]), expected, name);
    });
  });
});
