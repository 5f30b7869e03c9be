import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import type { ChannelSender, OutboundMessage } from '../core/delivery.js';
import type { ConversationEvent } from '../core/inquiry-service.js';
import { silentLogger } from '../core/logger.js';
import type { Channel } from '../core/inquiry.js';
import { createWebChatSender } from '../channels/web-chat/web-chat-sender.js';
import { createInquiriesRepository } from '../inquiries/inquiries.repository.js';
import { createMemoryConversationEvents } from '../realtime/index.js';
import { openTemporarySqlite, type TemporaryDatabase } from '../test/support/databases.js';
import { createRecordingJobQueue } from '../test/support/recording-job-queue.js';
import { createDeliveryRepository } from './delivery.repository.js';
import { createDeliveryService } from './delivery-service.js';
import { createDeliverySendJob } from './send-job.js';
import { createSenderRegistry } from './sender-registry.js';

const clock = fixedClock('2026-12-01T15:00:00Z');

function recordingSender(channel: Channel, behaviour: { failTimes?: number } = {}): ChannelSender & { sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  let failures = behaviour.failTimes ?? 0;
  return {
    channel,
    sent,
    async send(message) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('provider answered 503');
      }
      sent.push(message);
      return { status: 'sent', externalId: `SM${sent.length}` };
    },
  };
}

describe('delivery on SQLite', () => {
  let temp: TemporaryDatabase;
  beforeAll(async () => {
    temp = await openTemporarySqlite();
  });
  afterAll(async () => {
    await temp?.close();
  });

  async function conversation(channel: Channel, address: string | null, language?: 'en' | 'es') {
    const threadKey = `${channel}-${Math.random().toString(36).slice(2)}`;
    const row = await temp.db.prisma.conversation.create({ data: { channel, threadKey, address, ...(language ? { language } : {}) } });
    return { id: row.id, threadKey };
  }

  function setup(senderList: ChannelSender[], threadMeta?: Record<string, string>) {
    const jobs = createRecordingJobQueue();
    const store = createDeliveryRepository(temp.db.prisma);
    const senders = createSenderRegistry();
    for (const sender of senderList) senders.register(sender);
    const delivery = createDeliveryService({ store, jobs, clock });
    const send = createDeliverySendJob({ store, senders, clock, logger: silentLogger, ...(threadMeta ? { threadMeta: async () => threadMeta } : {}) });
    return { jobs, store, delivery, send };
  }

  it('records a message handed over twice under one id once, even when both arrive together', async () => {
    const { jobs, delivery } = setup([recordingSender('sms')]);
    const target = await conversation('sms', '+15552017777');
    const request = { id: `answer-${target.id}`, conversationId: target.id, kind: 'assistant' as const, reply: { text: 'We close at 9.' }, origin: 'assistant' as const };
    const results = await Promise.all([delivery.deliver(request), delivery.deliver(request)]);
    expect(results.map((result) => result.replyId)).toEqual([request.id, request.id]);
    expect(await delivery.deliver(request)).toEqual({ replyId: request.id });
    expect(await temp.db.prisma.reply.count({ where: { conversationId: target.id } })).toBe(1);
    // Enqueued under the one job id, which the job engines run once.
    expect(new Set(jobs.enqueued.map((job) => job.options?.jobId))).toEqual(new Set([`delivery-${request.id}`]));
  });

  it("adopts the assistant's answer stored with its inquiry as the delivery of that answer, storing its words once", async () => {
    const sms = recordingSender('sms');
    const { delivery, send } = setup([sms]);
    const target = await conversation('sms', '+15552018888');
    const id = `answer-adopted-${target.id}`;
    // As the inquiry log stores an answer: no delivery status, since nobody has handed it over yet.
    await temp.db.prisma.reply.create({ data: { id, conversationId: target.id, channel: 'sms', text: 'We close at 9.', author: 'assistant', createdAt: clock.now() } });
    const { replyId } = await delivery.deliver({ id, conversationId: target.id, kind: 'assistant', reply: { text: 'We close at 9.' }, origin: 'assistant' });
    expect(replyId).toBe(id);
    expect(await temp.db.prisma.reply.count({ where: { conversationId: target.id } })).toBe(1);
    expect((await temp.db.prisma.reply.findUniqueOrThrow({ where: { id } })).deliveryStatus).toBe('pending');
    expect(await send({ replyId })).toBe('sent');
    expect(sms.sent.map((message) => message.reply.text)).toEqual(['We close at 9.']);
    expect((await temp.db.prisma.reply.findUniqueOrThrow({ where: { id } })).deliveryStatus).toBe('sent');
  });

  it('records a staff reply, schedules one send keyed by the reply id, and records the provider id', async () => {
    const sms = recordingSender('sms');
    const { jobs, delivery, send } = setup([sms], { messageId: '<a@x>' });
    const target = await conversation('sms', '+15552013344');
    const { replyId } = await delivery.deliver({ conversationId: target.id, kind: 'staff_reply', reply: { text: 'Your book is at the desk.' }, origin: 'slack', ticketId: 42, author: 'maria' });
    expect(jobs.enqueued).toEqual([{ name: 'delivery.send', payload: { replyId }, options: { jobId: `delivery-${replyId}` } }]);
    expect(await send({ replyId })).toBe('sent');
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({ id: replyId, kind: 'staff_reply', ticketNumber: 'T-42', origin: 'slack', internal: false, threadMeta: { messageId: '<a@x>' } });
    expect(sms.sent[0]!.target).toMatchObject({ channel: 'sms', address: '+15552013344' });
    const row = await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: replyId } });
    expect(row).toMatchObject({ author: 'staff', ticketId: 42, kind: 'staff_reply', deliveryStatus: 'sent', externalId: 'SM1', internal: false });
    expect(row.deliveredAt).toEqual(clock.now());
    // A second run of the same job (a retry after a crash, a duplicate enqueue) sends nothing.
    expect(await send({ replyId })).toBe('done_before');
    expect(sms.sent).toHaveLength(1);
  });

  it('renders a resolution notice in the patron language', async () => {
    const sms = recordingSender('sms');
    const { delivery, send } = setup([sms]);
    const target = await conversation('sms', '+15550000001', 'es');
    const { replyId } = await delivery.deliver({ conversationId: target.id, kind: 'resolution', reply: { text: '' }, origin: 'system', ticketId: 7 });
    await send({ replyId });
    expect(sms.sent[0]!.reply.text).toBe('Su solicitud T-7 ha quedado resuelta. Si algo sigue sin funcionar, responda a este mensaje.');
    const english = await conversation('sms', '+15550000002', 'en');
    const withWords = await delivery.deliver({ conversationId: english.id, kind: 'resolution', reply: { text: 'We replaced the toner.' }, origin: 'slack', ticketId: 8 });
    await send(withWords);
    expect(sms.sent[1]!.reply.text).toBe('We replaced the toner.\n\n(Request T-8 is now resolved. Reply here if anything is still wrong.)');
  });

  it('never sends an internal note, never echoes to the channel a message came from, never sends without an address', async () => {
    const sms = recordingSender('sms');
    const email = recordingSender('email');
    const { delivery, send } = setup([sms, email]);
    const target = await conversation('sms', '+15552013344');
    const note = await delivery.deliver({ conversationId: target.id, kind: 'staff_reply', reply: { text: 'patron was rude' }, internal: true, origin: 'slack' });
    expect(await send(note)).toBe('skipped');
    const noteRow = await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: note.replyId } });
    expect(noteRow).toMatchObject({ deliveryStatus: 'skipped', deliveryError: 'internal_note', internal: true, text: null });

    const echo = await delivery.deliver({ conversationId: target.id, kind: 'assistant', reply: { text: 'hi' }, origin: 'sms' });
    expect(await send(echo)).toBe('skipped');
    expect((await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: echo.replyId } })).deliveryError).toBe('same_channel');

    const purged = await conversation('email', null);
    const nowhere = await delivery.deliver({ conversationId: purged.id, kind: 'staff_reply', reply: { text: 'hello' }, origin: 'slack' });
    expect(await send(nowhere)).toBe('skipped');
    expect((await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: nowhere.replyId } })).deliveryError).toBe('no_address');

    const discord = await conversation('discord', 'user-1');
    const unsendable = await delivery.deliver({ conversationId: discord.id, kind: 'staff_reply', reply: { text: 'hello' }, origin: 'slack' });
    expect(await send(unsendable)).toBe('skipped');
    expect((await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: unsendable.replyId } })).deliveryError).toBe('no_sender');
    expect(sms.sent).toHaveLength(0);
    expect(email.sent).toHaveLength(0);
  });

  it('records a failed send and throws so the job retries; the retry sends once', async () => {
    const sms = recordingSender('sms', { failTimes: 1 });
    const { delivery, send } = setup([sms]);
    const target = await conversation('sms', '+15552013399');
    const { replyId } = await delivery.deliver({ conversationId: target.id, kind: 'staff_reply', reply: { text: 'ok' }, origin: 'slack' });
    await expect(send({ replyId })).rejects.toThrow('503');
    expect(await temp.db.prisma.reply.findUniqueOrThrow({ where: { id: replyId } })).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'provider answered 503' });
    expect(await send({ replyId })).toBe('sent');
    expect(sms.sent).toHaveLength(1);
  });

  it('refuses a conversation that does not exist', async () => {
    const { delivery } = setup([]);
    await expect(delivery.deliver({ conversationId: 'nope', kind: 'staff_reply', reply: { text: 'x' }, origin: 'slack' })).rejects.toMatchObject({ code: 'LD_NOT_FOUND' });
  });

  it('shows a staff reply live in the web chat and again in its history after a reload', async () => {
    const events = createMemoryConversationEvents();
    const { delivery, send } = setup([createWebChatSender({ events, clock })]);
    const target = await conversation('web', null, 'en');
    const live: ConversationEvent[] = [];
    const unsubscribe = await events.subscribe('web', target.threadKey, (event) => live.push(event));
    const { replyId } = await delivery.deliver({ conversationId: target.id, kind: 'staff_reply', reply: { text: 'A librarian here: yes, we have it.' }, origin: 'slack', ticketId: 3 });
    expect(await send({ replyId })).toBe('sent');
    expect(live).toEqual([{ type: 'reply', entry: { from: 'staff', text: 'A librarian here: yes, we have it.', at: clock.now() } }]);
    await unsubscribe();
    const history = await createInquiriesRepository(temp.db.sql).history('web', target.threadKey, 50);
    expect(history.map((entry) => [entry.from, entry.text])).toEqual([['staff', 'A librarian here: yes, we have it.']]);
    await events.close();
  });
});
