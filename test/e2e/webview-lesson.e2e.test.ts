// The live lesson in the Training panel: the tutorial's checkpoints computed in the page by the
// bundled core, compared with the tutorial's printed values, recomputed when an input changes.
// Expected numbers come from the same computeCheckpoints run here in Node.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CHECKPOINT_IDS, computeCheckpoints, TUTORIAL_INPUTS } from '../../src/lesson/checkpoints';
import { DEFAULTS, EMPTY_STATE, useWebviewHarness } from './webviewPage';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const document: any;
declare const window: any;

const ERROR_ROW = '[data-checkpoint="error"] tr[data-value-name="error"]';

/** The value computeCheckpoints gives in Node. */
function expectedOurs(inputs: typeof TUTORIAL_INPUTS, checkpoint: string, name: string): number | number[] | string {
  return computeCheckpoints(inputs).find((entry) => entry.id === checkpoint)!.values.find((entry) => entry.name === name)!.ours;
}

/**
 * data-ours (a number, or JSON for vectors) against the Node value. Within 1e-12, not exactly:
 * Chromium's Math.exp can differ from Node's in the last bit (0.19651824541471838 vs …184).
 */
function assertOurs(actual: string | null, expected: number | number[] | string, what: string): void {
  assert.ok(actual !== null, `${what}: data-ours present`);
  const parsed: unknown = typeof expected === 'number' ? Number(actual) : JSON.parse(actual);
  const a = [parsed].flat() as number[];
  const b = [expected].flat() as number[];
  assert.equal(a.length, b.length, what);
  a.forEach((value, index) => assert.ok(Math.abs(value - b[index]!) <= 1e-12 * Math.max(1, Math.abs(b[index]!)), `${what}: ${actual} ≈ ${JSON.stringify(expected)}`));
}

describe('webview lesson (live checkpoints) in Chromium', function () {
  const harness = useWebviewHarness();
  let page: Page;
  const { send } = harness;

  async function openLesson(focus: (typeof CHECKPOINT_IDS)[number] = 'error'): Promise<void> {
    page = await harness.open('panel', 'dark');
    await send(EMPTY_STATE);
    assert.equal(await page.isVisible('#lesson'), false, 'no lesson until the host asks for it');
    await send({ type: 'pane', key: 'lesson', data: focus });
    await page.waitForSelector('#lesson [data-checkpoint="training"]');
  }

  it('renders all 7 checkpoints with a ✓ for every value the tutorial prints, and focuses one', async function () {
    await openLesson('error');
    const ids = await page.$$eval('#lesson [data-checkpoint]', (cards: any[]) => cards.map((card) => card.dataset.checkpoint));
    assert.deepEqual(ids, [...CHECKPOINT_IDS]);
    const printed = await page.$$eval('#lesson tr[data-printed]', (rows: any[]) => rows.map((row) => [row.dataset.valueName, row.dataset.agrees, row.querySelector('.agreement').textContent]));
    const expectedPrinted = computeCheckpoints(TUTORIAL_INPUTS).flatMap((checkpoint) => checkpoint.values.filter((value) => value.printed !== undefined));
    assert.equal(printed.length, expectedPrinted.length);
    assert.ok(printed.length >= 7, `the tutorial prints at least 7 of these values (${printed.length})`);
    for (const [name, agrees, tick] of printed) assert.deepEqual([name, agrees, tick], [name, 'true', '✓']);
    // Our numbers are the core's, in full precision.
    assertOurs(await page.getAttribute(ERROR_ROW, 'data-ours'), expectedOurs(TUTORIAL_INPUTS, 'error', 'error'), 'error');
    assert.equal(await page.getAttribute(ERROR_ROW, 'data-printed'), '0.75867436');
    assert.match(await page.textContent(`${ERROR_ROW} td.ours`) ?? '', /^0\.75867\d+$/);
    assert.equal(
      await page.getAttribute('[data-checkpoint="dot-product"] tr[data-value-name="dot(input_vector, weights_2)"] td.ours', 'data-ours'),
      String(1.72 * 2.17 + 1.23 * 0.32),
    );
    // The focused checkpoint is highlighted and scrolled into view; the takeaway is there.
    assert.equal(await page.getAttribute('[data-checkpoint="error"]', 'data-focused'), 'true');
    assert.equal(await page.$$eval('[data-focused="true"]', (cards: any[]) => cards.length), 1);
    const place = await page.$eval('[data-checkpoint="error"]', (card: any) => ({ top: card.getBoundingClientRect().top, height: window.innerHeight }));
    assert.ok(place.top >= 0 && place.top < place.height / 2, `focused card scrolled into view (${JSON.stringify(place)})`);
    assert.match(await page.textContent('[data-checkpoint="error"] .takeaway') ?? '', /gives the error 0\.7587/);
    // A state that names another checkpoint moves the focus there.
    await send({ type: 'state', runs: [], defaults: DEFAULTS, panes: { lesson: 'training' } });
    await page.waitForSelector('[data-checkpoint="training"][data-focused="true"]');
    assert.equal(await page.getAttribute('[data-checkpoint="error"]', 'data-focused'), null);
  });

  it('changing the weights recomputes every later number and drops the ticks; Reset brings them back', async function () {
    await openLesson('first-prediction');
    const before = await page.getAttribute(ERROR_ROW, 'data-ours');
    await page.fill('#lesson-input-weights', '1.45, -0.5');
    await page.waitForFunction((previous) => document.querySelector('[data-checkpoint="error"] tr[data-value-name="error"]').dataset.ours !== previous, before);
    const changed = { ...TUTORIAL_INPUTS, weights: [1.45, -0.5] };
    assertOurs(await page.getAttribute(ERROR_ROW, 'data-ours'), expectedOurs(changed, 'error', 'error'), 'error');
    assert.notEqual(Number(await page.getAttribute(ERROR_ROW, 'data-ours')), Number(before));
    assertOurs(
      await page.getAttribute('[data-checkpoint="first-prediction"] tr[data-value-name="prediction"]', 'data-ours'),
      expectedOurs(changed, 'first-prediction', 'prediction'), 'first prediction',
    );
    assertOurs(
      await page.getAttribute('[data-checkpoint="chain-rule"] tr[data-value-name="derror_dweights"]', 'data-ours'),
      expectedOurs(changed, 'chain-rule', 'derror_dweights'), 'derror_dweights',
    );
    assertOurs(
      await page.getAttribute('[data-checkpoint="learning-rate"] tr[data-value-name="first row, small step"]', 'data-ours'),
      expectedOurs(changed, 'learning-rate', 'first row, small step'), 'first row, small step',
    );
    assert.equal(await page.$$eval('#lesson [data-agrees]', (cells: any[]) => cells.length), 0, 'no ✓ or ✗ once the inputs changed');
    const marks = await page.$$eval('#lesson tr[data-printed] .agreement', (cells: any[]) => [...new Set(cells.map((cell) => cell.textContent))]);
    assert.deepEqual(marks, ['—']);
    assert.equal(await page.isVisible('#lesson-changed'), true);
    // The tutorial's printed value stays for reference.
    assert.equal(await page.textContent(`${ERROR_ROW} td.printed`), '0.75867436');

    await page.click('#lesson-reset');
    await page.waitForFunction(() => document.querySelector('[data-checkpoint="error"] tr[data-value-name="error"]').dataset.agrees === 'true');
    assert.equal(await page.getAttribute(ERROR_ROW, 'data-ours'), before);
    assert.equal(await page.inputValue('#lesson-input-weights'), '1.45, -0.66');
    assert.equal(await page.isVisible('#lesson-changed'), false);
  });

  it('an invalid input shows an error and keeps the last good numbers', async function () {
    await openLesson();
    const tutorial = await page.getAttribute(ERROR_ROW, 'data-ours');
    await page.fill('#lesson-input-weights', '1.45, -0.5');
    await page.waitForFunction((previous) => document.querySelector('[data-checkpoint="error"] tr[data-value-name="error"]').dataset.ours !== previous, tutorial);
    const good = await page.getAttribute(ERROR_ROW, 'data-ours');
    assertOurs(good, expectedOurs({ ...TUTORIAL_INPUTS, weights: [1.45, -0.5] }, 'error', 'error'), 'error');

    await page.fill('#lesson-input-weights', '1.45, abc');
    await page.waitForSelector('#lesson-input-weights-error', { state: 'visible' });
    assert.match(await page.textContent('#lesson-input-weights-error') ?? '', /"abc" is not a finite number/);
    assert.equal(await page.getAttribute('#lesson-input-weights', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute(ERROR_ROW, 'data-ours'), good);

    await page.fill('#lesson-input-weights', '1, 2, 3');
    await page.waitForFunction(() => /Needs 2 numbers/.test(document.querySelector('#lesson-input-weights-error').textContent));
    await page.fill('#lesson-input-learningRate', '-1');
    await page.waitForSelector('#lesson-input-learningRate-error', { state: 'visible' });
    assert.match(await page.textContent('#lesson-input-learningRate-error') ?? '', /greater than 0/);
    assert.equal(await page.getAttribute(ERROR_ROW, 'data-ours'), good);

    // Fixing one field clears its error and recomputes with it; the other keeps its last good value.
    await page.fill('#lesson-input-weights', '[1.45, -0.66]');
    await page.waitForSelector('#lesson-input-weights-error', { state: 'hidden' });
    await page.waitForFunction((expected) => document.querySelector('[data-checkpoint="error"] tr[data-value-name="error"]').dataset.ours === expected, tutorial);
    assert.equal(await page.isVisible('#lesson-input-learningRate-error'), true);
    // Same numbers as the tutorial again (the bad learning rate was never taken): the ticks are back.
    assert.equal(await page.getAttribute(ERROR_ROW, 'data-agrees'), 'true');
  });

  it('the side bar has no lesson', async function () {
    page = await harness.open('sidebar', 'dark');
    await send({ type: 'state', runs: [], defaults: DEFAULTS, panes: { lesson: 'error' } });
    await send({ type: 'pane', key: 'lesson', data: 'error' });
    assert.equal(await page.$('#lesson'), null);
    assert.equal(await page.evaluate(() => window.__posted.length), 1, "only 'ready'");
  });
});
