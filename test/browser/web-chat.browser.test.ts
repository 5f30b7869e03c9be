import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing } from '../support/browser.js';

/**
 * The real app (SQLite in a temp DATA_DIR, demo library seeded) driven by the system Chromium, as a
 * patron would use it: the chat widget on the demo page, and the report page a device's QR code opens.
 */
const SCREENSHOT_DIR = process.env.LIBDESK_SCREENSHOT_DIR ?? tmpdir();

let running: RunningLibdesk;
let context: BrowserContext;
let dataDir: string;
let profileDir: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-browser-data-'));
  profileDir = mkdtempSync(path.join(tmpdir(), 'libdesk-browser-profile-'));
  running = await startLibdesk({ env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true' }, announce: () => {} });
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', ...CHROMIUM_ARGS],
    viewport: { width: 1100, height: 800 },
  });
});

afterAll(async () => {
  await context?.close();
  await running?.close();
  for (const dir of [dataDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** "9:00 AM" for "09:00": how the assistant says a time. */
function spoken(time: string): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')}`;
}

/** Opening times of the main branch on the coming Saturday (today if it is Saturday, or next week's). */
function saturdayOpeningTimes(): string[] {
  const calendar = running.deps.calendar;
  const today = DateTime.now().setZone(calendar.timeZone).startOf('day');
  const comingSaturday = today.plus({ days: (6 - today.weekday + 7) % 7 });
  const branch = calendar.branches()[0]!;
  return [comingSaturday, comingSaturday.plus({ weeks: 1 })]
    .map((day) => calendar.hoursOn(branch.id, day.toISODate()!))
    .filter((hours) => hours.open && hours.opens)
    .map((hours) => spoken(hours.opens!));
}

async function assistantMessages(page: Page): Promise<string[]> {
  return page.locator('.ld-msg[data-from="assistant"]').allInnerTexts();
}

describe.skipIf(chromiumMissing)(`web chat in a real browser${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it('answers a question, and keeps the conversation across a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${running.url}/`);
    expect(await page.locator('h1').innerText()).toContain(running.deps.calendar.library().name);

    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const input = page.getByLabel('Your message');
    // Opening the chat puts the cursor in the message box, ready to type.
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);

    await input.fill('are you open on Saturday?');
    await input.press('Enter');
    const reply = page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: 'Saturday' });
    await reply.first().waitFor({ timeout: 15_000 });
    const replyText = await reply.first().innerText();
    const times = saturdayOpeningTimes();
    expect(times.length).toBeGreaterThan(0);
    expect(times.some((time) => replyText.includes(time))).toBe(true);
    expect(await page.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'libdesk-chat.png') });

    await page.reload();
    // The panel reopens and the history comes back from the server, not from the page.
    await page.locator('.ld-msg[data-from="patron"]', { hasText: 'are you open on Saturday?' }).waitFor({ timeout: 10_000 });
    expect((await assistantMessages(page)).some((text) => text.includes(replyText.trim().split('\n')[0]!))).toBe(true);

    // Escape closes the panel and gives focus back to the button that opened it.
    await page.getByLabel('Your message').press('Escape');
    await expect.poll(() => page.locator('#ld-panel').isHidden()).toBe(true);
    await expect.poll(() => launcher.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });

  it('files a device report from the plain HTML form and shows the ticket number', async () => {
    const page = await context.newPage();
    await page.goto(`${running.url}/report/PC-07`);
    expect(await page.locator('h1').innerText()).toContain('Report a problem');
    // The page works with no script at all: it is a plain HTML form.
    expect(await page.locator('script').count()).toBe(0);
    await page.getByLabel('Frozen').check();
    await page.getByLabel(/Tell us more/).fill('Stuck on the login screen');
    await page.getByRole('button', { name: 'Send report' }).click();
    const number = page.locator('[data-ticket-number]');
    await number.waitFor({ timeout: 15_000 });
    expect(await number.innerText()).toMatch(/^T-\d+$/);
    const ticketId = Number((await number.innerText()).slice(2));
    const ticket = await running.deps.tickets.get(ticketId);
    expect(ticket).toMatchObject({ kind: 'equipment', assetTag: 'PC-07' });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'libdesk-report.png'), fullPage: true });
    await page.close();
  });
});
