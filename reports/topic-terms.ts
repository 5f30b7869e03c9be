/**
 * What a question was about, without who asked it: the content words of a message, with everything that
 * could identify a person removed first (e-mail addresses, phone and card numbers, any word with a digit,
 * capitalised words that are not at the start of a sentence — names). Kept for unanswered questions after
 * their bodies are purged, so the "what could we not answer" report survives retention.
 */
const STOPWORDS = new Set(
  (
    'a about an and any are as at be but by can could do does did for from get got has have how i if in is it its just ' +
    'me my no not of on or our please so some than thanks thank that the their them then there these they this to ' +
    'up us was we what when where which who why will with would you your yours hi hello hey dear regards ' +
    'el la los las un una de del y o en que por para con se es lo al mi tu su hola gracias'
  ).split(' '),
);

const IDENTIFYING = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\+?\d[\d\s().-]{5,}\d/g, // phone and card numbers
];

/** At most `limit` content words, lower case, in the order they first appear. */
export function topicTerms(text: string, limit = 6): string[] {
  let cleaned = text;
  for (const pattern of IDENTIFYING) cleaned = cleaned.replace(pattern, ' ');
  const words: string[] = [];
  // Sentence by sentence, so a capitalised first word (an ordinary "Do", "Where") is not taken for a name.
  for (const sentence of cleaned.split(/[.!?\n]+/)) {
    const tokens = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
    tokens.forEach((token, position) => {
      if (/\d/.test(token)) return;
      if (position > 0 && /^\p{Lu}/u.test(token)) return;
      const word = token.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
      if (word.length < 3 || STOPWORDS.has(word) || words.includes(word)) return;
      words.push(word);
    });
  }
  return words.slice(0, limit);
}

/**
 * Groups questions by the words they share most: each question goes to the group of its most common
 * content word across all the questions (ties by the second), so "3D printer broken?" and "do you have
 * a 3D printer" meet under "printer".
 */
export function groupTopics(questions: string[][], limit = 20): Array<{ topic: string; count: number }> {
  const frequency = new Map<string, number>();
  for (const terms of questions) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const groups = new Map<string, number>();
  for (const terms of questions) {
    if (terms.length === 0) continue;
    const ranked = [...terms].sort((a, b) => (frequency.get(b)! - frequency.get(a)!) || a.localeCompare(b));
    const second = ranked[1] && frequency.get(ranked[1])! > 1 ? ranked[1] : undefined;
    const key = second ? [ranked[0]!, second].sort().join(' ') : ranked[0]!;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.entries()]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
    .slice(0, limit);
}
