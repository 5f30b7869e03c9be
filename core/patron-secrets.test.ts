import { describe, expect, it } from 'vitest';
import { findCredentials, maskPatronSecrets } from './patron-secrets.js';

describe('findCredentials', () => {
  it('reads a card and PIN however they are written', () => {
    expect(findCredentials('21234000000017 1234')).toEqual({ cardNumber: '21234000000017', pin: '1234' });
    expect(findCredentials('my card is 2 1234 00000 0017, pin: 5678')).toEqual({ cardNumber: '21234000000017', pin: '5678' });
    expect(findCredentials('renew 2 please, 21234000000017 PIN 0000')).toEqual({ cardNumber: '21234000000017', pin: '0000' });
    expect(findCredentials('card 21234000000017')).toEqual({ cardNumber: '21234000000017' });
    expect(findCredentials('renew my books')).toBeUndefined();
  });
});

describe('maskPatronSecrets', () => {
  it('masks the card (keeping its last four) and the PIN, and nothing else', () => {
    expect(maskPatronSecrets('21234000000017 1234')).toBe('[card ••0017] [pin]');
    expect(maskPatronSecrets('my card is 21234000000017 and pin 9999')).toBe('my card is [card ••0017] and pin [pin]');
    expect(maskPatronSecrets('PIN: 4321')).toBe('PIN: [pin]');
    expect(maskPatronSecrets('4321')).toBe('[pin]');
    expect(maskPatronSecrets('are you open in 2026 on saturday?')).toBe('are you open in 2026 on saturday?');
  });
});
