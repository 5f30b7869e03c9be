import { describe, expect, it } from 'vitest';
import { isbn10To13, isValidIsbn10, isValidIsbn13, normalizeIsbn } from './isbn.js';

describe('normalizeIsbn', () => {
  it('turns an ISBN-10 into its ISBN-13 with a new check digit', () => {
    expect(normalizeIsbn('0439708184')).toBe('9780439708180');
    expect(isbn10To13('0201616226')).toBe('9780201616224');
  });
  it('handles X check digits, hyphens and qualifiers as catalogued', () => {
    expect(normalizeIsbn('0-8044-2957-X')).toBe('9780804429573');
    expect(normalizeIsbn('0-439-70818-4 (pbk.) :')).toBe('9780439708180');
    expect(normalizeIsbn('978-0-439-70818-0')).toBe('9780439708180');
  });
  it('rejects wrong check digits and non-ISBNs', () => {
    expect(normalizeIsbn('0439708185')).toBeUndefined();
    expect(normalizeIsbn('9780439708181')).toBeUndefined();
    expect(normalizeIsbn('hello')).toBeUndefined();
    expect(isValidIsbn10('043970818X')).toBe(false);
    expect(isValidIsbn13('9780439708180')).toBe(true);
  });
});
