import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import { runIlsPortContract } from '../../test/contracts/ils-port.contract.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { openTemporarySqlite } from '../../test/support/databases.js';
import { seedWorld, WORLD } from '../../test/support/ils-world.js';
import { createIdSealer } from '../sealed-id.js';
import { createSip2Client, type Sip2ClientOptions } from './sip2-client.js';
import { createSip2Ils } from './sip2-ils.js';
import { startSip2TestServer, type Sip2TestServerOptions } from './test-server.js';

const LOGIN = { user: 'libdesk', password: 'sip-secret' };

async function setup(server: Omit<Sip2TestServerOptions, 'ils'> = {}, client: Partial<Sip2ClientOptions> = {}) {
  const database = await openTemporarySqlite();
  const clock = fixedClock(new Date());
  const world = await seedWorld(database.db.prisma, createFakeCalendar(), clock);
  const sip = await startSip2TestServer({ ils: world.ils, ...LOGIN, ...server });
  const sip2 = createSip2Client({ host: '127.0.0.1', port: sip.port, institution: 'RPL', ...LOGIN, timeoutMs: 2000, ...client });
  const ils = createSip2Ils({ client: sip2, sealer: createIdSealer('test-key-test-key-test-key-12345'), clock });
  return {
    ils,
    sip,
    client: sip2,
    world,
    async close() {
      await sip2.close();
      await sip.close();
      await database.close();
    },
  };
}

runIlsPortContract('SIP2 over TCP to the test server', () => setup(), { renewalCounts: false, titleAvailability: false, holdPickupBranch: false });

runIlsPortContract(
  'SIP2 with a quirky server (CR only, extra and reordered fields, Latin-1, no PIN check on renew)',
  () => setup({ quirks: { crOnly: true, extraFields: true, reorderFields: true, noPinCheckOnRenew: true }, encoding: 'latin1' }, { encoding: 'latin1', terminator: '\r\n' }),
  { renewalCounts: false, titleAvailability: false, holdPickupBranch: false },
);

describe('SIP2 client against a misbehaving server', { timeout: 20_000 }, () => {
  it('asks for a resend (97) after a bad checksum and uses the good copy', async () => {
    let broken = 0;
    const env = await setup({ fault: (request) => (request.code === '63' && broken++ === 0 ? 'bad_checksum' : undefined) });
    try {
      const verified = await env.ils.verifyPatron(WORLD.good.card, WORLD.good.pin);
      expect(verified.ok).toBe(true);
      expect(broken).toBe(1);
    } finally {
      await env.close();
    }
  });

  it('recovers from a truncated reply and from garbage before the reply', async () => {
    let n = 0;
    const env = await setup({ fault: (request) => (request.code === '17' ? (n++ === 0 ? 'truncate' : n === 2 ? 'garbage_first' : undefined) : undefined) });
    try {
      const first = await env.client.itemInformation('W-dune-1');
      expect(first.title).toBe('Dune');
      const second = await env.client.itemInformation('W-dune-1');
      expect(second).toMatchObject({ title: 'Dune', circulationStatus: '04' });
      // The connection is still in step: the next answer is to the next question.
      expect((await env.client.itemInformation('W-educated-1')).title).toBe('Educated');
    } finally {
      await env.close();
    }
  });

  it('ignores a reply with another sequence number (a late answer to an earlier request)', async () => {
    const env = await setup({ fault: (request) => (request.code === '17' ? 'wrong_sequence_first' : undefined) });
    try {
      expect((await env.client.itemInformation('W-sapiens-1')).title).toBe('Sapiens');
      expect((await env.client.itemInformation('W-hunger-1')).title).toBe('The Hunger Games');
    } finally {
      await env.close();
    }
  });

  it('gives up with LD_ILS_PROTOCOL when every copy is unreadable', async () => {
    const env = await setup({ fault: (request) => (request.code === '17' ? 'bad_checksum_always' : undefined) });
    try {
      await expect(env.client.itemInformation('W-dune-1')).rejects.toMatchObject({ code: 'LD_ILS_PROTOCOL' });
    } finally {
      await env.close();
    }
  });

  it('times out with LD_ILS_TIMEOUT when the server goes silent, then works on a new session', async () => {
    let silent = true;
    const env = await setup({ fault: (request) => (request.code === '17' && silent ? 'silence' : undefined) }, { timeoutMs: 300 });
    try {
      await expect(env.client.itemInformation('W-dune-1')).rejects.toMatchObject({ code: 'LD_ILS_TIMEOUT' });
      silent = false;
      expect((await env.client.itemInformation('W-dune-1')).title).toBe('Dune');
    } finally {
      await env.close();
    }
  });

  it('logs in again after the server drops the connection, retrying a look-up but never a renewal', async () => {
    let dropNext = false;
    const env = await setup({ fault: () => (dropNext ? ((dropNext = false), 'drop') : undefined) });
    try {
      const verified = await env.ils.verifyPatron(WORLD.good.card, WORLD.good.pin);
      if (!verified.ok) throw new Error('not verified');
      dropNext = true;
      const summary = await env.ils.accountSummary(verified.patron.id);
      expect(summary.ok).toBe(true);
      dropNext = true;
      await expect(env.ils.renew(verified.patron.id, 'W-dune-1')).rejects.toMatchObject({ code: 'LD_ILS_UNAVAILABLE' });
      // The next renewal goes out on a fresh, logged-in session.
      expect(await env.ils.renew(verified.patron.id, 'W-dune-1')).toMatchObject({ ok: true });
      expect(env.sip.counts.get('29')).toBe(2);
    } finally {
      await env.close();
    }
  });

  it('queues on one connection when the server serves only one', async () => {
    const env = await setup({ quirks: { oneConnection: true } }, { maxConnections: 4 });
    try {
      const titles = await Promise.all(['W-dune-1', 'W-sapiens-1', 'W-hunger-1', 'W-educated-1', 'W-maus-1'].map((id) => env.client.itemInformation(id)));
      expect(titles.map((item) => item.title)).toEqual(['Dune', 'Sapiens', 'The Hunger Games', 'Educated', 'Maus']);
      expect(env.client.poolState()).toEqual({ size: 1, limit: 1 });
      expect(env.sip.connections()).toBe(1);
    } finally {
      await env.close();
    }
  });

  it('verifies the PIN itself even when the server renews without checking it', async () => {
    const env = await setup({ quirks: { noPinCheckOnRenew: true } });
    try {
      expect(await env.ils.verifyPatron(WORLD.good.card, '9999')).toMatchObject({ ok: false, code: 'wrong_pin' });
      // The server would have renewed with the wrong PIN: that is why the client checks 64's CQ first.
      expect((await env.client.renew(WORLD.good.card, 'W-dune-1', '9999')).ok).toBe(true);
    } finally {
      await env.close();
    }
  });

  it('speaks SIP2 over TLS, checking the server certificate', async () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/tls');
    const cert = readFileSync(path.join(dir, 'test-cert.pem'));
    const env = await setup({ tls: { key: readFileSync(path.join(dir, 'test-key.pem')), cert } }, { tls: { ca: cert } });
    try {
      expect(await env.ils.verifyPatron(WORLD.good.card, WORLD.good.pin)).toMatchObject({ ok: true });
    } finally {
      await env.close();
    }
    // Without trusting that certificate the client refuses to talk.
    const untrusted = await setup({ tls: { key: readFileSync(path.join(dir, 'test-key.pem')), cert } }, { tls: true });
    try {
      await expect(untrusted.client.itemInformation('W-dune-1')).rejects.toMatchObject({ code: 'LD_ILS_UNAVAILABLE' });
    } finally {
      await untrusted.close();
    }
  });

  it('refuses to start a session with the wrong login', async () => {
    const env = await setup({}, { password: 'wrong' });
    try {
      await expect(env.client.itemInformation('W-dune-1')).rejects.toMatchObject({ code: 'LD_ILS_UNAVAILABLE' });
    } finally {
      await env.close();
    }
  });

  it('speaks the rest of the protocol: SC status, patron status, checkout, checkin, fee paid, end session', async () => {
    const env = await setup();
    try {
      expect(await env.client.scStatus()).toMatchObject({ online: true });
      const status = await env.client.patronStatus(WORLD.good.card, WORLD.good.pin);
      expect(status).toMatchObject({ valid: true, passwordValid: true, name: 'Ada Tester', feeAmount: '2.50' });
      expect((await env.client.checkin('W-dune-1')).ok).toBe(true);
      const out = await env.client.checkout(WORLD.good.card, 'W-dune-1', WORLD.good.pin);
      expect(out).toMatchObject({ ok: true, title: 'Dune' });
      expect(out.dueAt!.getTime()).toBeGreaterThan(Date.now());
      expect(await env.client.feePaid(WORLD.good.card, '2.50')).toMatchObject({ accepted: true });
      expect((await env.client.patronStatus(WORLD.good.card)).feeAmount).toBe('0.00');
      expect(await env.client.endSession(WORLD.good.card)).toBe(true);
    } finally {
      await env.close();
    }
  });
});
