import type { SmsKeyword } from './inbound.js';

/**
 * The answers carriers require to STOP, START and HELP (CTIA Messaging Principles): one confirmation
 * of an opt-out and nothing after it, a confirmation of opting back in, and a HELP answer that says who
 * we are and how to stop — sent even to a number that opted out.
 */
export function keywordReply(keyword: SmsKeyword, libraryName: string): string {
  switch (keyword) {
    case 'stop':
      return `${libraryName}: you're unsubscribed and will get no more texts from us. Reply START to subscribe again.`;
    case 'start':
      return `${libraryName}: you're subscribed again. Text us a question any time. Reply HELP for help, STOP to stop.`;
    case 'help':
      return `${libraryName}: text a question about opening hours, books or your account and we'll answer. Reply STOP to stop texts. Msg & data rates may apply.`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char]!);
}

/**
 * The webhook's answer to Twilio. Ordinary messages are answered later through the REST API, so they
 * get an empty `<Response/>`; a keyword answer rides in the response itself as one `<Message>`, which
 * is how it still reaches a number that has just opted out.
 */
export function twiml(message?: string): string {
  const body = message ? `<Message>${escapeXml(message)}</Message>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}
