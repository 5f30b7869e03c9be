import { generateKeyPairSync, sign } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { silentLogger } from '../../core/logger.js';
import type { TicketChangedEvent } from '../../core/tickets.js';
import { errorHandlerPlugin } from '../../http/plugins/error-handler.js';
import { DISCORD_INTERACTIONS_PATH, discordInteractionRoutes } from '../../http/routes/webhooks/discord-interactions.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../test/fakes/fake-discord-api.js';
import { createFakeStaffDirectory, createFakeStaffInbox, createFakeTicketThreads } from '../../test/fakes/fake-staff-channels.js';
import { createFakeTickets, type FakeTickets } from '../../test/fakes/fake-tickets.js';
import { createDiscordStaffApp, type DiscordStaffApp } from './discord-staff-app.js';
import { staffCommandDefinition } from './messages.js';
import { discordPublicKey } from './verify.js';

const APP_ID = '1100000000000000001';
const BOT_TOKEN = 'discord-bot-token-for-tests';
const STAFF_CHANNEL = '1200000000000000001';
const ONCALL_ROLE = '1300000000000000001';
const MARIA = '1400000000000000001';
const GUEST = '1400000000000000009';
const clock = fixedClock('2026-12-01T15:00:00Z');

// A real Ed25519 key pair, as the Developer Portal would hold for the application.
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

let tickets: FakeTickets;
let threads: ReturnType<typeof createFakeTicketThreads>;
let inbox: ReturnType<typeof createFakeStaffInbox>;
let fake: FakeDiscordApi;
let bot: DiscordStaffApp;
let http: FastifyInstance;
let scheduled: string[];
let changesSeen = 0;
let interactionCounter = 0;

beforeEach(async () => {
  tickets = createFakeTickets({ firstId: 12, clock });
  threads = createFakeTicketThreads();
  inbox = createFakeStaffInbox();
  scheduled = [];
  changesSeen = 0;
  fake = await startFakeDiscordApi({ botToken: BOT_TOKEN, applicationId: APP_ID });
  bot = createDiscordStaffApp(
    { applicationId: APP_ID, botToken: BOT_TOKEN, channelId: STAFF_CHANNEL, apiUrl: fake.apiUrl, oncallRoleId: ONCALL_ROLE, timeZone: () => 'America/New_York' },
    { tickets, threads, inbox, staff: createFakeStaffDirectory([{ name: 'maria', discordUserId: MARIA }]), logger: silentLogger },
  );
  http = Fastify({ logger: false });
  await http.register(errorHandlerPlugin, { libraryName: 'Riverside Public Library' });
  await http.register(discordInteractionRoutes, {
    applicationId: APP_ID,
    publicKey: discordPublicKey(publicKeyHex),
    clock,
    inbox,
    schedule: async (id) => void scheduled.push(id),
  });
  await http.ready();
});

afterEach(async () => {
  await http.close();
  await fake.close();
});

function post(body: unknown, override: { signature?: string; timestamp?: string } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = override.timestamp ?? String(Math.floor(clock.now().getTime() / 1000));
  const signature = override.signature ?? sign(null, Buffer.from(timestamp + raw), keys.privateKey).toString('hex');
  return http.inject({ method: 'POST', url: DISCORD_INTERACTIONS_PATH, payload: raw, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } });
}

async function drain() {
  while (scheduled.length) await bot.processStored(scheduled.shift() as string);
}

async function deliverTicketChanges() {
  const jobs = tickets.jobs.enqueued.filter((job) => job.name === 'ticket.changed');
  const fresh = jobs.slice(changesSeen) as Array<{ payload: TicketChangedEvent }>;
  changesSeen = jobs.length;
  for (const job of fresh) await bot.listener.onChange?.(job.payload);
}

function interaction(type: number, data: Record<string, unknown>, user = MARIA, channelId = STAFF_CHANNEL) {
  interactionCounter += 1;
  return {
    id: String(1500000000000000000n + BigInt(interactionCounter)),
    application_id: APP_ID,
    type,
    token: `interaction-token-${interactionCounter}`,
    guild_id: '1600000000000000001',
    channel_id: channelId,
    member: { user: { id: user, username: user === MARIA ? 'maria' : 'guest' } },
    data,
  };
}

async function openPosted() {
  const ticket = await tickets.open({
    kind: 'equipment',
    subject: 'PC-07 frozen',
    description: 'PC-07 is frozen on the login screen',
    assetTag: 'PC-07',
    requester: { channel: 'web', address: 'session-abc', threadKey: 'session-abc' },
    conversationId: 'conv-1',
  });
  await bot.postTicket(ticket.id);
  await deliverTicketChanges();
  const thread = await threads.get(ticket.id, 'discord-staff');
  if (!thread?.messageTs || !thread.threadId) throw new Error('not posted');
  return { ticket, messageId: thread.messageTs, threadId: thread.threadId };
}

const buttonIds = (messageId: string) =>
  ((fake.messages.find((m) => m.id === messageId)?.components ?? []) as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((c) => c.custom_id));

describe('interactions endpoint: signatures', () => {
  it('answers PING with PONG when signed with the application key', async () => {
    const response = await post({ id: '1500000000000000000', application_id: APP_ID, type: 1, token: 't', version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ type: 1 });
  });

  it('refuses a bad signature with 401 (the probe Discord sends when the URL is saved)', async () => {
    const other = generateKeyPairSync('ed25519');
    const raw = JSON.stringify({ id: '1500000000000000000', application_id: APP_ID, type: 1 });
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const forged = sign(null, Buffer.from(timestamp + raw), other.privateKey).toString('hex');
    const response = await http.inject({ method: 'POST', url: DISCORD_INTERACTIONS_PATH, payload: raw, headers: { 'content-type': 'application/json', 'x-signature-ed25519': forged, 'x-signature-timestamp': timestamp } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('LD_CHANNEL_BAD_SIGNATURE');
  });

  it('refuses a body changed after signing, a missing signature and an old timestamp', async () => {
    const good = interaction(2, { name: 'libdesk', options: [{ type: 1, name: 'list' }] });
    const raw = JSON.stringify(good);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const signature = sign(null, Buffer.from(timestamp + raw), keys.privateKey).toString('hex');
    const tampered = await http.inject({ method: 'POST', url: DISCORD_INTERACTIONS_PATH, payload: raw.replace('list', 'stats'), headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } });
    expect(tampered.statusCode).toBe(401);
    const unsigned = await http.inject({ method: 'POST', url: DISCORD_INTERACTIONS_PATH, payload: raw, headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(401);
    const old = String(Number(timestamp) - 301);
    expect((await post(good, { timestamp: old })).statusCode).toBe(401);
    expect(inbox.rows.size).toBe(0);
  });
});

describe('tickets in the staff channel', () => {
  it('posts an embed with buttons, opens a thread and puts the patron’s words in it', async () => {
    const { ticket, messageId, threadId } = await openPosted();
    const message = fake.messages.find((m) => m.id === messageId);
    expect(message?.channel_id).toBe(STAFF_CHANNEL);
    expect(JSON.stringify(message?.embeds)).toContain(`${ticket.number} · PC-07 frozen`);
    expect(JSON.stringify(message)).not.toContain('session-abc');
    expect(buttonIds(messageId)).toEqual(['ticket:claim:12', 'ticket:reply:12', 'ticket:resolve:12', 'ticket:note:12']);
    expect(fake.threads).toEqual([expect.objectContaining({ id: threadId, parent_id: STAFF_CHANNEL, name: 'T-12 PC-07 frozen' })]);
    expect(fake.inChannel(threadId).map((m) => m.content)).toEqual(['**Patron:** PC\\-07 is frozen on the login screen']);
  });

  it('Claim (button) is deferred, done in the job by the mapped staff member, and the message updated', async () => {
    const { ticket, messageId } = await openPosted();
    const press = interaction(3, { custom_id: `ticket:claim:${ticket.id}`, component_type: 2 });
    const response = await post(press);
    expect(response.json()).toEqual({ type: 5, data: { flags: 64 } });
    expect((await tickets.get(ticket.id))?.status).toBe('open');
    await drain();
    expect((await tickets.get(ticket.id))?.assignee).toBe('maria');
    expect(fake.interactionAnswers.at(-1)).toMatchObject({ token: press.token, body: { content: 'You claimed T-12.' } });
    expect(buttonIds(messageId)).toEqual(['ticket:reply:12', 'ticket:resolve:12', 'ticket:note:12']);
  });

  it('Reply opens a modal at once; submitting it reaches the patron with origin discord-staff', async () => {
    const { ticket } = await openPosted();
    const modal = await post(interaction(3, { custom_id: `ticket:reply:${ticket.id}`, component_type: 2 }));
    expect(modal.json()).toMatchObject({ type: 9, data: { custom_id: `ticket-modal:reply:${ticket.id}` } });
    expect(scheduled).toEqual([]);
    await post(interaction(5, { custom_id: `ticket-modal:reply:${ticket.id}`, components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'Try PC-09 while we fix it.' }] }] }));
    await drain();
    expect(tickets.delivered).toEqual([expect.objectContaining({ kind: 'staff_reply', origin: 'discord-staff', author: 'maria', ticketId: ticket.id })]);
    expect(tickets.delivered[0]?.reply.text).toBe('Try PC-09 while we fix it.');
  });

  it('/libdesk note inside the ticket thread needs no ticket number and stays internal', async () => {
    const { ticket, threadId } = await openPosted();
    await post(interaction(2, { name: 'libdesk', options: [{ type: 1, name: 'note', options: [{ type: 3, name: 'text', value: 'PSU is flaky' }] }] }, MARIA, threadId));
    await drain();
    expect((await tickets.events(ticket.id)).at(-1)).toMatchObject({ type: 'note', body: 'PSU is flaky', internal: true, origin: 'discord-staff' });
    expect(tickets.delivered).toHaveLength(0);
  });

  it('/libdesk resolve T-12 resolves and the patron is told', async () => {
    const { ticket } = await openPosted();
    await post(interaction(2, { name: 'libdesk', options: [{ type: 1, name: 'resolve', options: [{ type: 3, name: 'ticket', value: 'T-12' }] }] }));
    await drain();
    expect((await tickets.get(ticket.id))?.status).toBe('resolved');
    expect(tickets.delivered).toEqual([expect.objectContaining({ kind: 'resolution', origin: 'discord-staff' })]);
  });

  it('the same interaction delivered twice is processed once', async () => {
    const { ticket } = await openPosted();
    const press = interaction(3, { custom_id: `ticket:resolve:${ticket.id}`, component_type: 2 });
    await post(press);
    await drain();
    await post(press);
    await drain();
    expect(tickets.delivered).toHaveLength(1);
  });

  it('an answer that cannot be delivered (expired token) does not repeat the action', async () => {
    const { ticket } = await openPosted();
    fake.expiredAnswers.count = 3;
    await post(interaction(5, { custom_id: `ticket-modal:reply:${ticket.id}`, components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'On it.' }] }] }));
    await drain();
    expect(tickets.delivered).toHaveLength(1);
    expect([...inbox.rows.values()].filter((row) => row.status === 'processed').length).toBeGreaterThan(0);
  });

  it('a Discord user who is not staff is refused and nothing changes', async () => {
    const { ticket } = await openPosted();
    await post(interaction(3, { custom_id: `ticket:claim:${ticket.id}`, component_type: 2 }, GUEST));
    await drain();
    expect((await tickets.get(ticket.id))?.status).toBe('open');
    expect(String(fake.interactionAnswers.at(-1)?.body.content)).toContain('not linked');
  });

  it("a patron's message lands in the thread once; escalation mentions the on-call role once", async () => {
    const { ticket, threadId } = await openPosted();
    await tickets.patronMessage(ticket.id, { body: 'Still frozen' });
    await deliverTicketChanges();
    const last = tickets.jobs.enqueued.filter((j) => j.name === 'ticket.changed').at(-1)?.payload as TicketChangedEvent;
    await bot.listener.onChange?.(last);
    expect(fake.inChannel(threadId).filter((m) => m.content === '**Patron:** Still frozen')).toHaveLength(1);
    const escalation = { ticketId: ticket.id, kind: 'resolution' as const, dueAt: '2026-12-02T15:00:00.000Z' };
    await bot.listener.onEscalated?.(escalation);
    await bot.listener.onEscalated?.(escalation);
    const alerts = fake.inChannel(STAFF_CHANNEL).filter((m) => m.content.startsWith(`<@&${ONCALL_ROLE}>`));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.allowed_mentions).toEqual({ parse: [], roles: [ONCALL_ROLE] });
  });
});

describe('daily digest', () => {
  it('posts the queue summary once per day', async () => {
    const { ticket } = await openPosted();
    const digest = { day: '2026-12-02', counts: { open: 1, claimed: 0, waiting: 0 }, overdue: 0, oldest: [(await tickets.get(ticket.id))!] };
    await bot.listener.onDigest?.(digest);
    await bot.listener.onDigest?.(digest);
    const posts = fake.inChannel(STAFF_CHANNEL).filter((m) => m.content.startsWith('**Queue for 2026-12-02:**'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain('**T-12** PC\\-07 frozen');
  });
});

describe('the command definition', () => {
  it('registers /libdesk with list, stats, claim, resolve, reply and note', () => {
    const definition = staffCommandDefinition();
    expect(definition.name).toBe('libdesk');
    expect(definition.options?.map((o) => o.name)).toEqual(['list', 'stats', 'claim', 'resolve', 'reply', 'note']);
  });
});
