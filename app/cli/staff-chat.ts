import type { Command } from 'commander';
import { LibdeskError } from '../../core/errors.js';

async function withDatabase<T>(work: (database: import('../../db/index.js').Database, config: import('../config.js').Config) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openDatabase }] = await Promise.all([import('../config.js'), import('../../db/index.js')]);
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/**
 * `libdesk staff-chat link NAME --slack U0123 --discord 1234…`: which chat users act as which staff member
 * (nobody else may work tickets from Slack or Discord), and `libdesk staff-chat discord-commands [GUILD]`:
 * registers the Discord staff bot's `/libdesk` command.
 */
export function registerStaffChatCommands(program: Command): void {
  const chat = program.command('staff-chat').description('the staff queue in Slack and Discord');
  chat
    .command('link')
    .description('let a Slack and/or Discord user act as this staff member (use "none" to unlink)')
    .argument('<name>', 'the staff member (libdesk staff list)')
    .option('--slack <userId>', 'Slack member id, e.g. U0123ABCD (profile → ⋮ → Copy member ID)')
    .option('--discord <userId>', 'Discord user id (Developer Mode → right-click → Copy User ID)')
    .action(async (name: string, options: { slack?: string; discord?: string }) => {
      const slack = options.slack === 'none' ? null : options.slack;
      const discord = options.discord === 'none' ? null : options.discord;
      if (slack === undefined && discord === undefined) throw new LibdeskError('LD_VALIDATION', 'Give --slack and/or --discord');
      if (slack && !/^[UW][A-Z0-9]{6,}$/.test(slack)) throw new LibdeskError('LD_VALIDATION', '--slack must be a member id such as U0123ABCD');
      if (discord && !/^\d{15,21}$/.test(discord)) throw new LibdeskError('LD_VALIDATION', '--discord must be a user id (digits)');
      const { linkStaffChatAccounts } = await import('../../tickets/staff-channels.repository.js');
      await withDatabase(async (database) => {
        const linked = await linkStaffChatAccounts(database.prisma, name, { ...(slack !== undefined ? { slackUserId: slack } : {}), ...(discord !== undefined ? { discordUserId: discord } : {}) });
        if (!linked) throw new LibdeskError('LD_NOT_FOUND', `There is no staff member named ${name}`);
        console.log(`${name}: ${[slack !== undefined ? `Slack ${slack ?? 'unlinked'}` : '', discord !== undefined ? `Discord ${discord ?? 'unlinked'}` : ''].filter(Boolean).join(', ')}`);
      });
    });
  chat
    .command('discord-commands')
    .description('register /libdesk with Discord for the staff bot (in one server when GUILD is given: instant)')
    .argument('[guild]', 'server id')
    .action(async (guild: string | undefined) => {
      const [{ loadConfig }, { discordStaffSettingsOf }, { REST }, { Routes }, { staffCommandDefinition }] = await Promise.all([
        import('../config.js'),
        import('../staff-channel-settings.js'),
        import('@discordjs/rest'),
        import('discord-api-types/v10'),
        import('../../channels/discord-staff/index.js'),
      ]);
      const settings = discordStaffSettingsOf(loadConfig());
      if (!settings) throw new LibdeskError('LD_CONFIG_INVALID', 'Set the DISCORD_STAFF_* settings first (docs/staff-queue.md)');
      const rest = new REST({ version: '10', api: settings.apiUrl.replace(/\/$/, '') }).setToken(settings.botToken);
      const route = guild ? Routes.applicationGuildCommands(settings.applicationId, guild) : Routes.applicationCommands(settings.applicationId);
      await rest.put(route, { body: [staffCommandDefinition()] });
      console.log(`/libdesk registered ${guild ? `in server ${guild}` : 'globally (may take up to an hour to appear)'}`);
    });
}
