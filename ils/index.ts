import type { LibraryCalendar } from '../core/calendar.js';
import type { Clock } from '../core/clock.js';
import type { DeliveryPort } from '../core/delivery.js';
import type { IlsDriver, IlsPort, PatronVerificationPort } from '../core/ils.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { Db } from '../db/index.js';
import { createCirculationRepository } from './embedded/circulation.repository.js';
import { seedDemoPatrons } from './embedded/demo-patrons.js';
import { createEmbeddedIls, type EmbeddedIls } from './embedded/embedded-ils.js';
import { createKohaClient } from './koha/koha-client.js';
import { createNoticesRepository } from './notices/notices.repository.js';
import { createKohaIls } from './koha/koha-ils.js';
import { createIdSealer } from './sealed-id.js';
import { createSip2Client, type Sip2ClientOptions } from './sip2/sip2-client.js';
import { createSip2Ils } from './sip2/sip2-ils.js';
import { createContactsRepository } from './verification/contacts.repository.js';
import { createPatronVerification } from './verification/patron-verification.js';

export interface IlsOptions {
  driver: IlsDriver;
  prisma: Db;
  calendar: LibraryCalendar;
  clock: Clock;
  logger?: Logger;
  fineLimitCents: number;
  contactTrustDays: number;
  /** ILS library codes per branch id. */
  branchCodes?: Record<string, string>;
  sip2?: Omit<Sip2ClientOptions, 'clock' | 'logger' | 'timeZone'> & { patronKey: string };
  koha?: { baseUrl: string; clientId: string; clientSecret: string; timeoutMs?: number };
  /** One-time codes to the contact on file, sent through the delivery port; without it only card + PIN. */
  codes?: { delivery: DeliveryPort; libraryName: string };
}

export interface Ils {
  port: IlsPort;
  /** Links contacts to patrons after card number + PIN. */
  verification: PatronVerificationPort;
  /** The embedded ILS when it is the driver (the SIP2 test server serves it). */
  embedded?: EmbeddedIls;
  close(): Promise<void>;
}

/** The demo patrons, with loans and holds on the demo catalog's copies, in the embedded ILS's tables. */
export function seedEmbeddedDemoPatrons(prisma: IlsOptions['prisma'], calendar: IlsOptions['calendar'], clock: IlsOptions['clock']): Promise<number> {
  const repository = createCirculationRepository(prisma);
  return seedDemoPatrons({ repository, calendar, findCopy: (title) => repository.availableCopyByTitle(title), now: clock.now() });
}

/** Picks the ILS adapter from the settings and wires contact verification to it. */
export function createIls(options: IlsOptions): Ils {
  const logger = options.logger ?? silentLogger;
  const { prisma, calendar, clock } = options;
  let port: IlsPort;
  let embedded: EmbeddedIls | undefined;
  if (options.driver === 'sip2') {
    if (!options.sip2) throw new Error('SIP2 settings are required for ILS_DRIVER=sip2');
    const { patronKey, ...clientOptions } = options.sip2;
    const client = createSip2Client({ ...clientOptions, clock, logger, timeZone: calendar.timeZone });
    port = createSip2Ils({ client, sealer: createIdSealer(patronKey), clock, ...(options.branchCodes ? { branchCodes: options.branchCodes } : {}) });
  } else if (options.driver === 'koha') {
    if (!options.koha) throw new Error('Koha settings are required for ILS_DRIVER=koha');
    port = createKohaIls({
      client: createKohaClient(options.koha),
      clock,
      timeZone: calendar.timeZone,
      fineLimitCents: options.fineLimitCents,
      ...(options.branchCodes ? { branchCodes: options.branchCodes } : {}),
    });
  } else {
    const repository = createCirculationRepository(prisma);
    embedded = createEmbeddedIls({ repository, calendar, clock, fineLimitCents: options.fineLimitCents });
    port = embedded;
  }
  const notices = createNoticesRepository(prisma);
  const verification = createPatronVerification({
    ils: port,
    repository: createContactsRepository(prisma),
    trustDays: options.contactTrustDays,
    logger,
    ...(options.codes ? { codes: { ...options.codes, conversationFor: notices.conversationFor } } : {}),
  });
  return {
    port,
    verification,
    ...(embedded ? { embedded } : {}),
    close: async () => {
      await port.close?.();
    },
  };
}

export { createEmbeddedIls, type EmbeddedIls } from './embedded/embedded-ils.js';
export { createCirculationRepository } from './embedded/circulation.repository.js';
export { startSip2TestServer, type Sip2TestServerOptions } from './sip2/test-server.js';
export { DEMO_PATRONS } from './embedded/demo-patrons.js';
export { createIlsNotices } from './notices/ils-notices.js';
export { createNoticesRepository } from './notices/notices.repository.js';
