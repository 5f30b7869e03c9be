import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import type { ConversationEvent } from '../../core/inquiry-service.js';
import { waitFor } from '../contracts/job-queue.contract.js';
import { deploymentModes } from '../support/deployment-modes.js';

const modes = deploymentModes('staff-reply');

for (const mode of modes) {
  describe.skipIf(mode.skip)(`staff reply to a web-chat patron, ${mode.name}`, () => {
    let running: RunningLibdesk;
    let cleanup: () => Promise<void>;
    let staffHeaders: Record<string, string>;

    beforeAll(async () => {
      const setup = await mode.env();
      cleanup = setup.cleanup;
      running = await startLibdesk({ env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...setup.env }, announce: () => {} });
      const { token } = await running.deps.staff.addStaff(`desk-${Date.now()}`);
      staffHeaders = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    }, 60_000);
    afterAll(async () => {
      await running?.close();
      await cleanup?.();
    });

    it('a patron hands off in the chat; the staff reply and the resolution reach the open chat live and stay in its history', async () => {
      const threadKey = `session-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const patron = { channel: 'web' as const, address: threadKey, threadKey };
      await running.deps.inquiries.handle({ ...patron, text: 'can I talk to a librarian please' });
      const handedOff = await running.deps.inquiries.handle({ ...patron, text: 'yes' });
      const ticket = handedOff.ticket!;
      expect(ticket).toBeDefined();
      expect(handedOff.reply.text).toMatch(/will reply|ask at the front desk|answer/);

      const live: ConversationEvent[] = [];
      const unsubscribe = await running.deps.conversationEvents.subscribe('web', threadKey, (event) => live.push(event));
      const api = (path: string, body?: object) =>
        fetch(`${running.url}/api/v1/tickets/${ticket.number}${path}`, { method: 'POST', headers: staffHeaders, body: JSON.stringify(body ?? {}) });

      // Latency from the staff API call to the patron's stream, over several replies.
      const latencies: number[] = [];
      for (let index = 0; index < 10; index += 1) {
        const started = performance.now();
        const response = await api('/replies', { body: `Reply number ${index}: yes, we can help.` });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { delivery: string }).delivery).toBe('queued');
        await waitFor(() => live.some((event) => event.entry.text === `Reply number ${index}: yes, we can help.`), `reply ${index} on the stream`, 15_000);
        latencies.push(performance.now() - started);
      }
      expect(live[0]!.entry.from).toBe('staff');

      const resolved = await api('/resolve');
      expect(resolved.status).toBe(200);
      await waitFor(() => live.some((event) => event.entry.text.includes(`${ticket.number} has been resolved`)), 'the resolution notice', 15_000);
      await unsubscribe();

      // After a reload the chat history shows them, as staff lines.
      const history = await running.deps.inquiries.history('web', threadKey);
      const staffLines = history.filter((entry) => entry.from === 'staff').map((entry) => entry.text);
      expect(staffLines).toContain('Reply number 0: yes, we can help.');
      expect(staffLines.at(-1)).toContain(`${ticket.number} has been resolved`);

      const detail = await fetch(`${running.url}/api/v1/tickets/${ticket.id}`, { headers: { authorization: staffHeaders.authorization! } });
      const body = (await detail.json()) as { status: string; conversation: Array<{ from: string }> };
      expect(body.status).toBe('resolved');
      expect(body.conversation.filter((line) => line.from === 'staff').length).toBe(11);
      expect(JSON.stringify(body)).not.toContain(threadKey);

      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(`[${mode.name}] staff API reply → patron stream: p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length}`);
    }, 120_000);
  });
}
