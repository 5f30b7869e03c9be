import type tls from 'node:tls';
import { systemClock } from '../../core/clock.js';
import { LibdeskError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { Sip2Connection } from './connection.js';
import { Sip2Pool } from './pool.js';
import { DEFAULT_FORMAT, field, fieldList, formatSipDate, parseSipDate, type Sip2Encoding, type Sip2Message } from './protocol.js';

export interface Sip2ClientOptions {
  host: string;
  port: number;
  tls?: boolean | tls.ConnectionOptions;
  /** Login (93) user and password; some servers need none. */
  user?: string;
  password?: string;
  /** Location code sent at login (CP). */
  location?: string;
  /** Institution id (AO) sent in every message. */
  institution: string;
  delimiter?: string;
  encoding?: Sip2Encoding;
  errorDetection?: boolean;
  terminator?: '\r' | '\r\n';
  timeoutMs?: number;
  maxConnections?: number;
  maxResends?: number;
  /** Time zone of dates the server sends without one. */
  timeZone?: string;
  clock?: { now(): Date };
  logger?: Logger;
}

/** The 14 patron status flags of 24 and 64, by position in the specification. */
export interface PatronStatusFlags {
  chargeDenied: boolean;
  renewalDenied: boolean;
  recallDenied: boolean;
  holdDenied: boolean;
  cardLost: boolean;
  tooManyCharged: boolean;
  tooManyOverdue: boolean;
  tooManyRenewals: boolean;
  tooManyClaimsReturned: boolean;
  tooManyLost: boolean;
  excessiveFines: boolean;
  excessiveFees: boolean;
  recallOverdue: boolean;
  tooManyBilled: boolean;
}

const FLAG_NAMES: Array<keyof PatronStatusFlags> = [
  'chargeDenied', 'renewalDenied', 'recallDenied', 'holdDenied', 'cardLost', 'tooManyCharged', 'tooManyOverdue',
  'tooManyRenewals', 'tooManyClaimsReturned', 'tooManyLost', 'excessiveFines', 'excessiveFees', 'recallOverdue', 'tooManyBilled',
];

function flags(text: string): PatronStatusFlags {
  return Object.fromEntries(FLAG_NAMES.map((name, i) => [name, text[i] === 'Y'])) as unknown as PatronStatusFlags;
}

export interface PatronStatusReply {
  status: PatronStatusFlags;
  patronId: string;
  name?: string;
  /** BL: the patron exists and is valid. */
  valid: boolean;
  /** CQ: the password matched; undefined when the server did not say. */
  passwordValid?: boolean;
  feeAmount?: string;
  messages: string[];
}

/** 63's summary: which list to ask for (the specification allows one per message). */
export const SUMMARY_LISTS = ['holdItems', 'overdueItems', 'chargedItems', 'fineItems', 'recallItems', 'unavailableHolds'] as const;
export type SummaryList = (typeof SUMMARY_LISTS)[number];

export interface PatronInformationReply extends PatronStatusReply {
  counts: Record<SummaryList, number>;
  holdItems: string[];
  overdueItems: string[];
  chargedItems: string[];
  fineItems: string[];
  recallItems: string[];
  unavailableHolds: string[];
  email?: string;
  phone?: string;
  /** PA (an extension several servers send): the card's expiry. */
  expiresAt?: Date;
}

export interface CirculationReply {
  ok: boolean;
  itemId?: string;
  title?: string;
  dueAt?: Date;
  messages: string[];
}

export interface RenewAllReply {
  ok: boolean;
  renewed: string[];
  unrenewed: string[];
  messages: string[];
}

export interface HoldReply {
  ok: boolean;
  available: boolean;
  itemId?: string;
  title?: string;
  queuePosition?: number;
  pickupLocation?: string;
  messages: string[];
}

export interface ItemInformationReply {
  /** Circulation status code "01"–"13". */
  circulationStatus: string;
  itemId?: string;
  title?: string;
  dueAt?: Date;
  holdQueueLength?: number;
  permanentLocation?: string;
  messages: string[];
}

export interface Sip2Client {
  scStatus(): Promise<{ online: boolean; renewalPolicy: boolean; supported: string }>;
  patronStatus(card: string, pin?: string): Promise<PatronStatusReply>;
  patronInformation(card: string, pin?: string, list?: SummaryList): Promise<PatronInformationReply>;
  checkout(card: string, itemId: string, pin?: string): Promise<CirculationReply>;
  checkin(itemId: string): Promise<CirculationReply>;
  renew(card: string, itemId: string, pin?: string): Promise<CirculationReply & { renewalOk: boolean }>;
  renewAll(card: string, pin?: string): Promise<RenewAllReply>;
  hold(mode: '+' | '-' | '*', card: string, target: { itemId?: string; titleId?: string }, options?: { pickupLocation?: string; pin?: string }): Promise<HoldReply>;
  itemInformation(itemId: string): Promise<ItemInformationReply>;
  feePaid(card: string, amount: string, options?: { feeId?: string; pin?: string }): Promise<{ accepted: boolean; messages: string[] }>;
  endSession(card: string, pin?: string): Promise<boolean>;
  /** Connections open and the most the pool will open (lower than configured after a refusal). */
  poolState(): { size: number; limit: number };
  close(): Promise<void>;
}

const LANGUAGE = '001'; // English, as in the specification's language table.

export function createSip2Client(options: Sip2ClientOptions): Sip2Client {
  const format = { delimiter: options.delimiter ?? DEFAULT_FORMAT.delimiter, encoding: options.encoding ?? DEFAULT_FORMAT.encoding };
  const timeZone = options.timeZone ?? 'UTC';
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const institution = options.institution;

  async function connect(): Promise<Sip2Connection> {
    const connection = new Sip2Connection({
      host: options.host,
      port: options.port,
      ...(options.tls ? { tls: options.tls } : {}),
      format,
      errorDetection: options.errorDetection ?? true,
      terminator: options.terminator ?? '\r',
      timeoutMs: options.timeoutMs ?? 5000,
      maxResends: options.maxResends ?? 2,
    });
    await connection.open();
    if (options.user !== undefined) {
      try {
        const reply = await connection.request('93', '00', [['CN', options.user], ['CO', options.password ?? ''], ['CP', options.location]]);
        if (reply.fixed[0] !== '1') throw new LibdeskError('LD_ILS_UNAVAILABLE', 'The SIP2 server refused the login (check SIP2_USER and SIP2_PASSWORD)');
      } catch (error) {
        connection.destroy();
        throw error;
      }
    }
    return connection;
  }

  const pool = new Sip2Pool({ connect, max: options.maxConnections ?? 2, logger });

  const send = (code: string, fixed: string, fields: Array<[string, string | undefined]>, idempotent: boolean): Promise<Sip2Message> =>
    pool.use((connection) => connection.request(code, fixed, fields), { idempotent });

  const now = () => formatSipDate(clock.now());
  const messages = (reply: Sip2Message) => fieldList(reply, 'AF').filter((text) => text.trim() !== '');
  const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : 0);

  function patronStatusOf(reply: Sip2Message): PatronStatusReply {
    const cq = field(reply, 'CQ');
    return {
      status: flags(reply.fixed.slice(0, 14)),
      patronId: field(reply, 'AA') ?? '',
      valid: field(reply, 'BL') === 'Y',
      messages: messages(reply),
      ...(field(reply, 'AE') ? { name: field(reply, 'AE')! } : {}),
      ...(cq === 'Y' || cq === 'N' ? { passwordValid: cq === 'Y' } : {}),
      ...(field(reply, 'BV') ? { feeAmount: field(reply, 'BV')! } : {}),
    };
  }

  function circulation(reply: Sip2Message): CirculationReply {
    const dueAt = parseSipDate(field(reply, 'AH'), timeZone);
    return {
      ok: reply.fixed[0] === '1',
      messages: messages(reply),
      ...(field(reply, 'AB') ? { itemId: field(reply, 'AB')! } : {}),
      ...(field(reply, 'AJ') ? { title: field(reply, 'AJ')! } : {}),
      ...(dueAt ? { dueAt } : {}),
    };
  }

  return {
    async scStatus() {
      const reply = await send('99', '0' + '080' + '2.00', [], true);
      return { online: reply.fixed[0] === 'Y', renewalPolicy: reply.fixed[3] === 'Y', supported: field(reply, 'BX') ?? '' };
    },

    async patronStatus(card, pin) {
      const reply = await send('23', LANGUAGE + now(), [['AO', institution], ['AA', card], ['AC', ''], ['AD', pin ?? '']], true);
      return patronStatusOf(reply);
    },

    async patronInformation(card, pin, list) {
      const summary = SUMMARY_LISTS.map((name) => (name === list ? 'Y' : ' ')).join('') + '    ';
      const reply = await send('63', LANGUAGE + now() + summary, [['AO', institution], ['AA', card], ['AC', ''], ['AD', pin ?? ''], ['BP', '1'], ['BQ', '200']], true);
      const fixed = reply.fixed;
      const counts = Object.fromEntries(SUMMARY_LISTS.map((name, i) => [name, count(fixed.slice(35 + i * 4, 39 + i * 4))])) as Record<SummaryList, number>;
      const expiresAt = parseSipDate(field(reply, 'PA'), timeZone);
      return {
        ...patronStatusOf(reply),
        counts,
        holdItems: fieldList(reply, 'AS'),
        overdueItems: fieldList(reply, 'AT'),
        chargedItems: fieldList(reply, 'AU'),
        fineItems: fieldList(reply, 'AV'),
        recallItems: fieldList(reply, 'BU'),
        unavailableHolds: fieldList(reply, 'CD'),
        ...(field(reply, 'BE') ? { email: field(reply, 'BE')! } : {}),
        ...(field(reply, 'BF') ? { phone: field(reply, 'BF')! } : {}),
        ...(expiresAt ? { expiresAt } : {}),
      };
    },

    async checkout(card, itemId, pin) {
      const reply = await send('11', 'N' + 'N' + now() + ' '.repeat(18), [['AO', institution], ['AA', card], ['AB', itemId], ['AC', ''], ['AD', pin]], false);
      return circulation(reply);
    },

    async checkin(itemId) {
      const reply = await send('09', 'N' + now() + now(), [['AP', options.location ?? ''], ['AO', institution], ['AB', itemId], ['AC', '']], false);
      return circulation(reply);
    },

    async renew(card, itemId, pin) {
      const reply = await send('29', 'N' + 'N' + now() + ' '.repeat(18), [['AO', institution], ['AA', card], ['AD', pin], ['AB', itemId], ['AC', '']], false);
      return { ...circulation(reply), renewalOk: reply.fixed[1] === 'Y' };
    },

    async renewAll(card, pin) {
      const reply = await send('65', now(), [['AO', institution], ['AA', card], ['AD', pin], ['AC', '']], false);
      return { ok: reply.fixed[0] === '1', renewed: fieldList(reply, 'BM'), unrenewed: fieldList(reply, 'BN'), messages: messages(reply) };
    },

    async hold(mode, card, target, holdOptions = {}) {
      const reply = await send(
        '15',
        mode + now(),
        [['BS', holdOptions.pickupLocation], ['BY', '2'], ['AO', institution], ['AA', card], ['AD', holdOptions.pin], ['AB', target.itemId], ['AJ', target.titleId], ['AC', '']],
        false,
      );
      const position = field(reply, 'BR');
      return {
        ok: reply.fixed[0] === '1',
        available: reply.fixed[1] === 'Y',
        messages: messages(reply),
        ...(field(reply, 'AB') ? { itemId: field(reply, 'AB')! } : {}),
        ...(field(reply, 'AJ') ? { title: field(reply, 'AJ')! } : {}),
        ...(position && /^\d+$/.test(position) ? { queuePosition: Number(position) } : {}),
        ...(field(reply, 'BS') ? { pickupLocation: field(reply, 'BS')! } : {}),
      };
    },

    async itemInformation(itemId) {
      const reply = await send('17', now(), [['AO', institution], ['AB', itemId], ['AC', '']], true);
      const dueAt = parseSipDate(field(reply, 'AH'), timeZone);
      const queue = field(reply, 'CF');
      return {
        circulationStatus: reply.fixed.slice(0, 2),
        messages: messages(reply),
        ...(field(reply, 'AB') ? { itemId: field(reply, 'AB')! } : {}),
        ...(field(reply, 'AJ') ? { title: field(reply, 'AJ')! } : {}),
        ...(dueAt ? { dueAt } : {}),
        ...(queue && /^\d+$/.test(queue) ? { holdQueueLength: Number(queue) } : {}),
        ...(field(reply, 'AQ') ? { permanentLocation: field(reply, 'AQ')! } : {}),
      };
    },

    async feePaid(card, amount, feeOptions = {}) {
      const reply = await send('37', now() + '01' + '00' + 'USD', [['BV', amount], ['AO', institution], ['AA', card], ['AC', ''], ['AD', feeOptions.pin], ['CG', feeOptions.feeId]], false);
      return { accepted: reply.fixed[0] === 'Y', messages: messages(reply) };
    },

    async endSession(card, pin) {
      const reply = await send('35', now(), [['AO', institution], ['AA', card], ['AC', ''], ['AD', pin]], true);
      return reply.fixed[0] === 'Y';
    },

    poolState: () => ({ size: pool.size, limit: pool.limit }),
    close: () => pool.close(),
  };
}
