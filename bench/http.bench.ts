// `npm run bench:http`: throughput of `POST /api/v1/inquiries` against a bare Fastify JSON POST, measured
// in one run with the same client (autocannon), the same connections, warm-up and duration, and unique
// senders. Each server runs in a process of its own; the client runs here.
//
//   npm run bench:http                     embedded default (SQLite, in-process jobs), started as `libdesk
//                                          start` starts it: WEB_PROCESSES web processes (default one per
//                                          CPU, at most 4) and the primary that runs the jobs
//   npm run bench:http -- --postgres       PostgreSQL + Redis (DATABASE_URL, REDIS_URL): one primary with
//                                          WEB_PROCESSES=2, the two web processes of the earlier two-process
//                                          run, plus the primary for the jobs
//   npm run bench:http -- --duration 20 --warmup 5 --connections 50
//   npm run bench:http -- --profile /tmp/prof   also writes the Libdesk processes' CPU profiles there, one
//                                               per process (node --cpu-prof; open in Chrome DevTools)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Options {
  postgres: boolean;
  duration: number;
  warmup: number;
  connections: number;
  /** Folder for the Libdesk servers' CPU profiles (`--cpu-prof`), when asked for. */
  profileDir?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { postgres: false, duration: 15, warmup: 5, connections: 50 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = () => Number(argv[++i]);
    if (arg === '--postgres') options.postgres = true;
    else if (arg === '--duration') options.duration = next();
    else if (arg === '--warmup') options.warmup = next();
    else if (arg === '--connections') options.connections = next();
    else if (arg === '--profile') options.profileDir = path.resolve(argv[++i] ?? 'bench-profiles');
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** Questions patrons ask all day that the assistant answers itself (no ticket, no staff). */
const QUESTIONS = ['are you open on saturday?', 'how long can I keep a book?', 'do you have wifi?', 'when does the main library close today?'];

interface Server {
  url: string;
  key?: string;
  /** How many web processes serve it (serve-libdesk.ts reports it; the bare server is one). */
  webProcesses?: number;
  process: ChildProcess;
}

/** Starts a server script in its own Node process (TypeScript through tsx) and waits for its address. */
function startServer(script: string, env: Record<string, string>, args: string[] = [], profileDir?: string): Promise<Server> {
  const child = fork(path.join(here, 'support', script), args, {
    // The profiles are written when the server's processes exit (serve-libdesk.ts stops them all on SIGTERM;
    // node:cluster gives the web processes the same execArgv).
    execArgv: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { url: string; key?: string; webProcesses?: number }) => resolve({ ...message, process: child }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  server.process.kill('SIGTERM');
  const killer = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

let sender = 0;

/** One autocannon run; every request comes from a new sender, so each is a new conversation. */
async function drive(server: Server, connections: number, seconds: number, label: string): Promise<Measured> {
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(server.key ? { authorization: `Bearer ${server.key}` } : {}) },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/inquiries',
        setupRequest: (request) => {
          sender += 1;
          return { ...request, body: JSON.stringify({ channel: 'web', address: `bench-${label}-${sender}`, text: QUESTIONS[sender % QUESTIONS.length] }) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Warm-up (discarded), then the measured run, over one or several servers at once (connections shared out). */
async function measure(servers: Server[], options: Options, label: string): Promise<Measured> {
  const share = Math.max(1, Math.floor(options.connections / servers.length));
  await Promise.all(servers.map((server) => drive(server, share, options.warmup, `${label}-warm`)));
  const runs = await Promise.all(servers.map((server) => drive(server, share, options.duration, label)));
  return {
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requestsPerSecond, 0),
    // Several servers: the worse of their latencies, so nothing looks better than one of them was.
    p50: Math.max(...runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

function line(label: string, measured: Measured): string {
  const rps = Math.round(measured.requestsPerSecond).toLocaleString('en-US');
  const failures = measured.non2xx || measured.errors ? `, non-2xx ${measured.non2xx}, errors ${measured.errors}` : '';
  return `${label.padEnd(78)} ${rps.padStart(7)} req/s   p50 ${String(measured.p50).padStart(4)} ms   p99 ${String(measured.p99).padStart(4)} ms${failures}`;
}

/** Settings every Libdesk process of the bench shares: no demo delay, limits that a load test does not trip. */
function libdeskEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_SESSION: '100000000',
    ...extra,
  };
}

async function startLibdeskProcesses(options: Options, cleanups: Array<() => Promise<void> | void>): Promise<{ servers: Server[]; label: string }> {
  if (!options.postgres) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-bench-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer('serve-libdesk.ts', libdeskEnv({ DATA_DIR: dataDir }), [], options.profileDir);
    cleanups.push(() => stopServer(server));
    return { servers: [server], label: `Libdesk POST /api/v1/inquiries, embedded (SQLite), ${processCount(server)}` };
  }
  const adminUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!adminUrl || !redisUrl) throw new Error('--postgres needs DATABASE_URL and REDIS_URL');
  const name = `libdesk_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-bench-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  // Two web processes, as the two processes of earlier runs, in one cluster whose primary runs the jobs.
  const env = libdeskEnv({ DATABASE_URL: url.toString(), REDIS_URL: redisUrl, REDIS_PREFIX: `libdesk-bench-${name}`, DATA_DIR: dataDir, WEB_PROCESSES: '2' });
  const server = await startServer('serve-libdesk.ts', env, [], options.profileDir);
  cleanups.push(() => stopServer(server));
  return { servers: [server], label: `Libdesk POST /api/v1/inquiries, PostgreSQL + Redis, ${processCount(server)}` };
}

function processCount(server: Server): string {
  const web = server.webProcesses ?? 1;
  return web > 1 ? `${web} web processes + primary` : '1 process';
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  console.log(
    `bench:http — ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s measured per server, unique senders, ${os.cpus().length} CPUs`,
  );
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    const bare = await startServer('serve-bare.ts', {});
    cleanups.push(() => stopServer(bare));
    const bareResult = await measure([bare], options, 'bare');
    await stopServer(bare);

    const { servers, label } = await startLibdeskProcesses(options, cleanups);
    const libdeskResult = await measure(servers, options, 'libdesk');

    console.log(line('bare Fastify JSON POST (1 process)', bareResult));
    console.log(line(label, libdeskResult));
    const ratio = libdeskResult.requestsPerSecond / bareResult.requestsPerSecond;
    console.log(`ratio to bare Fastify: ${ratio.toFixed(2)}`);
    if (options.profileDir) console.log(`CPU profiles of the Libdesk servers (written as they stop): ${options.profileDir}`);
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  }
}

await main();
