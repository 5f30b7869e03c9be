import { describe, expect, it } from 'vitest';
import { findIsbns, isValidIsbn10, isValidIsbn13 } from './isbn.js';

describe('ISBN', () => {
  it('checks ISBN-13 and ISBN-10 check digits', () => {
    expect(isValidIsbn13('9780306406157')).toBe(true);
    expect(isValidIsbn13('9780306406158')).toBe(false);
    expect(isValidIsbn10('0306406152')).toBe(true);
    expect(isValidIsbn10('0306406153')).toBe(false);
    expect(isValidIsbn10('080442957X')).toBe(true);
  });

  it('finds ISBNs with hyphens and spaces, as ISBN-13', () => {
    expect(findIsbns('looking for 978-0-306-40615-7 pls')).toEqual(['9780306406157']);
    expect(findIsbns('isbn 0-306-40615-2 do you have it')).toEqual(['9780306406157']);
    expect(findIsbns('ISBN 080442957X')).toEqual(['9780804429573']);
  });

  it('ignores numbers that fail the check digit, phone numbers and card numbers', () => {
    expect(findIsbns('9780306406158')).toEqual([]);
    expect(findIsbns('call me at 0306406152')).toEqual([]);
    expect(findIsbns('my card is 21234000123456')).toEqual([]);
  });
});
