import { describe, expect, it } from 'vitest';
import { findCardNumber, redactCardNumbers } from './card-number.js';

describe('card numbers', () => {
  it('finds 14-digit patron barcodes, also typed with spaces', () => {
    expect(findCardNumber('my card number is 21234000123456')).toBe('21234000123456');
    expect(findCardNumber('card 2 1234 00012 3456 pls')).toBe('21234000123456');
  });

  it('ignores ISBNs and shorter numbers', () => {
    expect(findCardNumber('9780306406157')).toBeUndefined();
    expect(findCardNumber('call 5550142200')).toBeUndefined();
  });

  it('redacts to the last four digits', () => {
    expect(redactCardNumbers('renew all items on card 21234000555555 thanks')).toBe('renew all items on card [card ••5555] thanks');
  });
});
