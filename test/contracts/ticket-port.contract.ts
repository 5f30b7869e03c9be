import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.js';
import { isLibdeskError } from '../../core/errors.js';
import type { EnqueueOptions, JobName } from '../../core/jobs.js';
import type { OpenTicketInput, TicketPort } from '../../core/tickets.js';

export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(start: string): ManualClock {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso).getTime()), advance: (ms) => (now += ms) };
}

export interface TicketPortHarness {
  tickets: TicketPort;
  /** Every job the port enqueued, in order. */
  enqueued: Array<{ name: JobName; payload: unknown; options?: EnqueueOptions }>;
  /** A patron conversation the port can deliver replies into. */
  newConversation(): Promise<string>;
  close(): Promise<void>;
}

/**
 * What every TicketPort must do — the database service on SQLite and PostgreSQL, and the test fake.
 * The harness builds the port on `clock` and the fake library calendar (test/fakes/fake-calendar.ts).
 */
export function runTicketPortContract(name: string, open: (clock: ManualClock) => Promise<TicketPortHarness>): void {
  describe(`TicketPort on ${name}`, () => {
    // Tuesday 1 December 2026, 10:00 in New York: both branches open.
    const clock = manualClock('2026-12-01T15:00:00Z');
    let harness: TicketPortHarness;
    let tickets: TicketPort;
    beforeAll(async () => {
      harness = await open(clock);
      tickets = harness.tickets;
    });
    afterAll(async () => {
      await harness?.close();
    });

    const requester = { channel: 'web' as const, address: 'session-0123456789abcdef', threadKey: 'session-0123456789abcdef' };
    const handoff = (extra: Partial<OpenTicketInput> = {}): OpenTicketInput => ({ kind: 'handoff', subject: 'Patron asks for a person', description: 'can someone call me back', requester, ...extra });
    const device = (tag: string, words: string, extra: Partial<OpenTicketInput> = {}): OpenTicketInput => ({
      kind: 'equipment',
      subject: `${tag} is not working`,
      description: words,
      assetTag: tag,
      branchId: 'main',
      requester,
      ...extra,
    });
    async function expectCode(promise: Promise<unknown>, code: 'LD_TICKET_TRANSITION' | 'LD_NOT_FOUND' | 'LD_VALIDATION') {
      try {
        await promise;
      } catch (error) {
        expect(isLibdeskError(error, code), String(error)).toBe(true);
        return error;
      }
      return expect.unreachable(`expected ${code}`);
    }

    it('opens a ticket with SLA due times counted in opening hours, an audit event and its jobs', async () => {
      clock.set('2026-03-08T03:00:00Z'); // Saturday 22:00 in New York; Main opens Sunday 13:00 EDT
      const before = harness.enqueued.length;
      const ticket = await tickets.open(handoff({ branchId: 'main', conversationId: await harness.newConversation() }));
      expect(ticket).toMatchObject({ number: `T-${ticket.id}`, status: 'open', priority: 'normal', kind: 'handoff', requesterChannel: 'web' });
      expect(ticket.firstResponseDueAt).toEqual(new Date('2026-03-08T19:00:00Z')); // Sunday 15:00, not Sunday morning
      expect(ticket.slaDueAt).toEqual(ticket.firstResponseDueAt);
      expect(ticket.resolutionDueAt!.getTime()).toBeGreaterThan(ticket.firstResponseDueAt!.getTime());
      const jobs = harness.enqueued.slice(before);
      expect(jobs).toContainEqual({ name: 'ticket.opened', payload: { ticketId: ticket.id }, options: { jobId: `ticket-opened-${ticket.id}` } });
      expect(jobs.filter((job) => job.name === 'ticket.changed').map((job) => (job.payload as { change: string }).change)).toEqual(['opened']);
      const timers = jobs.filter((job) => job.name === 'sla.check');
      expect(timers.map((job) => job.options?.jobId)).toEqual([
        `sla-${ticket.id}-first_response-${ticket.firstResponseDueAt!.getTime()}`,
        `sla-${ticket.id}-resolution-${ticket.resolutionDueAt!.getTime()}`,
      ]);
      expect(timers[0]!.options?.delayMs).toBe(ticket.firstResponseDueAt!.getTime() - clock.now().getTime());
      const detail = await tickets.get(ticket.id);
      expect(detail?.events.map((event) => [event.type, event.actor])).toEqual([['opened', 'patron']]);
      expect(JSON.stringify(detail)).not.toContain(requester.address);
      clock.set('2026-12-01T15:00:00Z');
    });

    it('walks the lifecycle with an audit trail of who did what', async () => {
      const conversationId = await harness.newConversation();
      const ticket = await tickets.open(handoff({ conversationId }));
      const claimed = await tickets.claim(ticket.id, 'staff:ana');
      expect(claimed).toMatchObject({ status: 'claimed', assignee: 'staff:ana' });
      expect(claimed.firstRespondedAt).toBeUndefined();

      clock.advance(60_000);
      const replied = await tickets.reply(ticket.id, { actor: 'staff:ana', body: 'Which day suits you?', origin: 'slack' });
      expect(replied.delivery).toBe('queued');
      expect(replied.replyId).toEqual(expect.any(String));
      expect(replied.ticket.firstRespondedAt).toEqual(clock.now());
      expect(replied.ticket.slaDueAt).toEqual(replied.ticket.resolutionDueAt);

      const waiting = await tickets.waitOnPatron(ticket.id, 'staff:ana');
      expect(waiting.status).toBe('waiting');
      expect(waiting.slaDueAt).toBeUndefined();

      clock.advance(60_000);
      const answered = await tickets.patronMessage(ticket.id, { body: 'Thursday please' });
      expect(answered).toMatchObject({ status: 'claimed', assignee: 'staff:ana' });
      expect(answered.slaDueAt).toBeDefined();

      const note = await tickets.note(ticket.id, { actor: 'staff:ben', body: 'Patron is a regular', origin: 'slack' });
      expect(note.status).toBe('claimed');
      const resolved = await tickets.resolve(ticket.id, { actor: 'staff:ana', body: 'Booked for Thursday.' });
      expect(resolved.ticket).toMatchObject({ status: 'resolved', resolvedAt: clock.now() });
      expect(resolved.ticket.slaDueAt).toBeUndefined();
      expect(resolved.delivery).toBe('queued');
      const closed = await tickets.close(ticket.id, 'staff:ana');
      expect(closed).toMatchObject({ status: 'closed', closedAt: clock.now() });

      const events = await tickets.events(ticket.id);
      expect(events.map((event) => [event.type, event.actor, event.internal])).toEqual([
        ['opened', 'patron', false],
        ['claimed', 'staff:ana', false],
        ['reply', 'staff:ana', false],
        ['waiting', 'staff:ana', false],
        ['comment', 'patron', false],
        ['reopened', 'patron', false],
        ['note', 'staff:ben', true],
        ['resolved', 'staff:ana', false],
        ['closed', 'staff:ana', false],
      ]);
      expect(events.find((event) => event.type === 'reply')).toMatchObject({ body: 'Which day suits you?', origin: 'slack', replyId: replied.replyId });
      expect((await tickets.get(ticket.id))?.events).toHaveLength(events.length);

      const changes = harness.enqueued.filter((job) => job.name === 'ticket.changed' && (job.payload as { ticketId: number }).ticketId === ticket.id);
      expect(changes.map((job) => (job.payload as { change: string }).change)).toEqual(['opened', 'claimed', 'replied', 'waiting', 'patron_message', 'noted', 'resolved', 'closed']);
      expect(new Set(changes.map((job) => job.options?.jobId)).size).toBe(changes.length);
    });

    it('refuses illegal transitions with LD_TICKET_TRANSITION and unknown tickets with LD_NOT_FOUND', async () => {
      const ticket = await tickets.open(handoff());
      const error = await expectCode(tickets.close(ticket.id, 'staff:ana'), 'LD_TICKET_TRANSITION');
      expect((error as { details?: Record<string, unknown> }).details).toMatchObject({ status: 'open', action: 'close', allowedFrom: ['resolved'] });
      await expectCode(tickets.reopen(ticket.id, { actor: 'staff:ana', reason: 'x' }), 'LD_TICKET_TRANSITION');
      await tickets.resolve(ticket.id, { actor: 'staff:ana' });
      await expectCode(tickets.claim(ticket.id, 'staff:ben'), 'LD_TICKET_TRANSITION');
      await expectCode(tickets.waitOnPatron(ticket.id, 'staff:ben'), 'LD_TICKET_TRANSITION');
      await tickets.close(ticket.id, 'staff:ana');
      await expectCode(tickets.reply(ticket.id, { actor: 'staff:ana', body: 'hello', origin: 'api' }), 'LD_TICKET_TRANSITION');
      await expectCode(tickets.patronMessage(ticket.id, { body: 'still broken' }), 'LD_TICKET_TRANSITION');
      await expectCode(tickets.resolve(ticket.id, { actor: 'staff:ana' }), 'LD_TICKET_TRANSITION');
      expect((await tickets.note(ticket.id, { actor: 'staff:ana', body: 'closed as duplicate' })).status).toBe('closed');
      await expectCode(tickets.claim(987_654, 'staff:ana'), 'LD_NOT_FOUND');
      expect(await tickets.get(987_654)).toBeUndefined();
      // An illegal change leaves no trace in the audit trail.
      expect((await tickets.events(ticket.id)).map((event) => event.type)).toEqual(['opened', 'resolved', 'closed', 'note']);
    });

    it('lets exactly one of two simultaneous resolutions win', async () => {
      const ticket = await tickets.open(handoff());
      const results = await Promise.allSettled([tickets.resolve(ticket.id, { actor: 'staff:ana' }), tickets.resolve(ticket.id, { actor: 'staff:ben' })]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(isLibdeskError(rejected.reason, 'LD_TICKET_TRANSITION')).toBe(true);
      expect((await tickets.events(ticket.id)).filter((event) => event.type === 'resolved')).toHaveLength(1);
    });

    it('keeps one ticket per device under concurrent reports, reopens it when resolved, and opens a new one once closed', async () => {
      const reports = await Promise.all(Array.from({ length: 8 }, (_, index) => tickets.open(device('PC-21', `report ${index}`))));
      const ids = new Set(reports.map((ticket) => ticket.id));
      expect(ids.size).toBe(1);
      expect(reports.filter((ticket) => !ticket.existing)).toHaveLength(1);
      const [id] = [...ids] as [number];
      const bodies = (await tickets.events(id)).filter((event) => event.type === 'opened' || event.type === 'comment').map((event) => event.body);
      expect(bodies.sort()).toEqual(Array.from({ length: 8 }, (_, index) => `report ${index}`).sort());

      await tickets.claim(id, 'staff:tech');
      await tickets.resolve(id, { actor: 'staff:tech', body: 'Rebooted' });
      clock.advance(3_600_000);
      const again = await tickets.open(device('PC-21', 'frozen again'));
      expect(again).toMatchObject({ id, existing: true, status: 'claimed', assignee: 'staff:tech' });
      expect((await tickets.events(id)).slice(-2).map((event) => event.type)).toEqual(['comment', 'reopened']);

      await tickets.resolve(id, { actor: 'staff:tech' });
      await tickets.close(id, 'staff:tech');
      const fresh = await tickets.open(device('PC-21', 'screen is black'));
      expect(fresh.id).not.toBe(id);
      expect(fresh.existing).toBeUndefined();
      expect((await tickets.get(id))?.status).toBe('closed');
    });

    it('closes a device ticket resolved long ago when the device is reported again, and opens a new one', async () => {
      const first = await tickets.open(device('PRN-22', 'paper jam'));
      await tickets.resolve(first.id, { actor: 'staff:tech' });
      clock.advance(4 * 86_400_000);
      const second = await tickets.open(device('PRN-22', 'jammed again'));
      expect(second.id).not.toBe(first.id);
      expect(await tickets.get(first.id)).toMatchObject({ status: 'closed' });
      const other = await tickets.open(device('PRN-23', 'no toner'));
      expect(other.id).not.toBe(second.id);
    });

    it('reopens on a staff request and on a patron reply to a resolved ticket', async () => {
      const conversationId = await harness.newConversation();
      const ticket = await tickets.open(handoff({ conversationId }));
      await tickets.resolve(ticket.id, { actor: 'staff:ana' });
      const reopened = await tickets.reopen(ticket.id, { actor: 'staff:ben', reason: 'Patron phoned: not solved' });
      expect(reopened.status).toBe('open');
      expect(reopened.resolvedAt).toBeUndefined();
      await tickets.claim(ticket.id, 'staff:ben');
      await tickets.resolve(ticket.id, { actor: 'staff:ben' });
      expect((await tickets.findActiveForConversation(conversationId))?.id).toBe(ticket.id);
      const byPatron = await tickets.patronMessage(ticket.id, { body: 'it is still not working' });
      expect(byPatron).toMatchObject({ status: 'claimed', assignee: 'staff:ben' });
      await expectCode(tickets.reopen(ticket.id, { actor: 'staff:ben', reason: '   ' }), 'LD_VALIDATION');
    });

    it('recomputes SLA due times when the priority changes, and arms new timers', async () => {
      const ticket = await tickets.open(handoff());
      const before = harness.enqueued.length;
      const urgent = await tickets.setPriority(ticket.id, 'urgent', 'staff:ana');
      expect(urgent.priority).toBe('urgent');
      expect(urgent.firstResponseDueAt!.getTime()).toBeLessThan(ticket.firstResponseDueAt!.getTime());
      expect(urgent.firstResponseDueAt!.getTime() - ticket.createdAt.getTime()).toBe(30 * 60_000);
      const timers = harness.enqueued.slice(before).filter((job) => job.name === 'sla.check').map((job) => job.options?.jobId);
      expect(timers).toContain(`sla-${ticket.id}-first_response-${urgent.firstResponseDueAt!.getTime()}`);
      expect((await tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'priority', actor: 'staff:ana', body: 'normal → urgent' });
    });

    it('answers a ticket without a conversation and says the reply could not be delivered', async () => {
      const ticket = await tickets.open(handoff());
      const result = await tickets.reply(ticket.id, { actor: 'staff:ana', body: 'noted', origin: 'api' });
      expect(result.delivery).toBe('no_conversation');
      expect(result.replyId).toBeUndefined();
      await expectCode(tickets.reply(ticket.id, { actor: 'staff:ana', body: '  ', origin: 'api' }), 'LD_VALIDATION');
    });

    it('lists with filters and pages through with a cursor', async () => {
      const mine: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        const ticket = await tickets.open(handoff({ subject: `paging ${index}`, branchId: index % 2 ? 'eastside' : 'main' }));
        await tickets.claim(ticket.id, 'staff:pager');
        mine.push(ticket.id);
      }
      const seen: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await tickets.list({ assignee: 'staff:pager', limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.tickets.length).toBeLessThanOrEqual(2);
        seen.push(...page.tickets.map((ticket) => ticket.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...mine].reverse());
      const eastside = await tickets.list({ assignee: 'staff:pager', branchId: 'eastside' });
      expect(eastside.tickets.map((ticket) => ticket.id)).toEqual([mine[3], mine[1]]);
      await tickets.resolve(mine[0]!, { actor: 'staff:pager' });
      const active = await tickets.list({ assignee: 'staff:pager', status: ['open', 'claimed'] });
      expect(active.tickets).toHaveLength(4);
      expect((await tickets.list({ assignee: 'staff:pager', status: 'resolved' })).tickets.map((ticket) => ticket.id)).toEqual([mine[0]]);
      const unassigned = await tickets.list({ assignee: null, status: 'open', limit: 200 });
      expect(unassigned.tickets.every((ticket) => ticket.assignee === undefined && ticket.status === 'open')).toBe(true);
      await expectCode(tickets.list({ cursor: 'not-a-cursor' }), 'LD_VALIDATION');
    });

    it('finds overdue tickets once their pending due time has passed', async () => {
      const ticket = await tickets.open(handoff({ subject: 'overdue check', branchId: 'main' }));
      expect((await tickets.list({ overdue: true, limit: 200 })).tickets.map((t) => t.id)).not.toContain(ticket.id);
      clock.set(new Date(ticket.firstResponseDueAt!.getTime() + 1000).toISOString());
      expect((await tickets.list({ overdue: true, limit: 200 })).tickets.map((t) => t.id)).toContain(ticket.id);
      await tickets.waitOnPatron(ticket.id, 'staff:ana');
      expect((await tickets.list({ overdue: true, limit: 200 })).tickets.map((t) => t.id)).not.toContain(ticket.id);
    });
  });
}
