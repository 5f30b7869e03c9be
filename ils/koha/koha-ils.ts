import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import {
  refuse,
  type IlsHold,
  type IlsHoldStatus,
  type IlsLoan,
  type IlsPatron,
  type IlsPort,
  type IlsRefusal,
  type IlsRefusalCode,
  type IlsResult,
  type RenewAllOutcome,
  type RenewedItem,
} from '../../core/ils.js';
import { cardLast4 } from '../secrets.js';
import type { KohaClient } from './koha-client.js';
import {
  accountSchema,
  allowsRenewalSchema,
  biblioSchema,
  checkoutSchema,
  errorSchema,
  holdSchema,
  itemSchema,
  parseKoha,
  passwordValidationSchema,
  patronSchema,
  type KohaCheckout,
  type KohaPatron,
} from './koha-schemas.js';

export interface KohaIlsOptions {
  client: KohaClient;
  clock: Clock;
  timeZone: string;
  /** Koha library codes per branch id ("MAIN" ↔ main). */
  branchCodes?: Record<string, string>;
  /** Refuse renewals and holds above this balance, as Koha's OPACFineNoRenewals does (cents). */
  fineLimitCents?: number;
  /** Koha's biblio_id for a catalog record id; default: the record id's trailing number ("KOHA:123" → 123). */
  toBiblioId?: (bibId: string) => number | undefined;
  fromBiblioId?: (biblioId: number) => string;
}

/** Koha's renewal error codes (C4::Circulation::CanBookBeRenewed) onto the port's. */
const RENEWAL_ERRORS: Record<string, IlsRefusalCode> = {
  too_many: 'renewal_limit_reached',
  too_many_unseen: 'renewal_limit_reached',
  on_reserve: 'on_hold_for_another_patron',
  too_soon: 'too_soon_to_renew',
  auto_too_soon: 'too_soon_to_renew',
  restriction: 'patron_blocked',
  overdue: 'patron_blocked',
  item_denied_renewal: 'item_not_renewable',
  item_issued_to_other_patron: 'not_checked_out_to_patron',
  no_checkout: 'not_checked_out_to_patron',
  no_item: 'record_not_found',
  auto_account_expired: 'card_expired',
  auto_too_much_oweing: 'fines_over_limit',
  too_much_oweing: 'fines_over_limit',
};

/** Hold refusals: Koha says "Hold cannot be placed. Reason: tooManyReserves" and the like. */
const HOLD_ERRORS: Array<[RegExp, IlsRefusalCode]> = [
  [/alreadyReserved|already/i, 'already_on_hold'],
  [/alreadypossession|already in possession/i, 'hold_not_allowed'],
  [/expired/i, 'card_expired'],
  [/debarred|restricted/i, 'patron_blocked'],
  [/fine|owe/i, 'fines_over_limit'],
  [/not ?found|does not exist/i, 'record_not_found'],
];

const DEFAULT_BIBLIO = (bibId: string) => {
  const match = /(\d+)$/.exec(bibId);
  return match ? Number(match[1]) : undefined;
};

/**
 * IlsPort over Koha's REST API. Patron ids are Koha's `patron_id`; loans are named by `checkout_id`;
 * holds by `hold_id`. Before renewing or placing a hold it checks what Koha's OPAC checks (card expiry,
 * restrictions, the fine limit), because the staff API does not.
 */
export function createKohaIls(options: KohaIlsOptions): IlsPort {
  const { client, clock, timeZone } = options;
  const fineLimitCents = options.fineLimitCents ?? 1000;
  const toBiblioId = options.toBiblioId ?? DEFAULT_BIBLIO;
  const fromBiblioId = options.fromBiblioId ?? ((id: number) => String(id));
  const codes = options.branchCodes ?? {};
  const branchOf = (code: string | null | undefined) => (code ? (Object.entries(codes).find(([, value]) => value === code)?.[0] ?? code.toLowerCase()) : undefined);
  const codeOf = (branchId: string) => codes[branchId] ?? branchId.toUpperCase();
  const date = (text: string) => {
    const parsed = DateTime.fromISO(text, { zone: timeZone });
    return parsed.isValid ? parsed.toJSDate() : new Date(Number.NaN);
  };
  const errorText = (body: unknown) => {
    const parsed = errorSchema.safeParse(body);
    return parsed.success ? (parsed.data.error ?? parsed.data.error_code) : undefined;
  };

  function toPatron(patron: KohaPatron): IlsPatron {
    const expires = patron.expiry_date ? DateTime.fromISO(patron.expiry_date, { zone: timeZone }).endOf('day') : undefined;
    return {
      id: String(patron.patron_id),
      displayName: patron.preferred_name || patron.firstname || '',
      cardLast4: cardLast4(patron.cardnumber ?? ''),
      ...(expires?.isValid ? { expiresAt: expires.toJSDate() } : {}),
      ...(branchOf(patron.library_id) ? { homeBranchId: branchOf(patron.library_id)! } : {}),
      ...(patron.email ? { email: patron.email } : {}),
      ...(patron.phone ? { phone: patron.phone } : {}),
    };
  }

  async function patronByCard(card: string): Promise<KohaPatron | undefined> {
    const response = await client.request('GET', `/patrons?cardnumber=${encodeURIComponent(card)}`);
    if (response.status !== 200) return undefined;
    return parseKoha(z.array(patronSchema), response.body, 'patron search').find((patron) => patron.cardnumber === card);
  }

  async function patronById(patronId: string): Promise<KohaPatron | undefined> {
    if (!/^\d+$/.test(patronId)) return undefined;
    const response = await client.request('GET', `/patrons/${patronId}`);
    return response.status === 200 ? parseKoha(patronSchema, response.body, 'patron') : undefined;
  }

  async function balanceCents(patronId: string): Promise<{ cents: number; lines: Array<{ id: string; amountCents: number; description: string; createdAt?: Date }> }> {
    const response = await client.request('GET', `/patrons/${patronId}/account`);
    if (response.status !== 200) return { cents: 0, lines: [] };
    const account = parseKoha(accountSchema, response.body, 'account');
    return {
      cents: Math.round(account.balance * 100),
      lines: account.outstanding_debits.lines.map((line) => ({
        id: String(line.account_line_id),
        amountCents: Math.round(line.amount_outstanding * 100),
        description: line.description || line.debit_type || 'Fee',
        ...(line.date ? { createdAt: date(line.date) } : {}),
      })),
    };
  }

  /** What Koha's OPAC refuses a patron for before looking at the item. */
  async function patronBlock(patron: KohaPatron): Promise<IlsRefusal | undefined> {
    const patronView = toPatron(patron);
    if (patronView.expiresAt && patronView.expiresAt.getTime() < clock.now().getTime()) return refuse('card_expired', 'Patron card has expired');
    if (patron.restricted) return refuse('patron_blocked', 'Patron is restricted');
    const { cents } = await balanceCents(String(patron.patron_id));
    if (cents > fineLimitCents) return refuse('fines_over_limit', `Balance of ${(cents / 100).toFixed(2)} is over the limit of ${(fineLimitCents / 100).toFixed(2)}`);
    return undefined;
  }

  async function checkouts(patronId: string): Promise<KohaCheckout[]> {
    const response = await client.request('GET', `/checkouts?patron_id=${patronId}&_per_page=-1`);
    if (response.status !== 200) return [];
    return parseKoha(z.array(checkoutSchema), response.body, 'checkouts');
  }

  async function itemTitle(itemId: number | null): Promise<{ title?: string; biblioId?: number }> {
    if (itemId === null) return {};
    const response = await client.request('GET', `/items/${itemId}`, { headers: { 'x-koha-embed': 'biblio' } });
    if (response.status !== 200) return {};
    const item = parseKoha(itemSchema, response.body, 'item');
    return { biblioId: item.biblio_id, ...(item.biblio?.title ? { title: item.biblio.title } : {}) };
  }

  async function biblioTitle(biblioId: number): Promise<string | undefined> {
    const response = await client.request('GET', `/biblios/${biblioId}`);
    return response.status === 200 ? (parseKoha(biblioSchema, response.body, 'biblio').title ?? undefined) : undefined;
  }

  async function renewCheckout(checkout: KohaCheckout, title: string): Promise<IlsResult<{ item: RenewedItem }>> {
    const check = await client.request('GET', `/checkouts/${checkout.checkout_id}/allows_renewal`);
    if (check.status === 404) return refuse('not_checked_out_to_patron', errorText(check.body));
    const allows = parseKoha(allowsRenewalSchema, check.body, 'allows_renewal');
    if (!allows.allows_renewal) {
      const code = allows.error ? (RENEWAL_ERRORS[allows.error] ?? 'other') : 'other';
      return refuse(code, allows.error ?? undefined);
    }
    const renewed = await client.request('POST', `/checkouts/${checkout.checkout_id}/renewal`);
    if (renewed.status !== 201) {
      const text = errorText(renewed.body);
      const key = text ? Object.keys(RENEWAL_ERRORS).find((error) => text.includes(error)) : undefined;
      return refuse(key ? RENEWAL_ERRORS[key]! : 'other', text);
    }
    const after = parseKoha(checkoutSchema, renewed.body, 'renewal');
    return {
      ok: true,
      item: { itemId: String(after.checkout_id), title, dueAt: date(after.due_date), ...(after.renewals_count != null ? { renewals: after.renewals_count } : {}) },
    };
  }

  function holdStatus(status: string | null | undefined): IlsHoldStatus {
    if (status === 'W') return 'ready';
    if (status === 'T') return 'in_transit';
    return 'waiting';
  }

  return {
    driver: 'koha',

    async findPatron(cardNumber) {
      const patron = await patronByCard(cardNumber);
      return patron ? { ok: true, patron: toPatron(patron) } : refuse('patron_not_found');
    },

    async verifyPatron(cardNumber, pin) {
      const response = await client.request('POST', '/auth/password/validation', { body: { identifier: cardNumber, password: pin } });
      if (response.status !== 201) {
        // Koha answers "Validation failed" for both; say which only after looking the card up.
        return (await patronByCard(cardNumber)) ? refuse('wrong_pin', errorText(response.body)) : refuse('patron_not_found');
      }
      const validated = parseKoha(passwordValidationSchema, response.body, 'password validation');
      const patron = await patronById(String(validated.patron_id));
      return patron ? { ok: true, patron: toPatron(patron) } : refuse('patron_not_found');
    },

    async accountSummary(patronId) {
      const patron = await patronById(patronId);
      if (!patron) return refuse('patron_not_found');
      const now = clock.now();
      const loans: IlsLoan[] = [];
      for (const checkout of await checkouts(patronId)) {
        const item = await itemTitle(checkout.item_id);
        const dueAt = date(checkout.due_date);
        loans.push({
          itemId: String(checkout.checkout_id),
          title: item.title ?? checkout.external_id ?? String(checkout.checkout_id),
          ...(item.biblioId !== undefined ? { bibId: fromBiblioId(item.biblioId) } : {}),
          dueAt,
          ...(checkout.renewals_count != null ? { renewals: checkout.renewals_count } : {}),
          overdue: dueAt.getTime() < now.getTime(),
        });
      }
      const holdsResponse = await client.request('GET', `/holds?patron_id=${patronId}&_per_page=-1`);
      const holds: IlsHold[] = [];
      if (holdsResponse.status === 200) {
        for (const hold of parseKoha(z.array(holdSchema), holdsResponse.body, 'holds')) {
          const status = holdStatus(hold.status);
          holds.push({
            id: String(hold.hold_id),
            title: (await biblioTitle(hold.biblio_id)) ?? String(hold.biblio_id),
            bibId: fromBiblioId(hold.biblio_id),
            status: hold.suspended ? 'suspended' : status,
            ...(branchOf(hold.pickup_library_id) ? { pickupBranchId: branchOf(hold.pickup_library_id)! } : {}),
            ...(status === 'waiting' && hold.priority ? { queuePosition: hold.priority } : {}),
            ...(status === 'ready' && hold.expiration_date ? { pickupBy: DateTime.fromISO(hold.expiration_date, { zone: timeZone }).endOf('day').toJSDate() } : {}),
            ...(hold.hold_date ? { placedAt: date(hold.hold_date) } : {}),
          });
        }
      }
      const account = await balanceCents(patronId);
      return { ok: true, summary: { patron: toPatron(patron), loans, holds, fines: account.lines, totalOwedCents: account.lines.reduce((sum, line) => sum + line.amountCents, 0) } };
    },

    async renew(patronId, itemId) {
      const patron = await patronById(patronId);
      if (!patron) return refuse('patron_not_found');
      const checkout = (await checkouts(patronId)).find((entry) => String(entry.checkout_id) === itemId);
      if (!checkout) return refuse('not_checked_out_to_patron');
      const blocked = await patronBlock(patron);
      if (blocked) return blocked;
      const { title } = await itemTitle(checkout.item_id);
      return renewCheckout(checkout, title ?? itemId);
    },

    async renewAll(patronId) {
      const patron = await patronById(patronId);
      if (!patron) return refuse('patron_not_found');
      const blocked = await patronBlock(patron);
      if (blocked) return blocked;
      const outcome: RenewAllOutcome = { renewed: [], notRenewed: [] };
      for (const checkout of await checkouts(patronId)) {
        const title = (await itemTitle(checkout.item_id)).title ?? String(checkout.checkout_id);
        const result = await renewCheckout(checkout, title);
        if (result.ok) outcome.renewed.push(result.item);
        else outcome.notRenewed.push({ itemId: String(checkout.checkout_id), title, refusal: result });
      }
      return { ok: true, outcome };
    },

    async placeHold(patronId, bibId, pickupBranchId) {
      const patron = await patronById(patronId);
      if (!patron) return refuse('patron_not_found');
      const biblioId = toBiblioId(bibId);
      if (biblioId === undefined) return refuse('record_not_found', 'This record has no Koha biblio number.');
      const blocked = await patronBlock(patron);
      if (blocked) return blocked;
      const response = await client.request('POST', '/holds', { body: { patron_id: patron.patron_id, biblio_id: biblioId, pickup_library_id: codeOf(pickupBranchId) } });
      if (response.status !== 201) {
        const text = errorText(response.body) ?? `HTTP ${response.status}`;
        const code = HOLD_ERRORS.find(([pattern]) => pattern.test(text))?.[1] ?? (response.status === 404 ? 'record_not_found' : 'hold_not_allowed');
        return refuse(code, text);
      }
      const hold = parseKoha(holdSchema, response.body, 'hold');
      return {
        ok: true,
        hold: {
          id: String(hold.hold_id),
          title: (await biblioTitle(hold.biblio_id)) ?? bibId,
          bibId,
          status: holdStatus(hold.status),
          pickupBranchId: branchOf(hold.pickup_library_id) ?? pickupBranchId,
          ...(hold.priority ? { queuePosition: hold.priority } : {}),
        },
      };
    },

    async cancelHold(patronId, holdId) {
      // Only the patron's own holds: look before deleting.
      const listed = await client.request('GET', `/holds?patron_id=${encodeURIComponent(patronId)}&_per_page=-1`);
      const holds = listed.status === 200 ? parseKoha(z.array(holdSchema), listed.body, 'holds') : [];
      if (!holds.some((hold) => String(hold.hold_id) === holdId)) return refuse('hold_not_found');
      const response = await client.request('DELETE', `/holds/${encodeURIComponent(holdId)}`);
      if (response.status !== 204 && response.status !== 202 && response.status !== 200) return refuse('hold_not_found', errorText(response.body));
      return { ok: true, holdId };
    },

    async itemAvailability(bibId) {
      const biblioId = toBiblioId(bibId);
      if (biblioId === undefined) return undefined;
      const response = await client.request('GET', `/biblios/${biblioId}/items?_per_page=-1`);
      if (response.status !== 200) return undefined;
      const items = parseKoha(z.array(itemSchema), response.body, 'biblio items');
      const byBranch = new Map<string, { branchId: string; total: number; available: number }>();
      for (const item of items) {
        const branchId = branchOf(item.holding_library_id ?? item.home_library_id) ?? 'unknown';
        const entry = byBranch.get(branchId) ?? { branchId, total: 0, available: 0 };
        entry.total += 1;
        if (!item.checked_out_date && !item.lost_status && !item.withdrawn && !item.not_for_loan_status) entry.available += 1;
        byBranch.set(branchId, entry);
      }
      const branches = [...byBranch.values()].sort((a, b) => a.branchId.localeCompare(b.branchId));
      return { bibId, total: items.length, available: branches.reduce((sum, branch) => sum + branch.available, 0), branches };
    },
  };
}
