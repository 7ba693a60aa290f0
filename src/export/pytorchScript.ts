// "Export as PyTorch": the same network as an nn.Module with the learned parameters loaded, the
// same loss and optimiser as the lab (squared error on one row, plain SGD), the tutorial's
// training loop as a function, and notes on moving to a GPU and to many machines.
//
// Everything runs in float64, as the lab does, so the printed predictions match the lab's to
// rounding. The parameters sit between two marker lines as JSON-compatible literals, so tools
// (and our tests) can read them back without running Python.

import type { HiddenActivation, ModelSnapshot } from '../core/types';
import { commentBlock, pythonFloat, pythonFloatList, pythonMatrix, pythonStringList } from './pythonLiterals';
import {
  errorIntervalOf, firstLayerSize, groupRows, iterationsOf, asNetworkInputs, networkInputsFunction, provenanceLines, type ExportDataset, type ScriptOptions,
} from './scriptParts';

export const PARAMETERS_BEGIN = '# --- learned parameters ---';
export const PARAMETERS_END = '# --- end of learned parameters ---';

const HIDDEN_MODULES: Record<HiddenActivation, string> = { sigmoid: 'nn.Sigmoid()', relu: 'nn.ReLU()', tanh: 'nn.Tanh()' };

/**
 * The program's source. Run as is, it prints one prediction per row (repr of a float), in the
 * order of predictionOrder(). Throws RangeError on non-finite values or mismatched rows.
 */
export function pytorchScript(snapshot: ModelSnapshot, dataset: ExportDataset, options: ScriptOptions = {}): string {
  const groups = groupRows(dataset, snapshot.inputSize);
  const sizes = [firstLayerSize(snapshot), ...snapshot.hiddenLayers, 1];
  const linears = sizes.slice(1).map((units, index) => `nn.Linear(${sizes[index]}, ${units}, dtype=torch.float64)`);
  const header = commentBlock([
    'A neural network trained in Neural Network Lab, exported as a PyTorch program.',
    ...provenanceLines(snapshot, dataset, options),
    '',
    'Run it with Python 3 and PyTorch (pip install torch):  python3 this_file.py',
    'It prints the network\'s prediction for every row of the dataset, one per line: the training',
    'rows first, then any held-out test rows, then the rows without a target.',
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

  return `${header}

import torch
from torch import nn

${PARAMETERS_BEGIN}
# WEIGHTS[layer][unit][input] and BIASES[layer][unit], as trained in the lab. The layers are
# the hidden layers in order, then the output unit; nn.Linear stores weight[unit][input] too.
WEIGHTS = [
${snapshot.layers.map((layer) => `    ${pythonMatrix(layer.weights, '    ')},`).join('\n')}
]
BIASES = [
${snapshot.layers.map((layer) => `    ${pythonFloatList(layer.biases)},`).join('\n')}
]
${PARAMETERS_END}

LEARNING_RATE = ${pythonFloat(snapshot.learningRate)}


${networkInputsFunction(snapshot, 'torch')}

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


def load_learned_parameters(net):
    with torch.no_grad():
        for layer, weights, biases in zip(net.layers, WEIGHTS, BIASES):
            layer.weight.copy_(torch.tensor(weights, dtype=torch.float64))
            layer.bias.copy_(torch.tensor(biases, dtype=torch.float64))


def train(net, input_vectors, targets, iterations, error_interval=${errorIntervalOf(options)}):
    """The tutorial's loop: one random row per iteration, the cumulative error every interval."""
    # Squared error summed over the rows given: on one row, exactly (prediction - target) ** 2.
    loss_function = nn.MSELoss(reduction="sum")
    # Plain stochastic gradient descent: parameter -= gradient * learning rate.
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)
    cumulative_errors = []
    for current_iteration in range(iterations):
        random_data_index = torch.randint(len(input_vectors), (1,)).item()
        prediction = net(input_vectors[random_data_index])
        target = targets[random_data_index:random_data_index + 1]

        optimizer.zero_grad()
        loss_function(prediction, target).backward()
        optimizer.step()

        if current_iteration % error_interval == 0:
            with torch.no_grad():
                predictions = net(input_vectors).squeeze(1)
                cumulative_errors.append(loss_function(predictions, targets).item())
    return cumulative_errors


${features}# The training data: one input vector per row and its target
${data.join('\n')}


${commentBlock(GOING_FURTHER)}


if __name__ == "__main__":
    net = Net()
    load_learned_parameters(net)

    # To keep training from the learned weights, uncomment:
    # cumulative_errors = train(net, input_vectors, targets, ${iterationsOf(options)})

    # One prediction per line, at full precision
    with torch.no_grad():
${rowsToPredict.map((name) => `        for input_vector in ${name}:
            print(repr(net(input_vector).item()))`).join('\n')}
`;
}

/** The network's input vectors for the rows: an (n × inputSize) float64 tensor through network_inputs; torch.tensor([]) would have the wrong shape without rows. */
function tensor(snapshot: ModelSnapshot, rows: number[][]): string {
  return asNetworkInputs(snapshot, rows.length === 0
    ? `torch.empty((0, ${snapshot.inputSize}), dtype=torch.float64)`
    : `torch.tensor(${pythonMatrix(rows, '')}, dtype=torch.float64)`);
}

// Written as comments, not code: the script must run as is on a machine without a GPU.
const GOING_FURTHER = [
  '--- Going further: a GPU -----------------------------------------------------------------',
  'Put the network and the data on the same device; nothing else changes:',
  '    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
  '    net = net.to(device)',
  '    input_vectors, targets = input_vectors.to(device), targets.to(device)',
  'A GPU is fast at many rows at once and slow at one row per step, so for real data train on',
  'mini-batches (torch.utils.data.DataLoader(TensorDataset(input_vectors, targets),',
  'batch_size=64, shuffle=True)); with reduction="sum" a batch\'s gradient is 64 rows\' worth, so',
  'lower the learning rate to match or use reduction="mean". Use float32 there too (dtype=',
  'torch.float32 for the layers and tensors): much faster on a GPU, and predictions then agree',
  'with the lab to about 1e-7 instead of to the last digit.',
  '',
  '--- Going further: data that outgrows one machine ----------------------------------------',
  'torch.nn.parallel.DistributedDataParallel runs one copy of the network per GPU, each on its',
  'own share of the rows, and averages the gradients after every backward pass. Start one',
  'process per GPU with torchrun:',
  '    torchrun --nproc_per_node=4 this_file.py                      # one machine, 4 GPUs',
  '    torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d \\',
  '             --rdzv_endpoint=HOST:29500 this_file.py   # the same on each of 2 machines',
  'and in the program:',
  '    import os',
  '    import torch.distributed as dist',
  '    from torch.nn.parallel import DistributedDataParallel',
  '    from torch.utils.data import DataLoader, TensorDataset',
  '    from torch.utils.data.distributed import DistributedSampler',
  '    dist.init_process_group("nccl")                  # "gloo" on machines without GPUs',
  '    local_rank = int(os.environ["LOCAL_RANK"])',
  '    torch.cuda.set_device(local_rank)',
  '    net = Net().to(local_rank)',
  '    load_learned_parameters(net)',
  '    net = DistributedDataParallel(net, device_ids=[local_rank])',
  '    dataset = TensorDataset(input_vectors, targets)',
  '    sampler = DistributedSampler(dataset)            # gives each process its own rows',
  '    loader = DataLoader(dataset, batch_size=64, sampler=sampler)',
  '    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE)',
  '    loss_function = nn.MSELoss(reduction="sum")',
  '    for epoch in range(epochs):',
  '        sampler.set_epoch(epoch)                     # a different shuffle every epoch',
  '        for batch_inputs, batch_targets in loader:',
  '            batch_inputs = batch_inputs.to(local_rank)',
  '            batch_targets = batch_targets.to(local_rank)',
  '            optimizer.zero_grad()',
  '            loss_function(net(batch_inputs).squeeze(1), batch_targets).backward()',
  '            optimizer.step()',
  '    dist.destroy_process_group()',
  'DistributedSampler splits the row indices, but every process still builds the whole',
  'dataset; when the data no longer fits in one machine\'s memory, store it in shards and',
  'have each process read only its own (for example with an IterableDataset).',
];
