// "Export as PyTorch": the same network as an nn.Module with the learned parameters loaded, the
// same loss and optimiser as the lab (squared error on one row, plain SGD), the tutorial's
// training loop as a function drawing its rows from the lab's generator, and notes on moving to
// a GPU and to many machines (comments: the script runs unchanged on a CPU).
//
// Everything runs in float64, as the lab does, so the printed predictions match the lab's to
// rounding. The parameters sit between two marker lines as JSON-compatible literals, so tools
// (and our tests) can read them back without running Python.

import type { HiddenActivation, LayerParameters, ModelSnapshot } from '../core/types';
import { LAB_RANDOM_CLASS, rowSeedOf, seedLines } from './labRandom';
import { batchDefinitions, usesBatches } from './numpyTraining';
import { GOING_FURTHER } from './pytorchNotes';
import { commentBlock, pythonFloat, pythonFloatList, pythonMatrix, pythonStringList } from './pythonLiterals';
import {
  batchSizeOf, errorIntervalOf, firstLayerSize, groupRows, iterationsOf, asNetworkInputs, networkInputsFunction, provenanceLines,
  runStartParameters, type ExportDataset, type ScriptOptions,
} from './scriptParts';

export const PARAMETERS_BEGIN = '# --- learned parameters ---';
export const PARAMETERS_END = '# --- end of learned parameters ---';

const HIDDEN_MODULES: Record<HiddenActivation, string> = { sigmoid: 'nn.Sigmoid()', relu: 'nn.ReLU()', tanh: 'nn.Tanh()' };

/**
 * The program's source. Run as is, it prints one prediction per row (repr of a float), in the
 * order of predictionOrder(); with the random start it trains first. Throws RangeError on
 * non-finite values or mismatched rows.
 */
export function pytorchScript(snapshot: ModelSnapshot, dataset: ExportDataset, options: ScriptOptions = {}): string {
  const groups = groupRows(dataset, snapshot.inputSize);
  const start = options.start ?? 'learned';
  const iterations = iterationsOf(options);
  const sizes = [firstLayerSize(snapshot), ...snapshot.hiddenLayers, 1];
  const linears = sizes.slice(1).map((units, index) => `nn.Linear(${sizes[index]}, ${units}, dtype=torch.float64)`);
  const header = commentBlock([
    'A neural network trained in Neural Network Lab, exported as a PyTorch program.',
    ...provenanceLines(snapshot, dataset, options),
    ...seedLines(snapshot.seed, 'PyTorch'),
    '',
    'Run it with Python 3 and PyTorch (pip install torch):  python3 this_file.py',
    start === 'random'
      ? `It starts from random weights as the tutorial does, trains for ${iterations} iterations, then prints`
      : 'It loads the weights the lab learned and prints',
    'the network\'s prediction for every row of the dataset, one per line: the training rows',
    'first, then any held-out test rows, then the rows without a target.',
  ]);

  const rowsToPredict = ['input_vectors'];
  const data = [
    `input_vectors = ${tensor(snapshot, groups.training.inputs)}`,
    `targets = torch.tensor(${pythonFloatList(groups.training.targets)}, dtype=torch.float64)`,
  ];
  if (groups.test.inputs.length > 0) {
    rowsToPredict.push('test_input_vectors');
    data.push(
      '',
      '# Held-out test rows: predicted and scored, never trained on',
      `test_input_vectors = ${tensor(snapshot, groups.test.inputs)}`,
      `test_targets = torch.tensor(${pythonFloatList(groups.test.targets)}, dtype=torch.float64)`,
    );
  }
  if (groups.unlabelled.inputs.length > 0) {
    rowsToPredict.push('new_input_vectors');
    data.push(
      '',
      '# Rows without a target: the network predicts them, nothing more',
      `new_input_vectors = ${tensor(snapshot, groups.unlabelled.inputs)}`,
    );
  }
  const features = dataset.features && dataset.features.length > 0
    ? `# The meaning of each position in an input vector\nfeatures = ${pythonStringList(dataset.features)}\n\n`
    : '';

  const parameters = start === 'random' ? '' : `${PARAMETERS_BEGIN}
# WEIGHTS[layer][unit][input] and BIASES[layer][unit], as trained in the lab. The layers are
# the hidden layers in order, then the output unit; nn.Linear stores weight[unit][input] too.
${layerConstants('', snapshot.layers)}
${PARAMETERS_END}

# Where the lab's run started: training from here with the lab's rows replays the run
${layerConstants('START_', runStartParameters(snapshot, options.fileStart))}

`;
  const printPredictions = `    # One prediction per line, at full precision
    with torch.no_grad():
${rowsToPredict.map((name) => `        for input_vector in ${name}:
            print(repr(net(input_vector).item()))`).join('\n')}`;
  const main = start === 'random'
    ? `    # Random start values, as in the tutorial: each run starts somewhere else
    net = Net()
    random_start(net)
    cumulative_errors = train(net, input_vectors, targets, ${iterations})

${printPredictions}`
    : `    net = Net()
    load_parameters(net, WEIGHTS, BIASES)

${printPredictions}

${commentBlock([
    `To replay the lab's run (its start values, the rows it drew, ${iterations} iterations), uncomment:`,
    'replay = Net()',
    'load_parameters(replay, START_WEIGHTS, START_BIASES)',
    `cumulative_errors = train(replay, input_vectors, targets, ${iterations})`,
    'To keep training from the learned weights instead:',
    `cumulative_errors = train(net, input_vectors, targets, ${iterations})`,
  ], '    ')}`;

  return `${header}

import torch
from torch import nn


${LAB_RANDOM_CLASS}


${batchDefinitions(batchSizeOf(options))}# The seed of the lab's row sampler for the run's seed ${snapshot.seed}
ROW_SEED = ${rowSeedOf(snapshot.seed)}

${parameters}LEARNING_RATE = ${pythonFloat(snapshot.learningRate)}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([
${linears.map((line) => `            ${line},`).join('\n')}
        ])
        self.hidden_activation = ${HIDDEN_MODULES[snapshot.activation]}
        self.output_activation = ${snapshot.output === 'sigmoid' ? 'nn.Sigmoid()' : 'nn.Identity()  # linear output: regression'}

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = self.hidden_activation(layer(x))
        return self.output_activation(self.layers[-1](x))


${start === 'random' ? randomStart(snapshot) : LOAD_PARAMETERS}


${trainFunction(snapshot, errorIntervalOf(options), batchSizeOf(options))}


${networkInputsFunction(snapshot, 'torch')}${features}# The training data: one input vector per row and its target
${data.join('\n')}


${commentBlock(GOING_FURTHER)}


if __name__ == "__main__":
${main}
`;
}

const LOAD_PARAMETERS = `def load_parameters(net, weights, biases):
    with torch.no_grad():
        for layer, layer_weights, layer_biases in zip(net.layers, weights, biases):
            layer.weight.copy_(torch.tensor(layer_weights, dtype=torch.float64))
            layer.bias.copy_(torch.tensor(layer_biases, dtype=torch.float64))`;

/** `${prefix}WEIGHTS = [...]` and `${prefix}BIASES = [...]`, one layer per entry. */
function layerConstants(prefix: string, layers: readonly LayerParameters[]): string {
  return [
    `${prefix}WEIGHTS = [`,
    ...layers.map((layer) => `    ${pythonMatrix(layer.weights, '    ')},`),
    ']',
    `${prefix}BIASES = [`,
    ...layers.map((layer) => `    ${pythonFloatList(layer.biases)},`),
    ']',
  ].join('\n');
}

/** Start values drawn as the lab draws them (standard normal; scaled in deeper nets), in torch. */
function randomStart(snapshot: ModelSnapshot): string {
  const sizes = [firstLayerSize(snapshot), ...snapshot.hiddenLayers, 1];
  const lines = snapshot.hiddenLayers.length === 0
    ? [
      '        # The tutorial\'s np.random.randn() for every weight and the bias',
      `        net.layers[0].weight.copy_(torch.randn(1, ${firstLayerSize(snapshot)}, dtype=torch.float64))`,
      '        net.layers[0].bias.copy_(torch.randn(1, dtype=torch.float64))',
    ]
    : [
      '        # Standard normal values as the tutorial\'s np.random.randn(), scaled as the lab scales',
      '        # them (by 1/√inputs, or √2/√inputs before relu units); biases start at 0',
      ...sizes.slice(1).flatMap((units, index) => {
        const gain = snapshot.activation === 'relu' && index < sizes.length - 2 ? 2 : 1;
        return [
          `        net.layers[${index}].weight.copy_(torch.randn(${units}, ${sizes[index]}, dtype=torch.float64) * (${gain} / ${sizes[index]}) ** 0.5)`,
          `        net.layers[${index}].bias.zero_()`,
        ];
      }),
    ];
  return `def random_start(net):
    with torch.no_grad():
${lines.join('\n')}`;
}

/** The network's input vectors for the rows: an (n × inputSize) float64 tensor through network_inputs; torch.tensor([]) would have the wrong shape without rows. */
function tensor(snapshot: ModelSnapshot, rows: number[][]): string {
  return asNetworkInputs(snapshot, rows.length === 0
    ? `torch.empty((0, ${snapshot.inputSize}), dtype=torch.float64)`
    : `torch.tensor(${pythonMatrix(rows, '')}, dtype=torch.float64)`);
}

/**
 * train(): the tutorial's loop on one row per iteration, or — for a run on batches — the lab's batch
 * step: the mean squared error of the batch; either plus the weight penalty when the run had one.
 */
function trainFunction(snapshot: ModelSnapshot, errorInterval: number, batchSize: number): string {
  const batched = usesBatches(batchSize);
  const penalty = snapshot.regularization;
  const penaltyFunction = penalty
    ? `def penalty(net):
    """The lab's ${penalty.kind} penalty: ${pythonFloat(penalty.rate)} · Σ ${penalty.kind === 'L2' ? 'w²' : '|w|'} over every weight (biases are not penalised)."""
    return ${pythonFloat(penalty.rate)} * sum(${penalty.kind === 'L2' ? '(layer.weight ** 2).sum()' : 'layer.weight.abs().sum()'} for layer in net.layers)


`
    : '';
  const step = batched
    ? `        batch = batches.next()
        predictions = net(input_vectors[batch]).squeeze(1)
        # The mean squared error over the batch${penalty ? ', plus the weight penalty' : ''}
        loss = loss_function(predictions, targets[batch]) / len(batch)${penalty ? ' + penalty(net)' : ''}

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()`
    : `        random_data_index = random.randint(len(input_vectors))
        prediction = net(input_vectors[random_data_index])
        target = targets[random_data_index:random_data_index + 1]

        # The squared error on the row${penalty ? ', plus the weight penalty' : ''}
        loss = loss_function(prediction, target)${penalty ? ' + penalty(net)' : ''}

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()`;
  return `${penaltyFunction}def train(net, input_vectors, targets, iterations, error_interval=${errorInterval}, random=None):
    """${batched
    ? `As the lab trained: every step takes the next BATCH_SIZE rows of a shuffle drawn with the lab's
    generator (LabBatches); the cumulative error every interval.`
    : `The tutorial's loop: one random row per iteration, the cumulative error every interval.
    The rows come from the lab's generator (pass the same LabRandom again to continue a run).`}"""
    random = random if random is not None else LabRandom(ROW_SEED)
    # Squared error summed over the rows given: on one row, exactly (prediction - target) ** 2.
    loss_function = nn.MSELoss(reduction="sum")
    # Plain stochastic gradient descent: parameter -= gradient * learning rate.
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)${batched ? '\n    batches = LabBatches(random, len(input_vectors), BATCH_SIZE)' : ''}
    cumulative_errors = []
    for current_iteration in range(iterations):
${step}

        if current_iteration % error_interval == 0:
            with torch.no_grad():
                predictions = net(input_vectors).squeeze(1)
                cumulative_errors.append(loss_function(predictions, targets).item())
    return cumulative_errors
`;
}
