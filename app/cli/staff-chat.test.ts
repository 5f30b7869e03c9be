import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/index.js';
import { createTemporaryDir } from '../../test/support/services.js';
import { startFakeDiscordApi, type FakeDiscordApi } from '../../test/fakes/fake-discord-api.js';
import { buildCli } from '../cli.js';

const APP_ID = '1100000000000000003';
const TOKEN = 'discord-staff-bot-token-cli-0000';
let temp: ReturnType<typeof createTemporaryDir>;
let fake: FakeDiscordApi;

beforeEach(async () => {
  temp = createTemporaryDir();
  fake = await startFakeDiscordApi({ botToken: TOKEN, applicationId: APP_ID });
  vi.stubEnv('DATA_DIR', temp.dir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('LOG_LEVEL', 'silent');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  temp.remove();
});

const run = (...args: string[]) => buildCli().exitOverride().parseAsync(['node', 'libdesk', ...args]);

describe('libdesk staff-chat', () => {
  it('link sets and clears the Slack and Discord ids of a staff member; unknown names are refused', async () => {
    const db = await openDatabase({ dataDir: temp.dir });
    await db.prisma.staffMember.create({ data: { name: 'maria', role: 'staff', tokenHash: randomBytes(32).toString('hex') } });
    await db.close();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await run('staff-chat', 'link', 'maria', '--slack', 'U0MARIA1', '--discord', '1400000000000000003');
    await expect(run('staff-chat', 'link', 'nobody', '--slack', 'U0NOBODY1')).rejects.toThrow(/no staff member named nobody/);
    await expect(run('staff-chat', 'link', 'maria', '--slack', '#general')).rejects.toThrow(/member id/);
    const check = await openDatabase({ dataDir: temp.dir });
    expect(await check.prisma.staffMember.findUnique({ where: { name: 'maria' }, select: { slackUserId: true, discordUserId: true } })).toEqual({ slackUserId: 'U0MARIA1', discordUserId: '1400000000000000003' });
    await run('staff-chat', 'link', 'maria', '--slack', 'none');
    expect(await check.prisma.staffMember.findUnique({ where: { name: 'maria' }, select: { slackUserId: true, discordUserId: true } })).toEqual({ slackUserId: null, discordUserId: '1400000000000000003' });
    await check.close();
    log.mockRestore();
  });

  it('discord-commands registers /libdesk in a server through the Discord REST API', async () => {
    vi.stubEnv('DISCORD_STAFF_APPLICATION_ID', APP_ID);
    vi.stubEnv('DISCORD_STAFF_PUBLIC_KEY', 'ab'.repeat(32));
    vi.stubEnv('DISCORD_STAFF_BOT_TOKEN', TOKEN);
    vi.stubEnv('DISCORD_STAFF_CHANNEL_ID', '1200000000000000003');
    vi.stubEnv('DISCORD_API_URL', fake.apiUrl);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await run('staff-chat', 'discord-commands', '1600000000000000003');
    expect(fake.registeredCommands).toEqual([{ guildId: '1600000000000000003', commands: [expect.objectContaining({ name: 'libdesk' })] }]);
    expect(log).toHaveBeenCalledWith('/libdesk registered in server 1600000000000000003');
    log.mockRestore();
  });
});
