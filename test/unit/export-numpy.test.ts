// The NumPy export, run for real with Debian's /usr/bin/python3: its predictions, its gradients,
// one parameter update and a replayed training run must match the lab's core to 1e-9 — so the
// backpropagation a learner reads in the exported class is the one the lab ran.
import * as assert from 'node:assert/strict';
import { createTrainer, NeuralNetwork } from '../../src/core/index';
import type { LayerParameters, ModelSnapshot } from '../../src/core/index';
import { numpyScript, predictionOrder, rowSeedOf } from '../../src/export/index';
import type { ExportDataset } from '../../src/export/index';
import {
  assertClose, floatLines, labRun, requireNumpy, runPythonPrograms, trainingRows, tutorialNetwork, TUTORIAL_DATASET, variants, type Variant,
} from './export-helpers';

const TRAIN_ITERATIONS = 300;

function predictionsOf(network: NeuralNetwork, dataset: ExportDataset): number[] {
  return predictionOrder(dataset, network.inputSize).map((input) => network.predict(input));
}

function flatten(layers: LayerParameters[]): number[] {
  return layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
}

function shapes(layers: LayerParameters[]): string {
  return layers.map((layer) => `${layer.weights.length}x${layer.weights[0]?.length}+${layer.biases.length}`).join(',');
}

/** Imports the exported program as a module (so its main block does not run) and drives it. */
function backpropDriver(moduleName: string, learningRate: number, replayIterations: number, continueIterations: number): string {
  return `import json
import numpy as np
import ${moduleName} as model


def as_layers(derror_dbias, derror_dweights):
    # The tutorial's net returns (scalar, vector); deeper nets return lists per layer.
    if isinstance(derror_dweights, list):
        return [{"weights": np.asarray(w).tolist(), "biases": np.asarray(b).tolist()}
                for w, b in zip(derror_dweights, derror_dbias)]
    return [{"weights": [np.asarray(derror_dweights).tolist()], "biases": [float(derror_dbias)]}]


def parameters(network):
    if hasattr(network, "biases"):
        return as_layers(network.biases, network.weights)
    return as_layers(network.bias, network.weights)


def network(prefix):
    weights = getattr(model, prefix + "_WEIGHTS")
    bias = getattr(model, prefix + "_BIAS", None)
    return model.NeuralNetwork(${learningRate}, weights, bias if bias is not None else getattr(model, prefix + "_BIASES"))


learned = network("LEARNED")
gradients = [as_layers(*learned._compute_gradients(v, t))
             for v, t in zip(model.input_vectors, model.targets)]
learned._update_parameters(*learned._compute_gradients(model.input_vectors[0], model.targets[0]))
after_update = parameters(learned)

# Replaying the lab's run: its start values, and the rows LabRandom draws, as the main block says
replay = network("START")
replay_errors = [float(e) for e in replay.train(model.input_vectors, model.targets, ${replayIterations})]

# Training on from the learned weights
continued = network("LEARNED")
continued_errors = [float(e) for e in continued.train(model.input_vectors, model.targets, ${continueIterations})]

print(json.dumps({"gradients": gradients, "afterUpdate": after_update,
                  "replayErrors": replay_errors, "afterReplay": parameters(replay),
                  "errors": continued_errors, "afterTraining": parameters(continued)}))
`;
}

/** A program to run and the predictions the core makes for the same rows. */
interface PredictionCase {
  name: string;
  script: string;
  expected: number[];
  tolerance?: number;
}

function predictionCase(name: string, network: NeuralNetwork, dataset: ExportDataset, script = numpyScript(network.snapshot(), dataset)): PredictionCase {
  return { name, script, expected: predictionsOf(NeuralNetwork.fromSnapshot(network.snapshot()), dataset) };
}

const EDGE_ROWS: ExportDataset = {
  rows: [[1e-7, -0], [2, 123456789.123], [-1e-300, 5e-324], [0.1, 0.2], [-3.5e-12, 7]].map((input) => ({ input })),
};
const UNLABELLED_ROWS: ExportDataset = { rows: [{ input: [1.66, 1.56] }, { input: [2, 1.5] }] };

function hostileScript(network: NeuralNetwork): string {
  const hostile = 'x"\n__import__("sys").exit(3)\n#\r\u2028\\';
  return numpyScript(network.snapshot(), { ...TUTORIAL_DATASET, features: [hostile, "y'''"] }, {
    datasetName: 'data\nraise SystemExit(4)', trainedAt: '2025-01-01T00:00:00Z\nimport os',
  });
}

describe('export: NumPy script (run with /usr/bin/python3)', function () {
  this.timeout(60_000);
  let nets: Variant[];
  let tutorial: NeuralNetwork;
  // Every program of this file runs in one Python process (see runPythonPrograms): importing
  // NumPy takes most of the time, so it is done once.
  const printed = new Map<string, number[]>();
  const expected = new Map<string, number[]>();

  before(() => {
    requireNumpy();
    nets = variants();
    tutorial = tutorialNetwork();
    const cases = [
      ...nets.map(({ name, network, dataset }) => predictionCase(name, network, dataset)),
      predictionCase('edge-case rows', tutorial, EDGE_ROWS),
      predictionCase('hostile names', tutorial, TUTORIAL_DATASET, hostileScript(tutorial)),
      predictionCase('rows without targets', tutorial, UNLABELLED_ROWS),
    ];
    const outputs = runPythonPrograms(cases.map((c) => c.script));
    cases.forEach((c, i) => printed.set(c.name, floatLines(outputs[i])));
    for (const c of cases) expected.set(c.name, c.expected);
  });

  function assertPrinted(name: string, tolerance = 1e-9): void {
    assertClose(printed.get(name) ?? [], expected.get(name) ?? [], name, tolerance);
  }

  it('has the tutorial class: its methods, names and train loop, and does not train by default', () => {
    const script = numpyScript(tutorial.snapshot(), TUTORIAL_DATASET);
    for (const line of [
      'import numpy as np', 'class NeuralNetwork:', '    def __init__(self, learning_rate, weights, bias):',
      '        self.random = LabRandom(ROW_SEED)', '            random_data_index = self.random.randint(len(input_vectors))',
      '    def _sigmoid(self, x):', '    def _sigmoid_deriv(self, x):', '    def predict(self, input_vector):',
      '    def _compute_gradients(self, input_vector, target):',
      '    def _update_parameters(self, derror_dbias, derror_dweights):',
      '    def train(self, input_vectors, targets, iterations):', '            if current_iteration % 100 == 0:',
      '        self.bias = self.bias - (derror_dbias * self.learning_rate)',
      'input_vectors = np.array([', 'targets = np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0])',
      'if __name__ == "__main__":', '    neural_network = NeuralNetwork(0.1, LEARNED_WEIGHTS, LEARNED_BIAS)',
      '    # replay = NeuralNetwork(0.1, START_WEIGHTS, START_BIAS)',
      '    # training_error = replay.train(input_vectors, targets, 10000)',
      '    # training_error = neural_network.train(input_vectors, targets, 10000)',
      `ROW_SEED = ${rowSeedOf(42)}`,
    ]) {
      assert.ok(script.split('\n').includes(line), `missing line: ${line}`);
    }
    assert.match(script, /^LEARNED_WEIGHTS = \[-?\d/m);
    assert.doesNotMatch(script, /^[^#\n]*\.train\(/m, 'train must only appear commented out');
    const code = script.split('\n').filter((line) => !line.trim().startsWith('#') && !line.includes('"""'));
    assert.ok(!code.some((line) => line.includes('np.random')), 'with learned weights nothing is drawn from NumPy\'s generator');
  });

  it('says in its header what the lab\'s seed is, and that it means nothing to NumPy', () => {
    const header = numpyScript(tutorial.snapshot(), TUTORIAL_DATASET).split('\n\n')[0];
    assert.match(header, /seed 42 of the lab's own generator \(sfc32, the LabRandom class below\)/);
    assert.match(header, /np\.random\.seed\(42\) would draw other numbers/);
    assert.doesNotMatch(header, /, seed 42\./, 'no bare "seed 42" that reads like a NumPy seed');
  });

  it('replays a run from the dataset\'s own start weights ("network.start")', () => {
    const options = { hiddenLayers: [], learningRate: 0.1, seed: 42, weights: [1.45, -0.66], bias: 0 };
    const { inputs, targets } = trainingRows(TUTORIAL_DATASET);
    const lab = new NeuralNetwork(options);
    const errors = lab.train(inputs, targets, 1000);
    const script = numpyScript(lab.snapshot(), TUTORIAL_DATASET, { fileStart: { weights: [1.45, -0.66], bias: 0 } });
    assert.ok(script.includes('START_WEIGHTS = [1.45, -0.66]\nSTART_BIAS = 0.0'), 'the file\'s start values, as given');
    const [python] = runPythonPrograms([`import json
import exported_start as model
replay = model.NeuralNetwork(0.1, model.START_WEIGHTS, model.START_BIAS)
print(json.dumps([float(e) for e in replay.train(model.input_vectors, model.targets, 1000)]))
`], { 'exported_start.py': script });
    assertClose(JSON.parse(python) as number[], errors, 'cumulative errors of the replay from the file\'s start');
  });

  it('exports the tutorial\'s random start on request: np.random.randn(), trained when run', () => {
    const scripts = nets.map(({ network, dataset }) => numpyScript(network.snapshot(), dataset, { start: 'random', iterations: 200 }));
    assert.ok(scripts[0].split('\n').includes('        self.weights = np.array([np.random.randn(), np.random.randn()])'));
    assert.ok(scripts[0].split('\n').includes('        self.bias = np.random.randn()'));
    assert.ok(scripts[2].includes('np.random.randn(5, 2) * np.sqrt(2 / 2),'), 'relu layers scaled by √(2/inputs), as the lab scales them');
    assert.ok(scripts[1].includes('np.random.randn(3, 5) * np.sqrt(1 / 5),'), 'tanh layers scaled by √(1/inputs)');
    for (const script of scripts) {
      assert.doesNotMatch(script, /LEARNED_|START_/, 'no learned or start values in a random start');
      assert.match(script, /^ {4}training_error = neural_network\.train\(input_vectors, targets, 200\)$/m);
    }
    const outputs = runPythonPrograms(scripts);
    nets.forEach(({ name, network, dataset }, i) => {
      const printed = floatLines(outputs[i]);
      assert.equal(printed.length, predictionOrder(dataset, network.inputSize).length, `${name}: one prediction per row`);
      assert.ok(printed.every(Number.isFinite), `${name}: finite predictions`);
    });
  });

  it('includes only the activations a model uses', () => {
    const [, tanh, relu, , linear] = nets;
    const tanhScript = numpyScript(tanh.network.snapshot(), tanh.dataset);
    const reluScript = numpyScript(relu.network.snapshot(), relu.dataset);
    assert.match(tanhScript, /def _tanh_deriv\(self, x\)/);
    assert.doesNotMatch(tanhScript, /def _relu/);
    assert.match(reluScript, /def _relu_deriv\(self, x\)/);
    assert.doesNotMatch(reluScript, /def _tanh/);
    assert.doesNotMatch(numpyScript(linear.network.snapshot(), linear.dataset), /_sigmoid/);
  });

  it('prints the same predictions as the core for every row, to 1e-9', () => {
    for (const { name } of nets) assertPrinted(name);
  });

  it('computes the same gradients, update and training run as the core (backprop, not only the forward pass)', () => {
    const cases = nets.map((variant, i) => {
      const snapshot: ModelSnapshot = variant.network.snapshot();
      const { inputs, targets } = trainingRows(variant.dataset);
      return { variant, name: variant.name, snapshot, dataset: variant.dataset, inputs, targets, module: `exported_model_${i}` };
    });
    const outputs = runPythonPrograms(
      cases.map((c) => backpropDriver(c.module, c.snapshot.learningRate, c.variant.iterations, TRAIN_ITERATIONS)),
      Object.fromEntries(cases.map((c) => [`${c.module}.py`, numpyScript(c.snapshot, c.dataset, { batchSize: c.variant.batchSize })])),
    );
    cases.forEach(({ variant, name, snapshot, inputs, targets }, i) => {
      const python = JSON.parse(outputs[i]) as {
        gradients: LayerParameters[][]; afterUpdate: LayerParameters[]; errors: number[]; afterTraining: LayerParameters[];
        replayErrors: number[]; afterReplay: LayerParameters[];
      };

      // The lab's chart, drawn again: every cumulative error of the run, then the weights it learned.
      const lab = labRun(variant);
      assert.equal(python.replayErrors.length, variant.iterations / 100, `${name}: one error per 100 iterations`);
      assertClose(python.replayErrors, lab.errors, `${name}: the replayed run's cumulative errors`);
      assertClose(flatten(python.afterReplay), flatten(snapshot.layers), `${name}: the replay ends at the learned weights`);

      const core = NeuralNetwork.fromSnapshot(snapshot);
      inputs.forEach((input, row) => {
        const expected = core.computeGradients(input, targets[row]).layers;
        assert.equal(shapes(python.gradients[row]), shapes(expected), `${name}: gradient shapes`);
        assertClose(flatten(python.gradients[row]), flatten(expected), `${name}: gradients of row ${row + 1}`);
      });

      const updated = NeuralNetwork.fromSnapshot(snapshot);
      updated.updateParameters(updated.computeGradients(inputs[0], targets[0]));
      assertClose(flatten(python.afterUpdate), flatten(updated.parameters()), `${name}: parameters after one update`);

      const trained = NeuralNetwork.fromSnapshot(snapshot);
      const errors = createTrainer(trained, inputs, targets, { iterations: TRAIN_ITERATIONS, errorInterval: 100, batchSize: variant.batchSize ?? 1 })
        .run(TRAIN_ITERATIONS).errors.map(([, error]) => error);
      assert.equal(python.errors.length, 3, `${name}: train() records the error at iterations 0, 100 and 200`);
      assertClose(python.errors, errors, `${name}: cumulative errors of train()`);
      assertClose(flatten(python.afterTraining), flatten(trained.parameters()), `${name}: parameters after train()`);
    });
  });

  it('keeps every float exactly: -0, tiny, huge and integral inputs predict as in the core', () => {
    assertPrinted('edge-case rows', 1e-12);
  });

  it('writes names from the dataset as escaped literals, so they cannot become code', () => {
    const script = hostileScript(tutorial);
    assert.doesNotMatch(script, /^(__import__|raise|import os)/m);
    assert.ok(/^[\x20-\x7e\n]*$/.test(script.replace(/→/g, '')), 'only printable ASCII outside the header arrows');
    assertPrinted('hostile names');
  });

  it('needs no targets to predict, and still defines input_vectors and targets for train()', () => {
    assert.match(numpyScript(tutorial.snapshot(), UNLABELLED_ROWS), /^input_vectors = np\.empty\(\(0, 2\)\)$/m);
    assertPrinted('rows without targets');
  });

  it('refuses rows that do not fit the model, and non-finite parameters', () => {
    const snapshot = tutorial.snapshot();
    assert.throws(() => numpyScript(snapshot, { rows: [{ input: [1, 2, 3], target: 1 }] }), /row 1 has 3 inputs, but the model takes 2/);
    const broken = structuredClone(snapshot);
    broken.layers[0].biases[0] = Number.NaN;
    assert.throws(() => numpyScript(broken, TUTORIAL_DATASET), /finite/);
  });
});
