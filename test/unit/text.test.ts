// src/text: the lemmatizer (over the built word lists, dist/lemmatizer-data.json), the tokenizer, bag-of-words
// vectors worked out by hand, and sentences → a *.nn.json that the core parses without a problem.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NeuralNetwork } from '../../src/core/index';
import { parseDataset } from '../../src/dataset';
import { lemmatize } from './builtLemmatizer';
import { bagOfWords, isStopWord, parseSentences, sentencesToDataset, STOP_WORDS, tokenize } from '../../src/text/bagOfWords';

const textDirectory = path.resolve('src/text');
const sentencesFile = path.resolve('media/datasets/sentences.tsv');

describe('lemmatize (wink-lemmatizer)', () => {
  it("reduces the tutorial's inflected forms of watch to watch", () => {
    for (const word of ['watch', 'watches', 'watching', 'watched']) assert.equal(lemmatize(word), 'watch', word);
  });

  it('knows irregular forms', () => {
    const expected: Record<string, string> = {
      went: 'go', gone: 'go', ran: 'run', ate: 'eat', fell: 'fall', // irregular verbs
      mice: 'mouse', children: 'child', feet: 'foot', men: 'man', // irregular plurals
      // "better" is the comparative of the adjective "good" (and of the adverb "well"); a word alone
      // has no context, and the adjective reading is the one WordNet's exception list gives.
      better: 'good', best: 'good', worse: 'bad', worst: 'bad', bigger: 'big',
    };
    for (const [word, lemma] of Object.entries(expected)) assert.equal(lemmatize(word), lemma, word);
  });

  it('reads -ing/-ed as verbs and -s as plurals', () => {
    const expected: Record<string, string> = {
      loved: 'love', loves: 'love', loving: 'love', enjoyed: 'enjoy', laughing: 'laugh',
      matches: 'match', movies: 'movie', flies: 'fly', boxes: 'box', scenes: 'scene',
    };
    for (const [word, lemma] of Object.entries(expected)) assert.equal(lemmatize(word), lemma, word);
  });

  it("corrects Morphy's dropped e (hated is hate, not hat) but keeps a doubled stem (singing is sing)", () => {
    const expected: Record<string, string> = {
      hated: 'hate', hating: 'hate', hoped: 'hope', rated: 'rate', riding: 'ride',
      hopped: 'hop', planned: 'plan', singing: 'sing', visited: 'visit', opened: 'open',
    };
    for (const [word, lemma] of Object.entries(expected)) assert.equal(lemmatize(word), lemma, word);
  });

  it('resolves the auxiliaries be, have and do before any noun reading (does is do, not doe)', () => {
    const expected: Record<string, string> = { is: 'be', was: 'be', were: 'be', am: 'be', has: 'have', had: 'have', does: 'do', did: 'do' };
    for (const [word, lemma] of Object.entries(expected)) assert.equal(lemmatize(word), lemma, word);
  });

  it('does not strip the s of -ss words (pass is not the plural of pas)', () => {
    for (const word of ['pass', 'boss', 'glass', 'class', 'dress']) assert.equal(lemmatize(word), word);
  });

  it('lowercases, and returns unknown words, contractions and possessives as they are', () => {
    assert.equal(lemmatize('Watched'), 'watch');
    assert.equal(lemmatize('WENT'), 'go');
    for (const word of ['xyzzy', 'blorptastic', 'zzzs', "don't", "film's", 'café', 'the', 'and', '']) {
      assert.equal(lemmatize(word), word, JSON.stringify(word));
    }
  });
});

describe('tokenize', () => {
  it('lowercases words, keeps apostrophes inside them and drops numbers', () => {
    assert.deepEqual(
      tokenize("It's 3D—well-made, isn’t it? 42 stars! 'Quoted' mp3"),
      ["it's", 'well', 'made', "isn't", 'it', 'stars', 'quoted'],
    );
  });

  it('keeps letters of any script and gives nothing for no words', () => {
    assert.deepEqual(tokenize('Café NAÏVE'), ['café', 'naïve']);
    assert.deepEqual(tokenize(' 12, 3.5 !!! '), []);
    assert.deepEqual(tokenize(''), []);
  });
});

describe('bagOfWords', () => {
  // Worked out by hand. Lemmas: watched, watches, watching → watch; match, matches → match;
  // mice → mouse; films → film. Stop words: i, the, she, and, them. "aren't" is a negation: kept.
  // "3" is a number: dropped. Vocabulary in code-unit order: again < aren't < film < match < mouse < watch.
  const sentences = ['I watched the match', 'She watches matches, and she watched them again.', "Mice aren't watching 3 films"];

  it('counts lemmas over the sorted vocabulary, leaving stop words out by default', () => {
    const bag = bagOfWords(sentences, lemmatize);
    assert.deepEqual(bag.vocabulary, ['again', "aren't", 'film', 'match', 'mouse', 'watch']);
    assert.deepEqual(bag.vectors, [
      [0, 0, 0, 1, 0, 1],
      [1, 0, 0, 1, 0, 2],
      [0, 1, 1, 0, 1, 1],
    ]);
  });

  it('lists every token with its lemma, stop words included and marked', () => {
    const bag = bagOfWords(sentences, lemmatize);
    assert.deepEqual(bag.tokens[0], [
      { token: 'i', lemma: 'i', stopWord: true },
      { token: 'watched', lemma: 'watch', stopWord: false },
      { token: 'the', lemma: 'the', stopWord: true },
      { token: 'match', lemma: 'match', stopWord: false },
    ]);
    assert.deepEqual(bag.tokens[2].map((entry) => entry.lemma), ['mouse', "aren't", 'watch', 'film']);
  });

  it('counts stop words too with stopWords: false', () => {
    const bag = bagOfWords(sentences, lemmatize, { stopWords: false });
    assert.deepEqual(bag.vocabulary, ['again', 'and', "aren't", 'film', 'i', 'match', 'mouse', 'she', 'the', 'them', 'watch']);
    assert.deepEqual(bag.vectors, [
      [0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1],
      [1, 1, 0, 0, 0, 1, 0, 2, 0, 1, 2],
      [0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1],
    ]);
  });

  it('uses the lemmatize function it is given, once per distinct word', () => {
    const calls: string[] = [];
    const upper = (word: string): string => { calls.push(word); return word.toUpperCase(); };
    const bag = bagOfWords(['red fish', 'blue fish fish'], upper);
    assert.deepEqual(bag.vocabulary, ['BLUE', 'FISH', 'RED']);
    assert.deepEqual(bag.vectors, [[0, 1, 1], [1, 2, 0]]);
    assert.deepEqual(calls, ['red', 'fish', 'blue']);
  });

  it('marks a stop word by its token or its lemma, and keeps negations', () => {
    assert.ok(isStopWord('was', 'be'));
    assert.ok(isStopWord('the'));
    for (const negation of ['not', 'no', 'never', 'nor', "don't", "isn't"]) assert.ok(!STOP_WORDS.has(negation), negation);
  });
});

describe('parseSentences', () => {
  it('reads label<TAB>sentence lines, skipping blank lines and # comments, with CRLF too', () => {
    const { sentences, problems } = parseSentences('\uFEFF# reviews\r\n1\tGreat film\r\n\r\n  \r\n0\tDull plot\r\n1   spaces work too\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(sentences, [
      { line: 2, label: 1, sentence: 'Great film' },
      { line: 5, label: 0, sentence: 'Dull plot' },
      { line: 6, label: 1, sentence: 'spaces work too' },
    ]);
  });

  it('reports every bad line with its number', () => {
    const text = ['1\tfine', '2\tlabel out of range', 'no label here', '1', '0\t42 !!!', 'label\tsentence'].join('\n');
    const { sentences, problems } = parseSentences(text);
    assert.equal(sentences.length, 1);
    assert.deepEqual(problems.map((problem) => problem.line), [2, 3, 4, 5, 6]);
    assert.match(problems[0].message, /label must be 0 \(negative\) or 1 \(positive\), not "2"/);
    assert.match(problems[1].message, /label must be 0 \(negative\) or 1 \(positive\), not "no"/);
    assert.match(problems[2].message, /label 1 has no sentence/);
    assert.match(problems[3].message, /no words to count/);
    assert.match(problems[4].message, /not "label".*start comments with #/);
  });
});

describe('sentencesToDataset', () => {
  it('turns the bundled sentences.tsv into a dataset the core parses with no problems', () => {
    const source = fs.readFileSync(sentencesFile, 'utf8');
    const result = sentencesToDataset(source, lemmatize, { source: 'sentences.tsv' });
    assert.deepEqual(result.problems, []);
    assert.ok(result.text);
    const parsed = parseDataset(result.text);
    assert.deepEqual(parsed.problems, []);
    const dataset = parsed.dataset!;

    const lines = source.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
    assert.equal(lines.length, 16);
    assert.equal(dataset.rows.length, lines.length);
    assert.deepEqual(dataset.rows.map((row) => row.target), lines.map((line) => Number(line.split('\t')[0])));
    const bag = bagOfWords(lines.map((line) => line.split('\t')[1]), lemmatize);
    assert.deepEqual(dataset.features, bag.vocabulary);
    assert.deepEqual(dataset.rows.map((row) => row.input), bag.vectors);
    assert.equal(dataset.inputSize, bag.vocabulary.length);
    assert.match(dataset.description!, /sentences\.tsv.*16 sentences.*lemma/);
    assert.deepEqual(dataset.network, {
      hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid', learningRate: 0.5, iterations: 5000, errorInterval: 50, seed: 42,
    });

    // Lemmatization visibly merges forms: loved/loves/loving and watched/watching are one feature each.
    for (const lemma of ['love', 'watch', 'hate', 'bore', 'good', 'bad']) assert.ok(bag.vocabulary.includes(lemma), lemma);
    for (const form of ['loved', 'loves', 'loving', 'watched', 'watching', 'hated', 'bored', 'boring']) {
      assert.ok(!bag.vocabulary.includes(form), form);
    }

    // Its own network block trains the tutorial's neuron to classify every sentence.
    const { network } = dataset;
    const neuron = new NeuralNetwork({ learningRate: network.learningRate!, seed: network.seed, inputSize: dataset.inputSize, hiddenLayers: [] });
    neuron.train(dataset.rows.map((row) => row.input), dataset.rows.map((row) => row.target!), network.iterations!);
    for (const row of dataset.rows) assert.equal(neuron.predict(row.input) > 0.5 ? 1 : 0, row.target);
  });

  it('writes one row per sentence line and one feature per vocabulary word', () => {
    const text = '# a comment\n\n1\tWe loved it\n0\tWe hated it\n\n1\tLoving it, loving it\n';
    const result = sentencesToDataset(text, lemmatize);
    assert.deepEqual(result.problems, []);
    const parsed = parseDataset(result.text!);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.dataset!.features, ['hate', 'love']);
    assert.deepEqual(parsed.dataset!.rows.map((row) => [row.input, row.target]), [[[0, 1], 1], [[1, 0], 0], [[0, 2], 1]]);
  });

  it('gives no text, only line-numbered problems, when a line is bad', () => {
    const result = sentencesToDataset('1\tgood\n\nyes\tbad label\n', lemmatize);
    assert.equal(result.text, undefined);
    assert.deepEqual(result.problems.map((problem) => problem.line), [3]);
  });

  it('reports an empty text or a text of stop words as a whole (line 0)', () => {
    for (const text of ['', '# only a comment\n\n', '1\tthe\n0\tit is']) {
      const result = sentencesToDataset(text, lemmatize);
      assert.equal(result.text, undefined, JSON.stringify(text));
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].line, 0);
    }
  });
});

describe('src/text stays loadable without its word lists', () => {
  const files = fs.readdirSync(textDirectory).filter((name) => name.endsWith('.ts'));

  it('imports neither vscode nor (outside lemmatizer.ts) the lemmatizer', () => {
    for (const name of files) {
      const source = fs.readFileSync(path.join(textDirectory, name), 'utf8');
      const imports = source.match(/(?:from|import|require\()\s*['"][^'"]+['"]/g) ?? [];
      assert.ok(!imports.some((spec) => /['"]vscode['"]/.test(spec)), `${name} imports vscode`);
      if (name !== 'lemmatizer.ts' && !name.endsWith('.d.ts')) {
        assert.ok(!imports.some((spec) => /lemmatizer|wink/.test(spec)), `${name} imports the lemmatizer: ${imports.join(', ')}`);
      }
    }
  });
});
