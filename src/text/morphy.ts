// WordNet's Morphy for one part of speech at a time: undo a regular inflection when what is left is
// a known base form, after looking the word up among the irregular ones. A port of wink-lemmatizer 3
// (MIT, © GRAYPE Systems) onto word lists passed in as data, so it runs where no module can be
// `require`d at run time (VS Code for the Web); test/unit/lemmatizer-data.test.ts checks that it
// answers as wink-lemmatizer does. The lists themselves are WordNet 3.0's, through wink-lexicon.

/** dist/lemmatizer-data.json, written by scripts/lemmatizer-data.mjs. */
export interface LemmatizerData {
  /** Base forms that WordNet lists with at least one sense in this part of speech, space-separated. */
  adjective: string;
  noun: string;
  verb: string;
  /** Irregular inflected form → lemma ("went" → "go"). */
  exceptions: { adjective: Record<string, string>; noun: Record<string, string>; verb: Record<string, string> };
}

export interface Morphy {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

const NOUN_ENDINGS: readonly [RegExp, string][] = [
  [/s$/, ''], [/ses$/, 's'], [/xes$/, 'x'], [/zes$/, 's'], [/ves$/, 'f'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/men$/, 'man'], [/ies$/, 'y'],
];

export function createMorphy(data: LemmatizerData): Morphy {
  const known = (list: string) => new Set(list.split(' '));
  const adjectives = known(data.adjective);
  const nouns = known(data.noun);
  const verbs = known(data.verb);
  const exception = (table: Record<string, string>, word: string) => (Object.hasOwn(table, word) ? table[word] : undefined);
  return {
    adjective(word) {
      const irregular = exception(data.exceptions.adjective, word);
      if (irregular) return irregular;
      const stem = word.replace(/est$|er$/, '');
      if (stem.length === word.length) return word;
      if (adjectives.has(stem)) return stem;
      return adjectives.has(`${stem}e`) ? `${stem}e` : word;
    },
    verb(word) {
      const irregular = exception(data.exceptions.verb, word);
      if (irregular) return irregular;
      for (const [ending, replacement] of [[/s$/, ''], [/ies$/, 'y']] as const) {
        const lemma = word.replace(ending, replacement);
        if (lemma.length !== word.length && verbs.has(lemma)) return lemma;
      }
      const stem = word.replace(/es$|ed$|ing$/, '');
      if (stem.length !== word.length) {
        if (verbs.has(stem)) return stem;
        if (verbs.has(`${stem}e`)) return `${stem}e`;
      }
      return word;
    },
    noun(word) {
      const irregular = exception(data.exceptions.noun, word);
      if (irregular) return irregular;
      for (const [ending, replacement] of NOUN_ENDINGS) {
        const lemma = word.replace(ending, replacement);
        if (lemma.length !== word.length && nouns.has(lemma)) return lemma;
      }
      return word;
    },
  };
}

/** Throws a clear error when the bundled file is not what createMorphy needs (a broken or stale build). */
export function checkLemmatizerData(value: unknown): LemmatizerData {
  const data = value as Partial<LemmatizerData> | null;
  const tables = data?.exceptions;
  const ok =
    typeof data?.adjective === 'string' && typeof data.noun === 'string' && typeof data.verb === 'string' &&
    ['adjective', 'noun', 'verb'].every((part) => typeof tables?.[part as keyof LemmatizerData['exceptions']] === 'object');
  if (!ok) throw new Error('The lemmatizer word lists (dist/lemmatizer-data.json) are missing or damaged: reinstall the extension.');
  return data as LemmatizerData;
}
