import { describe, expect, it } from 'vitest';
import type { ConversationEntry } from '../../core/inquiry-service.js';
import { asTwilioParams, resolveNumberedChoice, smsKeywordOf, smsKeywordOfMessage, toSmsInquiry, twilioInboundSchema, twilioStatusSchema } from './inbound.js';

const sid = (prefix: string) => `${prefix}${'0123456789abcdef'.repeat(2)}`;
const form = { MessageSid: sid('SM'), AccountSid: sid('AC'), From: '+15551230000', To: '+15559870000', Body: ' Are you open? ', NumMedia: '0', SmsStatus: 'received' };

describe('SMS inbound', () => {
  it('parses Twilio\'s form into an inquiry threaded by number, keeping the SID and our number', () => {
    const message = twilioInboundSchema.parse(form);
    expect(toSmsInquiry(message)).toEqual({
      channel: 'sms',
      address: '+15551230000',
      threadKey: '+15551230000',
      text: 'Are you open?',
      externalId: sid('SM'),
      meta: { to: '+15559870000' },
    });
  });

  it('refuses payloads that are not a Twilio message', () => {
    expect(twilioInboundSchema.safeParse({ ...form, MessageSid: 'SM123' }).success).toBe(false);
    expect(twilioInboundSchema.safeParse({ ...form, From: 'ALPHASENDER' }).success).toBe(false);
    expect(twilioInboundSchema.safeParse({ ...form, To: '12345' }).success).toBe(true); // the library's short code
    expect(twilioInboundSchema.safeParse({ ...form, From: '12345' }).success).toBe(false);
    expect(twilioInboundSchema.safeParse({ ...form, AccountSid: undefined }).success).toBe(false);
    expect(twilioInboundSchema.safeParse({ ...form, Body: 'x'.repeat(1601) }).success).toBe(false);
    expect(asTwilioParams({ Body: { nested: true } })).toBeUndefined();
    expect(asTwilioParams(['a'])).toBeUndefined();
  });

  it('keeps a picture sent with no words as a message staff can see', () => {
    const message = twilioInboundSchema.parse({ ...form, MessageSid: sid('MM'), Body: '', NumMedia: '1' });
    expect(toSmsInquiry(message)).toMatchObject({ text: '(sent a picture or file with no text)', meta: { numMedia: '1' } });
  });

  it('recognises the carrier keywords only when they are the whole message', () => {
    for (const word of ['STOP', 'stop', ' Stop. ', 'STOPALL', 'UNSUBSCRIBE', 'cancel', 'END', 'quit', 'OPTOUT', 'REVOKE']) expect(smsKeywordOf(word)).toBe('stop');
    for (const word of ['START', 'yes', 'UNSTOP', 'optin']) expect(smsKeywordOf(word)).toBe('start');
    for (const word of ['HELP', 'help?', 'INFO']) expect(smsKeywordOf(word)).toBe('help');
    for (const text of ['please stop the hold', 'help me find a book', 'STOP IT', 'yes please', '']) expect(smsKeywordOf(text)).toBeUndefined();
    // Twilio's Advanced Opt-Out names the keyword itself, custom words included.
    expect(smsKeywordOfMessage(twilioInboundSchema.parse({ ...form, Body: 'ALTO', OptOutType: 'STOP' }))).toBe('stop');
    expect(smsKeywordOfMessage(twilioInboundSchema.parse({ ...form, Body: 'ayuda' }))).toBeUndefined();
  });

  it('maps a lone digit to the option offered in our last message', () => {
    const history: ConversationEntry[] = [
      { from: 'patron', text: 'hours', at: new Date() },
      { from: 'assistant', text: 'Which branch?', quickReplies: ['Main', 'Eastside'], at: new Date() },
    ];
    expect(resolveNumberedChoice('2', history)).toBe('Eastside');
    expect(resolveNumberedChoice(' 1. ', history)).toBe('Main');
    expect(resolveNumberedChoice('3', history)).toBeUndefined();
    expect(resolveNumberedChoice('12', history)).toBeUndefined();
    expect(resolveNumberedChoice('2', [...history, { from: 'assistant', text: 'Done.', at: new Date() }])).toBeUndefined();
    const inquiry = toSmsInquiry(twilioInboundSchema.parse({ ...form, Body: '2' }), { text: 'Eastside' });
    expect(inquiry).toMatchObject({ text: 'Eastside', meta: { choice: '2' } });
  });

  it('parses status callbacks and refuses unknown statuses', () => {
    expect(twilioStatusSchema.parse({ MessageSid: sid('SM'), AccountSid: sid('AC'), MessageStatus: 'undelivered', ErrorCode: '30003' })).toMatchObject({
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(twilioStatusSchema.safeParse({ MessageSid: sid('SM'), AccountSid: sid('AC'), MessageStatus: 'exploded' }).success).toBe(false);
  });
});
