// "Export as Python (NumPy)": a runnable Python 3 program in the Real Python tutorial's style —
// its NeuralNetwork class holding the learned weights, the dataset inlined as input_vectors and
// targets, and a main block that prints one prediction per row. It does not train by default:
// running it reproduces the lab's predictions; train() is there to continue from them.

import type { ModelSnapshot } from '../core/types';
import { numpyClass } from './numpyClass';
import { commentBlock, pythonFloat, pythonFloatList, pythonMatrix, pythonStringList } from './pythonLiterals';
import {
  errorIntervalOf, groupRows, iterationsOf, asNetworkInputs, networkInputsFunction, provenanceLines, type ExportDataset, type ScriptOptions,
} from './scriptParts';

/**
 * The program's source. It prints repr(float(prediction)) for every row, one per line, in the
 * order of predictionOrder(): training rows, held-out test rows, rows without a target.
 * Throws RangeError if a parameter or value is not finite or a row has the wrong input count.
 */
export function numpyScript(snapshot: ModelSnapshot, dataset: ExportDataset, options: ScriptOptions = {}): string {
  const groups = groupRows(dataset, snapshot.inputSize);
  const header = commentBlock([
    'A neural network trained in Neural Network Lab, exported as a NumPy program in the style of',
    'Real Python\'s tutorial "Python AI: How to Build a Neural Network".',
    ...provenanceLines(snapshot, dataset, options),
    '',
    'Run it with Python 3 and NumPy (pip install numpy):  python3 this_file.py',
    'It prints the network\'s prediction for every row of the dataset, one per line: the training',
    'rows first, then any held-out test rows, then the rows without a target.',
  ]);

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

  const printed = ['input_vectors'];
  if (groups.test.inputs.length > 0) printed.push('test_input_vectors');
  if (groups.unlabelled.inputs.length > 0) printed.push('new_input_vectors');

  return `${header}

import numpy as np


${numpyClass(snapshot, errorIntervalOf(options))}


${networkInputsFunction(snapshot, 'numpy')}
${data.join('\n\n')}


if __name__ == "__main__":
    neural_network = NeuralNetwork(learning_rate=${pythonFloat(snapshot.learningRate)})

${commentBlock([
    'To keep training from the learned weights (the tutorial trains from random ones), uncomment:',
    `training_error = neural_network.train(input_vectors, targets, ${iterationsOf(options)})`,
    'and to plot the error as the tutorial does (needs matplotlib):',
    'import matplotlib.pyplot as plt',
    'plt.plot(training_error)',
    'plt.xlabel("Iterations")',
    'plt.ylabel("Error for all training instances")',
    'plt.savefig("cumulative_error.png")',
  ], '    ')}

    # One prediction per line, at full precision
${printed.map((name) => `    for input_vector in ${name}:
        print(repr(float(neural_network.predict(input_vector))))`).join('\n')}
`;
}

/** The network's input vectors for the rows: an (n × inputSize) array through network_inputs; np.array([]) would have the wrong shape when there are no rows. */
function vectors(snapshot: ModelSnapshot, rows: number[][]): string {
  return asNetworkInputs(snapshot, rows.length === 0 ? `np.empty((0, ${snapshot.inputSize}))` : `np.array(${pythonMatrix(rows, '')})`);
}

