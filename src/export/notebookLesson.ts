// "Export as Notebook…": the tutorial as a Jupyter notebook, section by section, ending with the
// learner's own network, data and settings. With a learned model it replays the lab's run — the
// lab's start values, the rows the lab drew — so its plot is the lab's Error Chart, and it
// predicts the rows without a target with the lab's model. Without one it starts from random
// weights as the tutorial does, and says so.

import type { ModelSnapshot } from '../core/types';
import { LAB_RANDOM_CLASS, rowSeedOf } from './labRandom';
import { NotebookBuilder, markdownText, type Notebook } from './notebook';
import { dataCell, type DataSource } from './notebookData';
import { addTutorialSections } from './notebookTutorial';
import { numpyClass } from './numpyClass';
import { batchDefinitions, usesBatches } from './numpyTraining';
import { pythonFloat } from './pythonLiterals';
import {
  batchSizeOf, describeArchitecture, errorIntervalOf, groupRows, iterationsOf, networkInputsFunction, parameterArguments,
  parameterConstants, runStartParameters, type ExportDataset, type ScriptOptions,
} from './scriptParts';

export interface NotebookOptions extends Pick<ScriptOptions, 'iterations' | 'errorInterval' | 'fileStart' | 'batchSize'> {
  /** The dataset's file name, shown in the title. */
  datasetName: string;
  /**
   * true: `snapshot` is the lab's learned model, and the notebook replays its run. false: only
   * its shape, learning rate and seed are used, and the notebook starts from random weights.
   */
  learned: boolean;
  /** Where the rows come from (see chooseDataSource); inline by default. */
  source?: DataSource;
}

/** Lines of cumulative error the training cell prints at most (long runs print every k-th). */
export const PRINTED_ERRORS = 100;

export function lessonNotebook(snapshot: ModelSnapshot, dataset: ExportDataset, options: NotebookOptions): Notebook {
  const groups = groupRows(dataset, snapshot.inputSize);
  const iterations = iterationsOf(options);
  const errorInterval = errorIntervalOf(options);
  const batchSize = batchSizeOf(options);
  const learningRate = pythonFloat(snapshot.learningRate);
  const source = options.source ?? { kind: 'inline' };
  const tutorialNet = snapshot.hiddenLayers.length === 0;
  const name = markdownText(options.datasetName);
  const notebook = new NotebookBuilder();

  notebook.markdown('title', `# Building a neural network: ${name}

This notebook follows Real Python's tutorial "Python AI: How to Build a Neural Network & Make
Predictions" section by section, then trains your network from Neural Network Lab on your dataset,
${name}. ${options.learned
    ? "It replays the lab's run from its seed: the start values the lab computed from it, and the rows it drew in the same order, so its plot matches the lab's Error Chart (the last section checks the result against the lab's model)."
    : 'The lab has no trained model for this dataset yet, so the network starts from random weights, as the tutorial\'s does: each run of the notebook draws a different start and a different chart.'}

Run the cells in order (Run All). They need NumPy and Matplotlib (\`pip install numpy matplotlib\`).`);
  notebook.code('imports', 'import numpy as np\nimport matplotlib.pyplot as plt');

  addTutorialSections(notebook);

  notebook.markdown('lab-random', `## Picking rows the way the lab does

The tutorial's \`train\` picks a random row with \`np.random.randint\` at every iteration. To draw
the lab's rows instead, this notebook uses the lab's own generator (sfc32): a seed gives the same
sequence in the lab and here. NumPy's generators are other algorithms, so \`np.random.seed(${snapshot.seed})\`
would not pick the lab's rows.`);
  notebook.code('lab-random-code', `${LAB_RANDOM_CLASS}


${batchDefinitions(batchSize)}# The seed of the lab's row sampler for the run's seed ${snapshot.seed}
ROW_SEED = ${rowSeedOf(snapshot.seed)}`);

  notebook.markdown('class', `## The NeuralNetwork class

The tutorial gathers prediction, gradients, updates and training into one class. This one is built
for your network: ${markdownText(describeArchitecture(snapshot))}.${tutorialNet
    ? ''
    : ' With hidden layers, the chain rule runs backwards through every layer: the same idea as the chain-rule cell above, one layer at a time.'}
${options.learned
    ? 'It is given its start values, so it can begin where the lab\'s run began.'
    : 'It draws its start values with `np.random.randn()`, as the tutorial does.'}`);
  notebook.code('class-code', `${numpyClass(snapshot, errorInterval, options.learned ? 'learned' : 'random', batchSize)}`);

  notebook.markdown('data', `## Your data and settings

${dataSentence(groups.training.inputs.length, groups.test.inputs.length, groups.unlabelled.inputs.length, source)}${snapshot.inputs
    ? ' `network_inputs` turns each row into the feature crosses the network takes, as the lab does.'
    : ''}`);
  notebook.code('data-code', `${networkInputsFunction(snapshot, 'numpy')}${dataCell(snapshot, dataset, groups, source)}

learning_rate = ${learningRate}
iterations = ${iterations}${options.learned
    ? `

# Where the lab's run started, and what it learned
${parameterConstants('START', snapshot, runStartParameters(snapshot, options.fileStart))}
${parameterConstants('LEARNED', snapshot, snapshot.layers)}`
    : ''}`);

  notebook.markdown('training', `## Training

${options.learned ? 'The network starts where the lab\'s run started and draws the rows the lab drew' : 'The network starts from random weights'}${usesBatches(batchSize)
    ? `, ${batchSize} rows per step without repeats until every row has had its turn`
    : ''}${snapshot.regularization ? `, with the ${snapshot.regularization.kind} weight penalty` : ''}${usesBatches(batchSize) || snapshot.regularization ? ', as the settings say' : ''};
every ${errorInterval} iterations \`train\` adds up the squared error over all training rows.
The cell prints that cumulative error at most ${PRINTED_ERRORS} times (iteration, error).`);
  notebook.code('training-code', `neural_network = NeuralNetwork(${options.learned ? `learning_rate, ${parameterArguments('START', snapshot)}` : 'learning_rate'})
training_error = neural_network.train(input_vectors, targets, iterations)

step = -(-len(training_error) // ${PRINTED_ERRORS})
for index in range(0, len(training_error), step):
    print(index * ${errorInterval}, repr(float(training_error[index])))`);

  notebook.markdown('plot', `## The error, iteration by iteration

The tutorial's plot: the cumulative error after iteration 0, ${errorInterval}, ${2 * errorInterval} and so on.${options.learned
    ? " When the replay retraced the lab's run (see below), this is the lab's Error Chart."
    : ''}`);
  notebook.code('plot-code', `plt.plot(range(0, iterations, ${errorInterval}), training_error)
plt.xlabel("Iterations")
plt.ylabel("Error for all training instances")
plt.show()`);

  notebook.markdown('predictions', options.learned
    ? `## The lab's model

The replay's weights next to the ones the lab learned: a difference at rounding level (well below
1e-9) means the replay retraced the lab's run; a larger one means the lab's model came from another
run (stopped early, other settings, or loaded from a model file). Then the lab's model predicts the
rows that have no target, and the held-out test rows.`
    : `## Predictions

The trained network predicts the rows that have no target, and the held-out test rows.`);
  notebook.code('predictions-code', `${options.learned
    ? `lab_model = NeuralNetwork(learning_rate, ${parameterArguments('LEARNED', snapshot)})


def parameters_of(network):
    if hasattr(network, "biases"):
        return np.concatenate([np.ravel(w) for w in network.weights] + [np.ravel(b) for b in network.biases])
    return np.append(network.weights, network.bias)


difference = np.max(np.abs(parameters_of(neural_network) - parameters_of(lab_model)))
print(f"Largest difference between the replay's weights and the lab's: {difference:.3g}")

`
    : 'lab_model = neural_network\n\n'}for input_vector in new_input_vectors:
    print(f"{input_vector} predicts {float(lab_model.predict(input_vector)):.6g}")
for input_vector, target in zip(test_input_vectors, test_targets):
    print(f"{input_vector} predicts {float(lab_model.predict(input_vector)):.6g} (target {target:g})")`);

  notebook.markdown('next', `## Where next

Change \`learning_rate\` or \`iterations\` and run the training cells again, or add hidden layers in
the dataset's \`network\` block in Neural Network Lab and export again. **Neural Network: Export as
PyTorch…** writes the same network as a PyTorch program.`);
  return notebook.build();
}

function dataSentence(training: number, test: number, unlabelled: number, source: DataSource): string {
  const rows = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const counts = `${rows(training, 'training row')}, ${rows(test, 'held-out test row')} and ${rows(unlabelled, 'row')} without a target`;
  if (source.kind === 'file') return `The dataset has ${counts}: too many to write into a notebook, so the cell reads them from its file.`;
  const why = source.reason === undefined ? '' : ` It is large, but ${source.reason}, so its rows are written here all the same.`;
  return `The dataset has ${counts}.${why}`;
}
