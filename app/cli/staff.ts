import { Option, type Command } from 'commander';
import type { StaffService } from '../../staff/index.js';

/**
 * Opens only the database and the staff service: these commands must not pay for the router, the
 * catalog index or the job engine.
 */
async function withStaff(work: (staff: StaffService) => Promise<void>): Promise<void> {
  const [{ loadConfig }, { openDatabase }, { createStaffRepository, createStaffService }, { systemClock }] = await Promise.all([
    import('../config.js'),
    import('../../db/index.js'),
    import('../../staff/index.js'),
    import('../../core/clock.js'),
  ]);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await work(createStaffService({ repository: createStaffRepository(database.prisma), clock: systemClock, cacheMs: 0 }));
  } finally {
    await database.close();
  }
}

function showOnce(what: string, name: string, token: string): void {
  console.log(`${what} for ${name} (shown only this once; Libdesk keeps only its hash):\n\n    ${token}\n`);
}

function table(rows: Array<Record<string, string>>): void {
  if (rows.length === 0) return console.log('(none)');
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => row[key]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  console.log(line(keys));
  for (const row of rows) console.log(line(keys.map((key) => row[key]!)));
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** `libdesk staff add|rotate|list|disable` and `libdesk apikey add|list|disable`. */
export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('staff members who may use the staff API (tokens are shown once, stored hashed)');
  staff
    .command('add')
    .description('add a staff member and print their new token')
    .argument('<name>', 'a short name: letters, digits, . _ @ -')
    .addOption(new Option('--role <role>', 'staff or admin').choices(['staff', 'admin']).default('staff'))
    .action(async (name: string, options: { role: 'staff' | 'admin' }) => {
      await withStaff(async (service) => showOnce('Staff token', name, (await service.addStaff(name, options.role)).token));
    });
  staff
    .command('rotate')
    .description('replace a staff member’s token (the old one stops working) and re-enable them')
    .argument('<name>')
    .action(async (name: string) => {
      await withStaff(async (service) => showOnce('New staff token', name, (await service.rotateStaff(name)).token));
    });
  staff
    .command('disable')
    .description('stop a staff member’s token from working')
    .argument('<name>')
    .action(async (name: string) => {
      await withStaff(async (service) => {
        await service.disableStaff(name);
        console.log(`${name} is disabled; \`libdesk staff rotate ${name}\` gives them a new token.`);
      });
    });
  staff
    .command('list')
    .description('list staff members (never their tokens)')
    .action(async () => {
      await withStaff(async (service) =>
        table(
          (await service.listStaff()).map((member) => ({
            name: member.name,
            role: member.role,
            status: member.disabledAt ? `disabled ${day(member.disabledAt)}` : 'active',
            created: day(member.createdAt),
          })),
        ),
      );
    });

  const apikey = program.command('apikey').description('API keys for trusted integrations calling POST /api/v1/inquiries');
  apikey
    .command('add')
    .description('make an API key and print it')
    .argument('<name>', 'what uses it, e.g. catalog-kiosk')
    .action(async (name: string) => {
      await withStaff(async (service) => showOnce('API key', name, (await service.addApiKey(name)).key));
    });
  apikey
    .command('disable')
    .description('stop an API key from working')
    .argument('<name>')
    .action(async (name: string) => {
      await withStaff(async (service) => {
        await service.disableApiKey(name);
        console.log(`API key ${name} is disabled.`);
      });
    });
  apikey
    .command('list')
    .description('list API keys (never the keys themselves)')
    .action(async () => {
      await withStaff(async (service) =>
        table(
          (await service.listApiKeys()).map((key) => ({
            name: key.name,
            status: key.disabledAt ? `disabled ${day(key.disabledAt)}` : 'active',
            created: day(key.createdAt),
          })),
        ),
      );
    });
}
