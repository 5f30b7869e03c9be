import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { runIlsPortContract } from '../../test/contracts/ils-port.contract.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { startKohaFake } from '../../test/fakes/koha-fake.js';
import { openTemporarySqlite } from '../../test/support/databases.js';
import { seedWorld, WORLD } from '../../test/support/ils-world.js';
import { createKohaClient } from './koha-client.js';
import { createKohaIls } from './koha-ils.js';

async function setup(secret?: string) {
  const database = await openTemporarySqlite();
  const clock = fixedClock(new Date());
  const world = await seedWorld(database.db.prisma, createFakeCalendar(), clock);
  const koha = await startKohaFake({ prisma: database.db.prisma, ils: world.ils });
  const client = createKohaClient({ baseUrl: koha.baseUrl, clientId: koha.clientId, clientSecret: secret ?? koha.clientSecret, timeoutMs: 5000 });
  const ils = createKohaIls({
    client,
    clock,
    timeZone: 'America/New_York',
    branchCodes: { main: 'MAIN', eastside: 'EAST' },
    toBiblioId: (bibId) => koha.biblioIdOf(bibId),
    fromBiblioId: (biblioId) => koha.bibIdOf(biblioId),
  });
  return {
    ils,
    koha,
    async close() {
      await koha.close();
      await database.close();
    },
  };
}

runIlsPortContract('Koha REST through the local fake', () => setup());

describe('Koha adapter', { timeout: 20_000 }, () => {
  it('gets a new OAuth2 token when Koha stops accepting the old one', async () => {
    const env = await setup();
    try {
      expect((await env.ils.findPatron(WORLD.good.card)).ok).toBe(true);
      env.koha.revokeTokens();
      expect((await env.ils.findPatron(WORLD.good.card)).ok).toBe(true);
      expect(env.koha.requests.filter((line) => line === 'POST /oauth/token')).toHaveLength(2);
    } finally {
      await env.close();
    }
  });

  it('fails with LD_ILS_UNAVAILABLE when the client credentials are wrong', async () => {
    const env = await setup('not-the-secret');
    try {
      await expect(env.ils.findPatron(WORLD.good.card)).rejects.toMatchObject({ code: 'LD_ILS_UNAVAILABLE' });
    } finally {
      await env.close();
    }
  });

  it('asks allows_renewal before renewing and never renews what Koha says no to', async () => {
    const env = await setup();
    try {
      const patron = await env.ils.verifyPatron(WORLD.good.card, WORLD.good.pin);
      if (!patron.ok) throw new Error('not verified');
      const result = await env.ils.renewAll(patron.patron.id);
      expect(result.ok).toBe(true);
      const renewals = env.koha.requests.filter((line) => /^POST \/checkouts\/\d+\/renewal$/.test(line));
      expect(renewals).toHaveLength(1);
      expect(env.koha.requests.filter((line) => line.endsWith('/allows_renewal'))).toHaveLength(4);
    } finally {
      await env.close();
    }
  });
});
