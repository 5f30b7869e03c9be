import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from '../support/browser.js';
import { parseTicketNumber } from '../../core/tickets.js';
import { buttonPress, threadMessageEvent } from '../support/slack-harness.js';
import { E2E_QUEUE, E2E_STAFF_SLACK_ID, postSignedToSlackWebhook, startLibdeskWithSlack } from '../support/staff-queue-e2e.js';

/**
 * The staff queue end to end, as a patron and a librarian would live it: the patron asks in the web chat
 * (real Chromium), the ticket appears in Slack (the fake Slack Web API), the librarian answers in the
 * ticket's thread (a signed Events API post), the patron sees the answer in the browser, the librarian
 * presses Resolve (a signed interaction), and the patron is told.
 */

let app: Awaited<ReturnType<typeof startLibdeskWithSlack>>;
let context: BrowserContext;
let profileDir: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  app = await startLibdeskWithSlack();
  profileDir = mkdtempSync(path.join(tmpdir(), 'libdesk-staff-browser-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', ...CHROMIUM_ARGS],
    viewport: { width: 1100, height: 800 },
  });
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe.skipIf(chromiumMissing)(`staff queue from the patron's browser to Slack and back${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it('patron asks → ticket in Slack → staff reply in the thread → patron sees it → Resolve → patron is told', async () => {
    const { running, fake } = app;
    const page = await context.newPage();
    await page.goto(`${running.url}/`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const input = page.getByLabel('Your message');
    await input.fill('PC-07 is frozen on the login screen');
    await input.press('Enter');
    const ticketReply = page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /T-\d+/ });
    await ticketReply.first().waitFor({ timeout: 15_000 });
    const number = /T-\d+/.exec(await ticketReply.first().innerText())?.[0] as string;
    const ticketId = parseTicketNumber(number) as number;

    // The ticket is in the queue channel, with its buttons.
    const root = await fake.until(() => fake.messages.find((m) => m.channel === E2E_QUEUE && !m.thread_ts && m.text.includes(number)), 20_000);
    expect(JSON.stringify(root.blocks)).toContain('ticket_resolve');

    // A librarian answers in the ticket's thread.
    const answer = 'Hi! We restarted PC-07; it should let you log in now.';
    const reply = await postSignedToSlackWebhook(
      running.url as string,
      threadMessageEvent({ eventId: 'EvBROWSER1', user: E2E_STAFF_SLACK_ID, text: answer, threadTs: root.ts, ts: '1764800001.000100' }),
      'application/json',
    );
    expect(reply.status).toBe(200);
    await page.locator('.ld-msg[data-from="staff"]', { hasText: 'We restarted PC-07' }).waitFor({ timeout: 15_000 });

    // The librarian presses Resolve; the patron is told in the same chat.
    const resolve = await postSignedToSlackWebhook(
      running.url as string,
      buttonPress({ user: E2E_STAFF_SLACK_ID, actionId: 'ticket_resolve', ticketId, messageTs: root.ts, actionTs: '1764800002.000001' }),
      'application/x-www-form-urlencoded',
    );
    expect(resolve.status).toBe(200);
    await page.locator('.ld-msg', { hasText: `${number} has been resolved` }).waitFor({ timeout: 15_000 });
    expect((await running.deps.tickets.get(ticketId))?.status).toBe('resolved');
    // The Slack message shows it, in place.
    await fake.until(() => fake.messages.find((m) => m.ts === root.ts)?.text.includes('Resolved'), 10_000);

    // After a reload the conversation, staff answer included, comes back from the server.
    await page.reload();
    await page.locator('.ld-msg[data-from="staff"]', { hasText: 'We restarted PC-07' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
