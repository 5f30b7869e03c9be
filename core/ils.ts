/**
 * The library system (ILS) as the assistant needs it: who a patron is, what they have out, what they
 * owe, what they wait for, and the few actions a patron may take by message. One port, three adapters
 * (embedded database, SIP2, Koha REST); `test/contracts/ils-port.contract.ts` holds them to one behaviour.
 *
 * Refusals are values, not exceptions: "renewal limit reached" is a normal answer the patron must hear,
 * with the ILS's own wording kept in `message`. Exceptions are for the ILS being down or speaking nonsense
 * (`LD_ILS_UNAVAILABLE`, `LD_ILS_TIMEOUT`, `LD_ILS_PROTOCOL`).
 */

/** Why the ILS said no. Adapters map their system's codes and texts onto these; `other` keeps the rest. */
export const ILS_REFUSALS = [
  'patron_not_found',
  'wrong_pin',
  'card_expired',
  'patron_blocked',
  'fines_over_limit',
  'on_hold_for_another_patron',
  'renewal_limit_reached',
  'item_not_renewable',
  'too_soon_to_renew',
  'not_checked_out_to_patron',
  'hold_not_allowed',
  'already_on_hold',
  'hold_not_found',
  'record_not_found',
  'other',
] as const;
export type IlsRefusalCode = (typeof ILS_REFUSALS)[number];

export interface IlsRefusal {
  ok: false;
  code: IlsRefusalCode;
  /** What the ILS itself said ("Item has reached the maximum number of renewals"), when it said anything. */
  message?: string;
}

export type IlsResult<T> = ({ ok: true } & T) | IlsRefusal;

/**
 * What the port tells about a patron. `id` is opaque: an embedded row id, a Koha `patron_id`, or a sealed
 * SIP2 barcode. It is what contacts are linked to; it is not the card number (card numbers are secrets).
 */
export interface IlsPatron {
  id: string;
  /** The name to greet by ("Ada"): first or preferred name only. */
  displayName: string;
  /** Last four digits of the card, for "card ••3456" in replies and tickets. */
  cardLast4: string;
  expiresAt?: Date;
  homeBranchId?: string;
  /** Contacts the ILS has on file, for one-time codes and notices (personal data: never logged). */
  email?: string;
  phone?: string;
}

export interface IlsLoan {
  /** The item's id in the ILS (barcode for SIP2 and the embedded ILS, checkout id for Koha). */
  itemId: string;
  title: string;
  bibId?: string;
  dueAt: Date;
  /** Times renewed, when the ILS tells (SIP2 does not). */
  renewals?: number;
  /** Renewals still allowed, when the ILS tells. */
  renewalsLeft?: number;
  overdue: boolean;
}

export const HOLD_STATUSES = ['waiting', 'in_transit', 'ready', 'suspended'] as const;
export type IlsHoldStatus = (typeof HOLD_STATUSES)[number];

export interface IlsHold {
  id: string;
  title: string;
  bibId?: string;
  status: IlsHoldStatus;
  pickupBranchId?: string;
  /** Place in the queue, when waiting. */
  queuePosition?: number;
  /** A ready hold is kept on the shelf until this instant. */
  pickupBy?: Date;
  placedAt?: Date;
}

export interface IlsFine {
  id: string;
  /** Amount still owed, in the library's currency minor unit (cents). */
  amountCents: number;
  description: string;
  createdAt?: Date;
}

export interface AccountSummary {
  patron: IlsPatron;
  loans: IlsLoan[];
  holds: IlsHold[];
  fines: IlsFine[];
  /** Sum of `fines`, in cents. */
  totalOwedCents: number;
}

export interface RenewedItem {
  itemId: string;
  title: string;
  dueAt: Date;
  renewals?: number;
}

export interface RenewAllOutcome {
  renewed: RenewedItem[];
  notRenewed: Array<{ itemId: string; title: string; refusal: IlsRefusal }>;
}

export interface ItemAvailability {
  bibId: string;
  total: number;
  available: number;
  branches: Array<{ branchId: string; total: number; available: number; nextDueAt?: Date }>;
}

/** Which library system serves the port. */
export const ILS_DRIVERS = ['embedded', 'sip2', 'koha'] as const;
export type IlsDriver = (typeof ILS_DRIVERS)[number];

export interface IlsPort {
  readonly driver: IlsDriver;
  /** Looks a card up without its PIN; says only whether it exists (for "card not recognised"). */
  findPatron(cardNumber: string): Promise<IlsResult<{ patron: IlsPatron }>>;
  /** Card number and PIN; the one way to get a patron id the account methods accept. */
  verifyPatron(cardNumber: string, pin: string): Promise<IlsResult<{ patron: IlsPatron }>>;
  accountSummary(patronId: string): Promise<IlsResult<{ summary: AccountSummary }>>;
  renew(patronId: string, itemId: string): Promise<IlsResult<{ item: RenewedItem }>>;
  renewAll(patronId: string): Promise<IlsResult<{ outcome: RenewAllOutcome }>>;
  placeHold(patronId: string, bibId: string, pickupBranchId: string): Promise<IlsResult<{ hold: IlsHold }>>;
  cancelHold(patronId: string, holdId: string): Promise<IlsResult<{ holdId: string }>>;
  itemAvailability(bibId: string): Promise<ItemAvailability | undefined>;
  close?(): Promise<void>;
}

export function refuse(code: IlsRefusalCode, message?: string): IlsRefusal {
  return message ? { ok: false, code, message } : { ok: false, code };
}

/** Why a contact could not be linked to a patron. Wrong card and wrong PIN look the same from outside. */
export type VerificationFailure =
  | { ok: false; reason: 'wrong_credentials'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: Date }
  | { ok: false; reason: 'refused'; refusal: IlsRefusal };

export type VerificationResult = { ok: true; patron: IlsPatron } | VerificationFailure;

/** Who a contact is: a phone number, an e-mail address, a Slack or Discord id, a web-chat session. */
export interface PatronContactRef {
  channel: string;
  address: string;
}

/**
 * Links contacts to ILS patrons. A contact is trusted as a patron only after card number + PIN on that
 * channel, for a configured number of days or until unlinked; three failures lock for 15 minutes.
 */
export interface PatronVerificationPort {
  /** The patron id a contact is linked to and still trusted as, if any. */
  linkedPatron(contact: PatronContactRef, now: Date): Promise<string | undefined>;
  verifyWithPin(contact: PatronContactRef, cardNumber: string, pin: string, now: Date): Promise<VerificationResult>;
  /**
   * Sends a one-time code to the contact the ILS has on file for this card (never to the one asking);
   * `sentTo` is a masked hint ("a•••@example.org"). `unavailable` when no delivery is configured.
   */
  sendCode(contact: PatronContactRef, cardNumber: string, now: Date): Promise<CodeSendResult>;
  /** The code typed back on the contact that asked for it; links that contact like a PIN would. */
  verifyCode(contact: PatronContactRef, code: string, now: Date): Promise<VerificationResult>;
  unlink(contact: PatronContactRef): Promise<void>;
}

export type CodeSendResult =
  | { ok: true; sentTo: string; channel: 'sms' | 'email' }
  | { ok: false; reason: 'no_contact_on_file' | 'unavailable' | 'no_code_pending' }
  | VerificationFailure;
