import { redactCardNumbers } from './card-number.js';

/**
 * PINs and passwords patrons type into a chat ("my pin is 4821", "password: hunter2", "mi contraseña es
 * abc123"). They are never echoed, never written to a ticket, a log line or a webhook: every copy of the
 * message the assistant passes on has them replaced by "[PIN hidden]" / "[password hidden]".
 */
const PIN = /\b(pin(?:\s*(?:number|code|#|no\.?))?|pin-?code|contrase(?:ñ|n)a|clave|password|passcode|pass\s*word|pwd|pw)\b(\s*(?:is|was|=|:|es|-|would be|should be)?\s*)(["'“]?)([^\s"'”,;]{3,40})\3/giu;

/** Words after "pin"/"password" that are not the secret itself ("my pin is not working"). */
const NOT_A_SECRET = new Set(['not', 'no', 'is', 'reset', 'for', 'to', 'the', 'a', 'an', 'my', 'and', 'or', 'but', 'please', 'help', 'wrong', 'incorrect', 'expired', 'forgot', 'forgotten', 'doesnt', "doesn't", 'does', 'will', 'wont', "won't", 'isnt', "isn't", 'was', 'still', 'working', 'work', 'change', 'changed', 'number', 'code', 'de', 'la', 'el', 'mi', 'no', 'olvide', 'olvidé', 'reset?', 'again', 'anymore', 'now', 'on', 'in', 'with', 'that', 'this', 'it', 'so', 'too', 'field', 'box', 'page', 'wifi', 'required', 'needed', 'set', 'sent', 'email']);

function isSecretLike(value: string, keyword: string): boolean {
  const word = value.toLowerCase().replace(/[?.!]+$/, '');
  if (word.length < 3 || NOT_A_SECRET.has(word)) return false;
  // A PIN is digits; a password has a digit, a symbol or is not a plain dictionary-looking word after "is".
  if (/^pin/i.test(keyword)) return /^\d{3,12}$/.test(word);
  return /\d|[^a-z]/i.test(word) || word.length >= 6;
}

export function hasSecret(text: string): boolean {
  for (const match of text.matchAll(PIN)) if (isSecretLike(match[4]!, match[1]!)) return true;
  return false;
}

/** The text with PINs and passwords hidden. */
export function redactSecrets(text: string): string {
  return text.replace(PIN, (whole, keyword: string, joiner: string, _quote: string, value: string) => {
    if (!isSecretLike(value, keyword)) return whole;
    return `${keyword}${joiner}${/^pin/i.test(keyword) ? '[PIN hidden]' : '[password hidden]'}`;
  });
}

/** What may leave the assistant: card numbers masked, PINs and passwords hidden. */
export function redactPatronText(text: string): string {
  return redactSecrets(redactCardNumbers(text));
}
