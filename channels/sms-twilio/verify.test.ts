import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../../core/errors.js';
import { isValidTwilioSignature, twilioSignature, twilioWebhookUrl, verifyTwilioSignature } from './verify.js';

const token = '12345678901234567890123456789012';
const url = 'https://libdesk.example.org/webhooks/twilio/sms?branch=main';
const params = { MessageSid: 'SM' + 'a'.repeat(32), From: '+15551230000', Body: 'are you open?', To: '+15559870000', NumMedia: '0' };

describe('Twilio request signatures', () => {
  it('computes exactly what Twilio\'s own helper library computes', () => {
    // The official package is a test-only dependency: it proves our implementation signs as Twilio signs.
    expect(twilioSignature(token, url, params)).toBe(twilio.getExpectedTwilioSignature(token, url, params));
    const unicode = { ...params, Body: 'horario? ¿abren el sábado? 📚 a+b=c&d' };
    expect(twilioSignature(token, url, unicode)).toBe(twilio.getExpectedTwilioSignature(token, url, unicode));
  });

  it('accepts a valid signature and refuses a tampered body, URL or token', () => {
    const signature = twilio.getExpectedTwilioSignature(token, url, params);
    expect(isValidTwilioSignature({ authToken: token, url, params, signature })).toBe(true);
    expect(isValidTwilioSignature({ authToken: token, url, params: { ...params, Body: 'are you open!' }, signature })).toBe(false);
    expect(isValidTwilioSignature({ authToken: token, url: url.replace('main', 'east'), params, signature })).toBe(false);
    expect(isValidTwilioSignature({ authToken: token.replace('1', 'x'), url, params, signature })).toBe(false);
    expect(isValidTwilioSignature({ authToken: token, url, params, signature: signature.slice(0, -2) })).toBe(false);
  });

  it('accepts the URL signed with or without the default port, as Twilio products differ', () => {
    const withPort = 'https://libdesk.example.org:443/webhooks/twilio/sms';
    const signature = twilio.getExpectedTwilioSignature(token, withPort, params);
    expect(isValidTwilioSignature({ authToken: token, url: 'https://libdesk.example.org/webhooks/twilio/sms', params, signature })).toBe(true);
    const signedWithout = twilio.getExpectedTwilioSignature(token, 'https://libdesk.example.org/webhooks/twilio/sms', params);
    expect(isValidTwilioSignature({ authToken: token, url: withPort, params, signature: signedWithout })).toBe(true);
  });

  it('throws LD_TWILIO_BAD_SIGNATURE for a missing or wrong header', () => {
    for (const signature of [undefined, 'not-a-signature']) {
      try {
        verifyTwilioSignature({ authToken: token, url, params, signature });
        expect.unreachable();
      } catch (error) {
        expect(isLibdeskError(error, 'LD_TWILIO_BAD_SIGNATURE')).toBe(true);
      }
    }
  });

  it('builds the signed URL from the configured public base, prefix and query included', () => {
    expect(twilioWebhookUrl('https://example.org/libdesk/', '/webhooks/twilio/sms?x=1')).toBe('https://example.org/libdesk/webhooks/twilio/sms?x=1');
    expect(twilioWebhookUrl('https://example.org', '/webhooks/twilio/status')).toBe('https://example.org/webhooks/twilio/status');
  });
});
