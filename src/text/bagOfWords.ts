// The tutorial's bag-of-words model: every sentence becomes the number of times each word (after
// lemmatization) occurs in it, over the vocabulary of all sentences — numbers a network can take.
// Pure TypeScript with no 'vscode' import. The lemmatizer is a parameter, never imported here: its
// word lists live in a bundle of their own (dist/lemmatizer.js) that the host loads on demand.
import { formatDataset } from '../dataset';
import type { DatasetNetworkSettings, RowToWrite } from '../dataset';
import { l10n } from '../l10n';

export type Lemmatize = (word: string) => string;

export interface BagToken {
  /** The word as it appears in the sentence, lowercased. */
  token: string;
  lemma: string;
  /** In the stop-word list (by its token or its lemma): shown, but not counted when stop words are left out. */
  stopWord: boolean;
}

export interface BagOfWordsOptions {
  /** Leave stop words ("the", "a", "is", …) out of the vocabulary. Default true. */
  stopWords?: boolean;
}

export interface BagOfWords {
  /** Every sentence's words in order, stop words included (the table shows them, marked). */
  tokens: BagToken[][];
  /** The distinct lemmas counted, sorted. */
  vocabulary: string[];
  /** vectors[s][v]: how often vocabulary[v] occurs in sentence s. */
  vectors: number[][];
}

/**
 * Small and deliberately conservative: pronouns, articles, prepositions, conjunctions and the
 * auxiliaries (by lemma: "be" covers is/was/were). Negations (not, no, never, nor, don't, …) are
 * NOT stop words: in a sentiment dataset "not good" must not read as "good".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the',
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'you', 'your', 'yours',
  'he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'they', 'them', 'their', 'theirs',
  'this', 'that', 'these', 'those', 'there', 'here',
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how',
  'and', 'or', 'but', 'if', 'so', 'than', 'then', 'as', 'because', 'while',
  'of', 'at', 'by', 'for', 'with', 'about', 'to', 'from', 'in', 'on', 'into', 'onto', 'over', 'up',
  'be', 'am', 'is', 'are', 'was', 'were', 'been', 'being',
  'have', 'has', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'all', 'any', 'each', 'every', 'some', 'such', 'both', 'other', 'own', 'same',
  'just', 'also', 'too', 'very', 'still',
  "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "let's",
  "we're", "we've", "you're", "you've", "they're", "they've", "he's", "she's",
]);

export function isStopWord(token: string, lemma: string = token): boolean {
  return STOP_WORDS.has(token) || STOP_WORDS.has(lemma);
}

/**
 * The words of a text, lowercased, in order. A word is a run of letters (any script, so "café" is one
 * word), possibly with apostrophes inside, so contractions stay whole ("don't", "it's"); a typographic
 * apostrophe (’) counts as '. Everything else separates words: spaces, punctuation, hyphens
 * ("well-made" → well, made). Runs that contain a digit ("2", "3d", "mp3") are dropped: a
 * number is not a word to count, and keeping only its letters would invent one.
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  const runs = String(text).toLowerCase().replace(/\u2019/g, "'").match(/[\p{L}\p{M}\p{N}']+/gu) ?? [];
  for (const run of runs) {
    if (/\p{N}/u.test(run)) continue;
    const word = run.replace(/^'+|'+$/g, '');
    if (word !== '') words.push(word);
  }
  return words;
}

/** Tokenize and lemmatize every sentence, then count the lemmas over the sorted vocabulary. */
export function bagOfWords(sentences: readonly string[], lemmatize: Lemmatize, options: BagOfWordsOptions = {}): BagOfWords {
  const leaveOutStopWords = options.stopWords ?? true;
  const lemmas = new Map<string, string>();
  const lemmaOf = (token: string): string => {
    let lemma = lemmas.get(token);
    if (lemma === undefined) {
      lemma = lemmatize(token);
      lemmas.set(token, lemma);
    }
    return lemma;
  };
  const tokens = sentences.map((sentence) => tokenize(sentence).map((token): BagToken => {
    const lemma = lemmaOf(token);
    return { token, lemma, stopWord: isStopWord(token, lemma) };
  }));
  const counted = (entry: BagToken): boolean => !(leaveOutStopWords && entry.stopWord);
  // Plain code-unit order, not localeCompare: the same on every machine and locale.
  const vocabulary = [...new Set(tokens.flat().filter(counted).map((entry) => entry.lemma))].sort();
  const position = new Map(vocabulary.map((lemma, index) => [lemma, index]));
  const vectors = tokens.map((sentence) => {
    const counts = new Array<number>(vocabulary.length).fill(0);
    for (const entry of sentence) {
      if (counted(entry)) counts[position.get(entry.lemma)!]++;
    }
    return counts;
  });
  return { tokens, vocabulary, vectors };
}

export interface SentenceLine {
  /** 1-based line number in the text. */
  line: number;
  label: 0 | 1;
  sentence: string;
}

export interface SentenceProblem {
  /** 1-based line number; 0 when the problem is about the whole text. */
  line: number;
  message: string;
}

const LINE_EXAMPLE = '"1<TAB>I loved this movie"';

/**
 * Lines `label<TAB>sentence`, label 0 or 1. Blank lines and lines starting with # are skipped. Since
 * editors often turn a typed tab into spaces, spaces after the label separate it too.
 */
export function parseSentences(text: string): { sentences: SentenceLine[]; problems: SentenceProblem[] } {
  const sentences: SentenceLine[] = [];
  const problems: SentenceProblem[] = [];
  String(text).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const match = /^(\S+)(?:\t|\s+)([^]*)$/.exec(content);
    if (!match) {
      const message = content === '0' || content === '1'
        ? l10n.t('the label {0} has no sentence after it; write lines like {1}', content, LINE_EXAMPLE)
        : l10n.t('expected a label (0 or 1), a tab, then a sentence, like {0}; found only {1}', LINE_EXAMPLE, quoteShort(content));
      problems.push({ line, message });
      return;
    }
    const [, label, rest] = match;
    const sentence = rest.trim();
    if (label !== '0' && label !== '1') {
      problems.push({
        line,
        message: l10n.t('the label must be 0 (negative) or 1 (positive), not {0}; write lines like {1} and start comments with #', quoteShort(label), LINE_EXAMPLE),
      });
      return;
    }
    if (tokenize(sentence).length === 0) {
      problems.push({ line, message: l10n.t('the sentence {0} has no words to count (numbers and punctuation are not counted)', quoteShort(sentence)) });
      return;
    }
    sentences.push({ line, label: label === '1' ? 1 : 0, sentence });
  });
  return { sentences, problems };
}

export interface SentencesToDatasetOptions {
  /** Named in the description, e.g. "sentences.tsv". */
  source?: string;
}

/** Learning settings that suit a bag-of-words dataset: the tutorial's single sigmoid neuron. */
export const SENTENCE_NETWORK: Readonly<DatasetNetworkSettings> = Object.freeze({
  hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid', learningRate: 0.5, iterations: 5000, errorInterval: 50, seed: 42,
});

/**
 * Sentences (see parseSentences) → the text of a *.nn.json: one feature per vocabulary word (stop
 * words left out), one row per sentence with its counts as "input" and its label as "target".
 * All or nothing: with any problem there is no text, so a dataset never silently misses a sentence.
 */
export function sentencesToDataset(
  text: string,
  lemmatize: Lemmatize,
  options: SentencesToDatasetOptions = {},
): { text?: string; problems: SentenceProblem[] } {
  const { sentences, problems } = parseSentences(text);
  if (problems.length > 0) return { problems };
  if (sentences.length === 0) {
    return { problems: [{ line: 0, message: l10n.t('there are no sentences; write one per line, like {0}', LINE_EXAMPLE) }] };
  }
  const bag = bagOfWords(sentences.map((entry) => entry.sentence), lemmatize);
  if (bag.vocabulary.length === 0) {
    return { problems: [{ line: 0, message: l10n.t('every word is a stop word ("the", "a", "is", …), so there is nothing to count') }] };
  }
  const rows: RowToWrite[] = sentences.map((entry, s) => ({ input: bag.vectors[s], target: entry.label }));
  const positives = sentences.filter((entry) => entry.label === 1).length;
  const from = options.source ? l10n.t(' from {0}', options.source) : '';
  const description =
    l10n.t(
      'Bag of words{0}: {1} sentences ({2} labelled 1 = positive, {3} labelled 0 = negative). Each word was lowercased and reduced to its lemma (watches, watching, watched → watch), stop words such as "the" and "is" were left out, and each of the {4} remaining lemmas is one feature: a row\'s input counts how often each occurs in its sentence, its target is the label.',
      from, sentences.length, positives, sentences.length - positives, bag.vocabulary.length,
    );
  return {
    text: formatDataset({ description, features: bag.vocabulary, rows, network: { ...SENTENCE_NETWORK, hiddenLayers: [] } }),
    problems: [],
  };
}

function quoteShort(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}
