// Feature engineering made visible: each sentence's words and their lemmas, the vocabulary, and
// the count vector a network would take as input. Panel only.
import type { BagOfWordsView } from '../src/protocol';
import { el, replaceChildren } from './dom';
import { l10n } from '../src/l10n';

/** Returns false when there is nothing to show, so the caller can hide the pane. */
export function renderBagOfWords(body: HTMLElement, bag: BagOfWordsView | undefined): boolean {
  if (!bag || bag.sentences.length === 0) {
    replaceChildren(body);
    return false;
  }
  const tokens = el('tbody');
  bag.tokens.forEach((sentence, index) => {
    for (const { token, lemma, stopWord } of sentence) {
      tokens.append(el('tr', { 'data-token': token, 'data-lemma': lemma, 'data-stop-word': stopWord ? 'true' : undefined },
        el('td', { class: 'number' }, index + 1), el('td', {}, el('code', {}, token)), el('td', {}, el('code', {}, lemma)),
        el('td', {}, stopWord ? l10n.t('stop word: not counted') : token === lemma ? '' : l10n.t('lemmatized'))));
    }
  });
  const vectorHead = el('tr', {}, el('th', { scope: 'col' }, l10n.t('Sentence')), ...bag.vocabulary.map((word) => el('th', { scope: 'col' }, el('code', {}, word))));
  const vectors = el('tbody', {}, ...bag.vectors.map((vector, index) =>
    el('tr', { 'data-vector': JSON.stringify(vector) }, el('th', { scope: 'row', title: bag.sentences[index] }, index + 1), ...vector.map((count) => el('td', { class: 'number' }, count)))));
  replaceChildren(
    body,
    el('p', {}, l10n.t('Lemmatization reduces each word to its dictionary form (watches, watching, watched → watch); the vocabulary is every lemma counted, and each sentence becomes how often each vocabulary word occurs in it: numbers a network can take as input.')),
    el('table', { class: 'data-table' }, el('caption', {}, l10n.t('Words and their lemmas')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Sentence')), el('th', { scope: 'col' }, l10n.t('Word')), el('th', { scope: 'col' }, l10n.t('Lemma')), el('th', { scope: 'col' }, ''))), tokens),
    el('p', { id: 'vocabulary', 'data-vocabulary': JSON.stringify(bag.vocabulary) }, l10n.t('Vocabulary ({0}): {1}', bag.vocabulary.length, bag.vocabulary.join(', '))),
    el('div', { class: 'table-scroll' }, el('table', { class: 'data-table' }, el('caption', {}, l10n.t('Count vectors')), el('thead', {}, vectorHead), vectors)),
  );
  return true;
}
