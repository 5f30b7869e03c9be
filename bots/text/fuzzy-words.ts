/**
 * Typo-tolerant lookup of single words against a known vocabulary ("libary" → "library", "renue" →
 * "renew"). A symmetric-delete index (the SymSpell idea, one edit deep): every known word is stored
 * under itself and each form with one letter removed, so a lookup costs a few map reads per token
 * instead of an edit-distance scan of the whole vocabulary. That keeps routing well under a
 * millisecond, which a general fuzzy searcher over hundreds of words would not.
 */
export interface FuzzyWords {
  /** The known word a token stands for, or undefined when none is one edit away. */
  match(token: string): string | undefined;
}

/** Words too short or too common to correct: "told" must not become "hold". */
const MIN_TOKEN_LENGTH = 4;
const MIN_WORD_LENGTH = 5;

function deletions(word: string): string[] {
  const forms: string[] = [];
  for (let i = 0; i < word.length; i++) forms.push(word.slice(0, i) + word.slice(i + 1));
  return forms;
}

export function createFuzzyWords(vocabulary: Iterable<string>, options: { protectedWords?: Iterable<string> } = {}): FuzzyWords {
  const known = new Set<string>();
  const byDeletion = new Map<string, string>();
  const ambiguous = new Set<string>();
  const protectedWords = new Set(options.protectedWords ?? []);

  const index = (key: string, word: string): void => {
    const existing = byDeletion.get(key);
    if (existing !== undefined && existing !== word) ambiguous.add(key);
    else byDeletion.set(key, word);
  };

  for (const word of vocabulary) {
    known.add(word);
    if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) continue;
    index(word, word);
    for (const form of deletions(word)) index(form, word);
  }

  const lookup = (key: string): string | undefined => (ambiguous.has(key) ? undefined : byDeletion.get(key));

  return {
    match(token) {
      if (known.has(token)) return token;
      if (token.length < MIN_TOKEN_LENGTH || protectedWords.has(token) || /\d/.test(token)) return undefined;
      // Token missing a letter ("rnew"), an extra letter ("libraary"), or one letter changed or swapped.
      const direct = lookup(token);
      if (direct !== undefined) return direct;
      for (const form of deletions(token)) {
        const found = lookup(form);
        if (found !== undefined && Math.abs(found.length - token.length) <= 1) return found;
      }
      return undefined;
    },
  };
}
