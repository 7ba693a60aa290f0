// The lemmatizer of the tutorial's feature-engineering section: an inflected word → its lemma
// (watches, watching, watched → watch). WordNet's word lists (≈0.9 MB) are data, not code:
// dist/lemmatizer-data.json, read through workspace.fs only when a text command runs (never at
// activation), on the desktop and on the web alike. Bag-of-words code takes `lemmatize` as a
// parameter (see bagOfWords.ts).
//
// How a lemma is chosen. Morphy (morphy.ts, ported from wink-lemmatizer) lemmatizes one part of
// speech at a time, and a bare word does not say which part of speech it is, so:
//   1. Lowercase. Words that are not plain letters a–z (contractions like "don't", possessives like
//      "film's", accented words) are returned as they are: WordNet lists none of them.
//   2. Forms of the auxiliaries be, have and do are looked up in a fixed table first. They are the
//      most frequent verbs, and WordNet's noun lists would otherwise claim some of them
//      ("does" → "doe", the female deer).
//   3. Otherwise ask in the order the ending suggests, and take the first answer that differs from
//      the word (an unchanged answer only means "not an inflected form of this part of speech"):
//        -ing, -ed  → verb, adjective, noun   (watching → watch, loved → love; a noun first would
//                                              keep "watching", a noun in WordNet)
//        -er, -est  → adjective, verb, noun   (better → good, bigger → big)
//        -s         → noun, verb, adjective   (plurals: matches → match, leaves → leaf)
//        otherwise  → noun, verb, adjective   (irregular forms: mice → mouse, went → go)
//      If no part of speech changes the word, it is its own lemma — and so is any unknown word.
//   4. Two corrections to Morphy's answers:
//      - Morphy tries "strip -ed/-ing" before "strip and add e", so hated → hat and hoped → hop
//        (both are verbs in WordNet). English doubles a final consonant after a single short vowel
//        (hop → hopped, pat → patted), so a single consonant before -ed/-ing means the e was dropped:
//        when the stem ends consonant–vowel–consonant and stem + "e" is a verb too, take stem + "e".
//        "singing" (stem ends in two consonants) stays "sing".
//      - A noun lemma that only drops the last s of "-ss" (pass → pas, boss → bos) is refused:
//        English plurals never end in "ss".
import { createMorphy, type LemmatizerData, type Morphy } from './morphy';

export type { LemmatizerData } from './morphy';

type PartOfSpeech = 'verb' | 'noun' | 'adjective';

/** be, have and do: closed-class words, looked up before WordNet (rule 2). */
const AUXILIARIES: Readonly<Record<string, string>> = {
  am: 'be', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', being: 'be', be: 'be',
  has: 'have', had: 'have', having: 'have', have: 'have',
  does: 'do', did: 'do', done: 'do', doing: 'do', do: 'do',
};

const LETTERS_ONLY = /^[a-z]+$/;
/** consonant, vowel, consonant other than w, x, y: the shape whose final consonant doubles (hop → hopped). */
const DOUBLING_SHAPE = /(?:^|[^aeiou])[aeiou][^aeiouwxy]$/;

/** The lemmatizer over WordNet's lists (dist/lemmatizer-data.json, parsed). */
export function createLemmatizer(data: LemmatizerData): (word: string) => string {
  const morphy = createMorphy(data);
  return (word) => {
    const lower = String(word).toLowerCase();
    if (!LETTERS_ONLY.test(lower)) return lower;
    const auxiliary = Object.hasOwn(AUXILIARIES, lower) ? AUXILIARIES[lower] : undefined;
    if (auxiliary !== undefined) return auxiliary;
    for (const part of orderFor(lower)) {
      const lemma = lemmaAs(morphy, part, lower);
      if (lemma !== lower) return lemma;
    }
    return lower;
  };
}

function orderFor(word: string): readonly PartOfSpeech[] {
  if (/(?:ing|ed)$/.test(word)) return ['verb', 'adjective', 'noun'];
  if (/(?:er|est)$/.test(word)) return ['adjective', 'verb', 'noun'];
  return ['noun', 'verb', 'adjective'];
}

function lemmaAs(morphy: Morphy, part: PartOfSpeech, word: string): string {
  switch (part) {
    case 'verb': return restoreDroppedE(morphy, word, morphy.verb(word));
    case 'adjective': return morphy.adjective(word);
    case 'noun': {
      const lemma = morphy.noun(word);
      return word.endsWith('ss') && lemma === word.slice(0, -1) ? word : lemma;
    }
  }
}

/** hated: Morphy says "hat"; a single consonant after a single vowel means the e was dropped → "hate". */
function restoreDroppedE(morphy: Morphy, word: string, lemma: string): string {
  const regular = word === `${lemma}ed` || word === `${lemma}ing`;
  if (!regular || !DOUBLING_SHAPE.test(lemma)) return lemma;
  return isVerb(morphy, `${lemma}e`) ? `${lemma}e` : lemma;
}

/** Morphy strips a final s only when what is left is a verb in WordNet, so "hate" is a verb exactly when "hates" → "hate". */
function isVerb(morphy: Morphy, base: string): boolean {
  return morphy.verb(`${base}s`) === base;
}
