import type { Command } from 'commander';
import type { EmbeddedIls } from '../../ils/embedded/embedded-ils.js';

/** What `libdesk sip2-test-server` needs: the embedded ILS of the configured database. */
export interface Sip2TestServerDeps {
  ils: EmbeddedIls | undefined;
  close(): Promise<void>;
}

/**
 * `libdesk sip2-test-server`: serves the embedded ILS (the demo patrons, with `libdesk seed`) over SIP2, so
 * another Libdesk (ILS_DRIVER=sip2) or any SIP2 client can be tried against it. For development only.
 */
export function registerSip2TestServer(program: Command, open: () => Promise<Sip2TestServerDeps>): Command {
  return program
    .command('sip2-test-server')
    .description('serve the embedded ILS over SIP2 for development (the project’s SIP2 test server)')
    .option('--port <port>', 'TCP port', '6001')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--user <user>', 'SIP2 login user (93 CN); without it no login is needed')
    .option('--password <password>', 'SIP2 login password (93 CO)', '')
    .option('--encoding <encoding>', 'utf8 or latin1', 'utf8')
    .option('--cr-only', 'end replies with CR only')
    .option('--extra-fields', 'add non-standard fields to replies')
    .option('--reorder-fields', 'send variable fields in reverse order')
    .option('--one-connection', 'serve one connection at a time')
    .option('--no-pin-check-on-renew', 'renew and check out without checking the PIN')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const deps = await open();
      if (!deps.ils) {
        await deps.close();
        throw new Error('sip2-test-server serves the embedded ILS: unset ILS_DRIVER or set it to embedded');
      }
      const { startSip2TestServer } = await import('../../ils/sip2/test-server.js');
      const server = await startSip2TestServer(
        {
          ils: deps.ils,
          ...(typeof options.user === 'string' ? { user: options.user, password: String(options.password ?? '') } : {}),
          encoding: options.encoding === 'latin1' ? 'latin1' : 'utf8',
          quirks: {
            crOnly: Boolean(options.crOnly),
            extraFields: Boolean(options.extraFields),
            reorderFields: Boolean(options.reorderFields),
            oneConnection: Boolean(options.oneConnection),
            // commander turns --no-pin-check-on-renew into pinCheckOnRenew: false.
            noPinCheckOnRenew: options.pinCheckOnRenew === false,
          },
        },
        Number(options.port),
        String(options.host),
      );
      process.stdout.write(`SIP2 test server on ${String(options.host)}:${server.port} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await deps.close();
    });
}
