// Training speed of the core, measured against the tutorial's own program in the same run:
//  1. the tutorial's net (2 → 1 sigmoid) on its 8 rows, 10,000 and 1,000,000 iterations, against
//     the tutorial's NumPy class (Debian /usr/bin/python3 + python3-numpy) and against a literal
//     JavaScript transliteration of that class;
//     Also against a hand-optimised Float64Array loop of the same arithmetic (target: the core's
//     fused step at ≥ 0.8× its speed) and against the core's own layered step (reference-loops.mjs);
//  2. a 2-16-16-1 sigmoid network by SGD on 10,000 seeded 2-D points, against the same two styles
//     and against brain.js 1.6.1 (target ≥ 2×).
// Steps per second include the error loop exactly as each program runs it. Each figure is the
// best of several repetitions after a warm-up, timed in CPU time of the process (user + system):
// on a shared machine, wall time mostly measures how long a program waited for a CPU, which
// differs between the JS runs and the long Python run and would make the ratios noise. CPU time
// counts V8's background threads too, which only counts against the core. Wall-time figures are
// printed beside them. BENCH_PYTHON_REPS_1M sets the number of 1,000,000-iteration Python runs
// (default 1: one takes ~15-30 s).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeepNeuralNetwork, TutorialNeuralNetwork } from './tutorial-transliteration.mjs';
import { brainJsRun, brainJsVersion, handOptimisedLoop, layeredStepLoop } from './reference-loops.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const core = createRequire(import.meta.url)(resolve(here, '../../dist/core.js'));
const pythonScript = join(here, 'tutorial_numpy.py');
const PYTHON = '/usr/bin/python3';

const tutorialInputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const tutorialTargets = [0, 1, 0, 1, 0, 1, 1, 0];
const DEEP_SIZES = [2, 16, 16, 1];
/** Deep runs record the error over all 10,000 points once per 10,000 steps (once an epoch). */
const DEEP_ERROR_INTERVAL = 10000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (stepsPerSecond) => stepsPerSecond >= 1e6 ? `${(stepsPerSecond / 1e6).toFixed(2)} M` : `${(stepsPerSecond / 1e3).toFixed(1)} k`;

/** Times `run` (which trains `steps` steps) `reps` times after one warm-up. */
function timeRuns(run, steps, reps) {
  run(Math.min(steps, 20000));
  const wall = [];
  const cpu = [];
  for (let i = 0; i < reps; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(steps);
    wall.push((performance.now() - start) / 1000);
    const { user, system } = process.cpuUsage(cpuStart);
    cpu.push((user + system) / 1e6);
  }
  return summarize(steps, cpu, wall);
}

function summarize(steps, cpuSeconds, wallSeconds) {
  return {
    steps, reps: cpuSeconds.length,
    best: steps / Math.min(...cpuSeconds), median: steps / median(cpuSeconds), bestWall: steps / Math.min(...wallSeconds),
  };
}

function line(label, result) {
  if (!result) return;
  console.log(`  ${label.padEnd(36)} ${format(result.best).padStart(9)} steps/s  (median ${format(result.median)}, wall ${format(result.bestWall)}; ${result.reps} × ${result.steps.toLocaleString('en')} steps)`);
}

function ratio(label, fast, slow, target) {
  if (!fast || !slow) return undefined;
  const value = fast.best / slow.best;
  const verdict = target === undefined ? '' : value >= target ? `  ✓ target ≥ ${target}×` : `  ✗ below target ${target}×`;
  const digits = (x) => x.toFixed(x < 10 ? 2 : 1);
  console.log(`  ${label.padEnd(36)} ${digits(value).padStart(9)}×${verdict}  (medians ${digits(fast.median / slow.median)}×, wall ${digits(fast.bestWall / slow.bestWall)}×)`);
  return value;
}

// ---- Python + NumPy, as the tutorial runs it ----

function pythonEnvironment() {
  const env = { ...process.env };
  // Set on this machine for other tools; they only tune OpenBLAS and must not skew this run.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  // Vectors of 2 or 16 never reach OpenBLAS's threading threshold; one thread keeps idle BLAS
  // workers from adding CPU time that is not the program's work.
  env.OPENBLAS_NUM_THREADS = '1';
  return env;
}

function ensureNumpy() {
  const probe = () => spawnSync(PYTHON, ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8', env: pythonEnvironment() });
  let result = probe();
  if (result.status === 0) return result.stdout.trim();
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log('  python3-numpy missing: apt-get install -y python3-numpy');
    let install = spawnSync('apt-get', ['install', '-y', 'python3-numpy'], { stdio: 'inherit' });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit' });
      install = spawnSync('apt-get', ['install', '-y', 'python3-numpy'], { stdio: 'inherit' });
    }
    result = probe();
    if (result.status === 0) return result.stdout.trim();
  }
  console.log(`  SKIPPED the NumPy ratios: ${PYTHON} with numpy is not available and this is not root.`);
  console.log('  To include them: sudo apt-get install -y python3 python3-numpy');
  return undefined;
}

function runPython(args, reps, stdin) {
  const result = spawnSync(PYTHON, [pythonScript, ...args.map(String), String(reps)].concat(args[0] === 'deep' ? [String(DEEP_ERROR_INTERVAL)] : []),
    { encoding: 'utf8', env: pythonEnvironment(), input: stdin, maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`python failed: ${result.stderr}`);
  const { seconds, cpu_seconds: cpuSeconds } = JSON.parse(result.stdout.trim().split('\n').pop());
  return summarize(args[1], cpuSeconds, seconds);
}

// ---- the tutorial's net ----

function tutorialCore(iterations, seed = 1) {
  new core.NeuralNetwork({ learningRate: 0.1, seed }).train(tutorialInputs, tutorialTargets, iterations);
}

function tutorialHandLoop(iterations, seed = 1) {
  const start = new core.NeuralNetwork({ learningRate: 0.1, seed });
  handOptimisedLoop({ weights: start.weights, bias: start.bias }, tutorialInputs, tutorialTargets, iterations);
}

function tutorialLayeredStep(iterations, seed = 1) {
  layeredStepLoop(core, new core.NeuralNetwork({ learningRate: 0.1, seed }), tutorialInputs, tutorialTargets, iterations);
}

/** The references must do the work they are timed for: same records as the core, or close to them. */
function checkReferences() {
  const network = () => new core.NeuralNetwork({ learningRate: 0.1, seed: 3 });
  const expected = network().train(tutorialInputs, tutorialTargets, 20000);
  const layered = layeredStepLoop(core, network(), tutorialInputs, tutorialTargets, 20000);
  if (JSON.stringify(layered) !== JSON.stringify(expected)) throw new Error('the layered step loop differs from train()');
  const start = network();
  const hand = handOptimisedLoop({ weights: start.weights, bias: start.bias }, tutorialInputs, tutorialTargets, 20000);
  if (hand.length !== expected.length || Math.abs(hand.at(-1) - expected.at(-1)) > 0.5) {
    throw new Error(`the hand loop ends at ${hand.at(-1)}, the core at ${expected.at(-1)}`);
  }
}

function tutorialTransliteration(iterations, seed = 1) {
  new TutorialNeuralNetwork(0.1, core.createRandom(seed)).train(tutorialInputs, tutorialTargets, iterations);
}

// ---- 2-16-16-1 on 10,000 points ----

function deepData() {
  const random = core.createRandom(20240);
  const inputs = Array.from({ length: 10000 }, () => [random.next() * 2 - 1, random.next() * 2 - 1]);
  // Inside or outside a circle: a boundary one neuron cannot draw.
  const targets = inputs.map(([x, y]) => (x * x + y * y < 0.5 ? 1 : 0));
  return { inputs, targets };
}

function main() {
  const numpyVersion = ensureNumpy();
  const python1mReps = Number(process.env.BENCH_PYTHON_REPS_1M ?? 1);
  const [load] = loadavg();
  console.log(`node ${process.version}; ${numpyVersion ? `${PYTHON} with NumPy ${numpyVersion}` : 'no NumPy'}; ${cpus().length} CPUs, load average ${load.toFixed(1)}`);
  if (load > cpus().length) console.log('  note: the machine is busy; CPU-time figures hold up, wall-time ones do not');
  console.log('steps/s: best of N by CPU time (median, and best by wall time, in parentheses)');
  const ratios = {};
  checkReferences();

  for (const [iterations, jsReps, pythonReps] of [[10000, 31, 5], [1000000, 5, python1mReps]]) {
    console.log(`\nThe tutorial's net (2 → 1 sigmoid), 8 rows, ${iterations.toLocaleString('en')} iterations, error loop every 100:`);
    const ours = timeRuns(tutorialCore, iterations, jsReps);
    const hand = timeRuns(tutorialHandLoop, iterations, jsReps);
    const layered = timeRuns(tutorialLayeredStep, iterations, jsReps);
    const literal = timeRuns(tutorialTransliteration, iterations, jsReps);
    const numpy = numpyVersion ? runPython(['tutorial', iterations], pythonReps) : undefined;
    line('core (dist/core.js)', ours);
    line('hand-optimised Float64Array loop', hand);
    line('core, layered step (no specialisation)', layered);
    line('JS transliteration of the class', literal);
    line('tutorial program, Python + NumPy', numpy);
    ratios[`tutorial ${iterations}: core / hand-optimised loop`] = ratio('core vs hand-optimised loop', ours, hand, 0.8);
    ratios[`tutorial ${iterations}: core / layered step`] = ratio('one-layer step vs layered step', ours, layered);
    ratios[`tutorial ${iterations}: core / NumPy`] = ratio('core vs NumPy', ours, numpy, 150);
    ratios[`tutorial ${iterations}: core / JS transliteration`] = ratio('core vs JS transliteration', ours, literal, 3);
  }

  const { inputs, targets } = deepData();
  console.log(`\n2-16-16-1 sigmoid network, SGD on ${inputs.length.toLocaleString('en')} seeded 2-D points, error over all points every ${DEEP_ERROR_INTERVAL.toLocaleString('en')} steps:`);
  const ours = timeRuns((steps) => new core.NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [16, 16] })
    .train(inputs, targets, steps, { errorInterval: DEEP_ERROR_INTERVAL }), 100000, 5);
  const literal = timeRuns((steps) => new DeepNeuralNetwork(0.1, DEEP_SIZES, core.createRandom(1))
    .train(inputs, targets, steps, DEEP_ERROR_INTERVAL), 30000, 3);
  // brain.js makes no evaluation pass (its error is a by-product of the training pass), so the
  // core is timed against it doing the same work: the steps, with the error recorded only once.
  const brainData = inputs.map((input, r) => ({ input, output: [targets[r]] }));
  const brain = timeRuns((steps) => brainJsRun(brainData, DEEP_SIZES, steps), 100000, 5);
  const oursStepsOnly = timeRuns((steps) => new core.NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [16, 16] })
    .train(inputs, targets, steps, { errorInterval: steps }), 100000, 5);
  const numpy = numpyVersion ? runPython(['deep', 10000], 2, JSON.stringify({ inputs, targets })) : undefined;
  line('core (dist/core.js)', ours);
  line('core, error recorded once', oursStepsOnly);
  line(`brain.js ${brainJsVersion()} (epochs × rows)`, brain);
  line('JS transliteration, same style', literal);
  line('NumPy program extended to 2-16-16-1', numpy);
  ratios['2-16-16-1: core / brain.js'] = ratio('core vs brain.js (error once)', oursStepsOnly, brain, 2);
  ratios['2-16-16-1: core / NumPy'] = ratio('core vs NumPy', ours, numpy);
  ratios['2-16-16-1: core / JS transliteration'] = ratio('core vs JS transliteration', ours, literal);

  console.log(`\nBENCH_RESULT ${JSON.stringify({ bench: 'core', ratios })}`);
}

main();
