import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/index.js';
import { ACTIVE_HOLD_STATUSES, createCirculationRepository } from '../../ils/embedded/circulation.repository.js';
import { DEFAULT_RULES, ruleFor } from '../../ils/embedded/circulation-rules.js';
import type { EmbeddedIls } from '../../ils/embedded/embedded-ils.js';

/**
 * A local stand-in for Koha's REST API (`/api/v1`), speaking the shapes recorded in test/fixtures/koha/
 * and backed by the embedded ILS's tables, so the Koha adapter runs the same contract suite as the
 * others. OAuth2 client credentials are checked for real; every other call needs the bearer token.
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/koha');
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

export interface KohaFake {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Koha's integer biblio_id for a catalog record id, and back. */
  biblioIdOf(bibId: string): number;
  bibIdOf(biblioId: number): string;
  requests: string[];
  /** Revokes every token issued so far (the adapter must fetch a new one). */
  revokeTokens(): void;
  close(): Promise<void>;
}

const BRANCH_CODES: Record<string, string> = { main: 'MAIN', eastside: 'EAST' };
const branchOfCode = (code: string) => Object.entries(BRANCH_CODES).find(([, value]) => value === code)?.[0] ?? code.toLowerCase();

/** Stable small integers for the embedded ILS's string ids, as Koha's ids are integers. */
function idMap() {
  const toInt = new Map<string, number>();
  const toKey = new Map<number, string>();
  return {
    int(key: string): number {
      let id = toInt.get(key);
      if (id === undefined) {
        id = toInt.size + 1;
        toInt.set(key, id);
        toKey.set(id, key);
      }
      return id;
    },
    key: (id: number) => toKey.get(id),
  };
}

export async function startKohaFake(options: { prisma: Db; ils: EmbeddedIls }): Promise<KohaFake> {
  const { prisma, ils } = options;
  const repository = createCirculationRepository(prisma);
  const clientId = 'libdesk';
  const clientSecret = randomBytes(12).toString('hex');
  const tokens = new Set<string>();
  const patrons = idMap();
  const biblios = idMap();
  const items = idMap();
  const checkouts = idMap();
  const holds = idMap();
  const requests: string[] = [];
  const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

  async function patronJson(patronId: string) {
    const row = await repository.patronById(patronId);
    if (!row) return undefined;
    return {
      ...fixture('patron.json'),
      patron_id: patrons.int(row.id),
      cardnumber: `2123400000${row.cardLast4}`,
      firstname: row.firstName,
      surname: row.lastName,
      email: row.email,
      phone: row.phone,
      library_id: BRANCH_CODES[row.homeBranchId] ?? row.homeBranchId,
      expiry_date: day(row.expiresAt),
      restricted: row.blocked,
      userid: row.firstName.toLowerCase(),
    };
  }

  async function checkoutJson(loanId: string) {
    const loan = await prisma.loan.findUnique({ where: { id: loanId } });
    if (!loan) return undefined;
    return {
      ...fixture('checkout.json'),
      checkout_id: checkouts.int(loan.id),
      patron_id: patrons.int(loan.patronId),
      item_id: items.int(loan.itemId),
      external_id: loan.itemId,
      due_date: loan.dueAt.toISOString(),
      checkout_date: loan.checkedOutAt.toISOString(),
      renewals_count: loan.renewals,
      checkin_date: loan.returnedAt?.toISOString() ?? null,
    };
  }

  async function holdJson(holdId: string) {
    const hold = await repository.hold(holdId);
    if (!hold) return undefined;
    const line = await repository.waitingHoldsOnBib(hold.bibId);
    return {
      ...fixture('hold.json'),
      hold_id: holds.int(hold.id),
      patron_id: patrons.int(hold.patronId),
      biblio_id: biblios.int(hold.bibId),
      pickup_library_id: BRANCH_CODES[hold.pickupBranchId] ?? hold.pickupBranchId,
      hold_date: day(hold.placedAt),
      priority: hold.status === 'waiting' ? line.findIndex((entry) => entry.id === hold.id) + 1 : 0,
      status: hold.status === 'ready' ? 'W' : hold.status === 'in_transit' ? 'T' : null,
      waiting_date: day(hold.readyAt),
      expiration_date: day(hold.pickupBy),
      item_id: hold.itemId ? String(items.int(hold.itemId)) : null,
    };
  }

  async function itemJson(itemId: string, embedBiblio: boolean) {
    const item = await repository.item(itemId);
    if (!item) return undefined;
    const { biblio: _biblio, ...base } = fixture('item.json');
    return {
      ...base,
      item_id: items.int(item.id),
      biblio_id: biblios.int(item.bibId),
      external_id: item.id,
      home_library_id: BRANCH_CODES[item.branchId] ?? item.branchId,
      holding_library_id: BRANCH_CODES[item.branchId] ?? item.branchId,
      checked_out_date: item.status === 'checked_out' ? '2026-11-01' : null,
      not_for_loan_status: item.status === 'not_for_loan' ? 1 : 0,
      lost_status: item.status === 'lost' || item.status === 'missing' ? 1 : 0,
      ...(embedBiblio ? { biblio: { biblio_id: biblios.int(item.bibId), title: item.title, subtitle: null, author: null } } : {}),
    };
  }

  /** Koha's CanBookBeRenewed, reduced to the rules the embedded ILS keeps. */
  async function allowsRenewal(loanId: string) {
    const loan = await prisma.loan.findUnique({ where: { id: loanId } });
    const item = loan ? await repository.item(loan.itemId) : undefined;
    if (!loan || !item) return { allows_renewal: false, max_renewals: 0, current_renewals: 0, unseen_renewals: 0, error: 'no_checkout' };
    const rules = await repository.rules();
    const rule = ruleFor(rules.length ? rules : DEFAULT_RULES, item.format);
    const base = { max_renewals: rule.renewalLimit, current_renewals: loan.renewals, unseen_renewals: 0 };
    if (rule.renewalLimit === 0) return { ...base, allows_renewal: false, error: 'item_denied_renewal' };
    if (loan.renewals >= rule.renewalLimit) return { ...base, allows_renewal: false, error: 'too_many' };
    const waiting = (await repository.waitingHoldsOnBib(item.bibId)).filter((hold) => hold.patronId !== loan.patronId);
    if (waiting.length) return { ...base, allows_renewal: false, error: 'on_reserve' };
    return { ...base, allows_renewal: true, error: null };
  }

  async function readBody(request: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(request: http.IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? '/', 'http://koha.local');
    const route = url.pathname.replace(/^\/api\/v1/, '');
    const method = request.method ?? 'GET';
    requests.push(`${method} ${route}`);
    const raw = await readBody(request);
    if (method === 'POST' && route === '/oauth/token') {
      const form = new URLSearchParams(raw);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return { status: 400, body: { error: 'unauthorized_client' } };
      }
      const token = randomBytes(16).toString('base64url');
      tokens.add(token);
      return { status: 200, body: { ...fixture('oauth-token.json'), access_token: token } };
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return { status: 401, body: { error: 'Authentication failure.' } };
    const json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    let match: RegExpExecArray | null;

    if (method === 'GET' && route === '/patrons') {
      const card = url.searchParams.get('cardnumber') ?? '';
      const row = await ils.patronByCard(card);
      const found = row ? await patronJson(row.id) : undefined;
      return { status: 200, body: found ? [{ ...found, cardnumber: card }] : [] };
    }
    if (method === 'GET' && (match = /^\/patrons\/(\d+)$/.exec(route))) {
      const key = patrons.key(Number(match[1]));
      const found = key ? await patronJson(key) : undefined;
      return found ? { status: 200, body: found } : { status: 404, body: { error: 'Patron not found' } };
    }
    if (method === 'GET' && (match = /^\/patrons\/(\d+)\/account$/.exec(route))) {
      const key = patrons.key(Number(match[1]));
      if (!key) return { status: 404, body: { error: 'Patron not found' } };
      const fines = await repository.unpaidFines(key);
      const template = fixture('account.json') as { outstanding_debits: { lines: Array<Record<string, unknown>> } };
      const lines = fines.map((fine, i) => ({
        ...template.outstanding_debits.lines[0],
        account_line_id: i + 1,
        amount: fine.amountCents / 100,
        amount_outstanding: (fine.amountCents - fine.paidCents) / 100,
        description: fine.description,
        date: fine.createdAt.toISOString(),
        patron_id: Number(match![1]),
      }));
      const total = lines.reduce((sum, line) => sum + (line.amount_outstanding as number), 0);
      return { status: 200, body: { balance: total, outstanding_debits: { total, lines }, outstanding_credits: { total: 0, lines: [] } } };
    }
    if (method === 'POST' && route === '/auth/password/validation') {
      const identifier = String(json.identifier ?? '');
      const verified = await ils.verifyPatron(identifier, String(json.password ?? ''));
      if (!verified.ok) return { status: 400, body: { error: 'Validation failed' } };
      return { status: 201, body: { ...fixture('password-validation.json'), cardnumber: identifier, patron_id: patrons.int(verified.patron.id), userid: verified.patron.displayName.toLowerCase() } };
    }
    if (method === 'GET' && route === '/checkouts') {
      const key = patrons.key(Number(url.searchParams.get('patron_id')));
      if (!key) return { status: 200, body: [] };
      const loans = await repository.openLoans(key);
      return { status: 200, body: await Promise.all(loans.map((loan) => checkoutJson(loan.id))) };
    }
    if (method === 'GET' && (match = /^\/checkouts\/(\d+)\/allows_renewal$/.exec(route))) {
      const key = checkouts.key(Number(match[1]));
      return key ? { status: 200, body: await allowsRenewal(key) } : { status: 404, body: { error: 'Checkout not found' } };
    }
    if (method === 'POST' && (match = /^\/checkouts\/(\d+)\/renewals?$/.exec(route))) {
      const key = checkouts.key(Number(match[1]));
      const loan = key ? await prisma.loan.findUnique({ where: { id: key } }) : null;
      if (!loan || loan.returnedAt) return { status: 404, body: { error: 'Checkout not found' } };
      const allowed = await allowsRenewal(loan.id);
      if (!allowed.allows_renewal) return { status: 403, body: { error: `Renewal not authorized (${allowed.error})` } };
      const renewed = await ils.renew(loan.patronId, loan.itemId);
      if (!renewed.ok) return { status: 403, body: { error: `Renewal not authorized (${renewed.code})` } };
      return { status: 201, body: await checkoutJson(loan.id) };
    }
    if (method === 'GET' && route === '/holds') {
      const key = patrons.key(Number(url.searchParams.get('patron_id')));
      if (!key) return { status: 200, body: [] };
      const rows = await prisma.hold.findMany({ where: { patronId: key, status: { in: ACTIVE_HOLD_STATUSES } }, orderBy: { placedAt: 'asc' } });
      return { status: 200, body: await Promise.all(rows.map((row) => holdJson(row.id))) };
    }
    if (method === 'POST' && route === '/holds') {
      const patronKey = patrons.key(Number(json.patron_id));
      const bibKey = biblios.key(Number(json.biblio_id));
      if (!patronKey) return { status: 400, body: { error: 'patron_id not found' } };
      if (!bibKey) return { status: 404, body: { error: 'Biblio not found' } };
      const placed = await ils.placeHold(patronKey, bibKey, branchOfCode(String(json.pickup_library_id ?? '')));
      if (!placed.ok) {
        const reason = placed.code === 'already_on_hold' ? 'alreadyReserved' : placed.code === 'fines_over_limit' ? 'debarred' : 'notReservable';
        return { status: 403, body: { error: `Hold cannot be placed. Reason: ${reason}` } };
      }
      return { status: 201, body: await holdJson(placed.hold.id) };
    }
    if (method === 'DELETE' && (match = /^\/holds\/(\d+)$/.exec(route))) {
      const key = holds.key(Number(match[1]));
      const hold = key ? await repository.hold(key) : null;
      if (!hold || !ACTIVE_HOLD_STATUSES.includes(hold.status)) return { status: 404, body: { error: 'Hold not found' } };
      await ils.cancelHold(hold.patronId, hold.id);
      return { status: 204 };
    }
    if (method === 'GET' && (match = /^\/items\/(\d+)$/.exec(route))) {
      const key = items.key(Number(match[1]));
      const found = key ? await itemJson(key, (request.headers['x-koha-embed'] ?? '').includes('biblio')) : undefined;
      return found ? { status: 200, body: found } : { status: 404, body: { error: 'Item not found' } };
    }
    if (method === 'GET' && (match = /^\/biblios\/(\d+)$/.exec(route))) {
      const key = biblios.key(Number(match[1]));
      const bib = key ? await repository.bib(key) : null;
      return bib ? { status: 200, body: { biblio_id: Number(match[1]), title: bib.title, subtitle: null, author: null } } : { status: 404, body: { error: 'Object not found' } };
    }
    if (method === 'GET' && (match = /^\/biblios\/(\d+)\/items$/.exec(route))) {
      const key = biblios.key(Number(match[1]));
      const bib = key ? await repository.bib(key) : null;
      if (!bib || !key) return { status: 404, body: { error: 'Object not found' } };
      const copies = await repository.itemsOfBib(key);
      return { status: 200, body: await Promise.all(copies.map((copy) => itemJson(copy.id, false))) };
    }
    return { status: 404, body: { error: 'Path not found' } };
  }

  const server = http.createServer((request, response) => {
    handle(request)
      .then(({ status, body }) => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: String(error) }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  // Pre-number the catalog so the adapter can be told biblio ids before it sees any.
  for (const bib of await prisma.bibRecord.findMany({ select: { id: true }, orderBy: { id: 'asc' } })) biblios.int(bib.id);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    biblioIdOf: (bibId) => biblios.int(bibId),
    bibIdOf: (biblioId) => biblios.key(biblioId) ?? String(biblioId),
    requests,
    revokeTokens: () => tokens.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
