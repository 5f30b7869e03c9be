import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { parseTicketNumber } from '../../core/tickets.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../fakes/fake-discord-api.js';

/**
 * The Discord staff bot wired into the running service: interactions over HTTP signed with a real Ed25519
 * key, REST calls to the fake Discord API, no gateway.
 */
const APP_ID = '1100000000000000002';
const STAFF_CHANNEL = '1200000000000000002';
const BOT_TOKEN = 'discord-staff-bot-token-e2e-0000';
const MARIA = '1400000000000000002';
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');

let running: RunningLibdesk;
let fake: FakeDiscordApi;
let dataDir: string;
let counter = 0;

beforeAll(async () => {
  fake = await startFakeDiscordApi({ botToken: BOT_TOKEN, applicationId: APP_ID });
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-discord-staff-'));
  running = await startLibdesk({
    env: {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DISCORD_STAFF_APPLICATION_ID: APP_ID,
      DISCORD_STAFF_PUBLIC_KEY: publicKeyHex,
      DISCORD_STAFF_BOT_TOKEN: BOT_TOKEN,
      DISCORD_STAFF_CHANNEL_ID: STAFF_CHANNEL,
      DISCORD_API_URL: fake.apiUrl,
    },
    announce: () => {},
  });
  await running.deps.database.prisma.staffMember.create({ data: { name: 'maria', role: 'staff', tokenHash: randomBytes(32).toString('hex'), discordUserId: MARIA } });
});

afterAll(async () => {
  await running?.close();
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function interact(body: Record<string, unknown>) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + raw), keys.privateKey).toString('hex');
  return fetch(`${running.url}/webhooks/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body: raw,
  });
}

function interaction(type: number, data: Record<string, unknown>) {
  counter += 1;
  return { id: String(1500000000000000100n + BigInt(counter)), application_id: APP_ID, type, token: `tok-${counter}`, guild_id: '1600000000000000002', channel_id: STAFF_CHANNEL, member: { user: { id: MARIA, username: 'maria' } }, data };
}

describe('Discord staff bot through the running service', () => {
  it('answers PING, refuses a bad signature, posts tickets with a thread, and a modal reply reaches the patron', async () => {
    expect(await (await interact({ id: '1500000000000000001', application_id: APP_ID, type: 1 })).json()).toEqual({ type: 1 });
    const forged = await fetch(`${running.url}/webhooks/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': '00'.repeat(64), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) },
      body: '{"type":1}',
    });
    expect(forged.status).toBe(401);

    const session = ((await (await fetch(`${running.url}/api/v1/chat/sessions`, { method: 'POST' })).json()) as { session: string }).session;
    const asked = (await (await fetch(`${running.url}/api/v1/chat/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, text: 'PC-07 is frozen' }) })).json()) as { ticket?: { number: string } };
    const number = asked.ticket?.number as string;
    expect(number).toMatch(/^T-\d+$/);
    const ticketId = parseTicketNumber(number) as number;
    const message = await fake.until(() => fake.inChannel(STAFF_CHANNEL).find((m) => JSON.stringify(m.embeds).includes(number)), 20_000);
    await fake.until(() => fake.threads.find((t) => t.id === message.id), 10_000);

    const modal = await interact(interaction(3, { custom_id: `ticket:reply:${ticketId}`, component_type: 2 }));
    expect(((await modal.json()) as { type: number }).type).toBe(9);
    const submitted = await interact(interaction(5, { custom_id: `ticket-modal:reply:${ticketId}`, components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: 'We restarted it, try again.' }] }] }));
    expect(await submitted.json()).toEqual({ type: 5, data: { flags: 64 } });
    await fake.until(() => fake.interactionAnswers.find((a) => String(a.body.content).startsWith(`Reply to ${number}`)), 20_000);
    const history = async () => ((await (await fetch(`${running.url}/api/v1/chat/history?session=${encodeURIComponent(session)}`)).json()) as { entries: Array<{ from: string; text: string }> }).entries;
    for (let tries = 0; tries < 100 && !(await history()).some((e) => e.from === 'staff'); tries += 1) await new Promise((r) => setTimeout(r, 100));
    expect((await history()).filter((e) => e.from === 'staff').map((e) => e.text)).toEqual(['We restarted it, try again.']);
    const detail = await running.deps.tickets.get(ticketId);
    expect(detail?.assignee).toBe('maria');
    expect(fake.messages.find((m) => m.id === message.id)?.edits).toBeGreaterThan(0);
  });
});
