import net from 'node:net';
import tls from 'node:tls';
import { systemClock, type Clock } from '../../core/clock.js';
import type { IlsRefusal } from '../../core/ils.js';
import type { EmbeddedIls } from '../embedded/embedded-ils.js';
import { verifyPin } from '../secrets.js';
import { buildMessage, formatSipDate, MessageSplitter, parseMessage, yn, field, type Sip2Encoding, type Sip2Format, type Sip2Message } from './protocol.js';

/**
 * A SIP2 server written from the 3M SIP2 v2.00 specification, backed by the embedded ILS, for tests, the
 * benchmark and `libdesk sip2-test-server`. Switches reproduce what real servers do differently.
 */
export interface Sip2TestServerOptions {
  ils: EmbeddedIls;
  /** Login accepted at 93; other credentials get "940" and every later message is refused. */
  user?: string;
  password?: string;
  institution?: string;
  delimiter?: string;
  encoding?: Sip2Encoding;
  quirks?: {
    /** End replies with CR only (default CRLF, as many servers do). */
    crOnly?: boolean;
    /** Add fields the specification does not define. */
    extraFields?: boolean;
    /** Send variable fields in reverse order. */
    reorderFields?: boolean;
    /** Serve one connection at a time: a second is closed at once. */
    oneConnection?: boolean;
    /** Renew and check out without checking the PIN (reported only in 64's CQ). */
    noPinCheckOnRenew?: boolean;
  };
  /** Serve SIP2 over TLS with this key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Transaction dates and card expiry checks; the system clock by default. */
  clock?: Clock;
  /** Tests break single replies: called per request; returns what to do to the reply. */
  fault?: (request: Sip2Message, index: number) => Sip2Fault | undefined;
}

export type Sip2Fault = 'bad_checksum' | 'bad_checksum_always' | 'truncate' | 'garbage_first' | 'drop' | 'silence' | 'wrong_sequence_first';

export interface Sip2TestServer {
  port: number;
  /** Requests served (after login), by command code. */
  counts: Map<string, number>;
  connections(): number;
  close(): Promise<void>;
}

const money = (cents: number) => (cents / 100).toFixed(2);

function refusalText(refusal: IlsRefusal): string {
  return refusal.message ?? refusal.code.replaceAll('_', ' ');
}

export async function startSip2TestServer(options: Sip2TestServerOptions, port = 0, host = '127.0.0.1'): Promise<Sip2TestServer> {
  const { ils } = options;
  const clock = options.clock ?? systemClock;
  const quirks = options.quirks ?? {};
  const format: Sip2Format = { delimiter: options.delimiter ?? '|', encoding: options.encoding ?? 'utf8' };
  const institution = options.institution ?? 'RPL';
  const terminator = quirks.crOnly ? '\r' : '\r\n';
  const sockets = new Set<net.Socket>();
  const counts = new Map<string, number>();
  let requestIndex = 0;

  async function patronOf(message: Sip2Message) {
    const card = field(message, 'AA') ?? '';
    return card ? ils.patronByCard(card) : null;
  }

  /** CQ: Y/N when a PIN came with the message, absent when none did. */
  async function pinCheck(message: Sip2Message, pinHash: string | undefined): Promise<boolean | undefined> {
    const pin = field(message, 'AD');
    if (pin === undefined || pin === '') return undefined;
    return pinHash ? verifyPin(pin, pinHash) : false;
  }

  /** The 14 status flags: privileges denied for an expired, blocked or over-the-limit patron. */
  async function patronFlags(patronId: string | undefined): Promise<{ flags: string; note?: string }> {
    const flags = Array.from({ length: 14 }, () => ' ');
    const found = patronId ? await ils.findPatronById(patronId) : null;
    if (!found) {
      for (const i of [0, 1, 2, 3]) flags[i] = 'Y';
      return { flags: flags.join('') };
    }
    const expired = found.expiresAt.getTime() < clock.now().getTime();
    const summary = await ils.accountSummary(found.id);
    const overFines = (summary.ok ? summary.summary.totalOwedCents : 0) > ils.fineLimitCents;
    if (expired || found.blocked || overFines) for (const i of [0, 1, 2, 3]) flags[i] = 'Y';
    if (overFines) flags[10] = 'Y';
    return { flags: flags.join(''), ...(expired ? { note: 'Card expired' } : {}) };
  }

  async function respond(message: Sip2Message): Promise<{ code: string; fixed: string; fields: Array<[string, string | undefined]> }> {
    const now = formatSipDate(clock.now());
    switch (message.code) {
      case '99':
        return {
          code: '98',
          fixed: 'Y' + 'Y' + 'Y' + 'Y' + 'N' + 'N' + '030' + '003' + now + '2.00',
          fields: [['AO', institution], ['AM', 'Riverside Public Library'], ['BX', 'YYYYYYYYYYYYYYYY'], ['AN', 'test']],
        };
      case '23': {
        const patron = await patronOf(message);
        const cq = await pinCheck(message, patron?.pinHash);
        const status = await patronFlags(patron?.id);
        const summary = patron ? await ils.accountSummary(patron.id) : undefined;
        return {
          code: '24',
          fixed: status.flags + '001' + now,
          fields: [
            ['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AE', patron ? `${patron.firstName} ${patron.lastName}` : ''], ['BL', yn(Boolean(patron))],
            ['CQ', cq === undefined ? undefined : yn(cq)], ['BH', 'USD'], ['BV', summary?.ok ? money(summary.summary.totalOwedCents) : undefined], ['AF', status.note],
          ],
        };
      }
      case '63': {
        const patron = await patronOf(message);
        const cq = await pinCheck(message, patron?.pinHash);
        const status = await patronFlags(patron?.id);
        const summary = patron ? await ils.accountSummary(patron.id) : undefined;
        const want = message.fixed.slice(21, 31);
        const s = summary?.ok ? summary.summary : undefined;
        const ready = s?.holds.filter((hold) => hold.status === 'ready') ?? [];
        const waiting = s?.holds.filter((hold) => hold.status !== 'ready') ?? [];
        const overdue = s?.loans.filter((loan) => loan.overdue) ?? [];
        const holdItem = async (bibId: string | undefined) => (bibId ? ((await ils.firstItemOfBib(bibId)) ?? bibId) : '');
        const count = (n: number) => String(n).padStart(4, '0');
        const fields: Array<[string, string | undefined]> = [
          ['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AE', patron ? `${patron.firstName} ${patron.lastName}` : ''],
          ['BZ', '0020'], ['CA', '0010'], ['CB', '0050'], ['BL', yn(Boolean(patron))], ['CQ', cq === undefined ? undefined : yn(cq)],
          ['BH', 'USD'], ['BV', s ? money(s.totalOwedCents) : undefined], ['CC', money(ils.fineLimitCents)],
        ];
        if (want[0] === 'Y') for (const hold of ready) fields.push(['AS', await holdItem(hold.bibId)]);
        if (want[1] === 'Y') for (const loan of overdue) fields.push(['AT', loan.itemId]);
        if (want[2] === 'Y') for (const loan of s?.loans ?? []) fields.push(['AU', loan.itemId]);
        if (want[3] === 'Y') for (const fine of s?.fines ?? []) fields.push(['AV', `$${money(fine.amountCents)} ${fine.description}`]);
        if (want[5] === 'Y') for (const hold of waiting) fields.push(['CD', await holdItem(hold.bibId)]);
        if (patron?.email) fields.push(['BE', patron.email]);
        if (patron?.phone) fields.push(['BF', patron.phone]);
        if (patron) fields.push(['PA', formatSipDate(patron.expiresAt)]);
        fields.push(['AF', status.note]);
        return {
          code: '64',
          fixed: status.flags + '001' + now + count(ready.length) + count(overdue.length) + count(s?.loans.length ?? 0) + count(s?.fines.length ?? 0) + count(0) + count(waiting.length),
          fields,
        };
      }
      case '17': {
        const itemId = field(message, 'AB') ?? '';
        const item = await ils.item(itemId);
        const statusCode: Record<string, string> = { available: '03', checked_out: '04', on_hold: '08', in_transit: '10', lost: '12', missing: '13' };
        const queue = item ? await ils.waitingHoldCount(item.bibId) : 0;
        return {
          code: '18',
          fixed: (item ? (statusCode[item.status] ?? '01') : '01') + '00' + '01' + now,
          fields: [
            ['CF', String(queue)], ['AH', item?.dueAt ? formatSipDate(item.dueAt) : undefined], ['AB', itemId], ['AJ', item?.title ?? ''], ['AQ', item?.branchId],
            ['AF', item ? undefined : 'Item not found'],
          ],
        };
      }
      case '11':
      case '29': {
        const patron = await patronOf(message);
        const itemId = field(message, 'AB') ?? '';
        const reply = message.code === '11' ? '12' : '30';
        const fail = (text: string) => ({
          code: reply,
          fixed: '0' + 'N' + 'U' + 'N' + now,
          fields: [['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AB', itemId], ['AJ', ''], ['AH', ''], ['AF', text]] as Array<[string, string | undefined]>,
        });
        if (!patron) return fail('Patron not found');
        if (!quirks.noPinCheckOnRenew && (await pinCheck(message, patron.pinHash)) === false) return fail('Invalid patron password');
        const result = message.code === '11' ? await ils.checkout(patron.id, itemId) : await ils.renew(patron.id, itemId);
        if (!result.ok) return fail(refusalText(result));
        const done = 'loan' in result ? result.loan : result.item;
        return {
          code: reply,
          fixed: '1' + 'Y' + 'N' + 'Y' + now,
          fields: [['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AB', done.itemId], ['AJ', done.title], ['AH', formatSipDate(done.dueAt)]],
        };
      }
      case '09': {
        const itemId = field(message, 'AB') ?? '';
        const result = await ils.checkin(itemId);
        return {
          code: '10',
          fixed: (result.ok ? '1' : '0') + 'Y' + 'N' + (result.ok && result.checkin.holdFor ? 'Y' : 'N') + now,
          fields: [['AO', institution], ['AB', itemId], ['AQ', ''], ['AJ', result.ok ? result.checkin.title : ''], ['AF', result.ok ? undefined : refusalText(result)]],
        };
      }
      case '65': {
        const patron = await patronOf(message);
        const fail = (text: string) => ({ code: '66', fixed: '0' + '0000' + '0000' + now, fields: [['AO', institution], ['AF', text]] as Array<[string, string | undefined]> });
        if (!patron) return fail('Patron not found');
        if ((await pinCheck(message, patron.pinHash)) === false) return fail('Invalid patron password');
        const result = await ils.renewAll(patron.id);
        if (!result.ok) return fail(refusalText(result));
        const { renewed, notRenewed } = result.outcome;
        const fields: Array<[string, string | undefined]> = [['AO', institution]];
        for (const item of renewed) fields.push(['BM', item.itemId]);
        for (const item of notRenewed) fields.push(['BN', item.itemId]);
        return { code: '66', fixed: '1' + String(renewed.length).padStart(4, '0') + String(notRenewed.length).padStart(4, '0') + now, fields };
      }
      case '15': {
        const patron = await patronOf(message);
        const mode = message.fixed[0];
        const fail = (text: string) => ({ code: '16', fixed: '0' + 'N' + now, fields: [['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AF', text]] as Array<[string, string | undefined]> });
        if (!patron) return fail('Patron not found');
        if ((await pinCheck(message, patron.pinHash)) === false) return fail('Invalid patron password');
        const itemId = field(message, 'AB');
        const bibId = field(message, 'AJ') || (itemId ? (await ils.item(itemId))?.bibId : undefined);
        if (!bibId) return fail('No item or title given');
        if (mode === '-') {
          const summary = await ils.accountSummary(patron.id);
          const hold = summary.ok ? summary.summary.holds.find((entry) => entry.bibId === bibId) : undefined;
          if (!hold) return fail('No such hold on your account.');
          const cancelled = await ils.cancelHold(patron.id, hold.id);
          return cancelled.ok ? { code: '16', fixed: '1' + 'N' + now, fields: [['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AB', itemId], ['AJ', hold.title]] } : fail(refusalText(cancelled));
        }
        const placed = await ils.placeHold(patron.id, bibId, field(message, 'BS') || patron.homeBranchId);
        if (!placed.ok) return fail(refusalText(placed));
        return {
          code: '16',
          fixed: '1' + 'N' + now,
          fields: [
            ['BR', String(placed.hold.queuePosition ?? 1)], ['BS', placed.hold.pickupBranchId], ['AO', institution], ['AA', field(message, 'AA') ?? ''],
            ['AB', (await ils.firstItemOfBib(bibId)) ?? bibId], ['AJ', placed.hold.title],
          ],
        };
      }
      case '37': {
        const patron = await patronOf(message);
        const amount = Math.round(Number(field(message, 'BV') ?? '0') * 100);
        const paid = patron && Number.isFinite(amount) && amount > 0 ? await ils.payFines(patron.id, amount) : 0;
        return { code: '38', fixed: yn(paid > 0) + now, fields: [['AO', institution], ['AA', field(message, 'AA') ?? ''], ['AF', paid > 0 ? `Paid $${money(paid)}` : 'Payment not accepted']] };
      }
      case '35':
        return { code: '36', fixed: 'Y' + now, fields: [['AO', institution], ['AA', field(message, 'AA') ?? '']] };
      default:
        return { code: '96', fixed: '', fields: [] };
    }
  }

  const onConnection = (socket: net.Socket) => {
    if (quirks.oneConnection && sockets.size > 0) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const splitter = new MessageSplitter();
    let loggedIn = options.user === undefined;
    let last: string | undefined;
    let chain = Promise.resolve();
    const write = (text: string) => {
      if (!socket.destroyed) socket.write(Buffer.from(text + terminator, format.encoding));
    };

    async function handle(raw: Buffer): Promise<void> {
      const parsed = parseMessage(raw, format);
      if (!parsed.ok) {
        write(parsed.reason === 'bad_checksum' ? '96AZFEF6' : '96');
        return;
      }
      const request = parsed.message;
      const checked = parsed.checksummed;
      if (request.code === '97') {
        if (last) write(last);
        return;
      }
      if (request.code === '93') {
        loggedIn = field(request, 'CN') === options.user && field(request, 'CO') === options.password;
        last = buildMessage('94', loggedIn ? '1' : '0', [], { format, errorDetection: checked, ...(request.sequence !== undefined ? { sequence: request.sequence } : {}) });
        write(last);
        return;
      }
      if (!loggedIn) {
        socket.destroy();
        return;
      }
      counts.set(request.code, (counts.get(request.code) ?? 0) + 1);
      const index = requestIndex++;
      const fault = options.fault?.(request, index);
      if (fault === 'drop') {
        socket.destroy();
        return;
      }
      if (fault === 'silence') return;
      const reply = await respond(request);
      let fields = reply.fields;
      if (quirks.extraFields) fields = [['ZZ', 'local extension'], ...fields, ['XK', 'vendor field']];
      if (quirks.reorderFields) fields = [...fields].reverse();
      const text = buildMessage(reply.code, reply.fixed, fields, { format, errorDetection: checked, ...(request.sequence !== undefined ? { sequence: request.sequence } : {}) });
      const corrupted = text.slice(0, -4) + (text.endsWith('0000') ? '0001' : '0000');
      last = fault === 'bad_checksum_always' ? corrupted : text;
      if (fault === 'bad_checksum' || fault === 'bad_checksum_always') write(corrupted);
      else if (fault === 'truncate') write(text.slice(0, 10));
      else if (fault === 'garbage_first') {
        socket.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d]));
        write(text);
      } else if (fault === 'wrong_sequence_first' && request.sequence !== undefined) {
        write(buildMessage(reply.code, reply.fixed, fields, { format, errorDetection: true, sequence: (request.sequence + 5) % 10 }));
        write(text);
      } else write(text);
    }

    socket.on('data', (chunk: Buffer) => {
      for (const raw of splitter.push(chunk)) {
        chain = chain.then(() => handle(raw)).catch(() => {
          socket.destroy();
        });
      }
    });
  };
  const server = options.tls ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onConnection) : net.createServer(onConnection);

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    counts,
    connections: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

