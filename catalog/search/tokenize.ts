/**
 * Words as the index sees them: lower case, without diacritics (so "Garcia Marquez" finds "García
 * Márquez"), possessives folded ("sorcerer's" → "sorcerer").
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
  return words.some((word) => CJK.test(word)) ? words.flatMap(splitCjk) : words;
}

/** Chinese and Japanese are written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * A run of CJK characters becomes its overlapping character pairs (a lone character stays itself):
 * the usual way to index text without word breaks, so "红楼梦" is found by "红楼" and by the whole title.
 */
function splitCjk(word: string): string[] {
  const out: string[] = [];
  for (const run of word.match(CJK_RUN) ?? []) {
    if (!CJK.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Words too common to require: a query "the firm" must contain "firm", "the" only adds a little. */
export const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'de', 'del', 'el', 'en', 'for', 'from', 'in', 'is', 'it', 'la', 'las', 'los', 'of', 'on', 'or',
  'the', 'to', 'un', 'una', 'with', 'y',
]);

/** 32-bit FNV-1a of the normalized words: equal titles get equal hashes without keeping the strings. */
export function hashWords(words: string[]): number {
  let hash = 0x811c9dc5;
  const text = words.join(' ');
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[cols - 1]!;
}
