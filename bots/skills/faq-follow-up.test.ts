import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/normalize.js';
import { staysOnLastArticle } from './faq-follow-up.js';

const stays = (text: string) => staysOnLastArticle(tokenize(text), text);

describe('a follow-up to an article answer', () => {
  it.each([
    'and is it free?',
    '¿y cuánto cuesta?',
    'and for how long',
    'how much is that',
    'and do i need an appointment',
    '¿y hay que pagar?',
    // An aspect of the service just answered: how many at once, for how long, what to bring, a new one.
    'how many can i check out',
    'and how long can i keep it',
    'is there a limit',
    'what do i need to bring',
    'how much is a replacement',
    'how does he sign up for it',
    // Another one, and when or where: still the service just answered.
    '¿y cuánto cuesta sacar una nueva?',
    'can i get one at eastside friday',
    // "¿y cuánto sale?": what it costs, said the everyday way.
    '¿y cuánto sale?',
  ])('"%s" stays on the last article', (text) => {
    expect(stays(text)).toBe(true);
  });

  it.each([
    // A topic of its own, named: searched as usual.
    'and do you have wifi there?',
    'also can i print from my phone',
    '¿y se puede sacar copias?',
    'and i forgot my password too',
    // Not leaning on the last answer, or long enough to stand alone.
    'what time do you open tomorrow',
    'and how much does it cost to print a color page at the main library',
  ])('"%s" is its own question', (text) => {
    expect(stays(text)).toBe(false);
  });
});
