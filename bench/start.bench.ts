// `npm run bench:start`: how long `libdesk start` (the compiled service, as `npm start` runs it) takes from
// the command to its first healthy answer, on a fresh data folder and on one already set up, against a
// bare Fastify server started the same way in the same run (node, one route, no work behind it).
//
//   npm run bench:start                      3 rounds of each, default WEB_PROCESSES
//   npm run bench:start -- --rounds 5
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/free-port.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POLL_MS = 10;
const GIVE_UP_MS = 60_000;

const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt === -1 ? 3 : Number(process.argv[roundsAt + 1]);

/** Milliseconds from starting a server on a free port to its first 200 from /healthz; it is stopped afterwards. */
async function timeToHealthy(start: (port: number) => ChildProcess): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const child = start(port);
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    while (performance.now() - began < GIVE_UP_MS) {
      if (exited) throw new Error('the server stopped before it answered');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return performance.now() - began;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`no healthy answer within ${GIVE_UP_MS} ms`);
  } finally {
    await stop(child);
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
`;

const bare = (port: number) => spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVER], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });

const libdesk = (dataDir: string) => (port: number) =>
  spawn(process.execPath, [path.join(root, 'bin', 'libdesk.js'), 'start'], {
    cwd: root,
    // A machine's own settings (.env, WEB_PROCESSES) apply; the data folder and port are the bench's.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIBDESK_FROM_SOURCE: '' },
    stdio: 'ignore',
  });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (!existsSync(path.join(root, 'dist', 'app', 'cli.js'))) throw new Error('not built yet: run `npm run build` first');
const folders: string[] = [];
try {
  const fresh: number[] = [];
  const warm: number[] = [];
  const baseline: number[] = [];
  // The first start of any Node program pays for cold disk caches: one of each, untimed.
  await timeToHealthy(bare);
  const warmUpDir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-start-'));
  folders.push(warmUpDir);
  await timeToHealthy(libdesk(warmUpDir));
  for (let round = 0; round < rounds; round += 1) {
    baseline.push(await timeToHealthy(bare));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-start-'));
    folders.push(dir);
    fresh.push(await timeToHealthy(libdesk(dir)));
    warm.push(await timeToHealthy(libdesk(dir)));
  }
  console.log(`bare Fastify, start to first answer:          ${seconds(median(baseline))} (median of ${rounds})`);
  console.log(`libdesk start, fresh data folder to healthy:   ${seconds(median(fresh))} (${fresh.map(seconds).join(', ')})`);
  console.log(`libdesk start, data folder set up to healthy:  ${seconds(median(warm))} (${warm.map(seconds).join(', ')})`);
  console.log(`ratio to bare Fastify: fresh ${(median(fresh) / median(baseline)).toFixed(1)}×, set up ${(median(warm) / median(baseline)).toFixed(1)}×`);
} finally {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}
