// Shared by the export tests: running generated Python with Debian's interpreter, and the nets
// the exports are checked on. Python is run as a real process (execFileSync with a time limit)
// so a test proves the program a learner would run, not a simulation of it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTrainer, NeuralNetwork } from '../../src/core/index';
import type { NetworkOptions } from '../../src/core/index';
import type { ExportDataset } from '../../src/export/index';

export const PYTHON = '/usr/bin/python3';
/** Time limit of one Python process; torch's import alone takes seconds on a loaded machine. */
export const TIMEOUT_MS = 120_000;

const found = new Set<string>();

/**
 * Fails (never skips) without the module: the exports' promise is that their programs reproduce
 * the lab, and a skipped check would let that promise break unnoticed. `debianPackage` is what
 * `npm test`'s setup installs (scripts/setup-vscode.mjs, APT_PACKAGES).
 */
export function requirePythonModule(module: string, debianPackage: string): void {
  if (found.has(module)) return;
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { timeout: TIMEOUT_MS, stdio: 'pipe' });
    found.add(module);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `This export is checked by running it with ${PYTHON} and ${module}, which is not available `
      + `(${detail}). Install it with: apt-get install -y ${debianPackage}`,
    );
  }
}

export function requireNumpy(): void {
  requirePythonModule('numpy', 'python3-numpy');
}

export function requireTorch(): void {
  requirePythonModule('torch', 'python3-torch');
}

/** A scratch directory removed after the test run. */
export function scratchDirectory(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-lab-export-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `source` as a Python program; returns stdout, or throws with Python's stderr.
 * `modules` are written beside it (file name → source), so the program can import them.
 */
export function runPython(source: string, modules: Record<string, string> = {}, env: Record<string, string> = {}, timeout = TIMEOUT_MS): string {
  const scratch = scratchDirectory();
  try {
    for (const [name, text] of Object.entries(modules)) {
      fs.mkdirSync(path.dirname(path.join(scratch.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(scratch.dir, name), text, 'utf8');
    }
    const file = path.join(scratch.dir, 'program.py');
    fs.writeFileSync(file, source, 'utf8');
    return execFileSync(PYTHON, [file], {
      timeout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`python failed: ${error instanceof Error ? error.message : String(error)}\n${stderr}`);
  } finally {
    scratch.remove();
  }
}

/**
 * Runs several programs as __main__ in one Python process (runpy, each with its own globals), so
 * NumPy is imported once: that import dominates the time of these tests. Returns each stdout.
 */
export function runPythonPrograms(programs: readonly string[], imports: Record<string, string> = {}): string[] {
  const modules = { ...imports, ...Object.fromEntries(programs.map((source, i) => [`program_${i}.py`, source])) };
  const runner = `import contextlib, io, json, os, runpy, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
outputs = []
for i in range(${programs.length}):
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        runpy.run_path(os.path.join(here, f"program_{i}.py"), run_name="__main__")
    outputs.append(captured.getvalue())
sys.stdout.write(json.dumps(outputs))
`;
  return JSON.parse(runPython(runner, modules)) as string[];
}

/** Parses lines of repr(float) output. */
export function floatLines(stdout: string): number[] {
  return stdout.trim().split('\n').map((line) => {
    const value = Number(line);
    if (line.trim() === '' || Number.isNaN(value)) throw new Error(`not a float: ${JSON.stringify(line)}`);
    return value;
  });
}

/** |actual − expected| ≤ 1e-9 · max(1, |expected|), element by element. */
export function assertClose(actual: readonly number[], expected: readonly number[], what: string, tolerance = 1e-9): void {
  if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} values, expected ${expected.length}`);
  actual.forEach((value, i) => {
    const bound = tolerance * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(value - expected[i]) <= bound)) {
      throw new Error(`${what}[${i}]: ${value} differs from ${expected[i]} by ${Math.abs(value - expected[i])} (> ${bound})`);
    }
  });
}

export const TUTORIAL_INPUTS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
export const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];

/** The tutorial's rows, plus the tutorial's first prediction row without a target. */
export const TUTORIAL_DATASET: ExportDataset = {
  features: ['x1', 'x2'],
  rows: [
    ...TUTORIAL_INPUTS.map((input, i) => ({ input, target: TUTORIAL_TARGETS[i] })),
    { input: [1.66, 1.56] },
  ],
};

/** A regression set for linear outputs: y = x1 − 0.5·x2 + 0.25, one row held out as a test row. */
export const REGRESSION_DATASET: ExportDataset = {
  features: ['a', 'b'],
  rows: [
    ...[[0, 0], [1, 0], [0, 1], [1, 1], [0.5, 0.25], [-1, 0.5], [2, -1]].map(([a, b]) => ({ input: [a, b], target: a - 0.5 * b + 0.25 })),
    { input: [0.3, 0.7], target: 0.3 - 0.35 + 0.25, split: 'test' as const },
    { input: [-0.2, 1.2] },
  ],
};

export interface Variant {
  name: string;
  network: NeuralNetwork;
  dataset: ExportDataset;
  /** How the network was made and trained: `new NeuralNetwork(options)`, then `iterations` of train(). */
  options: NetworkOptions & { seed: number };
  iterations: number;
  /** Rows per step (network.batchSize); 1 when absent. */
  batchSize?: number;
}

function trained(options: NetworkOptions, dataset: ExportDataset, iterations: number, batchSize = 1): NeuralNetwork {
  const network = new NeuralNetwork(options);
  const { inputs, targets } = trainingRows(dataset);
  createTrainer(network, inputs, targets, { iterations, errorInterval: 100, batchSize }).run(iterations);
  if (!network.hasFiniteParameters()) throw new Error(`test setup: ${JSON.stringify(options)} diverged`);
  return network;
}

export const TUTORIAL_OPTIONS = { hiddenLayers: [], learningRate: 0.1, seed: 42 };

/** The tutorial's net trained as the tutorial trains it: lr 0.1, 10,000 iterations (seed 42). */
export function tutorialNetwork(): NeuralNetwork {
  return trained(TUTORIAL_OPTIONS, TUTORIAL_DATASET, 10_000);
}

function variant(name: string, options: NetworkOptions & { seed: number }, dataset: ExportDataset, iterations: number, batchSize?: number): Variant {
  return { name, network: trained(options, dataset, iterations, batchSize), dataset, options, iterations, ...(batchSize ? { batchSize } : {}) };
}

let cachedVariants: Variant[] | undefined;

/** The nets every exporter is checked on: the tutorial's, deeper ones, and linear outputs.
 *  Trained once per test run; treat them as read-only. */
export function variants(): Variant[] {
  cachedVariants ??= trainVariants();
  return cachedVariants;
}

function trainVariants(): Variant[] {
  return [
    variant("the tutorial's net (2 → 1 sigmoid)", TUTORIAL_OPTIONS, TUTORIAL_DATASET, 10_000),
    variant('hidden layers [5, 3], tanh', { hiddenLayers: [5, 3], activation: 'tanh', learningRate: 0.1, seed: 7 }, TUTORIAL_DATASET, 3000),
    variant('hidden layers [5, 3], relu', { hiddenLayers: [5, 3], activation: 'relu', learningRate: 0.1, seed: 11 }, TUTORIAL_DATASET, 3000),
    variant('hidden layer [4], sigmoid', { hiddenLayers: [4], activation: 'sigmoid', learningRate: 0.5, seed: 3 }, TUTORIAL_DATASET, 3000),
    variant('linear output, no hidden layer', { hiddenLayers: [], output: 'linear', learningRate: 0.05, seed: 5 }, REGRESSION_DATASET, 2000),
    // A seed whose row-sampler seed has the top bit set (the case where the core folds a negative XOR).
    variant('linear output, hidden layer [4] tanh', { hiddenLayers: [4], activation: 'tanh', output: 'linear', learningRate: 0.02, seed: 0xdeadbeef }, REGRESSION_DATASET, 2000),
    variant('feature crosses, hidden layer [3] tanh', { hiddenLayers: [3], activation: 'tanh', learningRate: 0.1, seed: 13, inputs: ['x1', 'x2', 'x1*x2', 'sin(x1)'] }, TUTORIAL_DATASET, 2000),
    variant("the tutorial's net with an L2 penalty", { hiddenLayers: [], learningRate: 0.1, seed: 21, regularization: { kind: 'L2', rate: 0.01 } }, TUTORIAL_DATASET, 2000),
    variant('hidden layer [4] relu, L1 penalty, batches of 3', { hiddenLayers: [4], activation: 'relu', learningRate: 0.1, seed: 17, regularization: { kind: 'L1', rate: 0.001 } }, TUTORIAL_DATASET, 2000, 3),
    variant('hidden layer [3] sigmoid, full batch (batchSize 10 > 8 rows)', { hiddenLayers: [3], learningRate: 0.5, seed: 19 }, TUTORIAL_DATASET, 1000, 10),
  ];
}

/** What the lab's run gives: a fresh network from the same options, trained as the variant was. */
export function labRun(variant: Variant, iterations = variant.iterations, errorInterval = 100): { errors: number[]; network: NeuralNetwork } {
  const network = new NeuralNetwork(variant.options);
  const { inputs, targets } = trainingRows(variant.dataset);
  const chunk = createTrainer(network, inputs, targets, { iterations, errorInterval, batchSize: variant.batchSize ?? 1 }).run(iterations);
  return { errors: chunk.errors.map(([, error]) => error), network };
}

/** The training rows of a dataset, as the exported scripts name them (input_vectors, targets). */
export function trainingRows(dataset: ExportDataset): { inputs: number[][]; targets: number[] } {
  const rows = dataset.rows.filter((row) => row.target !== undefined && row.split !== 'test');
  return { inputs: rows.map((row) => [...row.input]), targets: rows.map((row) => row.target as number) };
}
