import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { Agent, get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemporaryDir } from '../support/services.js';

// `libdesk start` as an operator runs it, with two web processes on the embedded database: the primary
// runs migrations and the job runner, the web processes share the port. What a process owns is read from
// /proc (which process holds which accepted socket), never from anything the service answers.
const BIN = path.resolve('bin/libdesk.js');
const linux = process.platform === 'linux';

interface LogLine {
  msg?: string;
  pid?: number;
  url?: string;
  webProcesses?: number;
}

/** The running CLI, with every JSON log line it wrote so far. */
function startCli(dataDir: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'REDIS_URL'].includes(key)));
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      ...clean,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LIBDESK_FROM_SOURCE: '1',
      WEB_PROCESSES: '2',
      SEED_DEMO: 'false',
      // The in-process job runner is polled; a short sweep keeps nothing waiting long either.
      INQUIRY_RECOVERY_SECONDS: '8',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  let pending = '';
  let wake: (() => void) | undefined;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop()!;
    for (const text of complete) {
      if (text.startsWith('{')) lines.push(JSON.parse(text) as LogLine);
    }
    wake?.();
  });
  return {
    child,
    lines,
    /** Waits until a log line matches; the test's timeout catches a line that never comes. */
    async waitForLine(match: (line: LogLine) => boolean): Promise<LogLine> {
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`libdesk exited (${child.exitCode}) before the expected log line`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/** The processes whose parent is `pid`, from /proc. */
/**
 * The web processes the primary forked: its children running the same command line. Other children
 * (the esbuild service tsx starts when its cache is cold) are not web processes.
 */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces) in parentheses: state, then the parent's pid.
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) return false;
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('libdesk.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Which of `pids` (the primary first) holds the server side of the loopback connection from `clientPort` to `serverPort`. */
function ownerOfConnection(pids: number[], serverPort: number, clientPort: number): number | undefined {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  const inode = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((row) => row.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${hex(serverPort)}`) && fields[2]?.endsWith(`:${hex(clientPort)}`))?.[9];
  if (!inode) return undefined;
  const holders = pids.filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
  // The primary accepts each connection and hands it to a web process; for a moment both hold the socket.
  // Held by the primary alone, it is the primary's.
  const [primary] = pids;
  return holders.find((pid) => pid !== primary) ?? holders[0];
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

/** One request on a connection of its own that stays open, so the test can see which process holds it. */
async function requestOnOwnConnection(url: string, pathname: string): Promise<{ status: number; clientPort: number; agent: Agent }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const outgoing = get(`${url}${pathname}`, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, clientPort: outgoing.socket!.localPort!, agent }));
    });
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error(`no answer from ${pathname} within 10 s`)));
    outgoing.on('error', reject);
  });
}

async function postJson(url: string, pathname: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!linux)('libdesk start with WEB_PROCESSES=2 (embedded database, no Redis)', () => {
  const temp = createTemporaryDir();
  let cli: ReturnType<typeof startCli>;
  let url: string;
  let port: number;
  let primaryPid: number;
  const agents: Agent[] = [];

  beforeAll(async () => {
    cli = startCli(temp.dir);
    const running = await cli.waitForLine((line) => line.msg === 'Libdesk is running');
    url = running.url!;
    port = Number(new URL(url).port);
    primaryPid = cli.child.pid!;
    expect(running.webProcesses).toBe(2);
    expect(running.pid).toBe(primaryPid);
  }, 180_000);

  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    if (cli?.child.exitCode === null) {
      cli.child.kill('SIGKILL');
      for (const pid of childrenOf(cli.child.pid!)) process.kill(pid, 'SIGKILL');
    }
    temp.remove();
  });

  it('answers on connections held by two different web processes, not by the primary', async () => {
    const webPids = childrenOf(primaryPid);
    expect(webPids).toHaveLength(2);
    // Each web process says it listens, with its pid (its line may come after the primary's: two writers).
    for (const pid of webPids) await cli.waitForLine((line) => line.msg === 'web process listening' && line.pid === pid);
    expect(cli.lines.filter((line) => line.msg === 'Libdesk is running')).toHaveLength(1);

    const owners = new Set<number | undefined>();
    for (let index = 0; index < 4; index += 1) {
      const answered = await requestOnOwnConnection(url, '/healthz');
      agents.push(answered.agent);
      expect(answered.status).toBe(200);
      owners.add(ownerOfConnection([primaryPid, ...webPids], port, answered.clientPort));
    }
    expect([...owners].sort()).toEqual([...webPids].sort());
  });

  it('brings a staff reply, delivered by the primary\'s job runner, to the patron\'s stream held by a web process', async () => {
    const { json: started } = await postJson(url, '/api/v1/chat/sessions', {});
    const session = started.session as string;
    const stream = get(`${url}/api/v1/chat/stream?session=${encodeURIComponent(session)}`, { agent: false });
    const response = await new Promise<IncomingMessage>((resolve, reject) => stream.on('response', resolve).on('error', reject));
    let text = '';
    response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    await until(() => text.includes(': connected'), 'the stream to open', 10_000);
    const streamOwner = ownerOfConnection([primaryPid, ...childrenOf(primaryPid)], port, stream.socket!.localPort!);
    expect(childrenOf(primaryPid)).toContain(streamOwner);

    await postJson(url, '/api/v1/chat/messages', { session, text: 'can I talk to a librarian please' });
    const handedOff = await postJson(url, '/api/v1/chat/messages', { session, text: 'yes' });
    const ticket = handedOff.json.ticket as { number: string };
    expect(ticket?.number).toMatch(/^T-\d+$/);

    const staffToken = readFileSync(path.join(temp.dir, 'first-staff-token'), 'utf8').trim();
    const replied = await postJson(url, `/api/v1/tickets/${ticket.number}/replies`, { body: 'A librarian here: yes, we can help.' }, { authorization: `Bearer ${staffToken}` });
    expect(replied.status).toBe(200);
    expect(replied.json.delivery).toBe('queued');
    await until(() => text.includes('A librarian here: yes, we can help.'), 'the staff reply on the stream', 20_000);
    expect(text).toMatch(/event: reply\ndata: .*"from":"staff"/);
    stream.destroy();
  }, 60_000);

  it('starts a killed web process again and keeps answering meanwhile', async () => {
    const before = childrenOf(primaryPid);
    const victim = before[0]!;
    process.kill(victim, 'SIGKILL');
    // Once the primary has noticed, the other web process answers while the replacement starts.
    await cli.waitForLine((line) => line.msg === 'web process stopped unexpectedly; starting another' && line.pid === victim);
    expect(alive(victim)).toBe(false);
    for (let index = 0; index < 3; index += 1) {
      const answered = await requestOnOwnConnection(url, '/healthz');
      answered.agent.destroy();
      expect(answered.status).toBe(200);
    }
    const replacement = await cli.waitForLine((line) => line.msg === 'web process listening' && !before.includes(line.pid!));
    expect(childrenOf(primaryPid).sort()).toEqual([before[1]!, replacement.pid!].sort());
    for (let index = 0; index < 4; index += 1) {
      const answered = await requestOnOwnConnection(url, '/healthz');
      answered.agent.destroy();
      expect(answered.status).toBe(200);
    }
  }, 150_000);

  it('stops every process on SIGTERM to the primary', async () => {
    for (const agent of agents) agent.destroy();
    const webPids = childrenOf(primaryPid);
    expect(webPids).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => cli.child.once('exit', (code) => resolve(code)));
    cli.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of webPids) expect(alive(pid)).toBe(false);
    expect(cli.lines.filter((line) => line.msg === 'shutting down').map((line) => line.pid).sort()).toEqual([primaryPid, ...webPids].sort());
  }, 30_000);
});
