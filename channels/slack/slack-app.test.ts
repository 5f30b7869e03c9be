import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import type { TicketChangedEvent } from '../../core/tickets.js';
import { createFakeTickets, type FakeTickets } from '../../test/fakes/fake-tickets.js';
import { createFakeStaffDirectory, createFakeStaffInbox, createFakeTicketThreads } from '../../test/fakes/fake-staff-channels.js';
import { createTicketNotifier } from '../../tickets/ticket-notifier.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';
import { buttonPress, QUEUE_CHANNEL, slashCommand, startSlackHarness, threadMessageEvent, type SlackHarness } from '../../test/support/slack-harness.js';

const clock = fixedClock('2026-12-01T15:00:00Z');
let tickets: FakeTickets;
let threads: ReturnType<typeof createFakeTicketThreads>;
let inbox: ReturnType<typeof createFakeStaffInbox>;
let harness: SlackHarness;
let changesSeen = 0;

const staff = createFakeStaffDirectory([
  { name: 'maria', slackUserId: 'U0MARIA' },
  { name: 'dev', slackUserId: 'U0DEV' },
]);

beforeEach(async () => {
  tickets = createFakeTickets({ firstId: 12, clock });
  threads = createFakeTicketThreads();
  inbox = createFakeStaffInbox();
  changesSeen = 0;
  harness = await startSlackHarness({ tickets, threads, inbox, staff, clock });
});

afterEach(async () => {
  await harness.close();
});

/** Runs the `ticket.changed` jobs the ticket service enqueued since last time, as the job worker would. */
async function deliverTicketChanges(): Promise<TicketChangedEvent[]> {
  const jobs = tickets.jobs.enqueued.filter((job) => job.name === 'ticket.changed');
  const fresh = jobs.slice(changesSeen) as Array<{ payload: TicketChangedEvent }>;
  changesSeen = jobs.length;
  for (const job of fresh) await harness.slack.listener.onChange?.(job.payload);
  return fresh.map((job) => job.payload);
}

async function openPostedTicket(description = 'PC-07 is frozen on the login screen') {
  const ticket = await tickets.open({
    kind: 'equipment',
    subject: 'PC-07 frozen',
    description,
    assetTag: 'PC-07',
    requester: { channel: 'web', address: 'session-abc', threadKey: 'session-abc' },
    conversationId: 'conv-1',
  });
  await harness.slack.postTicket(ticket.id);
  await deliverTicketChanges();
  const thread = await threads.get(ticket.id, 'slack');
  if (!thread?.messageTs) throw new Error('ticket was not posted');
  return { ticket, ts: thread.messageTs };
}

function rootMessage(ts: string) {
  const message = harness.fake.messages.find((m) => m.ts === ts);
  if (!message) throw new Error('no root message');
  return message;
}

function buttonsOf(ts: string): string[] {
  const actions = (rootMessage(ts).blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).find((block) => block.type === 'actions');
  return actions?.elements?.map((element) => element.action_id) ?? [];
}

describe('new tickets in the queue channel', () => {
  it('posts Block Kit with Claim / Resolve / Add note and opens the thread with the patron’s words', async () => {
    const { ticket, ts } = await openPostedTicket();
    const root = rootMessage(ts);
    expect(root.channel).toBe(QUEUE_CHANNEL);
    expect(root.text).toContain('T-12');
    expect(buttonsOf(ts)).toEqual(['ticket_claim', 'ticket_resolve', 'ticket_note']);
    expect(JSON.stringify(root.blocks)).toContain('PC-07');
    expect(JSON.stringify(root.blocks)).not.toContain('session-abc');
    expect(JSON.stringify(root.blocks)).toContain('<https://desk.example.org/staff/tickets/T-12|Open in Libdesk>');
    expect(harness.fake.threadOf(QUEUE_CHANNEL, ts).map((m) => m.text)).toEqual(['*Patron:* PC-07 is frozen on the login screen']);
    expect(await threads.get(ticket.id, 'slack')).toMatchObject({ channelId: QUEUE_CHANNEL, messageTs: ts, threadId: ts });
  });

  it('posting the same ticket again updates it in place instead of posting twice', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.slack.postTicket(ticket.id);
    expect(harness.fake.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === undefined)).toHaveLength(1);
    expect(rootMessage(ts).updates).toBeGreaterThan(0);
  });

  it('escapes Slack markup in what patrons wrote', async () => {
    const { ts } = await openPostedTicket('<!channel> help <https://evil.example|click>');
    expect(harness.fake.threadOf(QUEUE_CHANNEL, ts)[0]?.text).toBe('*Patron:* &lt;!channel&gt; help &lt;https://evil.example|click&gt;');
  });
});

describe('the webhook: signatures and ignored payloads', () => {
  it('refuses a bad signature with 401 and stores nothing', async () => {
    const body = threadMessageEvent({ eventId: 'EvBAD', user: 'U0MARIA', text: 'hello', threadTs: '1.2' });
    const response = await harness.post(body, 'application/json', { 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('LD_CHANNEL_BAD_SIGNATURE');
    expect(inbox.rows.size).toBe(0);
  });

  it('refuses a correctly signed request more than five minutes old', async () => {
    const body = threadMessageEvent({ eventId: 'EvOLD', user: 'U0MARIA', text: 'hello', threadTs: '1.2' });
    const old = String(Math.floor(clock.now().getTime() / 1000) - 301);
    const { signSlackRequest } = await import('./verify.js');
    const response = await harness.post(body, 'application/json', { 'x-slack-request-timestamp': old, 'x-slack-signature': signSlackRequest('slack-signing-secret-for-tests-0001', old, body) });
    expect(response.statusCode).toBe(401);
    expect(inbox.rows.size).toBe(0);
  });

  it('answers the url_verification challenge (signed)', async () => {
    const response = await harness.post(JSON.stringify({ token: 't', challenge: 'abc123', type: 'url_verification' }), 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: 'abc123' });
  });

  it('ignores our own echo in a ticket thread and stores nothing', async () => {
    const { ts } = await openPostedTicket();
    const body = threadMessageEvent({ eventId: 'EvECHO', user: harness.fake.botUserId, text: '*Patron:* hi', threadTs: ts, extra: { bot_id: harness.fake.botId } });
    const response = await harness.post(body, 'application/json');
    expect(response.json()).toEqual({ ok: true, ignored: 'bot_echo' });
    expect(harness.scheduled).toEqual([]);
    expect(inbox.rows.has('slack:EvECHO')).toBe(false);
  });

  it('ignores an edit of a staff reply', async () => {
    const { ts } = await openPostedTicket();
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvEDIT',
      api_app_id: 'A0LIBDESK',
      event: { type: 'message', subtype: 'message_changed', channel: QUEUE_CHANNEL, ts: '1764609999.000001', message: { user: 'U0MARIA', text: 'edited', ts: '1764600100.000200', thread_ts: ts } },
    });
    expect((await harness.post(body, 'application/json')).json()).toEqual({ ok: true, ignored: 'edit' });
    expect(tickets.delivered).toHaveLength(0);
  });

  it('a retried event (X-Slack-Retry-Num, same event id) is acknowledged and processed once', async () => {
    const { ticket, ts } = await openPostedTicket();
    const body = threadMessageEvent({ eventId: 'EvREPLY1', user: 'U0MARIA', text: 'We restarted it, try again.', threadTs: ts });
    expect((await harness.post(body, 'application/json')).statusCode).toBe(200);
    await harness.drain();
    const retry = await harness.post(body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ ok: true, ignored: 'retry' });
    expect(retry.headers['x-slack-no-retry']).toBe('1');
    await harness.drain();
    expect(tickets.delivered.filter((d) => d.ticketId === ticket.id && d.kind === 'staff_reply')).toHaveLength(1);
  });

  it('a retry of an event never stored (we crashed before storing) is processed, not dropped', async () => {
    const { ticket, ts } = await openPostedTicket();
    const body = threadMessageEvent({ eventId: 'EvFIRSTSEEN', user: 'U0MARIA', text: 'On it.', threadTs: ts });
    const response = await harness.post(body, 'application/json', { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    expect(response.json()).toEqual({ ok: true });
    await harness.drain();
    expect(tickets.delivered.filter((d) => d.ticketId === ticket.id)).toHaveLength(1);
  });
});

describe('the thread, both ways', () => {
  it('a staff reply in the thread reaches the patron through TicketPort.reply with origin slack', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(threadMessageEvent({ eventId: 'EvR1', user: 'U0MARIA', text: 'We restarted PC-07, it works now.', threadTs: ts }), 'application/json');
    await harness.drain();
    expect(tickets.delivered).toEqual([expect.objectContaining({ ticketId: ticket.id, kind: 'staff_reply', origin: 'slack', author: 'maria' })]);
    expect(tickets.delivered[0]?.internal ?? false).toBe(false);
    expect(tickets.delivered[0]?.reply.text).toBe('We restarted PC-07, it works now.');
    const after = await tickets.get(ticket.id);
    expect(after?.status).toBe('claimed');
    expect(after?.assignee).toBe('maria');
    // The ticket message shows the new status in place.
    await deliverTicketChanges();
    expect(rootMessage(ts).text).toContain('Claimed');
    // The reply is already in the thread (staff wrote it there): not copied again.
    expect(harness.fake.threadOf(QUEUE_CHANNEL, ts).map((m) => m.text).join('\n')).not.toContain('replied');
    // The payload is erased once processed.
    expect(inbox.rows.get('slack:EvR1')).toEqual({ payload: null, status: 'processed' });
  });

  it('`note:` stays internal: recorded as a note, nothing sent to the patron', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(threadMessageEvent({ eventId: 'EvN1', user: 'U0MARIA', text: 'Note: power supply is flaky', threadTs: ts }), 'application/json');
    await harness.drain();
    expect(tickets.delivered).toHaveLength(0);
    const events = await tickets.events(ticket.id);
    expect(events.at(-1)).toMatchObject({ type: 'note', actor: 'maria', body: 'power supply is flaky', internal: true, origin: 'slack' });
  });

  it("a patron's next message lands in the thread, once even when the change is delivered twice", async () => {
    const { ticket, ts } = await openPostedTicket();
    await tickets.patronMessage(ticket.id, { body: 'It froze again just now' });
    const changes = await deliverTicketChanges();
    expect(changes.map((c) => c.change)).toContain('patron_message');
    const again = changes.find((c) => c.change === 'patron_message') as TicketChangedEvent;
    await harness.slack.listener.onChange?.(again);
    const texts = harness.fake.threadOf(QUEUE_CHANNEL, ts).map((m) => m.text);
    expect(texts.filter((text) => text === '*Patron:* It froze again just now')).toHaveLength(1);
  });

  it('a reply written elsewhere (the staff API) is copied into the thread, marked with where it came from', async () => {
    const { ticket, ts } = await openPostedTicket();
    await tickets.reply(ticket.id, { actor: 'dev', body: 'Please try PC-09 meanwhile.', origin: 'api' });
    await deliverTicketChanges();
    const texts = harness.fake.threadOf(QUEUE_CHANNEL, ts).map((m) => m.text);
    expect(texts).toContain('*dev (in the staff API) replied:* Please try PC-09 meanwhile.');
  });

  it('a reply also sent to the channel reaches the patron; a shared file does not, and its author is told', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(threadMessageEvent({ eventId: 'EvBC1', user: 'U0MARIA', text: 'Fixed, try again.', threadTs: ts, extra: { subtype: 'thread_broadcast' } }), 'application/json');
    await harness.post(threadMessageEvent({ eventId: 'EvFS1', user: 'U0MARIA', text: 'See the attached form', threadTs: ts, extra: { subtype: 'file_share', files: [{ id: 'F1' }] } }), 'application/json');
    await harness.drain();
    expect(tickets.delivered.filter((d) => d.ticketId === ticket.id).map((d) => d.reply.text)).toEqual(['Fixed, try again.', 'See the attached form']);
    expect(harness.fake.ephemerals).toEqual([expect.objectContaining({ user: 'U0MARIA', text: 'Files are not sent to the patron; only the text of your message is.' })]);
  });

  it('a Slack user who is not staff is refused, told privately, and nothing changes', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(threadMessageEvent({ eventId: 'EvSTRANGER', user: 'U0GUEST', text: 'I can answer this!', threadTs: ts }), 'application/json');
    await harness.drain();
    expect(tickets.delivered).toHaveLength(0);
    expect((await tickets.get(ticket.id))?.status).toBe('open');
    expect(harness.fake.ephemerals).toEqual([expect.objectContaining({ user: 'U0GUEST', thread_ts: ts, text: expect.stringContaining('not linked') })]);
  });
});

describe('buttons', () => {
  it('Claim claims for the mapped staff member and updates the message in place', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(buttonPress({ user: 'U0DEV', actionId: 'ticket_claim', ticketId: ticket.id, messageTs: ts, actionTs: '1764600200.000001' }), 'application/x-www-form-urlencoded');
    await harness.drain();
    expect((await tickets.get(ticket.id))?.assignee).toBe('dev');
    expect(buttonsOf(ts)).toEqual(['ticket_resolve', 'ticket_note']);
    expect(JSON.stringify(rootMessage(ts).blocks)).toContain('dev');
  });

  it('Resolve resolves and the patron is told; the message loses its Resolve button', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(buttonPress({ user: 'U0MARIA', actionId: 'ticket_resolve', ticketId: ticket.id, messageTs: ts, actionTs: '1764600201.000001' }), 'application/x-www-form-urlencoded');
    await harness.drain();
    expect((await tickets.get(ticket.id))?.status).toBe('resolved');
    expect(tickets.delivered).toEqual([expect.objectContaining({ kind: 'resolution', origin: 'slack', ticketId: ticket.id })]);
    expect(buttonsOf(ts)).toEqual(['ticket_note']);
    await deliverTicketChanges();
    expect(harness.fake.threadOf(QUEUE_CHANNEL, ts).map((m) => m.text)).toContain('Resolved by maria (in Slack).');
  });

  it('a Slack failure after the action is not retried: the patron is told once', async () => {
    const { ticket, ts } = await openPostedTicket();
    harness.fake.failNext['chat.update'] = { count: 5, error: 'ratelimited' };
    await harness.post(buttonPress({ user: 'U0MARIA', actionId: 'ticket_resolve', ticketId: ticket.id, messageTs: ts, actionTs: '1764600204.000001' }), 'application/x-www-form-urlencoded');
    await harness.drain();
    expect(inbox.rows.get('slack:action:U0MARIA:1764600204.000001')).toEqual({ payload: null, status: 'processed' });
    expect(tickets.delivered.filter((d) => d.kind === 'resolution')).toHaveLength(1);
  });

  it('Claim on a resolved ticket tells the person why, privately', async () => {
    const { ticket, ts } = await openPostedTicket();
    await tickets.resolve(ticket.id, { actor: 'dev' });
    await harness.post(buttonPress({ user: 'U0MARIA', actionId: 'ticket_claim', ticketId: ticket.id, messageTs: ts, actionTs: '1764600202.000001' }), 'application/x-www-form-urlencoded');
    await harness.drain();
    expect(harness.fake.ephemerals.at(-1)).toMatchObject({ user: 'U0MARIA', text: 'T-12 is resolved, so that cannot be done now.' });
  });

  it('Add note opens a modal; submitting it records an internal note', async () => {
    const { ticket, ts } = await openPostedTicket();
    await harness.post(buttonPress({ user: 'U0MARIA', actionId: 'ticket_note', ticketId: ticket.id, messageTs: ts, actionTs: '1764600203.000001' }), 'application/x-www-form-urlencoded');
    await harness.drain();
    const modal = harness.fake.openedViews.at(-1);
    expect(modal?.view).toMatchObject({ type: 'modal', callback_id: 'ticket_note_modal', private_metadata: String(ticket.id) });
    const submission = {
      type: 'view_submission',
      team: { id: 'T0LIBDESK' },
      user: { id: 'U0MARIA' },
      api_app_id: 'A0LIBDESK',
      trigger_id: 'trigger-view-1',
      view: {
        id: 'VM1',
        type: 'modal',
        callback_id: 'ticket_note_modal',
        private_metadata: String(ticket.id),
        state: { values: { note: { note_text: { type: 'plain_text_input', value: 'Called IT, ticket 5521' } } } },
      },
    };
    const submitted = await harness.post(`payload=${encodeURIComponent(JSON.stringify(submission))}`, 'application/x-www-form-urlencoded');
    // An empty 200 is what closes a submitted modal in Slack.
    expect(submitted.statusCode).toBe(200);
    expect(submitted.body).toBe('');
    await harness.drain();
    expect((await tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'note', actor: 'maria', body: 'Called IT, ticket 5521', internal: true });
    expect(tickets.delivered).toHaveLength(0);
  });
});

describe('/libdesk and the App Home', () => {
  it('claim T-12, list and stats answer the person privately', async () => {
    const { ticket } = await openPostedTicket();
    await tickets.open({ kind: 'handoff', subject: 'Book a study room', description: 'Can I book a room?', requester: { channel: 'web', address: 's2', threadKey: 's2' } });
    const command = (text: string, n: number) => harness.post(slashCommand({ user: 'U0MARIA', text, triggerId: `cmd-${n}`, responseUrl: harness.fake.responseUrl(`r${n}`) }), 'application/x-www-form-urlencoded');
    await command('list', 1);
    await command(`claim ${ticket.number}`, 2);
    await command('stats', 3);
    await command('frobnicate', 4);
    await harness.drain();
    const byId = Object.fromEntries(harness.fake.responses.map((r) => [r.id, r.body]));
    expect(byId.r1).toMatchObject({ response_type: 'ephemeral' });
    expect(String(byId.r1?.text)).toContain('T-12');
    expect(String(byId.r1?.text)).toContain('T-13');
    expect(byId.r2?.text).toBe('You claimed T-12.');
    expect(byId.r3?.text).toBe('Open 1 · claimed 1 · waiting on patron 0 · overdue 0');
    expect(String(byId.r4?.text)).toContain('unknown command');
    expect((await tickets.get(ticket.id))?.assignee).toBe('maria');
  });

  it('/libdesk resolve from someone not linked to staff is refused', async () => {
    const { ticket } = await openPostedTicket();
    await harness.post(slashCommand({ user: 'U0GUEST', text: `resolve ${ticket.number}`, triggerId: 'cmd-x', responseUrl: harness.fake.responseUrl('rx') }), 'application/x-www-form-urlencoded');
    await harness.drain();
    expect(String(harness.fake.responses[0]?.body.text)).toContain('not linked');
    expect((await tickets.get(ticket.id))?.status).toBe('open');
  });

  it('the App Home shows my tickets and the open queue', async () => {
    const { ticket } = await openPostedTicket();
    await tickets.open({ kind: 'handoff', subject: 'Lost library card', description: 'I lost my card', requester: { channel: 'web', address: 's3', threadKey: 's3' } });
    await tickets.claim(ticket.id, 'maria');
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvHOME1', api_app_id: 'A0LIBDESK', event: { type: 'app_home_opened', user: 'U0MARIA', channel: 'D0HOME', tab: 'home' } });
    await harness.post(body, 'application/json');
    await harness.drain();
    const home = JSON.stringify(harness.fake.homeViews.get('U0MARIA'));
    const mine = home.indexOf('My tickets');
    const queue = home.indexOf('Open queue');
    expect(mine).toBeGreaterThan(-1);
    expect(home.indexOf('T-12')).toBeGreaterThan(mine);
    expect(home.indexOf('T-12')).toBeLessThan(queue);
    expect(home.indexOf('T-13')).toBeGreaterThan(queue);
  });
});

describe('escalation', () => {
  it('re-posts the ticket in the queue channel mentioning the on-call group, once', async () => {
    const { ticket } = await openPostedTicket();
    const event = { ticketId: ticket.id, kind: 'first_response' as const, dueAt: '2026-12-01T16:00:00.000Z' };
    await harness.slack.listener.onEscalated?.(event);
    await harness.slack.listener.onEscalated?.(event);
    const escalations = harness.fake.messages.filter((m) => m.text.includes('<!subteam^S0ONCALL>'));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ channel: QUEUE_CHANNEL });
    expect(escalations[0]?.thread_ts).toBeUndefined();
    expect(escalations[0]?.text).toContain('T-12 is past its first answer due time');
  });
});

describe('the ticket.opened notifier', () => {
  it('posts to Slack as well as the webhook; a retry after a webhook failure posts nothing twice', async () => {
    const webhook = await startWebhookReceiver({ failFirst: 1 });
    try {
      const notify = createTicketNotifier({ tickets, logger: silentLogger, webhookUrl: webhook.url, publicUrl: 'https://desk.example.org', staffQueues: [{ name: 'slack', postTicket: harness.slack.postTicket }] });
      const ticket = await tickets.open({ kind: 'handoff', subject: 'Interlibrary loan', description: 'Can you get a book from another library?', requester: { channel: 'web', address: 's9', threadKey: 's9' } });
      await expect(notify({ ticketId: ticket.id })).rejects.toThrow(/503/);
      await notify({ ticketId: ticket.id });
      expect(webhook.received).toHaveLength(1);
      expect(harness.fake.messages.filter((m) => !m.thread_ts && m.text.includes(ticket.number))).toHaveLength(1);
      expect(harness.fake.messages.filter((m) => m.text === '*Patron:* Can you get a book from another library?')).toHaveLength(1);
    } finally {
      await webhook.close();
    }
  });
});

describe('daily digest', () => {
  it('posts the queue summary once per day with the oldest tickets', async () => {
    const { ticket } = await openPostedTicket();
    const oldest = [(await tickets.get(ticket.id))!];
    const digest = { day: '2026-12-02', counts: { open: 1, claimed: 0, waiting: 0 }, overdue: 0, oldest };
    await harness.slack.listener.onDigest?.(digest);
    await harness.slack.listener.onDigest?.(digest);
    const posts = harness.fake.messages.filter((m) => m.text.startsWith('Good morning. Queue for 2026-12-02'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toBe('Good morning. Queue for 2026-12-02: 1 open · 0 claimed · 0 waiting on patrons · 0 overdue.');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('T-12');
  });
});

describe('Slack API failures', () => {
  it('a failed post is thrown (the job retries) and the retry posts once', async () => {
    const ticket = await tickets.open({ kind: 'handoff', subject: 'Help', description: 'Need help', requester: { channel: 'web', address: 's', threadKey: 's' } });
    harness.fake.failNext['chat.postMessage'] = { count: 1, error: 'ratelimited' };
    await expect(harness.slack.postTicket(ticket.id)).rejects.toThrow();
    expect(await threads.get(ticket.id, 'slack')).toBeUndefined();
    await harness.slack.postTicket(ticket.id);
    expect(harness.fake.messages.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
  });
});
