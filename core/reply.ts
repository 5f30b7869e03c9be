/** A card shows one structured thing (a ticket, a catalog record, a branch) next to the reply text. */
export interface ReplyCard {
  title: string;
  lines: string[];
  url?: string;
}

/**
 * What the assistant says back. Channels render it their own way: SMS keeps `text` only (or `smsText`),
 * web chat shows quick replies as buttons, e-mail renders cards as HTML.
 */
export interface Reply {
  text: string;
  /** A shorter form for SMS (≤ 320 characters) when the full text would be too long. */
  smsText?: string;
  /** Suggested answers the patron can tap; the tapped label comes back as the next message text. */
  quickReplies?: string[];
  cards?: ReplyCard[];
  language?: 'en' | 'es';
}
