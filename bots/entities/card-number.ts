/**
 * Library card numbers: 14 digits, codabar style, starting with 2 for patrons ("21234000123456"),
 * sometimes typed with spaces ("2 1234 00012 3456"). They are secrets: never logged, never echoed back.
 */
const CARD = /(?<!\d)2[\s-]?(?:\d[\s-]?){12}\d(?!\d)/g;

export function findCardNumber(text: string): string | undefined {
  for (const match of text.matchAll(CARD)) {
    const digits = match[0].replace(/[\s-]/g, '');
    if (digits.length === 14) return digits;
  }
  return undefined;
}

/** The text with every card number replaced by "[card ••3456]", so staff can still tell cards apart. */
export function redactCardNumbers(text: string): string {
  return text.replace(CARD, (raw) => {
    const digits = raw.replace(/[\s-]/g, '');
    return digits.length === 14 ? `[card ••${digits.slice(-4)}]` : raw;
  });
}
