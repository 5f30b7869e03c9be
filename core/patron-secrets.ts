/**
 * Card numbers and PINs in free text. A patron verifies by writing both in one message ("21234000000017
 * 1234"); that message is stored, routed and maybe shown to staff, so both are masked everywhere except
 * the one call that checks them. Card numbers are 14 digits starting with 2 (codabar patron cards),
 * possibly typed in groups.
 */
const CARD = /(?<!\d)2[\s-]?(?:\d[\s-]?){12}\d(?!\d)/g;
/** A PIN: 4–8 digits on their own, after a card number or after the word PIN. */
const PIN_AFTER_WORD = /\b(pin|pin number|password|passcode|contraseña|clave)\b(\s*(?:is|es|:|#|=)?\s*)(\d{4,8})\b/gi;
const ONLY_DIGITS = /^\s*\d{4,8}\s*$/;

export interface PatronCredentials {
  cardNumber: string;
  pin?: string;
}

/** The card number and PIN written in a message, if any. */
export function findCredentials(text: string): PatronCredentials | undefined {
  for (const match of text.matchAll(CARD)) {
    const cardNumber = match[0].replace(/[\s-]/g, '');
    if (cardNumber.length !== 14) continue;
    const rest = text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length);
    const worded = new RegExp(PIN_AFTER_WORD.source, 'i').exec(rest);
    const bare = /(?<![\d.,$])\b(\d{4,8})\b(?![\d.,])/.exec(rest);
    const pin = worded?.[3] ?? bare?.[1];
    return pin ? { cardNumber, pin } : { cardNumber };
  }
  return undefined;
}

/** The text with card numbers as "[card ••0017]" and PINs as "[pin]": safe to store, log and show staff. */
export function maskPatronSecrets(text: string): string {
  if (ONLY_DIGITS.test(text)) return '[pin]';
  // Cards become placeholders first, so their last four digits are not then taken for a PIN.
  const cards: string[] = [];
  let out = text.replace(CARD, (raw) => {
    const digits = raw.replace(/[\s-]/g, '');
    if (digits.length !== 14) return raw;
    cards.push(`[card ••${digits.slice(-4)}]`);
    return `\u0000${cards.length - 1}\u0000`;
  });
  out = out.replace(PIN_AFTER_WORD, (_all, word: string, gap: string) => `${word}${gap}[pin]`);
  // Beside a card number, any other short run of digits is taken for the PIN.
  if (cards.length) out = out.replace(/(?<![\d.,$\u0000])\b\d{4,8}\b(?![\d.,\u0000])/g, '[pin]');
  return out.replace(/\u0000(\d+)\u0000/g, (_all, index: string) => cards[Number(index)] ?? '[card]');
}
