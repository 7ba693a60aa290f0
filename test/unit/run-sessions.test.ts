// The start/stop state machine against a fake worker, model-based: fast-check draws sequences of
// starts, Stops and runs ending on their own, and its scheduler decides when each fake worker
// actually ends (a worker asked to stop ends "later", in any order with everything else). The
// invariants are the issue's: never two workers alive in one session, every Stop ends every run
// (live or pending) of its target, and the context key says whether anything is starting,
// running or stopping. NNL_FC_RUNS=5000 runs more sequences than the default 50.
import * as assert from 'assert';
import fc from 'fast-check';
import { RunSessions, type SessionState } from '../../src/training/runSessions';

const RUNS = Number(process.env.NNL_FC_RUNS) || 50;
/** Sessions 0 and 1 share target A (like the runs of a comparison); session 2 is alone on B. */
const SESSIONS = [{ key: 's0', target: 'A' }, { key: 's1', target: 'A' }, { key: 's2', target: 'B' }];
type LaunchKind = 'ok' | 'throws' | 'endsAtOnce';

class FakeWorker {
  alive = true;
  stopAsked = false;
  constructor(readonly id: number, readonly session: string, readonly request: number, private readonly end: () => void, private readonly scheduler: fc.Scheduler) {}

  /** Like the real worker: it notices the stop flag between chunks, at a time the scheduler picks. */
  stop(): void {
    if (this.stopAsked) return;
    this.stopAsked = true;
    void this.scheduler.schedule(Promise.resolve(), `worker ${this.id} stops`).then(() => this.finish());
  }

  finish(): void {
    if (!this.alive) return;
    this.alive = false;
    this.end();
  }
}

interface Request {
  seq: number;
  session: string;
  target: string;
  kind: LaunchKind;
  outcome?: 'launched' | 'dropped' | 'failed';
  worker?: FakeWorker;
}

/** The machine, its fake workers and a record of everything that happened. */
class Real {
  readonly workers: FakeWorker[] = [];
  readonly requests: Request[] = [];
  readonly stops: { seq: number; target?: string; session?: string; done: boolean }[] = [];
  readonly settled: Promise<unknown>[] = [];
  readonly violations: string[] = [];
  contextKey = false;
  private seq = 0;
  readonly machine: RunSessions<Request, FakeWorker>;

  constructor(private readonly scheduler: fc.Scheduler) {
    this.machine = new RunSessions<Request, FakeWorker>(
      (session, request, ended) => this.launch(session, request, ended),
      (session, state) => this.changed(session, state),
    );
  }

  private launch(session: string, request: Request, ended: () => void): FakeWorker {
    const others = this.alive(session);
    // Recorded rather than thrown: a throw here would read as a failed launch to the machine.
    if (others.length > 0) this.violations.push(`launched in ${session} while worker ${others.map((w) => w.id)} was alive`);
    if (request.kind === 'throws') throw new Error('the worker could not be created');
    const worker = new FakeWorker(this.workers.length, session, request.seq, ended, this.scheduler);
    this.workers.push(worker);
    if (request.kind === 'endsAtOnce') worker.finish();
    return worker;
  }

  private changed(_session: string, _state: SessionState): void {
    // What the TrainingManager does: the key is derived from the machine at every transition.
    this.contextKey = this.machine.busy;
    if (this.workers.some((worker) => worker.alive) && !this.contextKey) this.violations.push('a worker is alive but the context key is false');
  }

  alive(session?: string): FakeWorker[] {
    return this.workers.filter((worker) => worker.alive && (session === undefined || worker.session === session));
  }

  start(index: number, kind: LaunchKind): void {
    const { key, target } = SESSIONS[index]!;
    const request: Request = { seq: this.seq++, session: key, target, kind };
    this.requests.push(request);
    this.settled.push(
      this.machine.start(key, target, request).then(
        (worker) => {
          request.outcome = worker ? 'launched' : 'dropped';
          request.worker = worker;
          if (worker) assert.strictEqual(worker.request, request.seq, 'a start resolves with its own run');
        },
        () => (request.outcome = 'failed'),
      ),
    );
  }

  stop(target?: string): void {
    const stop = { seq: this.seq++, target, done: false };
    this.stops.push(stop);
    this.settled.push(this.machine.stop(target).then(() => (stop.done = true)));
  }

  stopSession(index: number): void {
    const session = SESSIONS[index]!.key;
    const stop = { seq: this.seq++, session, done: false };
    this.stops.push(stop);
    this.settled.push(this.machine.stopSession(session).then(() => (stop.done = true)));
  }

  complete(index: number): void {
    this.alive(SESSIONS[index]!.key).forEach((worker) => worker.finish());
  }
}

type Command = fc.AsyncCommand<object, Real>;
const command = (label: string, act: (real: Real) => void): Command => ({
  check: () => true,
  run: async (_model, real) => act(real),
  toString: () => label,
});

const commands = fc.commands(
  [
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom<LaunchKind>('ok', 'ok', 'ok', 'ok', 'ok', 'throws', 'endsAtOnce'))
      .map(([session, kind]) => command(`start(s${session}, ${kind})`, (real) => real.start(session, kind))),
    fc.constantFrom<string | undefined>('A', 'B', undefined).map((target) => command(`stop(${target ?? 'all'})`, (real) => real.stop(target))),
    fc.integer({ min: 0, max: 2 }).map((session) => command(`stopSession(s${session})`, (real) => real.stopSession(session))),
    fc.integer({ min: 0, max: 2 }).map((session) => command(`complete(s${session})`, (real) => real.complete(session))),
  ],
  { maxCommands: 30 },
);

function checkQuiescence(real: Real): void {
  const { machine } = real;
  assert.deepStrictEqual(real.violations, []);
  // At most one worker per session, and the machine knows it.
  for (const { key } of SESSIONS) {
    const alive = real.alive(key);
    assert.ok(alive.length <= 1, `${alive.length} workers alive in ${key}`);
    const state = machine.stateOf(key);
    assert.ok(state === 'idle' || state === 'running', `${key} is still ${state} at quiescence`);
    assert.strictEqual(state === 'running', alive.length === 1, `${key} is ${state} with ${alive.length} worker(s) alive`);
    assert.strictEqual(machine.runOf(key), alive[0], `${key}: the machine's run is the live worker`);
  }
  assert.strictEqual(real.contextKey, real.alive().length > 0, 'context key = a run is starting, running or stopping');
  // Every start has been answered, every Stop has finished.
  for (const request of real.requests) assert.ok(request.outcome, `start #${request.seq} never settled`);
  for (const stop of real.stops) assert.ok(stop.done, `stop #${stop.seq} never finished`);
  // Every Stop ended every run of its target that was requested before it, pending or live.
  const hits = (stop: Real['stops'][number], request: Request) =>
    stop.session !== undefined ? request.session === stop.session : stop.target === undefined || request.target === stop.target;
  for (const stop of real.stops) {
    for (const request of real.requests) {
      if (request.seq > stop.seq || !hits(stop, request)) continue;
      assert.ok(!request.worker?.alive, `start #${request.seq} still has a worker alive after stop #${stop.seq} (${stop.target ?? 'all'})`);
    }
  }
  // The latest start of a session that no later Stop cancelled was not dropped.
  for (const { key } of SESSIONS) {
    const last = real.requests.filter((request) => request.session === key).at(-1);
    if (!last || last.kind !== 'ok') continue;
    const stoppedAfter = real.stops.some((stop) => stop.seq > last.seq && hits(stop, last));
    if (!stoppedAfter) assert.strictEqual(last.outcome, 'launched', `the latest start of ${key} (#${last.seq}) was ${last.outcome}`);
  }
}

describe('RunSessions (start/stop state machine)', () => {
  it(`keeps one worker per session and makes every Stop stick (${RUNS} random sequences)`, async function () {
    this.timeout(Math.max(60_000, RUNS * 100));
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), commands, async (scheduler, cmds) => {
        const real = new Real(scheduler);
        await fc.scheduledModelRun(scheduler, () => ({ model: {}, real }), cmds);
        await scheduler.waitIdle();
        await Promise.all(real.settled);
        checkQuiescence(real);
      }),
      { numRuns: RUNS },
    );
  });

  it('replaces a pending start instead of racing it', async () => {
    const ends: (() => void)[] = [];
    const launched: number[] = [];
    const machine = new RunSessions<number, { stop(): void }>((_session, request, ended) => {
      launched.push(request);
      return { stop: () => ends.push(ended) };
    });
    const first = await machine.start('s', 'A', 1);
    assert.ok(first);
    const second = machine.start('s', 'A', 2);
    const third = machine.start('s', 'A', 3);
    assert.strictEqual(machine.stateOf('s'), 'starting');
    assert.strictEqual(await second, undefined, 'the replaced request is told it did not start');
    assert.deepStrictEqual(launched, [1], 'nothing launches while the first run is still alive');
    ends.shift()!();
    assert.ok(await third);
    assert.deepStrictEqual(launched, [1, 3]);
    assert.strictEqual(machine.stateOf('s'), 'running');
  });

  it('drops a pending start on Stop and reports each transition', async () => {
    const ends: (() => void)[] = [];
    const seen: string[] = [];
    const machine = new RunSessions<number, { stop(): void }>(
      (_session, _request, ended) => ({ stop: () => ends.push(ended) }),
      (session, state) => seen.push(`${session}:${state}:${machine.busy}`),
    );
    await machine.start('s', 'A', 1);
    const restart = machine.start('s', 'A', 2);
    const stopped = machine.stop('A');
    assert.strictEqual(await restart, undefined);
    assert.strictEqual(machine.stateOf('s'), 'stopping');
    ends.shift()!();
    await stopped;
    assert.strictEqual(machine.stateOf('s'), 'idle');
    assert.deepStrictEqual(seen, ['s:starting:true', 's:running:true', 's:starting:true', 's:stopping:true', 's:idle:false']);
  });
});
