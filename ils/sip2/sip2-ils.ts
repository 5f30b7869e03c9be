import {
  refuse,
  type IlsFine,
  type IlsHold,
  type IlsLoan,
  type IlsPatron,
  type IlsPort,
  type IlsRefusal,
  type IlsRefusalCode,
  type IlsResult,
  type RenewAllOutcome,
} from '../../core/ils.js';
import type { Clock } from '../../core/clock.js';
import { cardLast4 } from '../secrets.js';
import type { IdSealer } from '../sealed-id.js';
import type { PatronInformationReply, Sip2Client } from './sip2-client.js';

export interface Sip2IlsOptions {
  client: Sip2Client;
  sealer: IdSealer;
  clock: Clock;
  /** SIP2 location codes per branch id ("MAIN" → main), for pickup locations. */
  branchCodes?: Record<string, string>;
}

/**
 * Real servers word refusals their own way; these patterns (Koha, Evergreen, Sierra and Polaris
 * wordings) map them onto the port's codes. The server's text is always kept as the message.
 */
const REFUSAL_PATTERNS: Array<[RegExp, IlsRefusalCode]> = [
  [/expired/i, 'card_expired'],
  [/password|\bpin\b/i, 'wrong_pin'],
  [/fine|fee|owe|debt|balance/i, 'fines_over_limit'],
  [/blocked|barred|debarred|restricted/i, 'patron_blocked'],
  [/already.*hold|hold.*already|duplicate hold/i, 'already_on_hold'],
  [/no such hold|hold not found/i, 'hold_not_found'],
  [/hold|reserv|request|recall/i, 'on_hold_for_another_patron'],
  [/limit|maximum|too many renewals|max(imum)? renew/i, 'renewal_limit_reached'],
  [/not renewable|cannot be renewed|non-?renewable|no renewals/i, 'item_not_renewable'],
  [/too soon|too early|not yet/i, 'too_soon_to_renew'],
  [/not (checked|charged) out|not on loan|not charged|not issued/i, 'not_checked_out_to_patron'],
  [/patron not found|unknown patron|invalid patron/i, 'patron_not_found'],
  [/not found|no item|no title|no such/i, 'record_not_found'],
];

export function refusalFromText(messages: string[]): IlsRefusal {
  const text = messages.join(' ').trim();
  for (const [pattern, code] of REFUSAL_PATTERNS) if (pattern.test(text)) return refuse(code, text);
  return refuse('other', text || undefined);
}

/** "Tester, Ada" or "Ada Tester" → "Ada". */
function firstName(name: string | undefined): string {
  if (!name) return '';
  const comma = name.split(',');
  if (comma.length > 1) return comma[1]!.trim().split(/\s+/)[0] ?? '';
  return name.trim().split(/\s+/)[0] ?? '';
}

/** A fine item line: servers write "$2.50 Overdue: Dune", "Overdue 2.50", "2.50 LOST"… */
function parseFine(text: string, index: number): IlsFine {
  const amount = /\$\s*(\d+(?:\.\d{1,2})?)/.exec(text) ?? /(?<![\w-])(\d+\.\d{2})(?![\w-])/.exec(text);
  const cents = amount ? Math.round(Number(amount[1]) * 100) : 0;
  const description = (amount ? text.replace(amount[0], ' ') : text).replace(/\s+/g, ' ').trim() || 'Fine';
  return { id: String(index + 1), amountCents: cents, description };
}

/**
 * IlsPort over SIP2. SIP2 names patrons by card number, so the patron id is the card sealed by `sealer`
 * and made only after a PIN check this client does itself (63: BL valid patron and CQ valid password) —
 * some servers renew without checking the PIN at all. Account actions then go without the PIN, as a
 * trusted self-service terminal does.
 */
export function createSip2Ils(options: Sip2IlsOptions): IlsPort {
  const { client, sealer, clock } = options;
  const codes = options.branchCodes ?? {};
  const branchOf = (code: string | undefined) => (code ? (Object.entries(codes).find(([, value]) => value === code)?.[0] ?? code.toLowerCase()) : undefined);
  const codeOf = (branchId: string) => codes[branchId] ?? branchId;

  function toPatron(card: string, info: PatronInformationReply): IlsPatron {
    return {
      id: sealer.seal(card),
      displayName: firstName(info.name),
      cardLast4: cardLast4(card),
      ...(info.expiresAt ? { expiresAt: info.expiresAt } : {}),
      ...(info.email ? { email: info.email } : {}),
      ...(info.phone ? { phone: info.phone } : {}),
    };
  }

  function cardOf(patronId: string): string | undefined {
    return sealer.unseal(patronId);
  }

  const unknownPatron = () => refuse('patron_not_found', 'Unknown patron id.');

  /** Why a valid patron may not renew or place holds, read from the status flags and screen messages. */
  function statusBlock(info: PatronInformationReply): IlsRefusal | undefined {
    const text = info.messages.join(' ');
    if (info.expiresAt && info.expiresAt.getTime() < clock.now().getTime()) return refuse('card_expired', text || 'Card expired');
    if (/expired/i.test(text)) return refuse('card_expired', text);
    if (info.status.excessiveFines || info.status.excessiveFees) return refuse('fines_over_limit', text || `Fines of ${info.feeAmount ?? 'some amount'} are over the limit.`);
    if (info.status.renewalDenied || info.status.cardLost) return refuse('patron_blocked', text || 'Renewal privileges denied.');
    return undefined;
  }

  return {
    driver: 'sip2',

    async findPatron(cardNumber) {
      const info = await client.patronInformation(cardNumber);
      if (!info.valid) return refuse('patron_not_found', info.messages.join(' ') || undefined);
      return { ok: true, patron: toPatron(cardNumber, info) };
    },

    async verifyPatron(cardNumber, pin) {
      const info = await client.patronInformation(cardNumber, pin);
      if (!info.valid) return refuse('patron_not_found', info.messages.join(' ') || undefined);
      // No CQ at all means the server did not check: that is not a yes.
      if (info.passwordValid !== true) return refuse('wrong_pin', info.messages.join(' ') || 'The PIN was not accepted.');
      return { ok: true, patron: toPatron(cardNumber, info) };
    },

    async accountSummary(patronId) {
      const card = cardOf(patronId);
      if (!card) return unknownPatron();
      const charged = await client.patronInformation(card, undefined, 'chargedItems');
      if (!charged.valid) return refuse('patron_not_found');
      const ready = await client.patronInformation(card, undefined, 'holdItems');
      const waiting = await client.patronInformation(card, undefined, 'unavailableHolds');
      const fines = await client.patronInformation(card, undefined, 'fineItems');
      const now = clock.now();
      const loans: IlsLoan[] = [];
      for (const itemId of charged.chargedItems) {
        const item = await client.itemInformation(itemId);
        const dueAt = item.dueAt ?? now;
        loans.push({ itemId, title: item.title || itemId, dueAt, overdue: dueAt.getTime() < now.getTime() });
      }
      const holds: IlsHold[] = [];
      for (const [list, status] of [[ready.holdItems, 'ready'], [waiting.unavailableHolds, 'waiting']] as const) {
        for (const itemId of list) {
          const item = await client.itemInformation(itemId);
          holds.push({ id: itemId, title: item.title || itemId, status });
        }
      }
      const fineList = fines.fineItems.map(parseFine);
      const total = fines.feeAmount ? Math.round(Number(fines.feeAmount) * 100) : fineList.reduce((sum, fine) => sum + fine.amountCents, 0);
      return { ok: true, summary: { patron: toPatron(card, charged), loans, holds, fines: fineList, totalOwedCents: Number.isFinite(total) ? total : 0 } };
    },

    async renew(patronId, itemId) {
      const card = cardOf(patronId);
      if (!card) return unknownPatron();
      const reply = await client.renew(card, itemId);
      if (!reply.ok) return refusalFromText(reply.messages);
      const dueAt = reply.dueAt ?? (await client.itemInformation(itemId)).dueAt;
      if (!dueAt) return refuse('other', 'The server renewed the item but sent no due date.');
      return { ok: true, item: { itemId, title: reply.title || itemId, dueAt } };
    },

    async renewAll(patronId) {
      const card = cardOf(patronId);
      if (!card) return unknownPatron();
      const info = await client.patronInformation(card, undefined, 'chargedItems');
      const block = statusBlock(info);
      if (block) return block;
      const reply = await client.renewAll(card);
      if (!reply.ok) return refusalFromText(reply.messages);
      const outcome: RenewAllOutcome = { renewed: [], notRenewed: [] };
      for (const itemId of reply.renewed) {
        const item = await client.itemInformation(itemId);
        if (item.dueAt) outcome.renewed.push({ itemId, title: item.title || itemId, dueAt: item.dueAt });
      }
      // 66 lists what was not renewed but not why: ask once per item with 29, which answers with the reason.
      for (const itemId of reply.unrenewed) {
        const single = await client.renew(card, itemId);
        if (single.ok && single.dueAt) {
          outcome.renewed.push({ itemId, title: single.title || itemId, dueAt: single.dueAt });
          continue;
        }
        const item = await client.itemInformation(itemId);
        outcome.notRenewed.push({ itemId, title: item.title || itemId, refusal: refusalFromText(single.messages) });
      }
      return { ok: true, outcome };
    },

    async placeHold(patronId, bibId, pickupBranchId) {
      const card = cardOf(patronId);
      if (!card) return unknownPatron();
      const reply = await client.hold('+', card, { titleId: bibId }, { pickupLocation: codeOf(pickupBranchId) });
      if (!reply.ok) return refusalFromText(reply.messages);
      const pickup = branchOf(reply.pickupLocation) ?? pickupBranchId;
      return {
        ok: true,
        hold: {
          id: reply.itemId ?? bibId,
          title: reply.title ?? bibId,
          bibId,
          status: reply.available ? 'ready' : 'waiting',
          pickupBranchId: pickup,
          ...(reply.queuePosition ? { queuePosition: reply.queuePosition } : {}),
        },
      };
    },

    async cancelHold(patronId, holdId) {
      const card = cardOf(patronId);
      if (!card) return unknownPatron();
      const reply = await client.hold('-', card, { itemId: holdId });
      if (!reply.ok) return refusalFromText(reply.messages.length ? reply.messages : ['No such hold']);
      return { ok: true, holdId };
    },

    // SIP2 asks about items, never titles: availability comes from the catalog's imported holdings.
    itemAvailability: async () => undefined,

    close: () => client.close(),
  } satisfies IlsPort & { close(): Promise<void> };
}

export type { IlsResult };
