import type { Reply, ReplyCard } from '../../core/reply.js';

export interface RenderedMail {
  text: string;
  html: string;
}

const QUICK_REPLY_LEAD: Record<'en' | 'es', string> = {
  en: 'You can reply with one of these:',
  es: 'Puede responder con una de estas opciones:',
};

/**
 * A `Reply` as an e-mail: plain text for every client, and HTML with the cards as small boxes. Quick
 * replies become a short "reply with…" list, because a mail has no buttons. Every piece of text is
 * escaped; only http(s) links are made clickable.
 */
export function renderReplyMail(reply: Reply, options: { signature?: string } = {}): RenderedMail {
  const language = reply.language ?? 'en';
  const quick = reply.quickReplies?.filter((label) => label.trim()) ?? [];
  const cards = reply.cards ?? [];

  const textParts = [reply.text.trim()];
  for (const card of cards) textParts.push(cardText(card));
  if (quick.length) textParts.push([QUICK_REPLY_LEAD[language], ...quick.map((label) => `- ${label}`)].join('\n'));
  if (options.signature) textParts.push(`-- \n${options.signature}`);
  const text = `${textParts.filter(Boolean).join('\n\n')}\n`;

  const htmlParts = [paragraphs(reply.text)];
  for (const card of cards) htmlParts.push(cardHtml(card));
  if (quick.length) {
    htmlParts.push(`<p>${escapeHtml(QUICK_REPLY_LEAD[language])}</p>\n<ul>${quick.map((label) => `<li>${escapeHtml(label)}</li>`).join('')}</ul>`);
  }
  if (options.signature) htmlParts.push(`<p style="color:#555">-- <br>${escapeHtml(options.signature)}</p>`);
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family:sans-serif;line-height:1.4">',
    ...htmlParts,
    '</body></html>',
    '',
  ].join('\n');
  return { text, html };
}

function cardText(card: ReplyCard): string {
  return [card.title, ...card.lines, ...(safeUrl(card.url) ? [safeUrl(card.url) as string] : [])].join('\n');
}

function cardHtml(card: ReplyCard): string {
  const url = safeUrl(card.url);
  const title = url ? `<a href="${escapeHtml(url)}">${escapeHtml(card.title)}</a>` : escapeHtml(card.title);
  const lines = card.lines.map((line) => `<div>${escapeHtml(line)}</div>`).join('');
  return `<div style="border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:8px 0"><div><strong>${title}</strong></div>${lines}</div>`;
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Only web links go into a mail; anything else (javascript:, data:) is left out. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
