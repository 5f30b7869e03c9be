/**
 * Scrubs personal data from anything about to be logged. Library records are protected by law in most
 * places: card numbers, PINs, phone numbers and e-mail addresses must never reach a log file, even
 * inside a free-text message or an error.
 */

/** Keys whose values are always personal, whatever they contain. */
export const SENSITIVE_KEYS = [
  'address',
  'phone',
  'email',
  'from',
  'to',
  'cardNumber',
  'card',
  'barcode',
  'patronBarcode',
  'pin',
  'password',
  'requesterAddress',
  'authorization',
  'cookie',
  'text',
  'body',
] as const;

const SENSITIVE = new Set<string>(SENSITIVE_KEYS.map((key) => key.toLowerCase()));

const PATTERNS: Array<[RegExp, string]> = [
  // E-mail addresses.
  [/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[email]'],
  // Library card numbers: 13–16 digits, often written in groups.
  [/\b\d(?:[ -]?\d){12,15}\b/g, '[card]'],
  // Phone numbers: +1 555 123 4567, (555) 123-4567, 555.123.4567.
  [/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[phone]'],
  // "pin 1234", "PIN: 0000".
  [/\bpin\b\s*[:#=]?\s*\d{3,8}\b/gi, 'pin [pin]'],
];

/**
 * Every pattern above needs a digit or an "@": a string with neither (a route, an intent, most messages
 * of a log line) is returned as it is without running them. Two log lines per message are scrubbed field
 * by field, so this is on the hot path of every request.
 */
const MAY_HOLD_PERSONAL_DATA = /[\d@]/;

export function redactText(value: string): string {
  if (!MAY_HOLD_PERSONAL_DATA.test(value)) return value;
  let out = value;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Deep copy with sensitive keys replaced and personal data scrubbed from every string. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SENSITIVE.has(key.toLowerCase()) && inner != null ? '[redacted]' : redactValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}
