import { describe, expect, it } from 'vitest';
import { isLibdeskError } from '../core/errors.js';
import { loadConfig } from './config.js';
import { discordStaffSettingsOf, slackSettingsOf } from './staff-channel-settings.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1234567890-abcdefghij', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', SLACK_QUEUE_CHANNEL: 'C0123ABCD' };
const DISCORD = {
  DISCORD_STAFF_APPLICATION_ID: '110000000000000001',
  DISCORD_STAFF_PUBLIC_KEY: 'ab'.repeat(32),
  DISCORD_STAFF_BOT_TOKEN: 'discord-staff-bot-token-0000',
  DISCORD_STAFF_CHANNEL_ID: '120000000000000001',
};

function refusal(env: Record<string, string>): { message: string; settings: unknown } | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (!isLibdeskError(error, 'LD_CONFIG_INVALID')) throw error;
    return { message: error.message, settings: error.details?.settings };
  }
}

describe('Slack and Discord staff settings', () => {
  it('are off when none is set', () => {
    const config = loadConfig({});
    expect(slackSettingsOf(config)).toBeUndefined();
    expect(discordStaffSettingsOf(config)).toBeUndefined();
  });

  it('Slack: all three together switch it on, with the default API URL', () => {
    const config = loadConfig({ ...SLACK, SLACK_ONCALL_GROUP: 'S0ONCALL1' });
    expect(slackSettingsOf(config)).toEqual({ botToken: SLACK.SLACK_BOT_TOKEN, signingSecret: SLACK.SLACK_SIGNING_SECRET, queueChannel: 'C0123ABCD', oncallGroup: 'S0ONCALL1', apiUrl: 'https://slack.com/api/' });
  });

  it('Slack: one missing stops start-up, naming it', () => {
    const { SLACK_SIGNING_SECRET: _secret, ...partial } = SLACK;
    const problem = refusal(partial);
    expect(problem?.message).toMatch(/Slack app needs SLACK_SIGNING_SECRET/);
    expect(problem?.settings).toEqual(['SLACK_SIGNING_SECRET']);
    expect(refusal({ SLACK_ONCALL_GROUP: 'here' })?.settings).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_QUEUE_CHANNEL']);
  });

  it('Slack: malformed values are named', () => {
    expect(refusal({ ...SLACK, SLACK_BOT_TOKEN: 'xoxp-user-token' })?.message).toMatch(/SLACK_BOT_TOKEN/);
    expect(refusal({ ...SLACK, SLACK_QUEUE_CHANNEL: '#library-queue' })?.message).toMatch(/SLACK_QUEUE_CHANNEL/);
    expect(refusal({ ...SLACK, SLACK_API_URL: 'ftp://x' })?.message).toMatch(/SLACK_API_URL/);
  });

  it('Discord: all four together switch it on; DISCORD_API_URL is shared with the patron bot', () => {
    const config = loadConfig({ ...DISCORD, DISCORD_API_URL: 'http://127.0.0.1:9999/api' });
    expect(discordStaffSettingsOf(config)).toMatchObject({ applicationId: DISCORD.DISCORD_STAFF_APPLICATION_ID, channelId: DISCORD.DISCORD_STAFF_CHANNEL_ID, apiUrl: 'http://127.0.0.1:9999/api' });
  });

  it('Discord: one missing or malformed stops start-up, naming it', () => {
    const { DISCORD_STAFF_PUBLIC_KEY: _key, ...partial } = DISCORD;
    expect(refusal(partial)?.settings).toEqual(['DISCORD_STAFF_PUBLIC_KEY']);
    expect(refusal({ ...DISCORD, DISCORD_STAFF_PUBLIC_KEY: 'not-hex' })?.message).toMatch(/DISCORD_STAFF_PUBLIC_KEY/);
  });
});
