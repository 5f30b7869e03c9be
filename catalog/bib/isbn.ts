/**
 * ISBNs as catalogued ("0-439-70818-8 (pbk.)", "9780439708180") normalized to ISBN-13 digits. A
 * number whose check digit is wrong is not an ISBN and gives undefined.
 */
export function normalizeIsbn(raw: string): string | undefined {
  const match = /(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]/.exec(raw);
  if (!match) return undefined;
  const compact = match[0].replace(/[\s-]/g, '').toUpperCase();
  if (compact.length === 13) return isValidIsbn13(compact) ? compact : undefined;
  if (compact.length === 10) return isValidIsbn10(compact) ? isbn10To13(compact) : undefined;
  return undefined;
}

export function isValidIsbn10(isbn: string): boolean {
  if (!/^\d{9}[\dX]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const digit = isbn[i] === 'X' ? 10 : Number(isbn[i]);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

export function isValidIsbn13(isbn: string): boolean {
  if (!/^\d{13}$/.test(isbn)) return false;
  return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12];
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** 043970818X → 978043970818?: prefix 978, drop the old check digit, compute the new one. */
export function isbn10To13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`;
  return body + isbn13CheckDigit(body);
}

/** Words that look like an ISBN query: 10 or 13 digits, with hyphens or spaces allowed. */
export function looksLikeIsbn(text: string): boolean {
  return normalizeIsbn(text) !== undefined && /^[\s\d\-Xx]+$/.test(text.trim());
}
