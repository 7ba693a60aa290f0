// The host trusts nothing a webview sends: only the exact message shapes pass.
import * as assert from 'assert';
import fc from 'fast-check';
import { parseWebviewMessage } from '../../src/protocol';

describe('parseWebviewMessage', () => {
  it('accepts each message of the protocol', () => {
    for (const type of ['ready', 'stop', 'step', 'reset'] as const) assert.deepStrictEqual(parseWebviewMessage({ type }), { type });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'train' }), { type: 'train', learningRate: undefined, iterations: undefined });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'train', learningRate: 0.5, iterations: 2000 }), {
      type: 'train',
      learningRate: 0.5,
      iterations: 2000,
    });
    assert.strictEqual(parseWebviewMessage({ type: 'train', requestId: 7 })?.type === 'train' && (parseWebviewMessage({ type: 'train', requestId: 7 }) as { requestId?: number }).requestId, 7);
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      undefined, null, 0, 'ready', [], [{ type: 'ready' }], {}, { type: 'READY' }, { type: 'launch' },
      { type: 'ready', extra: 1 }, { type: 'stop', runId: 'x' },
      { type: 'train', learningRate: '0.1' }, { type: 'train', learningRate: 0 }, { type: 'train', learningRate: -1 },
      { type: 'train', learningRate: NaN }, { type: 'train', learningRate: Infinity },
      { type: 'train', iterations: 0 }, { type: 'train', iterations: 2.5 }, { type: 'train', iterations: 1e10 },
      { type: 'train', command: 'rm -rf /' },
      { type: 'train', requestId: -1 }, { type: 'train', requestId: 1.5 }, { type: 'train', requestId: '1' }, { type: 'train', requestId: 2 ** 40 },
    ];
    for (const value of bad) assert.strictEqual(parseWebviewMessage(value), undefined, JSON.stringify(value));
  });

  it('never throws, and whatever it accepts is a valid message (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom('ready', 'train', 'stop', 'step', 'reset', 'x'), learningRate: fc.anything(), iterations: fc.anything() }, { requiredKeys: ['type'] })), (value) => {
        const parsed = parseWebviewMessage(value);
        if (parsed?.type === 'train') {
          assert.ok(parsed.learningRate === undefined || (Number.isFinite(parsed.learningRate) && parsed.learningRate > 0));
          assert.ok(parsed.iterations === undefined || (Number.isInteger(parsed.iterations) && parsed.iterations > 0));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
