import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, launchChromium } from '../support/browser.js';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';

/**
 * The widget as a library embeds it: its own site (a second local origin, listed in WIDGET_ORIGINS) loads
 * `<script src=".../widget.js">` from Libdesk and chats across origins; a site not in the list is refused.
 * Then the shared-PC rules on Libdesk's own demo page: "End chat", and a chat that went idle.
 */

const IDLE_MINUTES = 5;
let running: RunningLibdesk;
let browser: Browser;
let dataDir: string;
let listedSite: { server: Server; url: string };
let otherSite: { server: Server; url: string };
// The server's clock runs this far ahead of the real one, so a test can make a chat go idle at once.
let clockOffsetMs = 0;

/** A stand-in for the library's own website: one page that embeds the widget from Libdesk. */
async function startSite(widgetSrc: () => string): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Library site</title></head><body><h1>Our library</h1>
<script src="${widgetSrc()}" defer data-title="Riverside Public Library"></script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  if (chromiumMissing) return;
  const widgetSrc = () => `${running.url}/widget.js`;
  listedSite = await startSite(widgetSrc);
  otherSite = await startSite(widgetSrc);
  dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-embed-data-'));
  running = await startLibdesk({
    env: {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      WIDGET_ORIGINS: listedSite.url,
      WEB_SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
    },
    clock: { now: () => new Date(Date.now() + clockOffsetMs) },
    announce: () => {},
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  for (const site of [listedSite, otherSite]) if (site) await new Promise((resolve) => site.server.close(resolve));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function ask(page: Page, text: string): Promise<void> {
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
  const input = page.getByLabel('Your message');
  await input.fill(text);
  await input.press('Enter');
}

const prisma = () => running.deps.database.prisma;

describe.skipIf(chromiumMissing)(`the widget embedded on other sites${chromiumMissing ? ` (skipped: no Chromium at ${CHROMIUM})` : ''}`, () => {
  it('chats from the library’s own site, a second origin listed in WIDGET_ORIGINS', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${listedSite.url}/`);
    expect(new URL(page.url()).origin).not.toBe(new URL(running.url!).origin);
    await ask(page, 'are you open on Saturday?');
    const reply = page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /saturday/i });
    await reply.first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.ld-error').innerText()).toBe('');
    // A second message goes to the same server-issued session.
    await ask(page, 'thanks!');
    await expect.poll(() => page.locator('.ld-msg[data-from="assistant"]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('is refused from a site that is not listed, and nothing is stored', async () => {
    const [sessionsBefore, inquiriesBefore] = [await prisma().webChatSession.count(), await prisma().inquiry.count()];
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(`${running.url}/api/v1/chat/`)) refused.push(request.url());
    });
    await page.goto(`${otherSite.url}/`);
    await ask(page, 'are you open on Saturday?');
    await expect.poll(() => page.locator('.ld-error').innerText(), { timeout: 15_000 }).toContain('could not reach the library');
    expect(await page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /saturday/i }).count()).toBe(0);
    // The widget did try: the server answered 403 without CORS headers, and the browser failed the request.
    expect(refused.length).toBeGreaterThan(0);
    expect(await prisma().webChatSession.count()).toBe(sessionsBefore);
    expect(await prisma().inquiry.count()).toBe(inquiriesBefore);
    await context.close();
  });

  it('"End chat" clears the conversation here and on the server: a reload shows only the greeting', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.url}/`);
    await ask(page, 'my library card is 21234000123456, are you open on Saturday?');
    await page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /saturday/i }).first().waitFor({ timeout: 15_000 });
    const token = await page.evaluate(() => window.localStorage.getItem('libdesk.chat.session'));
    expect(token).toBeTruthy();

    await page.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => page.locator('.ld-msg[data-from="patron"]').count()).toBe(0);
    expect(await page.evaluate(() => window.localStorage.getItem('libdesk.chat.session'))).toBeNull();
    // The old session is over on the server too: its history is refused.
    await expect
      .poll(async () => (await fetch(`${running.url}/api/v1/chat/history?session=${encodeURIComponent(token!)}`)).status)
      .toBe(401);

    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.locator('.ld-msg[data-from="assistant"]').first().waitFor();
    expect(await page.locator('.ld-log').innerText()).not.toContain('21234000123456');
    expect(await page.locator('.ld-msg[data-from="patron"]').count()).toBe(0);
    await context.close();
  });

  it('on a shared PC, the next patron after the idle time sees an empty chat, and can chat afresh', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.url}/`);
    await ask(page, 'is PC-07 working? my card is 21234000999999');
    await page.locator('.ld-msg[data-from="assistant"]').nth(1).waitFor({ timeout: 15_000 });
    const firstToken = await page.evaluate(() => window.localStorage.getItem('libdesk.chat.session'));

    clockOffsetMs += (IDLE_MINUTES + 1) * 60_000; // the patron walked away
    try {
      await page.reload();
      await page.getByRole('button', { name: 'Chat with us' }).click();
      await expect.poll(() => page.evaluate(() => window.localStorage.getItem('libdesk.chat.session'))).toBeNull();
      expect(await page.locator('.ld-log').innerText()).not.toContain('21234000999999');
      expect(await page.locator('.ld-msg[data-from="patron"]').count()).toBe(0);

      await ask(page, 'are you open on Saturday?');
      await page.locator('.ld-msg[data-from="assistant"]').filter({ hasText: /saturday/i }).first().waitFor({ timeout: 15_000 });
      const secondToken = await page.evaluate(() => window.localStorage.getItem('libdesk.chat.session'));
      expect(secondToken).toBeTruthy();
      expect(secondToken).not.toBe(firstToken);
    } finally {
      clockOffsetMs = 0;
    }
    await context.close();
  });

  it('serves its pages with a CSP that keeps script to this server and forbids framing', async () => {
    const response = await fetch(`${running.url}/report/PC-07`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${running.url}/`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await page.locator('.ld-msg[data-from="assistant"]').first().waitFor();
    expect(violations).toEqual([]);
    // Another site framing the report page gets nothing shown.
    const framer = await context.newPage();
    await framer.goto(`${listedSite.url}/`);
    const framedResponse = framer.waitForResponse((response) => response.url().endsWith('/report/PC-07'));
    await framer.setContent(`<iframe id="f" src="${running.url}/report/PC-07"></iframe>`);
    // The page itself was sent (200); the browser refused to show it inside another site.
    expect((await framedResponse).status()).toBe(200);
    await framer.waitForLoadState('load');
    const frame = framer.frames().find((candidate) => candidate !== framer.mainFrame());
    const framedHeading = frame ? await frame.getByRole('heading', { name: /Report a problem/ }).count().catch(() => 0) : 0;
    expect(framedHeading).toBe(0);
    await context.close();
  });
});
