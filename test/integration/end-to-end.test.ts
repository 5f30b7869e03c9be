import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { deploymentModes } from '../support/deployment-modes.js';

const modes = deploymentModes('e2e');

for (const mode of modes) {
  describe.skipIf(mode.skip)(`Libdesk end to end, ${mode.name}`, () => {
    let running: RunningLibdesk;
    let cleanup: () => Promise<void>;
    let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let apiKey: string;
    let staffToken: string;
    const announced: string[] = [];

    beforeAll(async () => {
      webhook = await startWebhookReceiver({ failFirst: 1 });
      const setup = await mode.env();
      cleanup = setup.cleanup;
      running = await startLibdesk({
        env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TICKET_WEBHOOK_URL: webhook.url, ...setup.env },
        announce: (text) => announced.push(text),
      });
      // Closed by default: the integration posting here needs an API key, staff reading tickets a token.
      apiKey = (await running.deps.staff.addApiKey(`e2e-${Date.now()}`)).key;
      staffToken = (await running.deps.staff.addStaff(`e2e-staff-${Date.now()}`)).token;
    });
    afterAll(async () => {
      await running?.close();
      await webhook?.close();
      await cleanup?.();
    });

    const ask = async (text: string, address = 'e2e-session') => {
      const response = await fetch(`${running.url}/api/v1/inquiries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ channel: 'web', address, text }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };

    it('is healthy', async () => {
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok', queue: 'ok' });
    });

    it('answers an hours question from the library calendar', async () => {
      const { status, body } = await ask('are you open on saturday?');
      expect(status).toBe(201);
      expect(body.intent).toBe('hours');
      expect(body.reply.text).toMatch(/saturday/i);
      expect(body.reply.text).toMatch(/\d{1,2}(:\d{2})?\s?(AM|PM|am|pm)/);
    });

    it('opens an equipment ticket tied to the device and notifies staff through a job, retrying a failed delivery', async () => {
      const { status, body } = await ask('PC-07 is frozen', 'e2e-pc');
      expect(status).toBe(201);
      expect(body.intent).toBe('equipment');
      expect(body.ticket.number).toMatch(/^T-\d+$/);
      expect(body.reply.text).toContain(body.ticket.number);

      const ticket = await (await fetch(`${running.url}/api/v1/tickets/${body.ticket.id}`, { headers: { authorization: `Bearer ${staffToken}` } })).json();
      expect(ticket).toMatchObject({ assetTag: 'PC-07', kind: 'equipment', branchId: 'main' });

      const [notice] = (await webhook.waitFor(1, 20_000)) as Array<{ text: string; ticket: { number: string } }>;
      expect(notice!.ticket.number).toBe(body.ticket.number);
      expect(JSON.stringify(notice)).not.toContain('e2e-pc');
    });

    it('refuses bad input with a clear reason and stores nothing', async () => {
      const before = await running.deps.database.prisma.inquiry.count();
      const empty = await ask('   ');
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toMatch(/text/);
      const tooLong = await ask('x'.repeat(10_001));
      expect(tooLong.status).toBe(400);
      expect(await running.deps.database.prisma.inquiry.count()).toBe(before);
    });

    it('made the first admin on this fresh install and printed its token once', async () => {
      expect(announced).toHaveLength(1);
      const token = /lds_[A-Za-z0-9_-]{43}/.exec(announced[0]!)?.[0];
      expect(token).toBeDefined();
      const response = await fetch(`${running.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses the attacks of the security review, storing nothing', async () => {
      const prisma = running.deps.database.prisma;
      const counts = async () => [await prisma.conversation.count(), await prisma.inquiry.count()];
      const before = await counts();
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${running.url}/api/v1/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

      // Tickets are not readable without a staff token, whatever the id.
      for (const id of [1, 2, 3]) expect((await fetch(`${running.url}/api/v1/tickets/${id}`)).status).toBe(401);
      // Nobody can speak as a patron's phone number: anonymous → 401, with a key → 403.
      expect((await post({ channel: 'sms', address: '+15551234567', text: 'yes' })).status).toBe(401);
      expect((await post({ channel: 'sms', address: '+15551234567', text: 'yes' }, { authorization: `Bearer ${apiKey}` })).status).toBe(403);
      // A NUL byte or a lone surrogate is a 400, not a 500 and an empty conversation row.
      const nul = await post({ channel: 'web', address: 'e2e-nul', text: 'PC-07\u0000 is frozen' }, { authorization: `Bearer ${apiKey}` });
      expect(nul.status).toBe(400);
      expect(((await nul.json()) as { error: { code: string } }).error.code).toBe('LD_VALIDATION');
      const surrogate = await post({ channel: 'web', address: 'e2e-nul', text: 'thanks \ud83d' }, { authorization: `Bearer ${apiKey}` });
      expect(surrogate.status).toBe(400);
      const session = ((await (await fetch(`${running.url}/api/v1/chat/sessions`, { method: 'POST' })).json()) as { session: string }).session;
      const chat = await fetch(`${running.url}/api/v1/chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session, text: 'hello\u0000' }),
      });
      expect(chat.status).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });
}
