import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Sql } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import type { Inquiry } from '../../core/inquiry.js';
import type { DeliveryPort, OutboundRequest } from '../../core/delivery.js';
import type { AssistantRouter, RouteContext, RouteResult } from '../../core/router.js';
import { silentLogger } from '../../core/logger.js';
import { isLibdeskError } from '../../core/errors.js';
import { createAssetsRepository, DEMO_ASSETS } from '../../assets/index.js';
import { createTicketService, createTicketsRepository } from '../../tickets/index.js';
import { answerReplyId, createDialogStore, createInquiriesRepository, createInquiryService } from '../../inquiries/index.js';
import { createRecordingJobQueue } from '../support/recording-job-queue.js';
import { runSqlSchemaContract } from './sql-schema.contract.js';
import { createFakeCalendar } from '../fakes/fake-calendar.js';

export interface StoreHarness {
  prisma: Db;
  sql: Sql;
  close(): Promise<void>;
}

/** A clock the test moves by hand. */
function manualClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/**
 * What every database behind Libdesk must do, run against embedded SQLite and against PostgreSQL:
 * tickets, assets, the inquiry log with its deduplication, and dialog state.
 */
export function runStoresContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`stores on ${name}`, () => {
    let harness: StoreHarness;
    const clock = manualClock('2026-12-01T15:00:00Z');
    const jobs = createRecordingJobQueue();

    beforeAll(async () => {
      harness = await open();
      const assets = createAssetsRepository(harness.prisma);
      for (const asset of DEMO_ASSETS) await assets.upsert(asset);
    });
    afterAll(async () => {
      await harness?.close();
    });

    const noDelivery: DeliveryPort = { deliver: async () => ({ replyId: 'not-delivered' }) };
    const tickets = () =>
      createTicketService({ store: createTicketsRepository(harness.prisma), jobs, clock, calendar: createFakeCalendar(), delivery: noDelivery });
    const requester = { channel: 'sms' as const, address: '+15552013344', threadKey: '+15552013344' };

    describe('assets', () => {
      it('finds a device by any spelling of its tag and lists by branch', async () => {
        const assets = createAssetsRepository(harness.prisma);
        expect((await assets.findByTag('pc 7'))?.tag).toBe('PC-07');
        expect((await assets.findByTag('PC07'))?.branchId).toBe('main');
        expect(await assets.findByTag('PC-99')).toBeUndefined();
        const eastside = await assets.list({ branchId: 'eastside' });
        expect(eastside.length).toBeGreaterThan(0);
        expect(eastside.every((asset) => asset.branchId === 'eastside')).toBe(true);
      });
    });

    describe('tickets', () => {
      it('opens a ticket with a number, an SLA, an opened event and a notification job', async () => {
        const before = jobs.enqueued.length;
        const ticket = await tickets().open({
          kind: 'handoff',
          subject: 'Patron asks for a person',
          description: 'can I talk to someone about my account',
          intent: 'account',
          requester,
        });
        expect(ticket.number).toBe(`T-${ticket.id}`);
        expect(ticket.status).toBe('open');
        // Tuesday 10:00 in New York, a handoff's first answer is owed within two open hours.
        expect(ticket.slaDueAt).toEqual(new Date('2026-12-01T17:00:00Z'));
        expect(jobs.enqueued.slice(before)).toContainEqual({ name: 'ticket.opened', payload: { ticketId: ticket.id }, options: { jobId: `ticket-opened-${ticket.id}` } });
        const detail = await tickets().get(ticket.id);
        expect(detail?.intent).toBe('account');
        expect(detail?.events.map((event) => event.type)).toEqual(['opened']);
        expect(JSON.stringify(detail)).not.toContain('+15552013344');
      });

      it('joins a second report of the same device to its open ticket', async () => {
        const first = await tickets().open({ kind: 'equipment', subject: 'PC-03 frozen', description: 'PC-03 is frozen', assetTag: 'PC-03', branchId: 'main', requester });
        const second = await tickets().open({ kind: 'equipment', subject: 'PC-03 frozen', description: 'computer 3 stuck again', assetTag: 'PC-03', branchId: 'main', requester });
        expect(second.id).toBe(first.id);
        expect(second.existing).toBe(true);
        const detail = await tickets().get(first.id);
        expect(detail?.events.map((event) => event.body)).toEqual(['PC-03 is frozen', 'computer 3 stuck again']);
        const other = await tickets().open({ kind: 'equipment', subject: 'PRN-01 jam', description: 'printer jammed', assetTag: 'PRN-01', requester });
        expect(other.id).not.toBe(first.id);
      });

      it('lists newest first with filters', async () => {
        const equipment = (await tickets().list({ kind: 'equipment' })).tickets;
        expect(equipment.length).toBeGreaterThanOrEqual(2);
        expect(equipment.every((ticket) => ticket.kind === 'equipment')).toBe(true);
        expect(equipment[0]!.id).toBeGreaterThan(equipment[1]!.id);
        expect((await tickets().list({ assetTag: 'PRN-01' })).tickets.map((ticket) => ticket.assetTag)).toEqual(['PRN-01']);
      });
    });

    describe('inquiry log', () => {
      function serviceWith(router: AssistantRouter) {
        return createInquiryService({
          repository: createInquiriesRepository(harness.sql),
          router,
          tickets: tickets(),
          clock,
          logger: silentLogger,
          duplicateWaitMs: 2_000,
        });
      }
      const echoRouter = (calls: Inquiry[]): AssistantRouter => ({
        async route(inquiry): Promise<RouteResult> {
          calls.push(inquiry);
          return { intent: 'smalltalk', confidence: 0.9, outcome: 'answered', reply: { text: `echo: ${inquiry.text}`, quickReplies: ['Hours'] } };
        },
      });

      it('stores the message before routing it, and the reply after', async () => {
        let seenStored = false;
        const router: AssistantRouter = {
          async route(inquiry) {
            const stored = await harness.prisma.inquiry.findFirst({ where: { text: inquiry.text } });
            seenStored = stored?.status === 'received';
            return { intent: 'faq', confidence: 0.8, outcome: 'answered', reply: { text: 'Loans are 3 weeks.' } };
          },
        };
        const result = await serviceWith(router).handle({ channel: 'web', address: 'session-a', text: 'how long can i keep books' });
        expect(seenStored).toBe(true);
        expect(result.duplicate).toBe(false);
        const row = await harness.prisma.inquiry.findUnique({ where: { id: result.inquiryId }, include: { replies: true } });
        expect(row?.status).toBe('answered');
        expect(row?.intent).toBe('faq');
        expect(row?.replies.map((reply) => reply.text)).toEqual(['Loans are 3 weeks.']);
      });

      it("tells the router whether a message began its conversation, and stores the router's dialog state with the answer", async () => {
        const contexts: RouteContext[] = [];
        const router: AssistantRouter = {
          async route(_inquiry, context) {
            contexts.push(context);
            return { intent: 'hours', confidence: 0.9, outcome: 'answered', reply: { text: 'Open till 9.' }, dialog: { state: { v: 1, lastIntent: 'hours', turn: contexts.length }, expiresAt: new Date(clock.now().getTime() + 60_000) } };
          },
        };
        const service = serviceWith(router);
        const first = await service.handle({ channel: 'web', address: 'session-dialog', text: 'open today?' });
        await service.handle({ channel: 'web', address: 'session-dialog', text: 'and saturday?' });
        expect(contexts.map((context) => [context.newConversation, context.callerStoresDialog])).toEqual([
          [true, true],
          [false, true],
        ]);
        const conversation = await harness.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
        expect(JSON.parse(conversation.dialogState!)).toEqual({ v: 1, lastIntent: 'hours', turn: 2 });
        expect(conversation.dialogExpiresAt).toEqual(new Date(clock.now().getTime() + 60_000));
      });

      it('keeps the dialog state as it was when the answer cannot be stored', async () => {
        const router: AssistantRouter = {
          async route() {
            return { intent: 'hours', confidence: 0.9, outcome: 'answered', reply: { text: 'Open till 9.' }, dialog: { state: { v: 1, lastIntent: 'hours' }, expiresAt: new Date(clock.now().getTime() + 60_000) } };
          },
        };
        const repository = createInquiriesRepository(harness.sql);
        const stored = await repository.storeInquiry({ channel: 'web', address: 'session-atomic', threadKey: 'session-atomic', text: 'open today?', receivedAt: clock.now() });
        expect(stored.newConversation).toBe(true);
        // The reply row of this answer exists already: the transaction fails as a whole.
        await harness.prisma.reply.create({ data: { id: answerReplyId(stored.inquiryId), conversationId: stored.conversationId, channel: 'web', text: 'x', createdAt: clock.now() } });
        const result = await router.route({ channel: 'web', address: 'a', threadKey: 'a', text: 'x', receivedAt: clock.now() }, { conversationId: stored.conversationId });
        await expect(repository.completeInquiry(stored.inquiryId, stored.conversationId, 'web', { ...result }, clock.now())).rejects.toThrow();
        const conversation = await harness.prisma.conversation.findUniqueOrThrow({ where: { id: stored.conversationId } });
        expect(conversation.dialogState).toBeNull();
        expect((await harness.prisma.inquiry.findUniqueOrThrow({ where: { id: stored.inquiryId } })).status).toBe('received');
        // Without the clash, the same answer is stored with its state.
        await harness.prisma.reply.delete({ where: { id: answerReplyId(stored.inquiryId) } });
        await repository.completeInquiry(stored.inquiryId, stored.conversationId, 'web', { ...result }, clock.now());
        expect(JSON.parse((await harness.prisma.conversation.findUniqueOrThrow({ where: { id: stored.conversationId } })).dialogState!)).toEqual({ v: 1, lastIntent: 'hours' });
      });

      it('processes a retried message once and answers it with the stored reply', async () => {
        const calls: Inquiry[] = [];
        const service = serviceWith(echoRouter(calls));
        const input = { channel: 'sms' as const, address: '+15550001111', text: 'hi there', externalId: 'SM-retry-1' };
        const first = await service.handle(input);
        const again = await service.handle(input);
        expect(calls).toHaveLength(1);
        expect(again.duplicate).toBe(true);
        expect(again.inquiryId).toBe(first.inquiryId);
        expect(again.reply).toEqual(first.reply);
        expect(await harness.prisma.inquiry.count({ where: { externalId: 'SM-retry-1' } })).toBe(1);
      });

      it('handles the same message arriving twice at once without running it twice', async () => {
        const calls: Inquiry[] = [];
        const slow: AssistantRouter = {
          async route(inquiry) {
            calls.push(inquiry);
            await new Promise((resolve) => setTimeout(resolve, 150));
            return { intent: 'smalltalk', confidence: 1, outcome: 'answered', reply: { text: 'Hello!' } };
          },
        };
        const service = serviceWith(slow);
        const input = { channel: 'sms' as const, address: '+15550002222', text: 'hello', externalId: 'SM-race-1' };
        const results = await Promise.all([service.handle(input), service.handle(input)]);
        expect(calls).toHaveLength(1);
        expect(results.filter((result) => result.duplicate)).toHaveLength(1);
        expect(results[0]!.reply.text).toBe('Hello!');
        expect(results[1]!.reply.text).toBe('Hello!');
      });

      it('rejects bad input before storing anything', async () => {
        const before = await harness.prisma.inquiry.count();
        for (const bad of [
          { channel: 'web', address: 's', text: '   ' },
          { channel: 'web', address: 's', text: 'x'.repeat(10_001) },
          { channel: 'pigeon', address: 's', text: 'hi' },
          { channel: 'web', address: '', text: 'hi' },
        ]) {
          await expect(serviceWith(echoRouter([])).handle(bad as never)).rejects.toSatisfy((error) => isLibdeskError(error, 'LD_VALIDATION'));
        }
        expect(await harness.prisma.inquiry.count()).toBe(before);
      });

      it('hands the message to staff when the router fails, and keeps it', async () => {
        const broken: AssistantRouter = {
          async route() {
            throw new Error('knowledge base unreadable');
          },
        };
        const result = await serviceWith(broken).handle({ channel: 'email', address: 'pat@example.org', text: 'Do you have museum passes?' });
        expect(result.ticket?.kind).toBe('handoff');
        expect(result.reply.text).toContain(result.ticket!.number);
        const row = await harness.prisma.inquiry.findUnique({ where: { id: result.inquiryId } });
        expect(row?.status).toBe('failed');
        expect(row?.text).toBe('Do you have museum passes?');
        expect(row?.ticketId).toBe(result.ticket!.id);
      });

      it('answers, once, a message a stopped process stored but never answered', async () => {
        const conversation = await harness.prisma.conversation.create({ data: { channel: 'sms', threadKey: '+15550003333', address: '+15550003333' } });
        const stranded = await harness.prisma.inquiry.create({
          data: { conversationId: conversation.id, channel: 'sms', text: 'are you open tomorrow', receivedAt: new Date(clock.now().getTime() - 5 * 60_000), externalId: 'SM-stranded' },
        });
        const fresh = await harness.prisma.inquiry.create({
          data: { conversationId: conversation.id, channel: 'sms', text: 'still being answered', receivedAt: clock.now(), externalId: 'SM-in-flight' },
        });
        const calls: Inquiry[] = [];
        const [a, b] = await Promise.all([serviceWith(echoRouter(calls)).recoverUnanswered(), serviceWith(echoRouter(calls)).recoverUnanswered()]);
        expect(a + b).toBe(1);
        expect(calls.map((inquiry) => [inquiry.text, inquiry.address, inquiry.externalId])).toEqual([['are you open tomorrow', '+15550003333', 'SM-stranded']]);
        const row = await harness.prisma.inquiry.findUniqueOrThrow({ where: { id: stranded.id }, include: { replies: true } });
        expect(row.status).toBe('answered');
        expect(row.replies.map((reply) => reply.text)).toEqual(['echo: are you open tomorrow']);
        expect((await harness.prisma.inquiry.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('received');
        expect(await serviceWith(echoRouter(calls)).recoverUnanswered()).toBe(0);
      });

      it('restores a conversation in order, patron first, with quick replies', async () => {
        const service = serviceWith(echoRouter([]));
        await service.handle({ channel: 'web', address: 'session-h', text: 'one' });
        clock.advance(1_000);
        await service.handle({ channel: 'web', address: 'session-h', text: 'two' });
        const history = await service.history('web', 'session-h');
        expect(history.map((entry) => `${entry.from}:${entry.text}`)).toEqual(['patron:one', 'assistant:echo: one', 'patron:two', 'assistant:echo: two']);
        expect(history[1]!.quickReplies).toEqual(['Hours']);
        expect(await service.history('web', 'nobody')).toEqual([]);
      });
    });

    describe('accepted inquiries (asynchronous channels)', () => {
      const deliveries: OutboundRequest[] = [];
      // Records each message once per id, as the real DeliveryPort does.
      const recordingDelivery: DeliveryPort = {
        async deliver(request) {
          const known = request.id ? deliveries.findIndex((earlier) => earlier.id === request.id) : -1;
          if (known !== -1) return { replyId: request.id! };
          deliveries.push(request);
          return { replyId: request.id ?? `reply-${deliveries.length}` };
        },
      };
      function acceptingService(router: AssistantRouter, queue = jobs) {
        return createInquiryService({
          repository: createInquiriesRepository(harness.sql),
          router,
          tickets: tickets(),
          clock,
          logger: silentLogger,
          jobs: queue,
          delivery: recordingDelivery,
        });
      }
      const counting = (calls: Inquiry[]): AssistantRouter => ({
        async route(inquiry) {
          calls.push(inquiry);
          return { intent: 'hours', confidence: 0.9, outcome: 'answered', reply: { text: `answer to ${inquiry.text}` } };
        },
      });

      it('stores the message with its thread facts and schedules routing, without answering', async () => {
        const calls: Inquiry[] = [];
        const before = jobs.enqueued.length;
        const meta = { messageId: '<a1@patron.example>', references: '<a0@patron.example>', attempt: 2 };
        const accepted = await acceptingService(counting(calls)).accept({ channel: 'email', address: 'pat@patron.example', threadKey: 'thread-a', text: 'open on sunday?', externalId: '<a1@patron.example>', meta });
        expect(accepted.duplicate).toBe(false);
        expect(calls).toHaveLength(0);
        expect(jobs.enqueued.slice(before)).toEqual([
          { name: 'inquiry.route', payload: { inquiryId: accepted.inquiryId }, options: { jobId: `route-${accepted.inquiryId}` } },
        ]);
        const row = await harness.prisma.inquiry.findUniqueOrThrow({ where: { id: accepted.inquiryId } });
        expect(row.status).toBe('received');
        expect(JSON.parse(row.meta!)).toEqual(meta);
        const repository = createInquiriesRepository(harness.sql);
        // Only string facts come back: they are what a channel threads a reply with.
        expect(await repository.lastThreadMeta(accepted.conversationId)).toEqual({ messageId: '<a1@patron.example>', references: '<a0@patron.example>' });
      });

      it('answers a repeated externalId as a duplicate and schedules nothing', async () => {
        const service = acceptingService(counting([]));
        const input = { channel: 'sms' as const, address: '+15550004444', text: 'renew my books', externalId: 'SM-accept-dup' };
        const first = await service.accept(input);
        const before = jobs.enqueued.length;
        const again = await service.accept(input);
        expect(again).toEqual({ inquiryId: first.inquiryId, conversationId: first.conversationId, duplicate: true });
        expect(jobs.enqueued.length).toBe(before);
        expect(await harness.prisma.inquiry.count({ where: { externalId: 'SM-accept-dup' } })).toBe(1);
      });

      it('routes an accepted message exactly once under concurrent jobs and hands the reply to delivery', async () => {
        const calls: Inquiry[] = [];
        const service = acceptingService(counting(calls));
        const accepted = await service.accept({ channel: 'sms', address: '+15550005555', text: 'when do you close', externalId: 'SM-route-once', meta: { to: '+15559990000' } });
        const deliveredBefore = deliveries.length;
        const outcomes = await Promise.all([service.routeAccepted(accepted.inquiryId), service.routeAccepted(accepted.inquiryId), service.routeAccepted(accepted.inquiryId)]);
        expect(calls.map((inquiry) => [inquiry.text, inquiry.address, inquiry.meta])).toEqual([['when do you close', '+15550005555', { to: '+15559990000' }]]);
        // Whichever jobs hand the answer over, they hand over the one message, under one id.
        expect(outcomes).toContain('delivered');
        expect(outcomes.every((outcome) => outcome === 'delivered' || outcome === 'skipped')).toBe(true);
        expect(deliveries.slice(deliveredBefore)).toEqual([
          { id: answerReplyId(accepted.inquiryId), conversationId: accepted.conversationId, kind: 'assistant', reply: { text: 'answer to when do you close' }, origin: 'assistant', inquiryId: accepted.inquiryId, author: 'assistant' },
        ]);
        const row = await harness.prisma.inquiry.findUniqueOrThrow({ where: { id: accepted.inquiryId }, include: { replies: true } });
        expect(row.status).toBe('answered');
        expect(row.deliveryQueuedAt).not.toBeNull();
        expect(row.replies.map((reply) => reply.text)).toEqual(['answer to when do you close']);
        expect(await service.routeAccepted(accepted.inquiryId)).toBe('skipped');
        expect(deliveries.length).toBe(deliveredBefore + 1);

        // The answer's row carries the id delivery is given, so delivery adopts it rather than storing it again.
        expect(row.replies.map((reply) => reply.id)).toEqual([answerReplyId(accepted.inquiryId)]);
        // A database from before that holds the outbound copy as a second row; history still shows it once.
        await harness.prisma.reply.create({
          data: { conversationId: accepted.conversationId, inquiryId: accepted.inquiryId, channel: 'sms', text: 'answer to when do you close', author: 'assistant', createdAt: clock.now() },
        });
        const history = await service.history('sms', '+15550005555');
        expect(history.map((entry) => `${entry.from}:${entry.text}`)).toEqual(['patron:when do you close', 'assistant:answer to when do you close']);
      });

      it('hands over on a retry an answer whose delivery failed the first time', async () => {
        let failDelivery = true;
        const flaky: DeliveryPort = {
          async deliver(request) {
            if (failDelivery) throw new Error('delivery store unavailable');
            deliveries.push(request);
            return { replyId: 'r' };
          },
        };
        const calls: Inquiry[] = [];
        const service = createInquiryService({ repository: createInquiriesRepository(harness.sql), router: counting(calls), tickets: tickets(), clock, logger: silentLogger, jobs, delivery: flaky });
        const accepted = await service.accept({ channel: 'discord', address: 'user-77', text: 'is the makerspace open', externalId: 'DC-retry-deliver' });
        await expect(service.routeAccepted(accepted.inquiryId)).rejects.toThrow('delivery store unavailable');
        failDelivery = false;
        const before = deliveries.length;
        expect(await service.routeAccepted(accepted.inquiryId)).toBe('delivered');
        expect(calls).toHaveLength(1);
        expect(deliveries.slice(before).map((request) => request.inquiryId)).toEqual([accepted.inquiryId]);
      });

      it('has the sweep answer and deliver an accepted message whose routing job never ran', async () => {
        const calls: Inquiry[] = [];
        const service = acceptingService(counting(calls));
        const accepted = await service.accept({ channel: 'sms', address: '+15550006666', text: 'lost job', externalId: 'SM-lost-job' });
        expect(await service.recoverUnanswered()).toBe(0);
        clock.advance(3 * 60_000);
        const before = deliveries.length;
        // Two workers sweep at once; earlier tests' accepted messages are due as well.
        const [a, b] = await Promise.all([service.recoverUnanswered(), acceptingService(counting(calls)).recoverUnanswered()]);
        const stillReceived = await harness.prisma.inquiry.count({ where: { status: { in: ['received', 'recovering'] } } });
        expect(stillReceived).toBe(0);
        expect(a + b).toBe(calls.length);
        expect(calls.filter((inquiry) => inquiry.text === 'lost job')).toHaveLength(1);
        expect(new Set(calls.map((inquiry) => inquiry.text)).size).toBe(calls.length);
        expect(deliveries.slice(before).filter((request) => request.inquiryId === accepted.inquiryId)).toHaveLength(1);
        // The job, arriving late, finds it answered and delivered: nothing runs twice.
        const delivered = deliveries.length;
        expect(await service.routeAccepted(accepted.inquiryId)).toBe('skipped');
        expect(deliveries.length).toBe(delivered);
      });

      it('stores and schedules once when the same message arrives several times at once', async () => {
        const before = jobs.enqueued.length;
        const input = { channel: 'sms' as const, address: '+15550007777', text: 'do you have passport photos', externalId: 'SM-accept-race' };
        const services = Array.from({ length: 6 }, () => acceptingService(counting([])));
        const results = await Promise.all(services.map((service) => service.accept(input)));
        expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
        expect(new Set(results.map((result) => result.inquiryId)).size).toBe(1);
        expect(jobs.enqueued.slice(before).map((job) => job.name)).toEqual(['inquiry.route']);
        expect(await harness.prisma.inquiry.count({ where: { externalId: 'SM-accept-race' } })).toBe(1);
      });

      it('rejects bad input before storing anything', async () => {
        const before = await harness.prisma.inquiry.count();
        await expect(acceptingService(counting([])).accept({ channel: 'sms', address: '+1555', text: ' ' })).rejects.toSatisfy((error) => isLibdeskError(error, 'LD_VALIDATION'));
        expect(await harness.prisma.inquiry.count()).toBe(before);
      });
    });

    describe('typed SQL layer', () => {
      runSqlSchemaContract(async () => harness.sql);
    });

    describe("a patron's next message and their ticket", () => {
      it('lands on the open ticket, reopens a resolved one when the patron is not done, and not for a thank-you', async () => {
        const ticketPort = tickets();
        const intents: Record<string, RouteResult['intent']> = { 'still frozen, please help': 'handoff', 'thanks!': 'smalltalk', 'what time do you close': 'hours' };
        const router: AssistantRouter = {
          async route(inquiry, { conversationId }): Promise<RouteResult> {
            if (inquiry.text === 'I need a person') {
              const ticket = await ticketPort.open({ kind: 'handoff', subject: 'wants a person', description: inquiry.text, requester: { channel: 'sms', address: inquiry.address, threadKey: inquiry.threadKey }, conversationId });
              return { intent: 'handoff', confidence: 1, outcome: 'ticket', reply: { text: `ticket ${ticket.number}` }, ticket };
            }
            return { intent: intents[inquiry.text] ?? 'faq', confidence: 0.9, outcome: 'answered', reply: { text: 'ok' } };
          },
        };
        const service = createInquiryService({ repository: createInquiriesRepository(harness.sql), router, tickets: ticketPort, clock, logger: silentLogger });
        const say = (text: string) => service.handle({ channel: 'sms', address: '+15552019999', text });
        const ticket = (await say('I need a person')).ticket!;
        await ticketPort.claim(ticket.id, 'ana');
        await say('my card is 21234000000017 pin 1234');
        const comments = async () => (await ticketPort.events(ticket.id)).filter((event) => event.type === 'comment').map((event) => event.body);
        expect(await comments()).toHaveLength(1);
        expect((await comments())[0]).not.toMatch(/1234/);
        await ticketPort.resolve(ticket.id, { actor: 'ana' });
        await say('thanks!');
        await say('what time do you close');
        expect((await ticketPort.get(ticket.id))?.status).toBe('resolved');
        await say('still frozen, please help');
        // Reopened, back with the librarian who had it.
        expect((await ticketPort.get(ticket.id))?.status).toBe('claimed');
        expect(await comments()).toHaveLength(2);
      });
    });

    describe('dialog store', () => {
      it('keeps state until it expires, and clears it', async () => {
        const conversation = await harness.prisma.conversation.create({ data: { channel: 'web', threadKey: `dialog-${name}` } });
        const store = createDialogStore(harness.sql);
        const now = new Date('2026-12-01T15:00:00Z');
        expect(await store.load(conversation.id, now)).toBeUndefined();
        await store.save(conversation.id, { awaiting: 'branch', intent: 'hours' }, new Date(now.getTime() + 60_000));
        expect(await store.load(conversation.id, now)).toEqual({ awaiting: 'branch', intent: 'hours' });
        expect(await store.load(conversation.id, new Date(now.getTime() + 60_000))).toBeUndefined();
        await store.clear(conversation.id);
        expect(await store.load(conversation.id, now)).toBeUndefined();
      });
    });
  });
}
