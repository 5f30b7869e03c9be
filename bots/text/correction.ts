/**
 * A patron who corrects themselves mid-message ("open late thursday — sorry, I meant friday", "pc 6 — no
 * wait it's 9", "A Time to Kill… wait no, The Firm please") means what follows the correction. The words
 * that mark one, in English and Spanish ("my apologies, I believe it is PC-04" too); "I mean" alone is a
 * filler ("I mean, it's broken") unless an apology or a "no" comes with it.
 */
const CORRECTION = /(?:\b(?:sorry|sry|oops|whoops|no|nope)[,.!]?\s+i\s+mean(?:t)?\b|\bi\s+meant\b|\bno,?\s+wait\b|\bwait,?\s+no\b|\bscratch\s+that\b|\bcorrection\s*:|\bmake\s+that\b|\bquise\s+decir\b|\bperd[oó]n,?\s+(?:digo|es|era|quer[ií]a\s+decir)\b|\bmejor\s+dicho\b|\b(?:sorry|my\s+apologies|apologies|my\s+mistake|my\s+bad)[,.!]?\s+(?:i\s+(?:believe|think)\s+)?it(?:['’]s|\s+is|\s+was)\b)/giu;

/** The text after the last self-correction in the message, or undefined when there is none (or nothing follows it). */
export function correctedPart(text: string): string | undefined {
  let end = -1;
  for (const match of text.matchAll(CORRECTION)) end = match.index + match[0].length;
  if (end < 0) return undefined;
  const rest = text.slice(end).replace(/^[\s,.:;!—–-]+/u, '').trim();
  return rest.length > 0 ? rest : undefined;
}
