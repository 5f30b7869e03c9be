/**
 * SMS inbound path under load: signed Twilio webhooks into a running Libdesk (embedded SQLite and
 * in-process jobs; PostgreSQL + BullMQ too when DATABASE_URL and REDIS_URL are set), answers out through
 * a local stand-in for Twilio's REST API. Prints webhook acknowledgements per second, answers per second,
 * and the time from a text's arrival to its answer being handed to Twilio (p50/p99), plus the ratio of
 * acknowledgement time to answer time (what the webhook spares Twilio's 15-second time-out).
 *
 *   node --import tsx bench/sms-inbound.bench.ts [messages=300] [concurrency=16]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startLibdesk } from '../app/main.js';
import { postSignedForm, startFakeTwilio, twilioSid } from '../test/support/fake-twilio.js';

const MESSAGES = Number(process.argv[2] ?? 300);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const QUESTIONS = ['are you open on saturday?', 'where is the eastside branch?', 'do you have wifi?', 'how do I renew a book?', 'PC-07 is frozen', 'can I print in color?'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function run(mode: string, storage: Record<string, string>, role: 'all' | 'web' = 'all') {
  const accountSid = twilioSid('AC');
  const authToken = 'bench-twilio-auth-token-00000000';
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const twilio = await startFakeTwilio({ accountSid, authToken });
  const running = await startLibdesk({
    // The benchmark needs no staff token: keep the first-admin notice out of its output.
    announce: () => {},
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: base,
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_FROM_NUMBER: '+15559870000',
      TWILIO_API_URL: twilio.url,
      PROCESS_ROLE: role,
      ...storage,
    },
  });
  try {
    const arrivals = new Map<string, number>();
    const acks: number[] = [];
    let next = 0;
    const started = performance.now();
    async function worker() {
      while (next < MESSAGES) {
        const index = next++;
        const from = `+1555${String(2_000_000 + index).padStart(7, '0')}`;
        const params = { MessageSid: twilioSid('SM'), AccountSid: accountSid, From: from, To: '+15559870000', Body: QUESTIONS[index % QUESTIONS.length]!, NumMedia: '0' };
        const sentAt = Date.now();
        const t0 = performance.now();
        arrivals.set(from, sentAt);
        const response = await postSignedForm(authToken, `${base}/webhooks/twilio/sms`, params);
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        await response.arrayBuffer();
        acks.push(performance.now() - t0);
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const acceptedIn = performance.now() - started;
    acks.sort((a, b) => a - b);
    if (role === 'web') {
      // No worker in this process: what the webhook alone sustains (verify, store, schedule the job).
      console.log(`\n--- ${mode}, web process only (no routing): ${MESSAGES} texts, ${CONCURRENCY} at a time`);
      console.log(`webhook acknowledged: ${(MESSAGES / (acceptedIn / 1000)).toFixed(0)} texts/s; ack p50 ${fmt(percentile(acks, 50))}, p99 ${fmt(percentile(acks, 99))}`);
      return;
    }
    await twilio.waitForSent(MESSAGES, 600_000);
    const answeredIn = performance.now() - started;

    const latencies = twilio.sent.map((sms) => sms.at - arrivals.get(sms.to)!).sort((a, b) => a - b);
    console.log(`\n--- ${mode}: ${MESSAGES} texts, ${CONCURRENCY} at a time`);
    console.log(`webhook acknowledged: ${(MESSAGES / (acceptedIn / 1000)).toFixed(0)} texts/s; ack p50 ${fmt(percentile(acks, 50))}, p99 ${fmt(percentile(acks, 99))}`);
    console.log(`answered end to end:  ${(MESSAGES / (answeredIn / 1000)).toFixed(0)} texts/s`);
    console.log(`arrival → answer handed to Twilio: p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))} (under this burst)`);
    console.log(`ratio ack p50 / answer p50: ${(percentile(acks, 50) / percentile(latencies, 50)).toFixed(3)}`);

    // One text at a time: the latency a patron sees when the desk is not under a burst.
    const quiet: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const from = `+1555${String(3_000_000 + index).padStart(7, '0')}`;
      const params = { MessageSid: twilioSid('SM'), AccountSid: accountSid, From: from, To: '+15559870000', Body: QUESTIONS[index % QUESTIONS.length]!, NumMedia: '0' };
      const before = twilio.sent.length;
      const t0 = Date.now();
      await (await postSignedForm(authToken, `${base}/webhooks/twilio/sms`, params)).arrayBuffer();
      await twilio.waitForSent(before + 1, 60_000);
      quiet.push(twilio.sent.at(-1)!.at - t0);
    }
    quiet.sort((a, b) => a - b);
    console.log(`one at a time, arrival → answer handed to Twilio: p50 ${fmt(percentile(quiet, 50))}, p99 ${fmt(percentile(quiet, 99))}`);
  } finally {
    await running.close();
    await twilio.close();
  }
}

for (const role of ['web', 'all'] as const) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-bench-sms-'));
  try {
    await run('embedded (SQLite, in-process jobs)', { DATA_DIR: dataDir }, role);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.DATABASE_URL && process.env.REDIS_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `libdesk_bench_sms_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  try {
    await run('scaled (PostgreSQL, BullMQ on Redis)', { DATABASE_URL: url.toString(), REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `libdesk-bench-sms-${process.pid}` });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
