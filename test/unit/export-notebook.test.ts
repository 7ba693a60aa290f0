// The Jupyter notebook export: it validates against the nbformat 4.5 JSON schema (Debian's
// python3-nbformat ships it), its code cells run, and executed for real with Debian's
// `jupyter nbconvert --to notebook --execute` it prints the tutorial's numbers and the lab's
// replayed run (every cumulative error equal to the core's to 1e-9). nbconvert starts a kernel,
// which takes seconds, so only one notebook is executed that way; the other variants run their
// code cells in one plain Python process.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NeuralNetwork } from '../../src/core/index';
import {
  chooseDataSource, lessonNotebook, markdownText, relativeUriPath, NotebookBuilder, predictionOrder, PRINTED_ERRORS, serializeNotebook,
  type Notebook, type NotebookOptions,
} from '../../src/export/index';
import {
  assertClose, labRun, PYTHON, REGRESSION_DATASET, requirePythonModule, runPython, scratchDirectory, trainingRows,
  TUTORIAL_DATASET, variants, type Variant,
} from './export-helpers';

const NBCONVERT_TIMEOUT_MS = 240_000;

/** Schema errors of each notebook, from the nbformat 4.5 schema file in Debian's nbformat. */
function schemaErrors(notebooks: readonly Notebook[]): string[][] {
  const program = `import json, os
import jsonschema
import nbformat

schema_file = os.path.join(os.path.dirname(nbformat.__file__), "v4", "nbformat.v4.5.schema.json")
with open(schema_file, encoding="utf-8") as file:
    validator = jsonschema.Draft4Validator(json.load(file))
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "notebooks.json"), encoding="utf-8") as file:
    notebooks = json.load(file)
print(json.dumps([[f"{list(error.path)}: {error.message}" for error in validator.iter_errors(notebook)] for notebook in notebooks]))
`;
  return JSON.parse(runPython(program, { 'notebooks.json': JSON.stringify(notebooks) })) as string[][];
}

/** Runs every code cell of each notebook, in order, in one process; returns each cell's stdout by id. */
function runCodeCells(notebooks: readonly Notebook[], files: Record<string, string> = {}): Map<string, string>[] {
  const programs = notebooks.map((notebook) => notebook.cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => `print("@@cell ${cell.id}")\n${cell.source.join('')}`)
    .join('\n\n'));
  const runner = `import contextlib, io, json, os
import matplotlib
matplotlib.use("Agg")
here = os.path.dirname(os.path.abspath(__file__))
os.chdir(here)
outputs = []
for i in range(${programs.length}):
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), open(os.path.join(here, f"notebook_{i}.py"), encoding="utf-8") as file:
        exec(compile(file.read(), f"notebook_{i}.py", "exec"), {"__name__": "__main__"})
    outputs.append(captured.getvalue())
print(json.dumps(outputs))
`;
  const modules = { ...files, ...Object.fromEntries(programs.map((program, i) => [`notebook_${i}.py`, program])) };
  return (JSON.parse(runPython(runner, modules)) as string[]).map((stdout) => {
    const cells = new Map<string, string>();
    for (const chunk of stdout.split('@@cell ').slice(1)) {
      const newline = chunk.indexOf('\n');
      cells.set(chunk.slice(0, newline), chunk.slice(newline + 1));
    }
    return cells;
  });
}

/** "iteration error" lines of the training cell. */
function printedErrors(text: string): { iterations: number[]; errors: number[] } {
  const lines = text.trim().split('\n').map((line) => line.trim().split(' ').map(Number));
  assert.ok(lines.every((parts) => parts.length === 2 && parts.every(Number.isFinite)), `iteration/error lines, got:\n${text}`);
  return { iterations: lines.map(([iteration]) => iteration), errors: lines.map(([, error]) => error) };
}

function notebookOf(variant: Variant, options: Partial<NotebookOptions> = {}): Notebook {
  return lessonNotebook(variant.network.snapshot(), variant.dataset, {
    datasetName: 'tutorial.nn.json', learned: true, iterations: variant.iterations, errorInterval: 100, batchSize: variant.batchSize, ...options,
  });
}

function codeOf(notebook: Notebook, id: string): string {
  const cell = notebook.cells.find((candidate) => candidate.id === id);
  assert.ok(cell, `cell ${id}`);
  return cell.source.join('');
}

describe('export: Jupyter notebook', function () {
  this.timeout(NBCONVERT_TIMEOUT_MS + 60_000);
  let nets: Variant[];

  before(() => {
    nets = variants();
  });

  describe('the builder', () => {
    it('writes nbformat 4.5 cells with ids, lines ending in "\\n" but the last, and refuses bad or repeated ids', () => {
      const notebook = new NotebookBuilder().markdown('intro', '# Title\n\ntext').code('code-1', 'x = 1\nprint(x)\n').build();
      assert.equal(notebook.nbformat, 4);
      assert.equal(notebook.nbformat_minor, 5);
      assert.deepStrictEqual(notebook.cells.map((cell) => [cell.id, cell.cell_type, cell.source]), [
        ['intro', 'markdown', ['# Title\n', '\n', 'text']],
        ['code-1', 'code', ['x = 1\n', 'print(x)']],
      ]);
      assert.deepStrictEqual(notebook.cells[1], { cell_type: 'code', id: 'code-1', metadata: {}, execution_count: null, outputs: [], source: ['x = 1\n', 'print(x)'] });
      assert.throws(() => new NotebookBuilder().code('a', '').code('a', ''), /used twice/);
      for (const bad of ['', 'has space', 'x'.repeat(65), 'dot.ted', 'ünï']) {
        assert.throws(() => new NotebookBuilder().code(bad, ''), /not 1 to 64/, JSON.stringify(bad));
      }
      const text = serializeNotebook(notebook);
      assert.ok(text.endsWith('}\n'));
      assert.deepStrictEqual(JSON.parse(text), notebook);
    });

    it('makes names from a dataset literal Markdown', () => {
      assert.equal(markdownText('a*b_[c](d)\n<img src=x>'), 'a\\*b\\_\\[c\\]\\(d\\) \\<img src=x\\>');
      const hostile = lessonNotebook(nets[0].network.snapshot(), { ...TUTORIAL_DATASET, features: ['x"\n__import__("os")', 'y'] }, {
        datasetName: '<script>alert(1)</script>\n# Heading', learned: true, iterations: 100,
      });
      const title = hostile.cells[0].source.join('');
      assert.ok(title.includes('\\<script\\>alert\\(1\\)\\</script\\> \\# Heading'), title);
      assert.ok(codeOf(hostile, 'data-code').includes('features = ["x\\"\\n__import__(\\"os\\")", "y"]'));
    });
  });

  it('chooses where the rows come from: inline up to the limit, else the file when Python can read it', () => {
    const facts = { rowCount: 1001, path: 'data/big.nn.json', unsaved: false, plainJson: true };
    assert.deepStrictEqual(chooseDataSource({ ...facts, rowCount: 1000 }, 1000), { kind: 'inline' });
    assert.deepStrictEqual(chooseDataSource(facts, 1000), { kind: 'file', path: 'data/big.nn.json' });
    assert.match(String((chooseDataSource({ ...facts, path: undefined }, 1000) as { reason?: string }).reason), /not been saved/);
    assert.match(String((chooseDataSource({ ...facts, unsaved: true }, 1000) as { reason?: string }).reason), /changes made in the editor/);
    assert.match(String((chooseDataSource({ ...facts, plainJson: false }, 1000) as { reason?: string }).reason), /comments or trailing commas/);
    // The path the notebook opens, relative to its own folder (URI paths, any platform).
    assert.equal(relativeUriPath('/w/notebooks/a.ipynb', '/w/data.nn.json'), '../data.nn.json');
    assert.equal(relativeUriPath('/w/a.ipynb', '/w/data.nn.json'), 'data.nn.json');
    assert.equal(relativeUriPath('/w/a.ipynb', '/w/sets/x/data.nn.json'), 'sets/x/data.nn.json');
    assert.equal(relativeUriPath('/w/n/b/a.ipynb', '/w/sets/data.nn.json'), '../../sets/data.nn.json');
    assert.equal(relativeUriPath('/c:/w/a.ipynb', '/d:/data.nn.json'), 'd:/data.nn.json');
    assert.equal(relativeUriPath('/c:/w/a.ipynb', '/c:/data.nn.json'), '../data.nn.json');
    assert.equal(relativeUriPath('/w/data/a.ipynb', '/w/data'), '../data');
  });

  it('validates against the nbformat 4.5 JSON schema (Debian\'s python3-nbformat), every variant', () => {
    requirePythonModule('nbformat', 'python3-nbformat');
    const notebooks = [
      ...nets.map((variant) => notebookOf(variant)),
      ...nets.map((variant) => notebookOf(variant, { learned: false })),
      notebookOf(nets[0], { source: { kind: 'file', path: 'tutorial.nn.json' } }),
      notebookOf(nets[0], { source: { kind: 'inline', reason: 'its file does not hold the changes made in the editor yet' } }),
    ];
    schemaErrors(notebooks).forEach((errors, i) => assert.deepStrictEqual(errors, [], `notebook ${i}`));
    for (const notebook of notebooks) {
      assert.ok(notebook.cells.every((cell) => typeof cell.id === 'string'), 'every cell has an id');
      assert.equal(new Set(notebook.cells.map((cell) => cell.id)).size, notebook.cells.length, 'ids are unique');
    }
    // A notebook with a broken cell must fail, or the check proves nothing.
    const broken = structuredClone(notebooks[0]) as unknown as { cells: Record<string, unknown>[] };
    delete broken.cells[1].id;
    assert.notDeepStrictEqual(schemaErrors([broken as unknown as Notebook])[0], []);
  });

  it('follows the tutorial\'s sections, then the learner\'s network, data, replayed run, plot and predictions', () => {
    const notebook = notebookOf(nets[1]);
    const headings = notebook.cells.filter((cell) => cell.cell_type === 'markdown').map((cell) => cell.source[0].trim());
    assert.deepStrictEqual(headings, [
      '# Building a neural network: tutorial\\.nn\\.json', '## Vectors and the dot product', '## A first prediction',
      '## The error, and which way to go', '## The chain rule', '## Picking rows the way the lab does',
      '## The NeuralNetwork class', '## Your data and settings', '## Training', '## The error, iteration by iteration',
      "## The lab's model", '## Where next',
    ]);
    assert.match(codeOf(notebook, 'plot-code'), /plt\.ylabel\("Error for all training instances"\)/);
    assert.match(codeOf(notebook, 'training-code'), /^neural_network = NeuralNetwork\(learning_rate, START_WEIGHTS, START_BIASES\)$/m);
    const fresh = notebookOf(nets[0], { learned: false });
    assert.match(fresh.cells[0].source.join(''), /no trained model for this dataset yet, so the network starts from random weights/);
    assert.match(codeOf(fresh, 'class-code'), /self\.weights = np\.array\(\[np\.random\.randn\(\), np\.random\.randn\(\)\]\)/);
    assert.doesNotMatch(codeOf(fresh, 'data-code'), /LEARNED_|START_/);
  });

  it('runs: random starts, deeper nets and a dataset read from its file replay the core\'s numbers', () => {
    requirePythonModule('matplotlib', 'python3-matplotlib');
    const deep = nets[1];
    const regression = nets[5];
    // A dataset "too large" to inline (limit 3 rows): the notebook reads the file beside it.
    const fileDataset = { features: ['a', 'b'], rows: REGRESSION_DATASET.rows };
    const datasetFile = JSON.stringify({ features: fileDataset.features, rows: fileDataset.rows, network: { learningRate: 0.02 } }, null, 1);
    const source = chooseDataSource({ rowCount: fileDataset.rows.length, path: 'data/regression.nn.json', unsaved: false, plainJson: true }, 3);
    const notebooks = [
      notebookOf(deep, { iterations: 300 }),
      lessonNotebook(regression.network.snapshot(), fileDataset, { datasetName: 'regression.nn.json', learned: true, iterations: 300, source }),
      notebookOf(nets[0], { learned: false, iterations: 300 }),
    ];
    const [deepCells, fileCells, freshCells] = runCodeCells(notebooks, { 'data/regression.nn.json': datasetFile });
    for (const [variant, cells] of [[deep, deepCells], [regression, fileCells]] as const) {
      const printed = printedErrors(cells.get('training-code') ?? '');
      assert.deepStrictEqual(printed.iterations, [0, 100, 200]);
      assertClose(printed.errors, labRun(variant, 300).errors, `${variant.name}: replayed errors`);
    }
    const unlabelled = predictionOrder(fileDataset, 2).length - trainingRows(fileDataset).inputs.length;
    assert.equal((fileCells.get('predictions-code') ?? '').trim().split('\n').length, 1 + unlabelled, 'difference line, then one line per test or new row');
    assert.equal(printedErrors(freshCells.get('training-code') ?? '').errors.length, 3);
    assert.match(freshCells.get('predictions-code') ?? '', /^\[1\.66 1\.56\] predicts 0\.\d+/m);
  });

  it('executes with jupyter nbconvert --execute: the tutorial\'s numbers, then the lab\'s whole run replayed to 1e-9', () => {
    requirePythonModule('ipykernel', 'python3-ipykernel');
    requirePythonModule('nbconvert', 'jupyter-nbconvert');
    const tutorial = nets[0];
    const scratch = scratchDirectory();
    try {
      const input = path.join(scratch.dir, 'tutorial.ipynb');
      fs.writeFileSync(input, serializeNotebook(notebookOf(tutorial)), 'utf8');
      const started = Date.now();
      execFileSync(PYTHON, ['-m', 'nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=180',
        '--output', 'executed', '--output-dir', scratch.dir, input], {
        timeout: NBCONVERT_TIMEOUT_MS, stdio: 'pipe', cwd: scratch.dir,
        env: {
          ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1', JUPYTER_RUNTIME_DIR: path.join(scratch.dir, 'runtime'),
          IPYTHONDIR: path.join(scratch.dir, 'ipython'),
        },
      });
      console.log(`      (nbconvert --execute took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      const executed = JSON.parse(fs.readFileSync(path.join(scratch.dir, 'executed.ipynb'), 'utf8')) as {
        cells: { id: string; outputs?: { output_type: string; text?: string[]; data?: Record<string, unknown> }[] }[];
      };
      const stdout = (id: string) => (executed.cells.find((cell) => cell.id === id)?.outputs ?? [])
        .filter((output) => output.output_type === 'stream').map((output) => (output.text ?? []).join('')).join('');

      // The tutorial's own numbers (DESIGN.md: "The tutorial, for reference").
      assert.equal(stdout('dot-product-code'), 'The dot product is: 2.1672\nThe dot product is: 4.1259999999999994\n');
      assert.equal(stdout('first-prediction-code'), 'The prediction result is: [0.7985731]\n');
      assert.equal(stdout('error-code'), [
        'The prediction result is: [0.87101915]', 'Prediction: [0.87101915]; Error: [0.75867436]',
        'The derivative is [1.7420383]', 'Prediction: [0.01496248]; Error: [0.00022388]', '',
      ].join('\n'));

      // The lab's run of 10,000 iterations, every recorded error, and where it ends.
      const lab = labRun(tutorial);
      const printed = printedErrors(stdout('training-code'));
      assert.equal(printed.errors.length, PRINTED_ERRORS);
      assert.deepStrictEqual(printed.iterations, lab.errors.map((_, i) => i * 100));
      assertClose(printed.errors, lab.errors, 'cumulative errors of the executed notebook');
      const difference = /Largest difference between the replay's weights and the lab's: (\S+)/.exec(stdout('predictions-code'));
      assert.ok(difference && Number(difference[1]) <= 1e-9, stdout('predictions-code'));
      const newRow = /\[1\.66 1\.56\] predicts (\S+)/.exec(stdout('predictions-code'));
      assert.ok(newRow);
      assertClose([Number(newRow[1])], [NeuralNetwork.fromSnapshot(tutorial.network.snapshot()).predict([1.66, 1.56])], 'prediction', 1e-5);
      const plot = executed.cells.find((cell) => cell.id === 'plot-code')?.outputs ?? [];
      assert.ok(plot.some((output) => output.data && 'image/png' in output.data), 'the plot is drawn');
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      if (stderr) throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}`);
      throw error;
    } finally {
      scratch.remove();
    }
  });
});
