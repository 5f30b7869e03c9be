import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command } from 'commander';

/** Reads the new password: the first line of stdin when piped, or typed twice (unshown) at a terminal. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    return input.split(/\r?\n/)[0] ?? '';
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      // Typed characters are not echoed: the interface writes to a stream that drops them.
      const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
      const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
      rl.question('', (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('New console password: ');
  const second = await ask('Same password again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}

/** `libdesk staff password NAME`: sets a staff member's console password (stored as an scrypt hash). */
export function registerStaffPassword(program: Command): void {
  const staff = program.commands.find((command) => command.name() === 'staff');
  if (!staff) throw new Error('register the staff commands first');
  staff
    .command('password')
    .description('set a staff member’s console password (asked twice at a terminal, or the first line of stdin); signs out their sessions')
    .argument('<name>')
    .action(async (name: string) => {
      const password = await readPassword();
      const [{ loadConfig }, { openDatabase }, { createStaffRepository, createStaffService }, { createConsoleAccounts, createConsoleRepository }, { systemClock }] = await Promise.all([
        import('../config.js'),
        import('../../db/index.js'),
        import('../../staff/index.js'),
        import('../../console/index.js'),
        import('../../core/clock.js'),
      ]);
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      try {
        const accounts = createConsoleAccounts({
          store: createConsoleRepository(database.prisma),
          staff: createStaffService({ repository: createStaffRepository(database.prisma), clock: systemClock, cacheMs: 0 }),
          clock: systemClock,
        });
        await accounts.setPassword(name, password);
        console.log(`${name} can now sign in to the staff console at /staff with this password.`);
      } finally {
        await database.close();
      }
    });
}
