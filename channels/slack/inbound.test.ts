import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSlackRequest } from './inbound.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/slack');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const self = { botUserId: 'U0LIBDESKBOT', botId: 'B0LIBDESKBOT', appId: 'A0LIBDESK' };
const json = (name: string) => parseSlackRequest(fixture(name), 'application/json', self);

describe('parseSlackRequest: what is processed', () => {
  it('a staff reply in a thread is an event keyed by its event id', () => {
    expect(json('thread-reply.json')).toMatchObject({ kind: 'event', type: 'event_callback', eventId: 'EvTHREADREPLY' });
  });

  it('a `note:` reply is an event too (the app keeps it internal)', () => {
    expect(json('thread-note.json')).toMatchObject({ kind: 'event', eventId: 'EvTHREADNOTE' });
  });

  it('a reply also sent to the channel (thread_broadcast) is still a reply', () => {
    expect(json('thread-broadcast.json')).toMatchObject({ kind: 'event', eventId: 'EvTHREADBROADCAST' });
  });

  it('a file shared in a thread is taken (its author is told files are not forwarded)', () => {
    expect(json('file-share-in-thread.json')).toMatchObject({ kind: 'event', eventId: 'EvFILESHARE' });
  });

  it('the App Home tab opening is an event', () => {
    expect(json('app-home-opened.json')).toMatchObject({ kind: 'event' });
  });

  it('a button press is keyed by user and action time, a slash command by trigger id', () => {
    const action = parseSlackRequest(`payload=${encodeURIComponent(fixture('block-action-claim.json'))}`, 'application/x-www-form-urlencoded', self);
    expect(action).toMatchObject({ kind: 'event', type: 'interaction', eventId: 'action:U0MARIA:1764600200.654321' });
    const command = parseSlackRequest(fixture('slash-command.txt').trim(), 'application/x-www-form-urlencoded; charset=utf-8', self);
    expect(command).toMatchObject({ kind: 'event', type: 'command', eventId: 'trigger:1764600300.123456.fedcba' });
    expect(command.kind === 'event' && command.body.text).toBe('claim T-1');
  });
});

describe('parseSlackRequest: every ignored payload', () => {
  it('url_verification is answered with its challenge', () => {
    expect(json('url-verification.json')).toEqual({ kind: 'challenge', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('bot echo: our own post, by bot id', () => {
    expect(json('bot-echo.json')).toEqual({ kind: 'ignored', reason: 'bot_echo' });
  });

  it('bot echo: our own bot user without a bot id', () => {
    expect(json('own-user-echo.json')).toEqual({ kind: 'ignored', reason: 'bot_echo' });
  });

  it('bot echo: another integration posting as bot_message', () => {
    expect(json('bot-message-subtype.json')).toEqual({ kind: 'ignored', reason: 'bot_echo' });
  });

  it('edit: message_changed', () => {
    expect(json('message-changed.json')).toEqual({ kind: 'ignored', reason: 'edit' });
  });

  it('edit: message_deleted', () => {
    expect(json('message-deleted.json')).toEqual({ kind: 'ignored', reason: 'edit' });
  });

  it('other subtypes: channel_join', () => {
    expect(json('channel-join.json')).toEqual({ kind: 'ignored', reason: 'subtype' });
  });

  it('a top-level channel message is staff chat, not a ticket reply', () => {
    expect(json('top-level-message.json')).toEqual({ kind: 'ignored', reason: 'not_a_thread_reply' });
  });

  it('the App Home messages tab and unsubscribed events', () => {
    expect(json('app-messages-tab.json')).toEqual({ kind: 'ignored', reason: 'unsupported_event' });
    expect(json('reaction-added.json')).toEqual({ kind: 'ignored', reason: 'unsupported_event' });
  });

  it('the slash command ssl_check', () => {
    expect(parseSlackRequest('ssl_check=1&token=XXYYZZ', 'application/x-www-form-urlencoded', self)).toEqual({ kind: 'ignored', reason: 'ssl_check' });
  });

  it("another app's event on a shared URL", () => {
    expect(parseSlackRequest(fixture('thread-reply.json'), 'application/json', { ...self, appId: 'A0OTHER' })).toEqual({ kind: 'ignored', reason: 'other_app' });
  });
});

describe('parseSlackRequest: refusals', () => {
  it('refuses what is not a Slack shape with LD_VALIDATION', () => {
    expect(() => parseSlackRequest('{"type":"event_callback"}', 'application/json', self)).toThrow(/not a Slack event/);
    expect(() => parseSlackRequest('not json', 'application/json', self)).toThrow(/not valid JSON/);
    expect(() => parseSlackRequest('a=b', 'application/x-www-form-urlencoded', self)).toThrow(/slash command/);
    expect(() => parseSlackRequest('{}', 'text/plain', self)).toThrow(/JSON or a form/);
  });
});
