import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { DEMO_PATRONS } from '../../ils/index.js';
import { createLogger } from '../../logging/logger.js';
import { createTemporaryDir } from '../support/services.js';

/**
 * A patron renews by message through the public web-chat path, with verification, against the demo
 * library as `npm start` seeds it (embedded SQLite, embedded ILS). Card number and PIN must reach nothing
 * but the ILS: not the stored messages, not the chat history, not a log line.
 */
describe('renewing by web chat, end to end', { timeout: 120_000 }, () => {
  let running: RunningLibdesk;
  const temp = createTemporaryDir();
  const logLines: string[] = [];
  const ada = DEMO_PATRONS[0]!;

  beforeAll(async () => {
    running = await startLibdesk({
      env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: temp.dir, LOG_LEVEL: 'debug' },
      logger: createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } }),
      announce: () => {},
    });
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    temp.remove();
  });

  async function send(session: string, text: string) {
    const response = await fetch(`${running.url}/api/v1/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, text }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { intent: string; reply: { text: string } };
  }

  it('asks for the card, verifies it, renews, and keeps the card and PIN out of every record', async () => {
    const session = ((await (await fetch(`${running.url}/api/v1/chat/sessions`, { method: 'POST' })).json()) as { session: string }).session;

    const asked = await send(session, 'can you renew all my books?');
    expect(asked.intent).toBe('renew');
    expect(asked.reply.text).toMatch(/card number and PIN/);

    const wrong = await send(session, `my card is ${ada.card} and pin 9999`);
    expect(wrong.reply.text).toMatch(/don't match/);

    const done = await send(session, `${ada.card} ${ada.pin}`);
    expect(done.intent).toBe('renew');
    expect(done.reply.text).toMatch(/Renewed:\n• Dune — now due /);
    expect(done.reply.text).toMatch(/• Sapiens — it has been renewed the most times allowed/);
    expect(done.reply.text).toMatch(/• The Hunger Games — another patron is waiting for it/);

    // The contact is now trusted: the next question needs no card.
    const owed = await send(session, 'what do I owe?');
    expect(owed.reply.text).toContain('You owe $2.50');

    // Another session learns nothing.
    const other = ((await (await fetch(`${running.url}/api/v1/chat/sessions`, { method: 'POST' })).json()) as { session: string }).session;
    expect((await send(other, 'what do I owe?')).reply.text).not.toContain('$');

    const stored = await running.deps.database.prisma.inquiry.findMany({ select: { text: true } });
    const texts = stored.map((row) => row.text ?? '').join('\n');
    expect(texts).toContain('[card ••0017]');
    expect(texts).not.toContain(ada.card);
    expect(texts).not.toMatch(new RegExp(`\\b${ada.pin}\\b`));
    expect(texts).not.toMatch(/\b9999\b/);
    const tickets = await running.deps.database.prisma.ticket.findMany({ select: { description: true } });
    expect(tickets.map((ticket) => ticket.description).join('\n')).not.toContain(ada.card);
    const logs = logLines.join('');
    expect(logs).toContain('contact linked to a patron');
    expect(logs).not.toContain(ada.card);
  });
});
