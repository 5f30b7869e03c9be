import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, accessibilityViolations, launchChromium } from '../support/browser.js';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { parseTicketNumber } from '../../core/tickets.js';

/**
 * The real app (SQLite in a temp DATA_DIR, demo library seeded, PUBLIC_URL set) in the system Chromium:
 * an FAQ answer in the widget links to the article's own page on this server; staff replies written in
 * Markdown show formatted in the widget, and HTML or script in a reply never runs. axe-core checks the
 * /help pages against WCAG 2.1 AA.
 */
const SCREENSHOT_DIR = process.env.LIBDESK_SCREENSHOT_DIR ?? tmpdir();

let running: RunningLibdesk;
let browser: Browser;
let dataDir: string;
let publicUrl: string;

/** A port nobody listens on now, so PUBLIC_URL can name the address before the server starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  if (chromiumMissing) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-help-browser-'));
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  running = await startLibdesk({
    env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: publicUrl, LOG_LEVEL: 'warn', SEED_DEMO: 'true' },
    announce: () => {},
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function ask(page: Page, text: string): Promise<void> {
  const input = page.getByLabel('Your message');
  await input.fill(text);
  await input.press('Enter');
}

/** Script errors and CSP refusals on a page: the widget must work under the pages' CSP without either. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  return problems;
}

describe.skipIf(chromiumMissing)(`help pages and Markdown replies in a real browser${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it("an FAQ answer links to the article's page here, which shows the whole article; every /help page passes axe", async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const audits: Record<string, string[]> = {};
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${publicUrl}/`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(page, 'Do you have free Wi-Fi?');

    // The link in the answer is a real link (not raw text), to PUBLIC_URL/help/wifi, opening apart from the chat.
    const link = page.locator('.ld-msg[data-from="assistant"] .ld-md a', { hasText: `${publicUrl}/help/wifi` });
    await link.first().waitFor({ timeout: 15_000 });
    expect(await link.first().getAttribute('href')).toBe(`${publicUrl}/help/wifi`);
    expect(await link.first().getAttribute('target')).toBe('_blank');
    expect(await link.first().getAttribute('rel')).toBe('noopener noreferrer');

    const [articlePage] = await Promise.all([context.waitForEvent('page'), link.first().click()]);
    await articlePage.waitForLoadState('domcontentloaded');
    expect(new URL(articlePage.url()).pathname).toBe('/help/wifi');
    expect(await articlePage.locator('h1').innerText()).toBe('Wi-Fi and charging');
    expect(await articlePage.locator('article h2').allInnerTexts()).toEqual(['Connecting', "When it's on", 'Good to know', 'Charging your devices', 'Trouble connecting?']);
    expect(await articlePage.locator('article ol li strong', { hasText: 'RiversidePL-Public' }).count()).toBe(1);
    expect(await articlePage.locator('article').innerText()).not.toContain('**');
    audits['/help/wifi'] = await accessibilityViolations(articlePage);
    await articlePage.screenshot({ path: path.join(SCREENSHOT_DIR, 'libdesk-help-article.png'), fullPage: true });

    // An internal link in the article leads to the other article's page.
    await articlePage.getByRole('link', { name: 'tech help' }).click();
    await expect.poll(() => new URL(articlePage.url()).pathname).toBe('/help/tech-help');
    await articlePage.locator('h1').waitFor();

    await articlePage.goto(`${publicUrl}/help`);
    expect(await articlePage.locator('section[lang="es"] h2').innerText()).toBe('Español');
    audits['/help'] = await accessibilityViolations(articlePage);
    await articlePage.goto(`${publicUrl}/help/holds-es`);
    expect(await articlePage.locator('html').getAttribute('lang')).toBe('es');
    audits['/help/holds-es'] = await accessibilityViolations(articlePage);
    // The hours article is where placeholders are filled (tables of opening hours): it renders and passes too.
    const hours = await articlePage.goto(`${publicUrl}/help/hours-and-locations`);
    expect(hours?.status()).toBe(200);
    audits['/help/hours-and-locations'] = await accessibilityViolations(articlePage);
    const missing = await articlePage.goto(`${publicUrl}/help/no-such-article`);
    expect(missing?.status()).toBe(404);
    audits['404'] = await accessibilityViolations(articlePage);

    for (const [name, violations] of Object.entries(audits)) expect(violations, name).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a staff reply written in Markdown formatted, keeps the patron\'s words as text, and runs no HTML from a reply', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${publicUrl}/`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await ask(page, 'can I talk to a librarian please, **not bold** <b>here</b>');
    await page.locator('.ld-msg[data-from="assistant"]').nth(1).waitFor({ timeout: 15_000 });
    await ask(page, 'yes');
    const ticketReply = page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /T-\d+/ });
    await ticketReply.first().waitFor({ timeout: 15_000 });
    const ticketId = parseTicketNumber(/T-\d+/.exec(await ticketReply.first().innerText())![0])!;

    // The patron's own message is text, exactly as typed.
    const mine = page.locator('.ld-msg[data-from="patron"]').first();
    expect(await mine.innerText()).toContain('**not bold** <b>here</b>');
    expect(await mine.locator('strong, b').count()).toBe(0);

    await running.deps.tickets.reply(ticketId, {
      actor: 'ann',
      origin: 'console',
      body: 'Hello, this is **Ann** at the desk.\nYour card is ready.\n\n- Bring [photo ID](https://library.example/id)\n- Pick it up at the *Main Library*',
    });
    const staffReply = page.locator('.ld-msg[data-from="staff"]', { hasText: 'at the desk' });
    await staffReply.waitFor({ timeout: 15_000 });
    expect(await staffReply.locator('strong').innerText()).toBe('Ann');
    expect(await staffReply.locator('em').innerText()).toBe('Main Library');
    expect(await staffReply.locator('ul > li').count()).toBe(2);
    const idLink = staffReply.getByRole('link', { name: 'photo ID' });
    expect(await idLink.getAttribute('href')).toBe('https://library.example/id');
    expect(await idLink.getAttribute('target')).toBe('_blank');
    expect(await idLink.getAttribute('rel')).toBe('noopener noreferrer');
    // A single line break is kept, and no Markdown syntax is left to read.
    expect(await staffReply.locator('br').count()).toBe(1);
    const shown = await staffReply.innerText();
    expect(shown).toMatch(/at the desk\.\nYour card is ready\./);
    expect(shown).not.toMatch(/\*|\]\(|^- /m);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'libdesk-chat-markdown.png') });

    await page.evaluate(() => {
      (window as unknown as { __ran: string[] }).__ran = [];
    });
    await running.deps.tickets.reply(ticketId, {
      actor: 'ann',
      origin: 'console',
      body: [
        'Payload check <img src=x onerror="window.__ran.push(\'img\')">',
        '<script>window.__ran.push("script")</script>',
        '[click me](javascript:window.__ran.push("link"))',
        '<a href="javascript:window.__ran.push(\'anchor\')">raw anchor</a>',
        '<svg onload="window.__ran.push(\'svg\')"></svg>',
      ].join('\n\n'),
    });
    const payload = page.locator('.ld-msg[data-from="staff"]', { hasText: 'Payload check' });
    await payload.waitFor({ timeout: 15_000 });
    expect(await payload.locator('img, script, svg, iframe').count()).toBe(0);
    expect(await payload.locator('[onerror], [onload], [onclick]').count()).toBe(0);
    expect(await payload.locator('a[href^="javascript" i]').count()).toBe(0);
    const clickMe = payload.getByText('click me');
    await clickMe.click();
    // Raw HTML is shown as the text it is, so the patron sees what was sent rather than nothing.
    expect(await payload.innerText()).toContain('<img src=x onerror=');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
    // The libraries the widget carries stay inside it: the host page's globals are untouched.
    expect(await page.evaluate(() => [typeof (window as unknown as Record<string, unknown>).marked, typeof (window as unknown as Record<string, unknown>).DOMPurify])).toEqual(['undefined', 'undefined']);

    // After a reload the history comes back formatted the same way.
    await page.reload();
    const restored = page.locator('.ld-msg[data-from="staff"]', { hasText: 'at the desk' });
    await restored.waitFor({ timeout: 15_000 });
    expect(await restored.locator('ul > li').count()).toBe(2);
    expect(await page.locator('.ld-msg[data-from="staff"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: string[] }).__ran)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });
});
