import type { Reply, ReplyCard } from '../../core/reply.js';
import { countSegments, type SmsEncoding } from './segments.js';

export interface SmsRenderOptions {
  /** Most parts one reply may cost (SMS_MAX_SEGMENTS). */
  maxSegments: number;
  /** Where the full answer can be read when the SMS form is cut (the library's web chat). */
  fallbackUrl?: string;
}

export interface RenderedSms {
  body: string;
  encoding: SmsEncoding;
  segments: number;
  /** True when the text was shortened to fit `maxSegments`. */
  truncated: boolean;
}

/**
 * Typography that would force the whole message into UCS-2 (and more than double its cost) for no gain:
 * curly quotes, dashes, ellipses and odd spaces have plain GSM-7 twins. Emoji and letters stay as written.
 */
const GSM_FRIENDLY: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u2009\u202F]/g, ' '],
  [/\u2022/g, '-'],
];

/** Markdown a phone would show literally becomes plain text; a link keeps its address. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, '$1 $2')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_match, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[*+]\s+/gm, '- ')
    .replace(/^(\s*[-*_]){3,}\s*$/gm, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function toGsmFriendly(text: string): string {
  return GSM_FRIENDLY.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

function flattenCard(card: ReplyCard): string {
  const lines = card.lines.map((line) => stripMarkdown(line)).filter(Boolean);
  return [card.title, ...lines, ...(card.url ? [card.url] : [])].join(', ');
}

/** Quick replies as a numbered list the patron answers with a digit ("2" maps back to the second). */
export function numberedOptions(options: readonly string[], language: Reply['language']): string {
  const heading = language === 'es' ? 'Responda con un número:' : 'Reply with a number:';
  return [heading, ...options.map((option, index) => `${index + 1} ${option}`)].join('\n');
}

/** At most nine options: each must be one keypress. */
export const MAX_NUMBERED_OPTIONS = 9;

function fits(text: string, maxSegments: number): boolean {
  return countSegments(text).segments <= maxSegments;
}

/** Cuts `text` at a word boundary so that `text… + tail` fits; binary search over the length. */
function shorten(text: string, tail: string, maxSegments: number): string {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${text.slice(0, mid).trimEnd()}...${tail}`, maxSegments)) low = mid;
    else high = mid - 1;
  }
  let cut = text.slice(0, low);
  const lastSpace = cut.search(/\s\S*$/);
  if (lastSpace > low * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.trimEnd()}...`;
}

/**
 * One `Reply` rendered for SMS: the short form when the assistant wrote one, otherwise the text with
 * cards flattened; no Markdown; quick replies as a numbered list; never more than `maxSegments` parts. A
 * reply too long for that is cut at a word and ends with a link to the full answer (a card's own link,
 * else the web chat), keeping the numbered options whole.
 */
export function renderSmsReply(reply: Reply, options: SmsRenderOptions): RenderedSms {
  const base = stripMarkdown(reply.smsText ?? reply.text);
  const cards = reply.smsText ? [] : (reply.cards ?? []).map(flattenCard);
  const body = toGsmFriendly([base, ...cards].filter(Boolean).join('\n\n'));
  const quick = (reply.quickReplies ?? []).slice(0, MAX_NUMBERED_OPTIONS);
  const list = quick.length > 0 ? `\n\n${toGsmFriendly(numberedOptions(quick, reply.language))}` : '';

  const whole = `${body}${list}`;
  if (fits(whole, options.maxSegments)) return { body: whole, ...countSegments(whole), truncated: false } as RenderedSms;

  const link = reply.cards?.find((card) => card.url)?.url ?? options.fallbackUrl;
  const more = link ? `\n${reply.language === 'es' ? 'Más' : 'More'}: ${link}` : '';
  let tail = `${more}${list}`;
  // A list (or link) that alone overflows the cap is dropped before the answer itself is.
  if (!fits(`x...${tail}`, options.maxSegments)) tail = more;
  if (!fits(`x...${tail}`, options.maxSegments)) tail = '';
  const text = `${shorten(body, tail, options.maxSegments)}${tail}`;
  const count = countSegments(text);
  return { body: text, encoding: count.encoding, segments: count.segments, truncated: true };
}
