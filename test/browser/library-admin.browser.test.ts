import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, accessibilityViolations, launchChromium } from '../support/browser.js';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { eastsideOpenSaturday } from '../support/library-form.js';

/**
 * The library admin in Chromium with the real app (SQLite, in-process jobs): an administrator changes
 * Eastside's Saturday hours in the form, and a patron in the web-chat widget is then told the new hours.
 * axe-core checks every library admin page (and the form showing errors, and on a phone) against
 * WCAG 2.1 AA.
 */

let running: RunningLibdesk;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-library-admin-browser-'));
  running = await startLibdesk({ env: { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false' }, announce: () => {} });
  await running.deps.staff.addStaff('root', 'admin');
  await running.deps.console.accounts.setPassword('root', 'root-password-123');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function askInWidget(page: Page, text: string): Promise<string> {
  const before = await page.locator('.ld-msg[data-from="assistant"]').count();
  const input = page.getByLabel('Your message');
  await input.fill(text);
  await input.press('Enter');
  const reply = page.locator('.ld-msg[data-from="assistant"]').nth(before);
  await reply.waitFor({ timeout: 15_000 });
  return reply.innerText();
}

describe.skipIf(chromiumMissing)(`library admin in a real browser${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it('an admin changes Saturday hours in the page; the patron chat then answers with them; every page passes axe', { timeout: 240_000 }, async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const patronContext = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const audits: Record<string, string[]> = {};

    // Before: the shipped hours.
    const patron = await patronContext.newPage();
    await patron.goto(`${running.url}/`);
    await patron.getByRole('button', { name: 'Chat with us' }).click();
    expect(await askInWidget(patron, 'is eastside open on saturday')).toMatch(eastsideOpenSaturday('10:00 AM–5:00 PM'));

    const admin = await adminContext.newPage();
    await admin.goto(`${running.url}/staff/admin/library`);
    await admin.getByLabel('Staff name').fill('root');
    await admin.getByLabel('Password', { exact: true }).fill('root-password-123');
    await admin.getByRole('button', { name: 'Sign in', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Library hours and closures' }).waitFor();
    audits['library hours'] = await accessibilityViolations(admin);

    // A mistake first: closing before opening is refused beside the day, and nothing changes.
    const saturdayOpens = admin.getByLabel('Saturday, Eastside Branch: opens');
    const saturdayCloses = admin.getByLabel('Saturday, Eastside Branch: closes');
    await saturdayOpens.fill('18:00');
    await admin.getByRole('button', { name: 'Save hours and closures' }).click();
    await admin.getByRole('alert').getByText('Nothing was saved.').waitFor();
    expect(await admin.locator('#err-b1-sat').innerText()).toBe('closing time must be after opening time');
    expect(await saturdayOpens.getAttribute('aria-invalid')).toBe('true');
    audits['library hours with an error'] = await accessibilityViolations(admin);
    expect(running.deps.calendar.hoursOn('eastside', '2026-12-12')).toMatchObject({ opens: '10:00', closes: '17:00' });

    // Now right: 10:00 to 19:00, by keyboard from the opening field.
    await saturdayOpens.fill('10:00');
    await saturdayCloses.fill('19:00');
    await saturdayCloses.press('Enter');
    await admin.getByRole('status').getByText('Every Libdesk process answers with these hours').waitFor();
    expect(await saturdayCloses.inputValue()).toBe('19:00');

    // "Add a closure" adds a row of labelled fields; on a phone the page still passes.
    await admin.getByRole('button', { name: 'Add a closure' }).click();
    await admin.getByRole('group', { name: /^Closure \d+$/ }).last().waitFor();
    await admin.setViewportSize({ width: 390, height: 844 });
    audits['library hours on a phone, with a new row'] = await accessibilityViolations(admin);
    await admin.setViewportSize({ width: 1200, height: 900 });

    await admin.goto(`${running.url}/staff/admin/library/yaml`);
    audits['library settings as YAML'] = await accessibilityViolations(admin);
    await admin.getByRole('link', { name: 'Articles', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    audits.articles = await accessibilityViolations(admin);
    await admin.getByRole('link', { name: 'Edit hours-and-locations', exact: true }).click();
    await admin.getByLabel('Article').waitFor();
    expect(await admin.getByLabel('Article').inputValue()).toContain('{{hours_summary}}');
    audits['article editor'] = await accessibilityViolations(admin);
    await admin.goto(`${running.url}/staff/admin/articles/new`);
    await admin.getByLabel('Article').fill('---\nid: Book Club\ntitle: Book club\nshort_answer: "We meet {{monthly}}."\nlanguage: en\n---\nAll welcome.\n');
    await admin.getByRole('button', { name: 'Add article' }).click();
    const problems = admin.getByRole('alert');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('lower-case words joined by dashes');
    audits['new article with problems'] = await accessibilityViolations(admin);

    // The patron, in the same open chat, is told the new hours; the hours article says them too.
    expect(await askInWidget(patron, 'is eastside open on saturday')).toMatch(eastsideOpenSaturday('10:00 AM–7:00 PM'));
    expect(running.deps.knowledge.get('hours-and-locations')?.shortAnswer).toContain('Sat 10am-7pm');

    expect(audits).toEqual(Object.fromEntries(Object.keys(audits).map((page) => [page, []])));
    await Promise.all([adminContext.close(), patronContext.close()]);
  });
});
