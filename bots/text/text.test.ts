import { describe, expect, it } from 'vitest';
import { detectSafety } from '../classifier/safety.js';
import { isUnsupportedLanguage } from '../language.js';
import { messageBody } from './message-body.js';
import { plainText } from './plain-text.js';

describe('messageBody', () => {
  it('drops an e-mail greeting, sign-off and signature', () => {
    const mail = 'Good morning,\n\nCould you tell me if the meeting room has a projector?\n\nKind regards,\nJoan Fisher\nFriends of the Library\n\nSent from my phone';
    expect(messageBody(mail)).toBe('Could you tell me if the meeting room has a projector?');
  });

  it('drops a one-line sign-off with a name', () => {
    expect(messageBody('Hi, is the copier fixed yet? Thanks, Lee')).toBe('is the copier fixed yet?');
  });

  it('leaves short messages alone', () => {
    expect(messageBody('hello')).toBe('hello');
    expect(messageBody('thank you!')).toBe('thank you!');
  });
});

describe('plainText', () => {
  it('removes Markdown syntax and keeps the words', () => {
    const markdown = '## Fees\n\n**Late fees**: none. See [holds](holds.md) or [our site](https://example.org/x).\n\n| Item | Cost |\n|---|---|\n| Card | $5 |\n\n- one\n- two';
    expect(plainText(markdown)).toBe('Fees\n\nLate fees: none. See holds or our site (https://example.org/x).\n\nItem — Cost\n\nCard — $5\n\n• one\n• two');
  });
});

describe('detectSafety', () => {
  it.each([
    ['I think about ending my life', 'self-harm'],
    ['cant find my daughter anywhere in the building', 'missing-child'],
    ['a guy just pulled a knife', 'threat'],
    ['an old man collapsed by the stairs', 'medical'],
    ['something is burning near the copier', 'fire'],
  ])('%s → %s', (text, kind) => {
    expect(detectSafety(text)).toBe(kind);
  });

  it.each(['Harry Potter and the Goblet of Fire', 'A Time to Kill', 'To Kill a Mockingbird', 'my son lost his library card', 'books on fire safety', 'the kindle fire app', 'missing pages in this book'])('not "%s"', (text) => {
    expect(detectSafety(text)).toBeUndefined();
  });
});

describe('isUnsupportedLanguage', () => {
  it.each(['هل يمكنني استعارة كتاب؟', '请问图书馆周末开门吗', 'Вы работаете в субботу?', 'Est-ce que je peux avoir une carte ?'])('%s', (text) => {
    expect(isUnsupportedLanguage(text)).toBe(true);
  });

  it.each(['can i get a card', '¿tienen libros en español?', 'pc 8 no internet', 'ok', 'Søren Kierkegaard books'])('not "%s"', (text) => {
    expect(isUnsupportedLanguage(text)).toBe(false);
  });
});
