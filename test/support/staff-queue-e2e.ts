import { randomBytes } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLibdesk, type RunningLibdesk } from '../../app/main.js';
import { signSlackRequest } from '../../channels/slack/verify.js';
import { SLACK_WEBHOOK_PATH } from '../../http/routes/webhooks/slack.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';

export const E2E_SLACK_TOKEN = 'xoxb-libdesk-e2e-0000000000';
export const E2E_SIGNING_SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
export const E2E_QUEUE = 'C0LIBQUEUE';
export const E2E_STAFF_SLACK_ID = 'U0MARIA';

/** The whole app (SQLite, in-process jobs, demo library) with the Slack app pointed at the fake Slack. */
export async function startLibdeskWithSlack(extraEnv: Record<string, string> = {}): Promise<{ running: RunningLibdesk; fake: FakeSlackApi; close(): Promise<void> }> {
  const fake = await startFakeSlackApi({ token: E2E_SLACK_TOKEN });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'libdesk-staff-e2e-'));
  const running = await startLibdesk({
    env: {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      SLACK_BOT_TOKEN: E2E_SLACK_TOKEN,
      SLACK_SIGNING_SECRET: E2E_SIGNING_SECRET,
      SLACK_QUEUE_CHANNEL: E2E_QUEUE,
      SLACK_ONCALL_GROUP: 'S0ONCALL1',
      SLACK_API_URL: fake.apiUrl,
      ...extraEnv,
    },
    announce: () => {},
  });
  // The staff member whose Slack account acts in these tests.
  await running.deps.database.prisma.staffMember.create({
    data: { name: 'maria', role: 'staff', tokenHash: randomBytes(32).toString('hex'), slackUserId: E2E_STAFF_SLACK_ID },
  });
  return {
    running,
    fake,
    async close() {
      await running.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Posts a body to the running app's Slack webhook, signed exactly as Slack signs it. */
export async function postSignedToSlackWebhook(baseUrl: string, body: string, contentType: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${baseUrl}${SLACK_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(E2E_SIGNING_SECRET, timestamp, body) },
    body,
  });
}

/** A web-chat event stream read over a raw socket (one connection, closed when the test says). */
export async function openChatStream(baseUrl: string, session: string) {
  const request = get(`${baseUrl}/api/v1/chat/stream?session=${encodeURIComponent(session)}`, { agent: false });
  const response = await new Promise<IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
  response.setEncoding('utf8');
  let buffer = '';
  const waiters = new Set<() => void>();
  response.on('data', (chunk: string) => {
    buffer += chunk;
    for (const wake of [...waiters]) wake();
  });
  return {
    statusCode: response.statusCode,
    /** Resolves at the moment the stream has carried `text`. */
    async waitFor(text: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!buffer.includes(text)) {
        if (Date.now() > deadline) throw new Error(`chat stream never carried ${JSON.stringify(text)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 200);
        });
      }
    },
    body: () => buffer,
    close: () => request.destroy(),
  };
}

export function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}
