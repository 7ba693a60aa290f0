// The pacing of a run's stream to the webviews (src/views/streamPacer.ts), on a fake clock: random
// sequences of progress, boundaries and other messages at random times. Nothing is lost or
// reordered (every point arrives once, in order; a message that is not part of the stream arrives
// after everything posted before it), progress goes out at most every PROGRESS_PACE_MS and the
// boundary at most every BOUNDARY_PACE_MS, and the latest boundary always arrives.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { BOUNDARY_PACE_MS, MERGED_POINTS, PROGRESS_PACE_MS, SEND_SETTLE_LIMIT_MS, StreamPacer, type PacerClock } from '../../src/views/streamPacer';
import { maxPointsOf } from '../../src/training/decimation';
import type { BoundaryView, HostMessage } from '../../src/protocol';

class FakeClock implements PacerClock {
  time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time on to `until`, firing the timers due on the way in order. */
  advance(until: number): void {
    for (;;) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = until;
  }
}

function boundary(iteration: number): HostMessage {
  const view: BoundaryView = { runId: 'a', datasetUri: 'file:///a.nn.json', iteration, columns: 1, rows: 1, values: [iteration], x: { min: 0, max: 1, label: 'x1' }, y: { min: 0, max: 1, label: 'x2' }, points: [] };
  return { type: 'boundary', boundary: view };
}

type Step = { wait: number; kind: 'progress' | 'boundary' | 'other'; run: 'a' | 'b' };
const step = fc.record({ wait: fc.integer({ min: 0, max: 300 }), kind: fc.constantFrom<Step['kind']>('progress', 'progress', 'progress', 'boundary', 'other'), run: fc.constantFrom<Step['run']>('a', 'b') });

describe('StreamPacer (what a run streams to the webviews)', () => {
  it('loses and reorders nothing, and keeps to its pace', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const clock = new FakeClock();
        const sent: { at: number; message: HostMessage }[] = [];
        const pacer = new StreamPacer((message) => void sent.push({ at: clock.now(), message }), clock);
        const posted: Record<string, number[]> = { a: [], b: [] };
        let counter = 0;
        let lastBoundary: number | undefined;
        const others: { id: number; progressBefore: Record<string, number> }[] = [];
        for (const { wait, kind, run } of steps) {
          clock.advance(clock.time + wait);
          counter++;
          if (kind === 'progress') {
            posted[run]!.push(counter);
            pacer.post({ type: 'progress', runId: run, datasetUri: 'file:///a.nn.json', points: [[counter, 1]], testPoints: [], iteration: counter, stepsPerSecond: 1, parameters: [] });
          } else if (kind === 'boundary') {
            lastBoundary = counter;
            pacer.post(boundary(counter));
          } else {
            others.push({ id: counter, progressBefore: { a: posted.a!.length, b: posted.b!.length } });
            pacer.post({ type: 'trainHandled', requestId: counter });
          }
        }
        clock.advance(clock.time + 10_000);

        for (const run of ['a', 'b']) {
          const received = sent.flatMap(({ message }) => (message.type === 'progress' && message.runId === run ? message.points.map(([x]) => x) : []));
          assert.deepStrictEqual(received, posted[run], `run ${run}: every point once, in order`);
        }
        for (const other of others) {
          const index = sent.findIndex(({ message }) => message.type === 'trainHandled' && message.requestId === other.id);
          assert.ok(index >= 0, 'a message outside the stream arrives');
          for (const run of ['a', 'b']) {
            const before = sent.slice(0, index).flatMap(({ message }) => (message.type === 'progress' && message.runId === run ? message.points : [])).length;
            assert.strictEqual(before, other.progressBefore[run], `run ${run}: the progress posted before message ${other.id} arrives before it`);
          }
        }
        const paced = (type: 'progress' | 'boundary', pace: number) => {
          // Only what the pace sent has to keep it: another message sends what is pending at once.
          const flushes = new Set(sent.filter(({ message }) => message.type === 'trainHandled').map(({ at }) => at));
          const times = [...new Set(sent.filter(({ message, at }) => message.type === type && !flushes.has(at)).map(({ at }) => at))];
          for (let index = 1; index < times.length; index++) assert.ok(times[index]! - times[index - 1]! >= pace, `${type} sent ${times[index]! - times[index - 1]!} ms apart`);
        };
        paced('progress', PROGRESS_PACE_MS);
        paced('boundary', BOUNDARY_PACE_MS);
        const boundaries = sent.filter(({ message }) => message.type === 'boundary');
        if (lastBoundary !== undefined) {
          const last = boundaries[boundaries.length - 1]!.message as Extract<HostMessage, { type: 'boundary' }>;
          assert.strictEqual(last.boundary.iteration, lastBoundary, 'the latest boundary arrives');
        }
        pacer.dispose();
      }),
      { numRuns: 200 },
    );
  });

  it('sends a steady stream 5 times a second, merged, and its boundary twice a second', () => {
    const clock = new FakeClock();
    const sent: HostMessage[] = [];
    const pacer = new StreamPacer((message) => void sent.push(message), clock);
    // 2 s of a worker's stream: progress every 50 ms, a boundary every 250 ms.
    for (let time = 0; time < 2000; time += 50) {
      clock.advance(time);
      // The worker sends the parameters with every fifth batch only (at most every 250 ms).
      const parameters = time % 250 === 0 ? [{ weights: [[time]], biases: [0] }] : [];
      pacer.post({ type: 'progress', runId: 'a', datasetUri: 'file:///a.nn.json', points: [[time, 1], [time + 25, 1]], testPoints: [], iteration: time, stepsPerSecond: 1, parameters });
      if (time % 250 === 0) pacer.post(boundary(time));
    }
    clock.advance(3000);
    const progress = sent.filter((message): message is Extract<HostMessage, { type: 'progress' }> => message.type === 'progress');
    assert.strictEqual(progress.length, 11, '40 batches in 2 s, sent as 11 (at 0, 200, …, 2000 ms)');
    assert.strictEqual(progress.flatMap((message) => message.points).length, 80);
    // A merged batch carries the latest parameters among its batches; one with none carries none (the view keeps its last).
    const parameters = progress.filter((message) => message.parameters.length > 0).map((message) => message.parameters[0]!.weights[0]![0]);
    assert.deepStrictEqual(parameters, [0, 250, 500, 750, 1000, 1250, 1500, 1750]);
    assert.strictEqual(progress[progress.length - 1]!.iteration, 1950);
    const boundaries = sent.filter((message): message is Extract<HostMessage, { type: 'boundary' }> => message.type === 'boundary');
    assert.deepStrictEqual(boundaries.map((message) => message.boundary.iteration), [0, 250, 750, 1250, 1750], '8 boundaries in 2 s, sent as 5 (at 0, 500, …, 2000 ms), the latest last');
  });

  it('waits for the views to take a message before the next, and what waits stays bounded', async () => {
    const clock = new FakeClock();
    const sent: Extract<HostMessage, { type: 'progress' }>[] = [];
    const deliveries: (() => void)[] = [];
    const pacer = new StreamPacer((message) => {
      if (message.type === 'progress') sent.push(message);
      return new Promise<void>((resolve) => deliveries.push(resolve));
    }, clock);
    const settle = async () => {
      deliveries.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    // A worker at 20 batches a second of 500 points each, the views taking nothing for 1.5 s (under the settle limit).
    let x = 0;
    const batch = () => {
      const points = Array.from({ length: 500 }, () => [x, Math.sin(x++)] as [number, number]);
      pacer.post({ type: 'progress', runId: 'a', datasetUri: 'file:///a.nn.json', points, testPoints: [], iteration: x, stepsPerSecond: 1, parameters: [] });
    };
    for (let time = 0; time < 1500; time += 50) {
      clock.advance(time);
      batch();
    }
    assert.strictEqual(sent.length, 1, 'nothing more while the views have not taken the first');
    await settle();
    assert.strictEqual(sent.length, 2, 'the rest goes out once they have');
    const merged = sent[1]!.points;
    assert.ok(merged.length <= maxPointsOf(MERGED_POINTS), `${merged.length} points in the merged batch`);
    assert.deepStrictEqual([merged[0]![0], merged[merged.length - 1]![0]], [500, x - 1], 'its first and last points kept');
    assert.ok(merged.every((point, index) => index === 0 || point[0] > merged[index - 1]![0]), 'in order');
    // A send the views never settle holds the stream back for SEND_SETTLE_LIMIT_MS at most.
    const sentAt = clock.time;
    batch();
    clock.advance(sentAt + SEND_SETTLE_LIMIT_MS - 1);
    assert.strictEqual(sent.length, 2);
    clock.advance(sentAt + SEND_SETTLE_LIMIT_MS);
    assert.strictEqual(sent.length, 3, 'released by the limit');
    pacer.dispose();
  });
});
