// "Export as Python (NumPy)": a runnable Python 3 program in the Real Python tutorial's style —
// its NeuralNetwork class, the dataset inlined as input_vectors and targets, and a main block
// that prints one prediction per row. With the learned weights (the default) it does not train:
// running it reproduces the lab's predictions, and the lab's start values and row generator are
// there to replay the lab's run. With the tutorial's random start it trains, then predicts.

import type { ModelSnapshot } from '../core/types';
import { LAB_RANDOM_CLASS, rowSeedOf, seedLines } from './labRandom';
import { numpyClass } from './numpyClass';
import { batchDefinitions } from './numpyTraining';
import { commentBlock, pythonFloat, pythonFloatList, pythonMatrix, pythonStringList } from './pythonLiterals';
import {
  asNetworkInputs, batchSizeOf, errorIntervalOf, groupRows, iterationsOf, networkInputsFunction, parameterArguments, parameterConstants,
  provenanceLines, runStartParameters, type ExportDataset, type RowGroups, type ScriptOptions,
} from './scriptParts';

/**
 * The program's source. It prints repr(float(prediction)) for every row, one per line, in the
 * order of predictionOrder(): training rows, held-out test rows, rows without a target.
 * Throws RangeError if a parameter or value is not finite or a row has the wrong input count.
 */
export function numpyScript(snapshot: ModelSnapshot, dataset: ExportDataset, options: ScriptOptions = {}): string {
  const groups = groupRows(dataset, snapshot.inputSize);
  const start = options.start ?? 'learned';
  const iterations = iterationsOf(options);
  const learningRate = pythonFloat(snapshot.learningRate);
  const header = commentBlock([
    'A neural network trained in Neural Network Lab, exported as a NumPy program in the style of',
    'Real Python\'s tutorial "Python AI: How to Build a Neural Network".',
    ...provenanceLines(snapshot, dataset, options),
    ...seedLines(snapshot.seed, 'NumPy'),
    '',
    'Run it with Python 3 and NumPy (pip install numpy):  python3 this_file.py',
    start === 'random'
      ? `It starts from random weights as the tutorial does, trains for ${iterations} iterations, then prints`
      : 'It starts from the weights the lab learned and prints',
    'the network\'s prediction for every row of the dataset, one per line: the training rows',
    'first, then any held-out test rows, then the rows without a target.',
  ]);

  const parameters = start === 'random'
    ? ''
    : `# What the lab learned, and where its run started (training from there replays the run)
${parameterConstants('LEARNED', snapshot, snapshot.layers)}
${parameterConstants('START', snapshot, runStartParameters(snapshot, options.fileStart))}
`;
  const printed = ['input_vectors'];
  if (groups.test.inputs.length > 0) printed.push('test_input_vectors');
  if (groups.unlabelled.inputs.length > 0) printed.push('new_input_vectors');
  const printPredictions = `    # One prediction per line, at full precision
${printed.map((name) => `    for input_vector in ${name}:
        print(repr(float(neural_network.predict(input_vector))))`).join('\n')}`;
  const plot = [
    'import matplotlib.pyplot as plt',
    `plt.plot(range(0, ${iterations}, ${errorIntervalOf(options)}), training_error)`,
    'plt.xlabel("Iterations")',
    'plt.ylabel("Error for all training instances")',
    'plt.savefig("cumulative_error.png")',
  ];

  const main = start === 'random'
    ? `    # Random start values, as in the tutorial: each run starts somewhere else
    neural_network = NeuralNetwork(learning_rate=${learningRate})
    training_error = neural_network.train(input_vectors, targets, ${iterations})

${commentBlock(['To plot the error as the tutorial does (needs matplotlib), uncomment:', ...plot], '    ')}

${printPredictions}`
    : `    neural_network = NeuralNetwork(${learningRate}, ${parameterArguments('LEARNED', snapshot)})

${printPredictions}

${commentBlock([
    `To replay the lab's run (its start values, the rows it drew, ${iterations} iterations) and plot its`,
    'cumulative error as the tutorial does (needs matplotlib), uncomment:',
    `replay = NeuralNetwork(${learningRate}, ${parameterArguments('START', snapshot)})`,
    `training_error = replay.train(input_vectors, targets, ${iterations})`,
    ...plot,
    'To keep training from the learned weights instead:',
    `training_error = neural_network.train(input_vectors, targets, ${iterations})`,
  ], '    ')}`;

  return `${header}

import numpy as np


${LAB_RANDOM_CLASS}


${batchDefinitions(batchSizeOf(options))}# The seed of the lab's row sampler for the run's seed ${snapshot.seed}
ROW_SEED = ${rowSeedOf(snapshot.seed)}
${parameters}

${numpyClass(snapshot, errorIntervalOf(options), start, batchSizeOf(options))}


${networkInputsFunction(snapshot, 'numpy')}${dataSection(snapshot, dataset, groups)}


if __name__ == "__main__":
${main}
`;
}

/** features, input_vectors and targets (the tutorial's names), then test and unlabelled rows. */
function dataSection(snapshot: ModelSnapshot, dataset: ExportDataset, groups: RowGroups): string {
  const data: string[] = [];
  if (dataset.features && dataset.features.length > 0) {
    data.push(`# The meaning of each position in an input vector\nfeatures = ${pythonStringList(dataset.features)}`);
  }
  data.push([
    '# The training data, named as in the tutorial: one input vector per row and its target',
    `input_vectors = ${vectors(snapshot, groups.training.inputs)}`,
    `targets = np.array(${pythonFloatList(groups.training.targets)})`,
  ].join('\n'));
  if (groups.test.inputs.length > 0) {
    data.push([
      '# Held-out test rows: predicted and scored, never trained on',
      `test_input_vectors = ${vectors(snapshot, groups.test.inputs)}`,
      `test_targets = np.array(${pythonFloatList(groups.test.targets)})`,
    ].join('\n'));
  }
  if (groups.unlabelled.inputs.length > 0) {
    data.push([
      '# Rows without a target: the network predicts them, nothing more',
      `new_input_vectors = ${vectors(snapshot, groups.unlabelled.inputs)}`,
    ].join('\n'));
  }
  return data.join('\n\n');
}

/**
 * The network's input vectors for the rows: an (n × inputSize) array, through network_inputs when
 * the network derives its inputs; np.array([]) would have the wrong shape when there are no rows.
 */
export function vectors(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>, rows: number[][]): string {
  return asNetworkInputs(snapshot, rows.length === 0 ? `np.empty((0, ${snapshot.inputSize}))` : `np.array(${pythonMatrix(rows, '')})`);
}
