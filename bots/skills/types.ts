import type { AssetPort } from '../../core/assets.js';
import type { Branch, LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { CatalogPort } from '../../core/catalog.js';
import type { EventsPort } from '../../core/events.js';
import type { Inquiry } from '../../core/inquiry.js';
import type { IlsPort, PatronVerificationPort } from '../../core/ils.js';
import type { Intent } from '../../core/intents.js';
import type { KnowledgePort, Language } from '../../core/knowledge.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { Outcome, RouteDetails } from '../../core/router.js';
import type { TicketPort, TicketRef } from '../../core/tickets.js';
import type { DialogState } from '../dialog/state.js';

/** The ports a skill may use; the router passes its own deps through. */
export interface SkillDeps {
  knowledge: KnowledgePort;
  calendar: LibraryCalendarWithHelpers;
  events?: EventsPort;
  assets: AssetPort;
  tickets: TicketPort;
  catalog?: CatalogPort;
  logger: Logger;
  /** Where a patron can read a whole knowledge article (FAQ answers link to it). */
  articleUrl?: (articleId: string) => string | undefined;
  /** The library system; without it account, renew and hold requests go to staff. */
  ils?: IlsPort;
  /** Links contacts to patrons after card number + PIN; required with `ils`. */
  patrons?: PatronVerificationPort;
}

/** One patron message, read once by the router and handed to the skill that answers it. */
export interface Turn {
  inquiry: Inquiry;
  conversationId: string;
  /** The text the skill should act on: usually the message, or the request a clarifying question was about. */
  text: string;
  /** `text` with card numbers replaced, safe for tickets. */
  safeText: string;
  language: Language;
  now: Date;
  /** A branch named in the text. */
  branch?: Branch;
  /** A day named in the text, as a local date YYYY-MM-DD. */
  day?: string;
  /** The last day of a range named in the text ("next week", "friday to sunday"). */
  dayTo?: string;
  state: DialogState;
}

export interface SkillResult {
  intent: Intent;
  outcome: Outcome;
  reply: Reply;
  ticket?: TicketRef;
  /** The knowledge article the answer came from. */
  articleId?: string;
  /** What the answer was about (the day answered for, the records listed…), for reports and evaluation. */
  details?: RouteDetails;
  /** The dialog state to keep for the next message (pending question, hours context). */
  state: DialogState;
}

export type Skill = (turn: Turn, deps: SkillDeps) => Promise<SkillResult>;

/** Picks the English or Spanish wording. */
export function say(language: Language, en: string, es: string): string {
  return language === 'es' ? es : en;
}
