import type { Inquiry } from './inquiry.js';
import type { Intent } from './intents.js';
import type { Reply } from './reply.js';
import type { TicketRef } from './tickets.js';

/** How an inquiry ended, for reports. */
export const OUTCOMES = ['answered', 'clarified', 'ticket', 'unanswered'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RouteContext {
  /** The stored conversation this inquiry belongs to; dialog state is kept per conversation. */
  conversationId: string;
  /** This message began the conversation: there is no dialog state to read. */
  newConversation?: boolean;
  /**
   * The caller stores `RouteResult.dialog` itself, in the transaction that records the answer; the router
   * then writes no dialog state of its own.
   */
  callerStoresDialog?: boolean;
}

/** The conversation's dialog state after an answer (state null: cleared). */
export interface DialogUpdate {
  state: unknown | null;
  expiresAt: Date | null;
}

export interface RouteResult {
  intent: Intent;
  /** 0..1: how sure the router is of the intent. */
  confidence: number;
  outcome: Outcome;
  reply: Reply;
  ticket?: TicketRef;
  /** The knowledge article a FAQ answer came from (its English id), for reports and evaluation. */
  articleId?: string;
  /** What the answer was about, for reports and evaluation. */
  details?: RouteDetails;
  /** The dialog state to keep, when the caller stores it (`RouteContext.callerStoresDialog`). */
  dialog?: DialogUpdate;
}

/** Facts about an answer that the reply text carries only in words. */
export interface RouteDetails {
  /** The local date (YYYY-MM-DD) an hours answer was given for. */
  day?: string;
  /** The catalog records listed, in the order shown. */
  recordIds?: string[];
  /** The immediate safety reply was given (danger, self-harm, a missing child). */
  safety?: boolean;
  /** The message was in a language the library has no articles in. */
  unsupportedLanguage?: boolean;
  /** A branch fact was answered: address, phone, parking or directions. */
  branchFact?: 'address' | 'phone' | 'parking' | 'directions';
}

/** The assistant: decides what to say. It sends nothing and knows no channel SDK or database. */
export interface AssistantRouter {
  route(inquiry: Inquiry, context: RouteContext): Promise<RouteResult>;
}
