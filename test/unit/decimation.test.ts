// Bounded error series: decimation keeps each bucket's first, last, lowest and highest point, and a
// series never holds more than its bound, however many points are appended and in what batches.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { ErrorPoint } from '../../src/core/types';
import { appendBounded, BoundedSeries, decimate, ERROR_POINT_AXIS, maxPointsOf, type SeriesBounds } from '../../src/training/decimation';

/** A series as a run records it: increasing iterations (gaps allowed), any errors including spikes. */
const series = (maxLength: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(0, 1e9, 5))), {
      minLength: 1,
      maxLength,
    })
    .map((steps) => {
      let iteration = 0;
      return steps.map(([gap, error]): ErrorPoint => [(iteration += gap), error]);
    });

/** The buckets decimate() promises, computed independently: equal stretches of iterations. */
function bucketsOf(points: ErrorPoint[], count: number): ErrorPoint[][] {
  const first = points[0][0];
  const width = (points[points.length - 1][0] - first) / count;
  const buckets: ErrorPoint[][] = Array.from({ length: count }, () => []);
  for (const point of points) {
    const index = width > 0 ? Math.min(count - 1, Math.floor((point[0] - first) / width)) : 0;
    buckets[index].push(point);
  }
  return buckets.filter((bucket) => bucket.length > 0);
}

describe('decimate (min/max buckets)', () => {
  it('keeps the first, last, lowest and highest point of every bucket, in order, and nothing else', () => {
    fc.assert(
      fc.property(series(400), fc.integer({ min: 1, max: 40 }), (points, buckets) => {
        const kept = decimate(points, buckets, ERROR_POINT_AXIS);
        assert.ok(kept.length <= Math.max(points.length, 4 * buckets));
        if (points.length <= 4 * buckets) {
          assert.deepEqual(kept, points);
          return;
        }
        assert.ok(kept.length <= 4 * buckets, `${kept.length} points from ${buckets} buckets`);
        const keptSet = new Set(kept);
        for (const [index, point] of kept.entries()) {
          assert.ok(points.includes(point), 'only points of the input');
          if (index > 0) assert.ok(point[0] > kept[index - 1][0], 'in iteration order, no repeats');
        }
        let expected = 0;
        for (const bucket of bucketsOf(points, buckets)) {
          const errors = bucket.map(([, error]) => error);
          const inBucket = bucket.filter((point) => keptSet.has(point));
          assert.ok(keptSet.has(bucket[0]) && keptSet.has(bucket[bucket.length - 1]), 'first and last of the bucket');
          assert.ok(inBucket.some(([, error]) => error === Math.min(...errors)), 'its lowest error');
          assert.ok(inBucket.some(([, error]) => error === Math.max(...errors)), 'its highest error');
          assert.ok(inBucket.length <= 4);
          expected += inBucket.length;
        }
        assert.equal(kept.length, expected, 'every kept point belongs to one bucket');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a spike that a stride would skip, and a divergence (NaN, Infinity) at the end', () => {
    const points: ErrorPoint[] = Array.from({ length: 10_000 }, (_, index) => [index, 1]);
    points[4321] = [4321, 50];
    points[777] = [777, -3];
    points.push([10_000, Infinity], [10_001, Number.NaN]);
    const kept = decimate(points, 10, ERROR_POINT_AXIS);
    assert.ok(kept.length <= 40);
    assert.ok(kept.some(([iteration]) => iteration === 4321));
    assert.ok(kept.some(([iteration]) => iteration === 777));
    assert.ok(kept.some(([, error]) => Number.isNaN(error)), 'NaN sorts above every number: kept as a maximum');
    assert.deepEqual(kept[0], [0, 1]);
    assert.ok(Number.isNaN(kept[kept.length - 1][1]));
  });
});

describe('bounded series', () => {
  const bounds: SeriesBounds = { buckets: 16, recent: 32 };

  it('never holds more than its bound; keeps the newest points as they are, the ends and the extremes', () => {
    fc.assert(
      fc.property(series(3000), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }), (points, batchSizes) => {
        const bounded = new BoundedSeries(bounds);
        let at = 0;
        for (let batch = 0; at < points.length; batch++) {
          const size = batchSizes[batch % batchSizes.length];
          bounded.append(points.slice(at, at + size));
          at += size;
          assert.ok(bounded.length <= maxPointsOf(bounds), `${bounded.length} points held`);
        }
        const held = bounded.points();
        const generic: ErrorPoint[] = [];
        for (let from = 0, batch = 0; from < points.length; from += batchSizes[batch++ % batchSizes.length]) {
          appendBounded(generic, points.slice(from, from + batchSizes[batch % batchSizes.length]), bounds, ERROR_POINT_AXIS);
        }
        assert.deepEqual(held, generic, 'the packed series holds what appendBounded keeps of the same batches');
        assert.equal(bounded.received, points.length);
        assert.equal(bounded.thinned, held.length < points.length);
        assert.deepEqual(held[0], points[0]);
        const recent = Math.min(points.length, bounds.recent);
        assert.deepEqual(held.slice(-recent), points.slice(-recent), 'the newest points at full resolution');
        const errors = points.map(([, error]) => error);
        assert.ok(held.some(([, error]) => error === Math.min(...errors)), 'the lowest error survives');
        assert.ok(held.some(([, error]) => error === Math.max(...errors)), 'the highest error survives');
        for (let index = 1; index < held.length; index++) assert.ok(held[index][0] > held[index - 1][0]);
      }),
      { numRuns: 200 },
    );
  });

  it('appends a batch of 300,000 points (push(...batch) overflows the stack there) and stays bounded', () => {
    const batch: ErrorPoint[] = Array.from({ length: 300_000 }, (_, index) => [index, Math.sin(index / 1000)]);
    const hostBounds: SeriesBounds = { buckets: 4096, recent: 8192 };
    const bounded = new BoundedSeries(hostBounds);
    bounded.append(batch);
    bounded.append(batch.map(([iteration, error]): ErrorPoint => [iteration + 300_000, error]));
    assert.ok(bounded.length <= maxPointsOf(hostBounds));
    assert.equal(maxPointsOf(hostBounds), 32_768);
    assert.equal(bounded.received, 600_000);
    assert.deepEqual(bounded.last, [599_999, Math.sin(299_999 / 1000)]);
  });

  it('a sample for a view is smaller still and keeps the newest quarter and the ends', () => {
    const bounded = new BoundedSeries({ buckets: 4096, recent: 8192 });
    const points: ErrorPoint[] = Array.from({ length: 50_000 }, (_, index) => [index * 100, 1 / (index + 1)]);
    bounded.append(points);
    const sample = bounded.sample(4000);
    assert.ok(sample.length <= 4000);
    assert.deepEqual(sample[0], points[0]);
    assert.deepEqual(sample.slice(-1000), points.slice(-1000));
  });

  it('appendBounded works in place on any point shape (the webview chart holds the array)', () => {
    type ChartPoint = { x: number; y: number };
    const target: ChartPoint[] = [];
    const same = target;
    const axis = { x: (point: ChartPoint) => point.x, y: (point: ChartPoint) => point.y };
    for (let start = 0; start < 10_000; start += 250) {
      appendBounded(target, Array.from({ length: 250 }, (_, index) => ({ x: start + index, y: (start + index) % 97 })), bounds, axis);
    }
    assert.equal(target, same);
    assert.ok(target.length <= maxPointsOf(bounds));
    assert.equal(target[target.length - 1].x, 9999);
    assert.ok(target.some((point) => point.y === 96) && target.some((point) => point.y === 0));
  });
});
