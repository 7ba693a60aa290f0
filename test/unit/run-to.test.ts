// The step debugger's "Run to iteration" in a worker (plain Node, the built dist/worker.js): it
// lands exactly where running on in the host does (same parameters, same next row), and Cancel
// ends it promptly, with shared memory or with a stop message.
import * as assert from 'assert';
import * as path from 'path';
import { parseDataset } from '../../src/dataset';
import { Stepper, INLINE_RUN_TO_WORK } from '../../src/training/stepper';
import { startRunTo } from '../../src/training/runToJob';
import type { TrainingSettings } from '../../src/protocol';
import { nodePlatform } from '../../src/platform/node/nodePlatform';
import { localStopFlag } from '../../src/platform/platform';

const PLATFORM = nodePlatform(path.resolve(__dirname, '..', '..', '..', 'dist'));
const TUTORIAL = JSON.stringify({
  features: ['x1', 'x2'],
  rows: [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]].map((input, index) => ({ input, target: [0, 1, 0, 1, 0, 1, 1, 0][index] })),
});

function stepper(settings: Partial<TrainingSettings> = {}): Stepper {
  const { dataset } = parseDataset(TUTORIAL);
  const full: TrainingSettings = { learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 21, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid', ...settings };
  return new Stepper('file:///tutorial.nn.json', dataset!, full);
}

describe('Run to iteration in a worker', function () {
  this.timeout(60_000);

  const L2 = { kind: 'L2' as const, rate: 0.01 };
  for (const settings of [{}, { hiddenLayers: [3], activation: 'tanh' as const }, { hiddenLayers: [3], activation: 'tanh' as const, regularization: L2 }]) {
    it(`lands where running on in the host does (${settings.hiddenLayers ? 'one hidden layer' : 'the tutorial net'}${'regularization' in settings ? ', L2' : ''})`, async () => {
      const inHost = stepper(settings);
      const inWorker = stepper(settings);
      inHost.step();
      inWorker.step();
      const expected = inHost.runTo(20_000)!;
      const request = inWorker.runToRequest(20_000);
      const outcome = await startRunTo(PLATFORM, request).outcome;
      assert.strictEqual(outcome.status, 'completed');
      if (outcome.status !== 'completed') return;
      assert.strictEqual(outcome.done, 20_000 - 1);
      assert.deepStrictEqual(inWorker.adopt(outcome, outcome.done), expected, 'same iteration, row, parameters and gradients');
      assert.deepStrictEqual(inWorker.step(), inHost.step(), 'and the same row after it: the sampler came back too');
    });
  }

  for (const regularization of [L2, { kind: 'L1' as const, rate: 0.01 }]) {
    it(`with an ${regularization.kind} penalty, Run to lands where stepping one iteration at a time does (the same rows, the same penalised step)`, () => {
      const stepped = stepper({ hiddenLayers: [3], activation: 'tanh', regularization });
      const ranTo = stepper({ hiddenLayers: [3], activation: 'tanh', regularization });
      for (let i = 0; i < 300; i++) stepped.step();
      assert.deepStrictEqual(ranTo.runTo(300), stepped.step());
    });
  }

  it('goes to a worker only when the work is more than a few milliseconds', () => {
    const tutorial = stepper();
    // The tutorial net has 3 parameters.
    assert.strictEqual(tutorial.runsLong(Math.floor(INLINE_RUN_TO_WORK / 3)), false);
    assert.strictEqual(tutorial.runsLong(INLINE_RUN_TO_WORK), true);
  });

  for (const [name, platform] of [['a shared flag', PLATFORM], ['a stop message', { ...PLATFORM, createStopFlag: localStopFlag }]] as const) {
    it(`cancels within a second through ${name}, leaving the debugger where it was`, async () => {
      const debuggerState = stepper();
      const request = debuggerState.runToRequest(1_000_000_000);
      const job = startRunTo(platform, request);
      let progressed = 0;
      job.onProgress((done) => (progressed = done));
      while (progressed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const asked = Date.now();
      job.cancel();
      const outcome = await job.outcome;
      const took = Date.now() - asked;
      assert.strictEqual(outcome.status, 'stopped');
      assert.ok(took < 1000, `cancelled after ${took} ms`);
      assert.strictEqual(debuggerState.iteration, 0, 'nothing adopted');
    });
  }
});
