import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, accessibilityViolations, launchChromium } from '../support/browser.js';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { parseTicketNumber } from '../../core/tickets.js';

/**
 * The staff console end to end in Chromium, with the real app (SQLite, in-process jobs): a librarian
 * signs in and watches the queue; a patron asks for a person in the web-chat widget; the ticket appears
 * in the open queue without a reload (SSE); the librarian claims it, replies, and the reply shows in the
 * patron's widget; READ scale recorded; resolved, and the patron is told. axe-core checks every console
 * page against WCAG 2.1 AA.
 */

let running: RunningLibdesk;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-console-browser-'));
  running = await startLibdesk({ env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true' }, announce: () => {} });
  await running.deps.staff.addStaff('ann', 'staff');
  await running.deps.staff.addStaff('root', 'admin');
  await running.deps.console.accounts.setPassword('ann', 'ann-password-123');
  await running.deps.console.accounts.setPassword('root', 'root-password-123');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByLabel('Staff name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe.skipIf(chromiumMissing)(`staff console in a real browser${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it('patron asks for a person → live in the queue → staff claims, replies (seen in the widget), records READ, resolves; every page passes axe', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const patronContext = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const audits: Record<string, string[]> = {};
    // The audit itself can fail: an image without a text alternative is reported.
    const probe = await staffContext.newPage();
    await probe.setContent('<!doctype html><html lang="en"><head><title>probe</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
    expect((await accessibilityViolations(probe)).join('\n')).toContain('image-alt');
    await probe.close();

    // The librarian opens the console: sent to sign in first.
    const staff = await staffContext.newPage();
    await staff.goto(`${running.url}/staff/queue`);
    await expect.poll(() => new URL(staff.url()).pathname).toBe('/staff/sign-in');
    audits['sign-in'] = await accessibilityViolations(staff);
    await signIn(staff, 'ann', 'ann-password-123');
    await staff.getByRole('heading', { name: 'Queue' }).waitFor();
    await staff.waitForFunction(() => document.documentElement.dataset.queueLive === 'on', undefined, { timeout: 15_000 });
    audits.queue = await accessibilityViolations(staff);

    // The patron asks for a person in the widget.
    const patron = await patronContext.newPage();
    await patron.goto(`${running.url}/`);
    await patron.getByRole('button', { name: 'Chat with us' }).click();
    const input = patron.getByLabel('Your message');
    await input.fill('can I talk to a librarian please');
    await input.press('Enter');
    await patron.locator('.ld-msg[data-from="assistant"]').first().waitFor({ timeout: 15_000 });
    await input.fill('yes');
    await input.press('Enter');
    const ticketReply = patron.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /T-\d+/ });
    await ticketReply.first().waitFor({ timeout: 15_000 });
    const number = /T-\d+/.exec(await ticketReply.first().innerText())![0];
    const ticketId = parseTicketNumber(number)!;

    // The open queue shows it without a reload, and says so in its live region.
    const row = staff.locator(`tr[data-ticket="${number}"]`);
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => staff.locator('#queue-status').innerText()).toContain('Queue updated');

    // Keyboard: the ticket link is reachable and opens with Enter.
    await row.getByRole('link', { name: number }).focus();
    await staff.keyboard.press('Enter');
    await staff.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    expect(await staff.locator('.patron-words').innerText()).toMatch(/librarian/i);
    audits.ticket = await accessibilityViolations(staff);

    await staff.getByRole('button', { name: 'Claim' }).click();
    await staff.getByText('You claimed this ticket.').waitFor();
    expect(await staff.locator('#ticket-assignee').innerText()).toBe('ann');

    const answer = 'Hello! I am Ann at the reference desk. Which local history records are you after?';
    await staff.getByLabel(/^Reply text/).fill(answer);
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await staff.getByText('Reply sent to the patron.').waitFor();
    // The reply reaches the patron's open widget through the delivery port.
    await patron.locator('.ld-msg[data-from="staff"]', { hasText: 'Which local history records' }).waitFor({ timeout: 15_000 });

    await staff.getByLabel(/^Note/).fill('Patron may want the 1920s city directories.');
    await staff.getByRole('button', { name: 'Add note' }).click();
    await staff.getByText('Internal note added.').waitFor();
    await staff.getByLabel(/READ scale/).selectOption('3');
    await staff.getByRole('button', { name: 'Record' }).click();
    await staff.getByText('READ scale recorded.').waitFor();
    audits['ticket after work'] = await accessibilityViolations(staff);

    await staff.getByRole('button', { name: 'Resolve' }).click();
    await staff.getByText('Ticket resolved; the patron is told.').waitFor();
    await patron.locator('.ld-msg', { hasText: `${number} has been resolved` }).waitFor({ timeout: 15_000 });

    const ticket = await running.deps.tickets.get(ticketId);
    expect(ticket).toMatchObject({ status: 'resolved', assignee: 'ann' });
    expect(ticket!.events.find((event) => event.type === 'reply')).toMatchObject({ actor: 'ann', origin: 'console', internal: false });
    expect(ticket!.events.find((event) => event.type === 'note' && event.body?.includes('city directories'))).toMatchObject({ internal: true });
    // The internal note never reached the patron.
    expect(await patron.locator('.ld-msg', { hasText: 'city directories' }).count()).toBe(0);
    const readScale = await running.deps.database.prisma.ticket.findUnique({ where: { id: ticketId }, select: { readScale: true } });
    expect(readScale?.readScale).toBe(3);

    // The API, browsable from its OpenAPI description.
    await staff.getByRole('link', { name: 'API' }).click();
    await staff.getByRole('heading', { level: 1, name: 'HTTP API' }).waitFor();
    expect(await staff.locator('th code', { hasText: '/api/v1/tickets/{id}/claim' }).count()).toBe(1);
    audits.api = await accessibilityViolations(staff);

    // On a phone the queue is one column of cards and still passes.
    await staff.setViewportSize({ width: 375, height: 740 });
    await staff.goto(`${running.url}/staff/queue?status=all`);
    await staff.locator(`tr[data-ticket="${number}"]`).waitFor();
    const scrollsSideways = await staff.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(scrollsSideways).toBe(false);
    audits['queue on a phone'] = await accessibilityViolations(staff);

    // The staff role cannot open admin pages; an admin can, and that page passes too.
    const forbidden = await staff.goto(`${running.url}/staff/admin/staff`);
    expect(forbidden?.status()).toBe(403);
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(`${running.url}/staff/sign-in`);
    await signIn(admin, 'root', 'root-password-123');
    await admin.getByRole('link', { name: 'Staff' }).click();
    await admin.getByRole('heading', { name: 'Staff' }).waitFor();
    audits['admin staff list'] = await accessibilityViolations(admin);

    // Devices: add one through the form, see its QR label on the print sheet; each page passes axe.
    await admin.getByRole('link', { name: 'Devices' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
    audits['admin devices'] = await accessibilityViolations(admin);
    await admin.getByRole('link', { name: 'Add a device' }).click();
    audits['admin device form'] = await accessibilityViolations(admin);
    await admin.getByLabel(/^Tag/).fill('SCAN-09');
    await admin.getByLabel('Name').fill('Photo scanner');
    await admin.getByLabel('Kind').selectOption('scanner');
    await admin.getByLabel(/^Where in the branch/).fill('Media lab, 1st floor');
    await admin.getByRole('button', { name: 'Add device' }).click();
    await admin.getByText('Device added.').waitFor();
    expect(await running.deps.assets.findByTag('SCAN-09')).toMatchObject({ name: 'Photo scanner', kind: 'scanner' });
    await admin.getByRole('link', { name: 'Print QR labels' }).click();
    const label = admin.locator('li.label', { hasText: 'SCAN-09' });
    await label.waitFor();
    expect(await label.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    audits['admin QR labels'] = await accessibilityViolations(admin);
    // The label's address is the device's report page, which opens its form.
    const report = await admin.goto(`${running.url}/report/SCAN-09`);
    expect(report?.status()).toBe(200);

    // Sign out ends the session.
    await staff.setViewportSize({ width: 1200, height: 900 });
    await staff.goto(`${running.url}/staff/queue`);
    await staff.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(staff.url()).pathname).toBe('/staff/sign-in');
    await staff.goto(`${running.url}/staff/queue`);
    expect(new URL(staff.url()).pathname).toBe('/staff/sign-in');

    expect(audits).toEqual(Object.fromEntries(Object.keys(audits).map((page) => [page, []])));
    await Promise.all([staffContext.close(), patronContext.close(), adminContext.close()]);
  });

  it('reports: the READ level recorded above is counted, every chart is drawn and has its table and CSV; the page passes axe', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const staff = await staffContext.newPage();
    const audits: Record<string, string[]> = {};
    await staff.goto(`${running.url}/staff/sign-in`);
    await signIn(staff, 'ann', 'ann-password-123');
    await staff.getByRole('heading', { name: 'Queue' }).waitFor();
    // Today's numbers include the READ level recorded in the first test, every chart is drawn by the locally
    // served Chart.js, and every chart has its table.
    await staff.getByRole('link', { name: 'Reports' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const readSection = await staff.locator('section#read-scale, section[aria-labelledby="read-scale-heading"]').innerText();
    expect(readSection, readSection).toMatch(/^3\s+1$/m);
    const charts = await staff.evaluate(() =>
      Array.from(document.querySelectorAll('canvas[data-chart]')).map((canvas) => Boolean((window as unknown as { Chart: { getChart(c: Element): unknown } }).Chart.getChart(canvas))),
    );
    expect(charts.length).toBeGreaterThan(2);
    expect(charts.every(Boolean)).toBe(true);
    expect(await staff.locator('section.report').count()).toBe(await staff.locator('section.report a[download]').count());
    audits.reports = await accessibilityViolations(staff);

    expect(audits).toEqual({ reports: [] });
    await staffContext.close();
  });
});
