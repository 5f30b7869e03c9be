import { describe, expect, it } from 'vitest';
import { isValidIsbn13 } from './bib/isbn.js';
import { generateDemoCatalog } from './demo-catalog.js';

describe('demo catalog', () => {
  const records = [...generateDemoCatalog({ count: 40, now: new Date('2026-12-01T12:00:00Z') })];

  it('gives a well-known book the ISBNs of its other editions, as a real record lists them', () => {
    const caterpillar = records.find((record) => record.title === 'The Very Hungry Caterpillar');
    // The hardcover and the board book most families own.
    expect(caterpillar?.isbns).toEqual(['9780399208539', '9780399226908']);
  });

  it('lists only valid ISBN-13s', () => {
    const invalid = records.flatMap((record) => record.isbns).filter((isbn) => !isValidIsbn13(isbn));
    expect(invalid).toEqual([]);
  });
});
