import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { loadConfig } from './config.js';
import { discordSettingsOf, smsSettingsOf } from './channel-settings.js';

const sms = {
  TWILIO_ACCOUNT_SID: `AC${'a1'.repeat(16)}`,
  TWILIO_AUTH_TOKEN: 'secret-auth-token-0123456789',
  TWILIO_FROM_NUMBER: '+15559870000',
  PUBLIC_URL: 'https://desk.library.example',
};

function configError(env: Record<string, string>): { message: string; settings: unknown } {
  try {
    loadConfig(env);
  } catch (error) {
    if (isLibdeskError(error, 'LD_CONFIG_INVALID')) return { message: error.message, settings: error.details?.settings };
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('SMS and Discord settings', () => {
  it('leaves both channels off with no settings', () => {
    const config = loadConfig({});
    expect(smsSettingsOf(config)).toBeUndefined();
    expect(discordSettingsOf(config)).toBeUndefined();
  });

  it('switches SMS on with all its settings, defaults filled in', () => {
    expect(smsSettingsOf(loadConfig(sms))).toEqual({
      accountSid: sms.TWILIO_ACCOUNT_SID,
      authToken: sms.TWILIO_AUTH_TOKEN,
      fromNumber: '+15559870000',
      apiUrl: 'https://api.twilio.com',
      publicBaseUrl: 'https://desk.library.example',
      maxSegments: 3,
      answersPerMinute: 5,
      keywordReplies: 'libdesk',
    });
  });

  it('prefers TWILIO_WEBHOOK_URL as the signed address, even pasted whole', () => {
    const settings = smsSettingsOf(loadConfig({ ...sms, TWILIO_WEBHOOK_URL: 'https://proxy.example/libdesk/webhooks/twilio/sms' }));
    expect(settings?.publicBaseUrl).toBe('https://proxy.example/libdesk');
  });

  it('names every missing SMS setting when only some are set', () => {
    expect(configError({ TWILIO_AUTH_TOKEN: sms.TWILIO_AUTH_TOKEN })).toEqual({
      message: expect.stringContaining('the SMS channel needs TWILIO_ACCOUNT_SID, TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID, PUBLIC_URL (or TWILIO_WEBHOOK_URL)'),
      settings: ['TWILIO_ACCOUNT_SID', 'TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID', 'PUBLIC_URL (or TWILIO_WEBHOOK_URL)'],
    });
    const { PUBLIC_URL: _omitted, ...withoutUrl } = sms;
    expect(configError(withoutUrl).settings).toEqual(['PUBLIC_URL (or TWILIO_WEBHOOK_URL)']);
  });

  it('refuses malformed values with the setting named', () => {
    expect(configError({ ...sms, TWILIO_ACCOUNT_SID: 'AC123' }).message).toMatch(/TWILIO_ACCOUNT_SID must be the account SID/);
    expect(configError({ ...sms, TWILIO_FROM_NUMBER: '555-1234' }).message).toMatch(/TWILIO_FROM_NUMBER must be a phone number/);
    expect(configError({ ...sms, SMS_MAX_SEGMENTS: '0' }).message).toMatch(/SMS_MAX_SEGMENTS must be 1 to 10/);
    expect(configError({ ...sms, SMS_KEYWORD_REPLIES: 'carrier' }).message).toMatch(/SMS_KEYWORD_REPLIES must be libdesk or twilio/);
  });

  it('switches Discord on with its token; a help channel alone names the missing token', () => {
    expect(discordSettingsOf(loadConfig({ DISCORD_BOT_TOKEN: 'a-bot-token-of-some-length', DISCORD_HELP_CHANNEL_ID: '1100000000000000002' }))).toEqual({
      botToken: 'a-bot-token-of-some-length',
      helpChannelId: '1100000000000000002',
      apiUrl: 'https://discord.com/api',
    });
    expect(configError({ DISCORD_HELP_CHANNEL_ID: '1100000000000000002' }).settings).toEqual(['DISCORD_BOT_TOKEN']);
    expect(configError({ DISCORD_BOT_TOKEN: 'a-bot-token-of-some-length', DISCORD_HELP_CHANNEL_ID: 'general' }).message).toMatch(/DISCORD_HELP_CHANNEL_ID must be a channel id/);
  });
});
