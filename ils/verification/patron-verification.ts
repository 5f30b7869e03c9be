import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { DeliveryPort } from '../../core/delivery.js';
import type { IlsPort, PatronContactRef, PatronVerificationPort, VerificationFailure, VerificationResult } from '../../core/ils.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { hashCardNumber } from '../secrets.js';
import type { ContactsRepository } from './contacts.repository.js';

export interface PatronVerificationOptions {
  ils: IlsPort;
  repository: ContactsRepository;
  /** Sends one-time codes; without it only card number + PIN verify. */
  codes?: {
    delivery: DeliveryPort;
    /** The conversation a message to this address goes out in (created when there is none). */
    conversationFor(channel: 'sms' | 'email', address: string, now: Date): Promise<string>;
    libraryName: string;
    /** Minutes a code stays good (10 by default). */
    validMinutes?: number;
  };
  /** How long a verified contact stays trusted on its channel (ILS_CONTACT_TRUST_DAYS). */
  trustDays: number;
  /** Failures before a lock, and how long it lasts (three and 15 minutes unless a test says otherwise). */
  maxFailures?: number;
  lockMinutes?: number;
  logger?: Logger;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Addresses are personal data: links are found by a hash of the normalised address. */
export function hashContact(contact: PatronContactRef): string {
  const address = contact.channel === 'sms' ? contact.address.replace(/[^\d+]/g, '') : contact.address.trim().toLowerCase();
  return createHash('sha256').update(`libdesk-contact:${contact.channel}:${address}`).digest('hex');
}

function hashCode(code: string): string {
  return createHash('sha256').update(`libdesk-otp:${code}`).digest('hex');
}

/** "a•••@example.org", "•••••••0017": enough for the patron to recognise, too little to learn from. */
function maskAddress(target: { channel: 'sms' | 'email'; address: string }): string {
  if (target.channel === 'email') {
    const [user = '', domain = ''] = target.address.split('@');
    return `${user.slice(0, 1)}•••@${domain}`;
  }
  return `•••${target.address.replace(/\D/g, '').slice(-4)}`;
}

/**
 * Card number + PIN links a contact to a patron. Both the contact and the card count failures, so
 * neither guessing many PINs from one phone nor one card's PIN from many sessions gets far.
 */
export function createPatronVerification(options: PatronVerificationOptions): PatronVerificationPort {
  const { ils, repository } = options;
  const maxFailures = options.maxFailures ?? 3;
  const lockMs = (options.lockMinutes ?? 15) * MINUTE_MS;
  const logger = options.logger ?? silentLogger;

  async function lockedUntil(keys: string[], now: Date): Promise<Date | undefined> {
    for (const key of keys) {
      const row = await repository.lock(key);
      if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) return row.lockedUntil;
    }
    return undefined;
  }

  /** Counts a failure on every key; returns the attempts left before the first lock. */
  async function fail(keys: string[], now: Date): Promise<VerificationResult> {
    let left = maxFailures;
    let locked: Date | undefined;
    for (const key of keys) {
      const row = await repository.lock(key);
      // Failures older than the lock period are forgotten.
      const recent = row && now.getTime() - row.updatedAt.getTime() < lockMs && !row.lockedUntil ? row.failures : 0;
      const failures = recent + 1;
      if (failures >= maxFailures) {
        locked = new Date(now.getTime() + lockMs);
        await repository.saveLock(key, 0, locked, now);
      } else {
        await repository.saveLock(key, failures, null, now);
        left = Math.min(left, maxFailures - failures);
      }
    }
    if (locked) {
      logger.warn({ lockMinutes: lockMs / MINUTE_MS }, 'patron verification locked after repeated failures');
      return { ok: false, reason: 'locked', until: locked };
    }
    return { ok: false, reason: 'wrong_credentials', attemptsLeft: left };
  }

  return {
    async linkedPatron(contact, now) {
      const link = await repository.findLink(contact.channel, hashContact(contact));
      if (!link || link.ilsDriver !== ils.driver || link.trustedUntil.getTime() <= now.getTime()) return undefined;
      return link.patronId;
    },

    async verifyWithPin(contact, cardNumber, pin, now) {
      const contactKey = `contact:${hashContact(contact)}`;
      const cardKey = `card:${hashCardNumber(cardNumber)}`;
      const keys = [contactKey, cardKey];
      const until = await lockedUntil(keys, now);
      if (until) return { ok: false, reason: 'locked', until };
      const result = await ils.verifyPatron(cardNumber, pin);
      if (!result.ok) {
        if (result.code === 'wrong_pin' || result.code === 'patron_not_found') return fail(keys, now);
        return { ok: false, reason: 'refused', refusal: result };
      }
      for (const key of keys) await repository.clearLock(key);
      await repository.link({
        channel: contact.channel,
        addressHash: hashContact(contact),
        patronId: result.patron.id,
        ilsDriver: ils.driver,
        method: 'pin',
        verifiedAt: now,
        trustedUntil: new Date(now.getTime() + options.trustDays * DAY_MS),
      });
      logger.info({ channel: contact.channel }, 'contact linked to a patron');
      return { ok: true, patron: result.patron };
    },

    async sendCode(contact, cardNumber, now) {
      if (!options.codes) return { ok: false, reason: 'unavailable' };
      const contactKey = `contact:${hashContact(contact)}`;
      const cardKey = `card:${hashCardNumber(cardNumber)}`;
      const until = await lockedUntil([contactKey, cardKey], now);
      if (until) return { ok: false, reason: 'locked', until };
      const found = await ils.findPatron(cardNumber);
      // An unknown card counts as a failure, so card numbers cannot be probed through codes either.
      if (!found.ok) return fail([contactKey, cardKey], now) as Promise<VerificationFailure>;
      const { patron } = found;
      const target = patron.phone ? { channel: 'sms' as const, address: patron.phone } : patron.email ? { channel: 'email' as const, address: patron.email } : undefined;
      if (!target) return { ok: false, reason: 'no_contact_on_file' };
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const validMinutes = options.codes.validMinutes ?? 10;
      await repository.saveCode({
        key: contactKey,
        patronId: patron.id,
        ilsDriver: ils.driver,
        codeHash: hashCode(code),
        expiresAt: new Date(now.getTime() + validMinutes * MINUTE_MS),
        createdAt: now,
      });
      const conversationId = await options.codes.conversationFor(target.channel, target.address, now);
      await options.codes.delivery.deliver({
        conversationId,
        kind: 'notice',
        origin: 'system',
        author: 'verification',
        reply: { text: `${options.codes.libraryName}: your one-time code is ${code}. It is good for ${validMinutes} minutes. If you did not ask for it, ignore this message.` },
      });
      logger.info({ channel: contact.channel, sentBy: target.channel }, 'one-time code sent to the contact on file');
      return { ok: true, channel: target.channel, sentTo: maskAddress(target) };
    },

    async verifyCode(contact, code, now) {
      const contactKey = `contact:${hashContact(contact)}`;
      const until = await lockedUntil([contactKey], now);
      if (until) return { ok: false, reason: 'locked', until };
      const pending = await repository.code(contactKey);
      if (!pending || pending.ilsDriver !== ils.driver || pending.expiresAt.getTime() <= now.getTime()) {
        return { ok: false, reason: 'refused', refusal: { ok: false, code: 'other', message: 'No code is waiting, or it has expired.' } };
      }
      const expected = Buffer.from(pending.codeHash, 'hex');
      const actual = Buffer.from(hashCode(code.trim()), 'hex');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        const failure = await fail([contactKey, `patron:${createHash('sha256').update(pending.patronId).digest('hex')}`], now);
        if (failure.ok === false && failure.reason === 'locked') await repository.clearCode(contactKey);
        return failure;
      }
      await repository.clearCode(contactKey);
      await repository.clearLock(contactKey);
      const summary = await ils.accountSummary(pending.patronId);
      if (!summary.ok) return { ok: false, reason: 'refused', refusal: summary };
      await repository.link({
        channel: contact.channel,
        addressHash: hashContact(contact),
        patronId: pending.patronId,
        ilsDriver: ils.driver,
        method: 'otp',
        verifiedAt: now,
        trustedUntil: new Date(now.getTime() + options.trustDays * DAY_MS),
      });
      logger.info({ channel: contact.channel }, 'contact linked to a patron by one-time code');
      return { ok: true, patron: summary.summary.patron };
    },

    async unlink(contact) {
      await repository.unlink(contact.channel, hashContact(contact));
    },
  };
}
