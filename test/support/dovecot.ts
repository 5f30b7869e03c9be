import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real IMAP server for tests: Debian's Dovecot (`apt-get install -y dovecot-imapd`), started on a
 * free loopback port with a throwaway configuration, password file and maildir, and stopped after.
 * Dovecot must run as root here (it switches to its own users for login and mail processes); CI runs as
 * root. A missing Dovecot is an error, never a skip: these tests prove the e-mail channel.
 */
export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The last lines of Dovecot's log, for failure messages. */
  logTail(): string;
  /** Stops the server (every client connection drops) and starts it again on the same port and maildir. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';
/** Mail is stored as this unprivileged user (Dovecot refuses mail access as root). */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export function dovecotMissingReason(): string | undefined {
  if (!existsSync(DOVECOT)) return `Dovecot is not installed (${DOVECOT}); install it with: apt-get install -y dovecot-imapd`;
  if (process.getuid?.() !== 0) return 'Dovecot tests start their own server and must run as root';
  return undefined;
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<DovecotServer> {
  const missing = dovecotMissingReason();
  if (missing) throw new Error(missing);
  const user = options.user ?? 'ask@riverside.example';
  const password = options.password ?? 'library-test-password';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'libdesk-dovecot-'));
  chmodSync(dir, 0o755);
  const mail = path.join(dir, 'mail');
  const home = path.join(dir, 'home');
  for (const folder of [mail, home]) {
    mkdirSync(folder, { recursive: true });
    chownSync(folder, MAIL_UID, MAIL_GID);
  }
  writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const log = path.join(dir, 'dovecot.log');

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const config = path.join(dir, 'dovecot.conf');
    writeFileSync(config, dovecotConfig({ dir, port, mail, home, log }));
    let output = '';
    const launch = () => {
      // Its own process group, so stopping it also ends the per-connection imap processes it forked.
      const started = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return started;
    };
    let child = launch();
    const logTail = () => `${output}\n${existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-30).join('\n') : ''}`;
    try {
      await waitForGreeting(port, child, 15_000);
      return {
        host: '127.0.0.1',
        port,
        user,
        password,
        logTail,
        async restart() {
          await stopChild(child);
          child = launch();
          await waitForGreeting(port, child, 15_000);
        },
        async stop() {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      lastError = new Error(`Dovecot did not start: ${(error as Error).message}\n${logTail()}`);
      await stopChild(child);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

function dovecotConfig(paths: { dir: string; port: number; mail: string; home: string; log: string }): string {
  return `# Throwaway Dovecot for one test run.
base_dir = ${paths.dir}/run
state_dir = ${paths.dir}/state
log_path = ${paths.log}
info_log_path = ${paths.log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${paths.mail}/%u
mail_fsync = never
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${paths.dir}/users
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${paths.home}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${paths.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service doveadm {
  inet_listener {
    port = 0
  }
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server sends its IMAP greeting. */
async function waitForGreeting(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with code ${child.exitCode}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1_000);
      socket.once('data', (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no IMAP greeting on port ${port} within ${timeoutMs} ms`);
}

/** Ends the Dovecot we started: its whole process group (the master and every process it forked). */
function stopChild(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup('SIGKILL');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      // Connection processes may outlive the master by a moment; none may survive it.
      signalGroup('SIGKILL');
      resolve();
    });
    signalGroup('SIGTERM');
  });
}
