// The bag-of-words table in the Training panel: words, lemmas, vocabulary and count vectors,
// rendered from the host's message under the strict CSP.
import * as assert from 'node:assert/strict';
import { bagOfWords } from '../../src/text/bagOfWords';
import { lemmatize } from '../unit/builtLemmatizer';
import { EMPTY_STATE, useWebviewHarness } from './webviewPage';

describe('webview bag of words in Chromium', function () {
  this.timeout(60_000);
  const harness = useWebviewHarness();

  it('shows each word with its lemma, the vocabulary and one count vector per sentence', async () => {
    const page = await harness.open('panel', 'dark');
    await harness.send(EMPTY_STATE);
    const sentences = ['She watches the match', 'They watched matches while watching'];
    const bag = bagOfWords(sentences, lemmatize);
    await harness.send({ type: 'pane', key: 'bag', data: { sentences, ...bag } });
    const section = page.locator('#bag-of-words-section');
    await section.waitFor({ state: 'visible' });
    const lemmas = await page.locator('#bag-of-words tr[data-token^="watch"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-lemma')));
    assert.deepEqual(lemmas, ['watch', 'watch', 'watch'], 'watches, watched, watching → watch');
    assert.deepEqual(JSON.parse((await page.locator('#vocabulary').getAttribute('data-vocabulary'))!), bag.vocabulary);
    const vectors = await page.locator('#bag-of-words tr[data-vector]').evaluateAll((rows) => rows.map((row) => JSON.parse(row.getAttribute('data-vector')!)));
    assert.deepEqual(vectors, bag.vectors);
    const watch = bag.vocabulary.indexOf('watch');
    assert.deepEqual(vectors.map((vector: number[]) => vector[watch]), [1, 2]);
  });

  it('stays hidden until there is a bag of words to show', async () => {
    const page = await harness.open('panel', 'light');
    await harness.send(EMPTY_STATE);
    assert.equal(await page.locator('#bag-of-words-section').isVisible(), false);
  });
});
