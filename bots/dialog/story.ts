import type { DialogState } from './state.js';

/** How many of the patron's earlier messages a ticket carries. */
export const RECENT_MESSAGES = 5;
/** A long e-mail is kept whole in the ticket's first comment, but one entry of the story stays readable. */
const MAX_ENTRY = 600;

/** The state with one more patron message (already redacted) remembered. */
export function remember(state: DialogState, safeText: string): DialogState {
  const entry = safeText.length > MAX_ENTRY ? `${safeText.slice(0, MAX_ENTRY - 1)}…` : safeText;
  const recent = [...(state.recent ?? []), entry].slice(-RECENT_MESSAGES);
  return { ...state, recent };
}

/**
 * What a staff ticket says the patron wanted: the request, then the conversation that led to it (the
 * complaint before "talk to a person", the title before "can I put it on hold?").
 */
export function ticketStory(request: string, state: DialogState, current: string): string {
  const earlier = (state.recent ?? []).filter((message) => message !== request && message !== current);
  const lines = [request];
  if (current && current !== request) lines.push(`Latest message: ${current}`);
  if (earlier.length > 0) lines.push('', 'Earlier in the conversation:', ...earlier.map((message) => `- ${message}`));
  if (state.lastCatalog && state.lastCatalog.titles.length > 0) lines.push('', `Catalog records shown: ${state.lastCatalog.titles.join('; ')}`);
  return lines.join('\n');
}
