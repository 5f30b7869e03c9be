/** Every intent the router can decide on. Reports group inquiries by these names, so they are stable. */
export const INTENTS = [
  'hours',
  'faq',
  'catalog',
  'location',
  'account',
  'renew',
  'hold',
  'ill',
  'equipment',
  'events',
  'handoff',
  'smalltalk',
  'unknown',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
