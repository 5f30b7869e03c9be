import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createSmsConsentRepository } from './sms-consent.repository.js';
import { createSmsStatusRepository } from './sms-status.repository.js';

describe('SMS consent and delivery reports on SQLite', () => {
  let temp: TemporaryDatabase;
  beforeAll(async () => {
    temp = await openTemporarySqlite();
  });
  afterAll(() => temp.close());

  const at = new Date('2026-12-01T15:00:00Z');
  const keyword = (messageSid: string, kind: 'stop' | 'start' | 'help', address = '+15551230000') => ({ messageSid, address, keyword: kind, text: kind.toUpperCase(), receivedAt: at });

  it('opts out on STOP and back in on START, each message once', async () => {
    const consent = createSmsConsentRepository(temp.db.prisma);
    expect(await consent.isOptedOut('sms', '+15551230000')).toBe(false);
    const [a, b] = await Promise.all([consent.recordKeyword(keyword('SM-stop-1', 'stop')), consent.recordKeyword(keyword('SM-stop-1', 'stop'))]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await consent.isOptedOut('sms', '+15551230000')).toBe(true);
    expect(await consent.isOptedOut('discord', '+15551230000')).toBe(false);
    expect(await consent.recordKeyword(keyword('SM-help-1', 'help'))).toBe(true);
    expect(await consent.isOptedOut('sms', '+15551230000')).toBe(true);
    expect(await consent.recordKeyword(keyword('SM-start-1', 'start'))).toBe(true);
    expect(await consent.isOptedOut('sms', '+15551230000')).toBe(false);
    // A retry of the old STOP changes nothing.
    expect(await consent.recordKeyword(keyword('SM-stop-1', 'stop'))).toBe(false);
    expect(await consent.isOptedOut('sms', '+15551230000')).toBe(false);
    // Two different STOPs from one number at once: both kept, one opt-out.
    const both = await Promise.all([consent.recordKeyword(keyword('SM-stop-2', 'stop')), consent.recordKeyword(keyword('SM-stop-3', 'stop'))]);
    expect(both).toEqual([true, true]);
    expect(await temp.db.prisma.smsOptOut.count({ where: { address: '+15551230000' } })).toBe(1);
  });

  it('records failed and delivered statuses on the SMS reply with that SID', async () => {
    const prisma = temp.db.prisma;
    const conversation = await prisma.conversation.create({ data: { channel: 'sms', threadKey: '+15559990000', address: '+15559990000' } });
    await prisma.reply.create({ data: { conversationId: conversation.id, channel: 'sms', text: 'hi', externalId: 'SM-out-1', deliveryStatus: 'sent' } });
    await prisma.reply.create({ data: { conversationId: conversation.id, channel: 'sms', text: 'hi', externalId: 'SM-out-2', deliveryStatus: 'sent' } });
    const status = createSmsStatusRepository(prisma);
    expect(await status.recordStatus({ messageSid: 'SM-out-1', status: 'undelivered', errorCode: '30003', at })).toBe(true);
    expect(await status.recordStatus({ messageSid: 'SM-out-2', status: 'delivered', at })).toBe(true);
    expect(await status.recordStatus({ messageSid: 'SM-unknown', status: 'failed', at })).toBe(false);
    expect(await prisma.reply.findFirst({ where: { externalId: 'SM-out-1' } })).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'twilio undelivered (error 30003)', deliveredAt: null });
    expect(await prisma.reply.findFirst({ where: { externalId: 'SM-out-2' } })).toMatchObject({ deliveryStatus: 'sent', deliveredAt: at });
  });
});
