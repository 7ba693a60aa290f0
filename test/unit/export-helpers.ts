// Shared by the export tests: running generated Python with Debian's interpreter, and the nets
// the exports are checked on. Python is run as a real process (execFileSync, 30 s timeout) so a
// test proves the program a learner would run, not a simulation of it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NeuralNetwork } from '../../src/core/index';
import type { HiddenActivation, OutputKind } from '../../src/core/index';
import type { ExportDataset } from '../../src/export/index';

export const PYTHON = '/usr/bin/python3';
const TIMEOUT_MS = 30_000;

/**
 * Fails (never skips) without NumPy: the export's promise is that the NumPy program reproduces
 * the lab, and a skipped check would let that promise break unnoticed.
 */
let numpyFound = false;

export function requireNumpy(): void {
  if (numpyFound) return;
  try {
    execFileSync(PYTHON, ['-c', 'import numpy'], { timeout: TIMEOUT_MS, stdio: 'pipe' });
    numpyFound = true;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `The NumPy export is checked by running it with ${PYTHON} and NumPy, which are not available `
      + `(${detail}). Install them with: apt-get install -y python3-numpy`,
    );
  }
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
export function runPython(source: string, modules: Record<string, string> = {}, env: Record<string, string> = {}): string {
  const scratch = scratchDirectory();
  try {
    for (const [name, text] of Object.entries(modules)) {
      fs.mkdirSync(path.dirname(path.join(scratch.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(scratch.dir, name), text, 'utf8');
    }
    const file = path.join(scratch.dir, 'program.py');
    fs.writeFileSync(file, source, 'utf8');
    return execFileSync(PYTHON, [file], {
      timeout: TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
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
}

function trained(options: { hiddenLayers: number[]; activation?: HiddenActivation; output?: OutputKind; learningRate: number; seed: number }, dataset: ExportDataset, iterations: number): NeuralNetwork {
  const network = new NeuralNetwork(options);
  const rows = dataset.rows.filter((row) => row.target !== undefined && row.split !== 'test');
  network.train(rows.map((row) => [...row.input]), rows.map((row) => row.target as number), iterations);
  if (!network.hasFiniteParameters()) throw new Error(`test setup: ${JSON.stringify(options)} diverged`);
  return network;
}

/** The tutorial's net trained as the tutorial trains it: lr 0.1, 10,000 iterations (seed 42). */
export function tutorialNetwork(): NeuralNetwork {
  return trained({ hiddenLayers: [], learningRate: 0.1, seed: 42 }, TUTORIAL_DATASET, 10_000);
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
    { name: "the tutorial's net (2 → 1 sigmoid)", network: tutorialNetwork(), dataset: TUTORIAL_DATASET },
    { name: 'hidden layers [5, 3], tanh', network: trained({ hiddenLayers: [5, 3], activation: 'tanh', learningRate: 0.1, seed: 7 }, TUTORIAL_DATASET, 3000), dataset: TUTORIAL_DATASET },
    { name: 'hidden layers [5, 3], relu', network: trained({ hiddenLayers: [5, 3], activation: 'relu', learningRate: 0.1, seed: 11 }, TUTORIAL_DATASET, 3000), dataset: TUTORIAL_DATASET },
    { name: 'hidden layer [4], sigmoid', network: trained({ hiddenLayers: [4], activation: 'sigmoid', learningRate: 0.5, seed: 3 }, TUTORIAL_DATASET, 3000), dataset: TUTORIAL_DATASET },
    { name: 'linear output, no hidden layer', network: trained({ hiddenLayers: [], output: 'linear', learningRate: 0.05, seed: 5 }, REGRESSION_DATASET, 2000), dataset: REGRESSION_DATASET },
    { name: 'linear output, hidden layer [4] tanh', network: trained({ hiddenLayers: [4], activation: 'tanh', output: 'linear', learningRate: 0.02, seed: 9 }, REGRESSION_DATASET, 2000), dataset: REGRESSION_DATASET },
  ];
}

/** The training rows of a dataset, as the exported scripts name them (input_vectors, targets). */
export function trainingRows(dataset: ExportDataset): { inputs: number[][]; targets: number[] } {
  const rows = dataset.rows.filter((row) => row.target !== undefined && row.split !== 'test');
  return { inputs: rows.map((row) => [...row.input]), targets: rows.map((row) => row.target as number) };
}
