// Types for wink-lemmatizer 3 (it ships none), the oracle test/unit/lemmatizer-data.test.ts checks morphy.ts against. Each function returns its argument unchanged when it
// knows no lemma for it in that part of speech.
declare module 'wink-lemmatizer' {
  interface WinkLemmatizer {
    /** 'watching' → 'watch', 'went' → 'go'. */
    verb(word: string): string;
    /** 'mice' → 'mouse', 'matches' → 'match'. */
    noun(word: string): string;
    /** 'better' → 'good', 'bigger' → 'big'. */
    adjective(word: string): string;
  }
  const lemmatizer: WinkLemmatizer;
  export = lemmatizer;
}
