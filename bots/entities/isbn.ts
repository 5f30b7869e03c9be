/** ISBN-10 and ISBN-13 found in patron text, validated by their check digits and returned as ISBN-13. */

export function isValidIsbn10(digits: string): boolean {
  if (!/^\d{9}[\dX]$/i.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = digits[i]!.toUpperCase();
    sum += (char === 'X' ? 10 : Number(char)) * (10 - i);
  }
  return sum % 11 === 0;
}

export function isValidIsbn13(digits: string): boolean {
  if (!/^97[89]\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/** ISBN-10 → ISBN-13 (978 prefix, new check digit). */
export function isbn10To13(isbn10: string): string {
  const core = `978${isbn10.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(core[i]) * (i % 2 === 0 ? 1 : 3);
  return `${core}${(10 - (sum % 10)) % 10}`;
}

const CANDIDATE = /(?<![\d-])(?:97[89][\s-]?)?\d[\d\s-]{7,14}[\dXx](?![\d-])/g;

/**
 * Every valid ISBN in the text, as ISBN-13. A bare ten-digit number could as well be a phone number, so
 * an ISBN-10 counts only when it is hyphenated the way ISBNs are printed or the word "ISBN" is there.
 */
export function findIsbns(text: string): string[] {
  const mentionsIsbn = /\bisbn/i.test(text);
  const found = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0];
    const digits = raw.replace(/[\s-]/g, '');
    if (digits.length === 13 && isValidIsbn13(digits)) found.add(digits);
    else if (digits.length === 10 && isValidIsbn10(digits) && (mentionsIsbn || /^\d{1,5}-\d+-\d+-[\dX]$/i.test(raw))) {
      found.add(isbn10To13(digits.toUpperCase()));
    }
  }
  return [...found];
}
