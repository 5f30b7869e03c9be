import { DateTime } from 'luxon';
import { isLibdeskError } from '../../core/errors.js';
import type { IlsPatron, IlsPort, IlsRefusal, IlsRefusalCode, PatronVerificationPort, VerificationFailure } from '../../core/ils.js';
import type { Intent } from '../../core/intents.js';
import type { Language } from '../../core/knowledge.js';
import { findCredentials } from '../../core/patron-secrets.js';
import { formatTime } from '../format.js';
import type { IlsResume } from './ils-dialog.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

export type IlsIntent = 'account' | 'renew' | 'hold';

export interface IlsDeps extends SkillDeps {
  ils: IlsPort;
  patrons: PatronVerificationPort;
}

export function hasIls(deps: SkillDeps): deps is IlsDeps {
  return deps.ils !== undefined && deps.patrons !== undefined;
}

/** "send me a code", "I forgot my PIN": verify by a one-time code to the contact on file instead. */
const WANTS_CODE = /\b(code|codes|otp|forgot|forgotten|dont know|don't know|do not know|don't remember|dont remember|no pin|lost my pin|codigo|olvide|olvidé)\b/i;

export type PatronAccess = { ok: true; patronId: string; verified?: IlsPatron } | { ok: false; result: SkillResult };

const contactOf = (turn: Turn) => ({ channel: turn.inquiry.channel, address: turn.inquiry.address });

function reply(turn: Turn, intent: Intent, text: string, extra: Partial<SkillResult> = {}): SkillResult {
  return { intent, outcome: 'clarified', reply: { text, language: turn.language }, state: { ...turn.state, pending: undefined, ils: undefined }, ...extra };
}

/** The request, in words, for "To … I need to check it's you". */
function purpose(intent: IlsIntent, language: Language): string {
  if (intent === 'renew') return say(language, 'renew your items', 'renovar sus préstamos');
  if (intent === 'hold') return say(language, 'place the hold', 'hacer la reserva');
  return say(language, 'look at your account', 'consultar su cuenta');
}

export function askForCredentials(turn: Turn, intent: IlsIntent, resume: IlsResume): SkillResult {
  const { language } = turn;
  return {
    ...reply(
      turn,
      intent,
      say(
        language,
        `To ${purpose(intent, language)} I need to check it's you. Please send your library card number and PIN in one message, like: 21234000000000 1234`,
        `Para ${purpose(intent, language)} necesito comprobar que es usted. Envíe su número de tarjeta de la biblioteca y su PIN en un mismo mensaje, así: 21234000000000 1234`,
      ),
    ),
    state: { ...turn.state, pending: undefined, ils: { kind: 'credentials', resume } },
  };
}

/**
 * The patron this contact speaks for: a contact already linked, or card number + PIN in this message.
 * Otherwise the result asks for them (and remembers what to do after), or says why not.
 */
export async function patronFor(turn: Turn, deps: IlsDeps, intent: IlsIntent, resume: IlsResume): Promise<PatronAccess> {
  const { language } = turn;
  const contact = contactOf(turn);
  const credentials = findCredentials(turn.text);
  if (!credentials) {
    const linked = await deps.patrons.linkedPatron(contact, turn.now);
    if (linked) return { ok: true, patronId: linked };
    return { ok: false, result: askForCredentials(turn, intent, resume) };
  }
  if (WANTS_CODE.test(turn.text) && (!credentials.pin || /\bcode\b/i.test(turn.text))) {
    const sent = await deps.patrons.sendCode(contact, credentials.cardNumber, turn.now);
    if (sent.ok) {
      const how = sent.channel === 'sms' ? say(language, `by text to ${sent.sentTo}`, `por SMS al ${sent.sentTo}`) : say(language, `by e-mail to ${sent.sentTo}`, `por correo a ${sent.sentTo}`);
      return {
        ok: false,
        result: {
          ...reply(turn, intent, say(language, `I've sent a 6-digit code ${how}, the contact on your library account. Reply here with the code to continue.`, `He enviado un código de 6 cifras ${how}, el contacto de su cuenta. Responda aquí con el código para seguir.`)),
          state: { ...turn.state, pending: undefined, ils: { kind: 'code', resume } },
        },
      };
    }
    if (sent.reason === 'locked' || sent.reason === 'wrong_credentials' || sent.reason === 'refused') return verificationFailed(turn, deps, intent, resume, sent);
    const text =
      sent.reason === 'no_contact_on_file'
        ? say(language, "Your account has no phone number or e-mail to send a code to. Please send your card number and PIN, or ask at any branch to add one.", 'Su cuenta no tiene teléfono ni correo para enviar un código. Envíe su número de tarjeta y PIN, o pida en una sucursal que lo añadan.')
        : say(language, "I can't send codes here. Please send your card number and PIN together; if you've forgotten your PIN, staff at any branch can reset it.", 'No puedo enviar códigos aquí. Envíe su número de tarjeta y PIN juntos; si olvidó el PIN, el personal de cualquier sucursal puede cambiarlo.');
    return { ok: false, result: { ...askForCredentials(turn, intent, resume), reply: { text, language } } };
  }
  if (!credentials.pin) {
    // The card alone is never kept between messages: ask for both together.
    return {
      ok: false,
      result: {
        ...askForCredentials(turn, intent, resume),
        reply: {
          text: say(language, 'Thanks — please send the card number and your PIN together in one message, like: 21234000000000 1234', 'Gracias: envíe el número de tarjeta y su PIN juntos en un mensaje, así: 21234000000000 1234'),
          language,
        },
      },
    };
  }
  const result = await deps.patrons.verifyWithPin(contact, credentials.cardNumber, credentials.pin, turn.now);
  if (result.ok) return { ok: true, patronId: result.patron.id, verified: result.patron };
  return verificationFailed(turn, deps, intent, resume, result);
}

/** "Too many tries", "doesn't match", or the ILS's refusal, in the patron's words. */
export function verificationFailed(turn: Turn, deps: IlsDeps, intent: IlsIntent, resume: IlsResume, result: VerificationFailure, what: 'pin' | 'code' = 'pin'): PatronAccess {
  const { language } = turn;
  if (result.reason === 'locked') {
    const until = formatTime(result.until, deps.calendar.timeZone, language);
    const text = say(
      language,
      `For your security I've paused account look-ups for this card after several tries that didn't match. Please try again after ${until}, or ask at any branch.`,
      `Por seguridad he pausado las consultas de esta tarjeta tras varios intentos que no coincidieron. Inténtelo de nuevo después de las ${until} o pregunte en cualquier sucursal.`,
    );
    return { ok: false, result: { ...reply(turn, intent, text), outcome: 'answered' } };
  }
  if (result.reason === 'wrong_credentials' && what === 'code') {
    const text = say(language, `That code doesn't match. Please check it and send it again (${result.attemptsLeft} ${result.attemptsLeft === 1 ? 'try' : 'tries'} left).`, `Ese código no coincide. Revíselo y envíelo de nuevo (quedan ${result.attemptsLeft} intentos).`);
    return { ok: false, result: { ...reply(turn, intent, text), state: { ...turn.state, pending: undefined, ils: { kind: 'code', resume } } } };
  }
  if (result.reason === 'wrong_credentials') {
    const text = say(
      language,
      `That card number and PIN don't match our records. Please check and send them again (${result.attemptsLeft} ${result.attemptsLeft === 1 ? 'try' : 'tries'} left). If you've forgotten your PIN, staff at any branch can reset it.`,
      `Ese número de tarjeta y PIN no coinciden con nuestros registros. Revíselos y envíelos de nuevo (quedan ${result.attemptsLeft} intentos). Si olvidó su PIN, el personal de cualquier sucursal puede cambiarlo.`,
    );
    return { ok: false, result: { ...askForCredentials(turn, intent, resume), reply: { text, language } } };
  }
  return { ok: false, result: { ...reply(turn, intent, refusalSentence(result.refusal, language)), outcome: 'answered' } };
}

const REFUSAL_WORDS: Record<IlsRefusalCode, [string, string]> = {
  patron_not_found: ['the library system does not recognise this card', 'el sistema no reconoce esta tarjeta'],
  wrong_pin: ['the PIN was not accepted', 'el PIN no fue aceptado'],
  card_expired: ['your card has expired — renew it at any branch', 'su tarjeta ha caducado; renuévela en cualquier sucursal'],
  patron_blocked: ['your account has a block on it — please contact the library', 'su cuenta tiene un bloqueo; contacte con la biblioteca'],
  fines_over_limit: ['fines on the account are over the limit', 'las multas de la cuenta superan el límite'],
  on_hold_for_another_patron: ['another patron is waiting for it', 'otra persona lo tiene reservado'],
  renewal_limit_reached: ['it has been renewed the most times allowed', 'ya se renovó el máximo de veces'],
  item_not_renewable: ['this kind of item cannot be renewed', 'este tipo de material no se puede renovar'],
  too_soon_to_renew: ['it is too soon to renew it', 'aún es pronto para renovarlo'],
  not_checked_out_to_patron: ['it is not checked out to you', 'no está prestado a su nombre'],
  hold_not_allowed: ['a hold cannot be placed on it', 'no se puede reservar'],
  already_on_hold: ['you already have a hold on it', 'ya tiene una reserva de este título'],
  hold_not_found: ['that hold is not on your account', 'esa reserva no está en su cuenta'],
  record_not_found: ['the library system cannot find that title', 'el sistema no encuentra ese título'],
  other: ['the library system said no', 'el sistema de la biblioteca lo rechazó'],
};

/** "renewal limit reached" in the patron's words, with what the ILS itself said when it adds anything. */
export function refusalReason(refusal: IlsRefusal, language: Language): string {
  const words = REFUSAL_WORDS[refusal.code][language === 'es' ? 1 : 0];
  return refusal.message && refusal.code === 'other' ? `${words} ("${refusal.message}")` : refusal.message ? `${words} — “${refusal.message}”` : words;
}

export function refusalSentence(refusal: IlsRefusal, language: Language): string {
  const reason = refusalReason(refusal, language);
  return say(language, `Sorry, I can't do that: ${reason}.`, `Lo siento, no puedo hacerlo: ${reason}.`);
}

/** "Tue, Dec 22" in the library's time zone. */
export function formatDue(date: Date, timeZone: string, language: Language): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).setLocale(language).toFormat(language === 'es' ? "ccc d 'de' LLL" : 'ccc, LLL d');
}

export function money(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** The ILS is down or slow: say so plainly and offer a person. */
export function ilsUnavailable(turn: Turn, intent: Intent, error: unknown, deps: SkillDeps): SkillResult {
  if (!isLibdeskError(error) || !error.code.startsWith('LD_ILS_')) throw error;
  deps.logger.warn({ code: error.code, intent }, 'library system unavailable');
  const { language } = turn;
  return {
    intent,
    outcome: 'clarified',
    reply: {
      text: say(
        language,
        "I can't reach the library's account system right now. Please try again in a few minutes — or shall I pass your request to library staff?",
        'Ahora mismo no puedo conectar con el sistema de cuentas de la biblioteca. Inténtelo en unos minutos, ¿o prefiere que pase su petición al personal?',
      ),
      quickReplies: say(language, 'Yes|No', 'Sí|No').split('|'),
      language,
    },
    state: { ...turn.state, ils: undefined, pending: { kind: 'confirm-handoff', intent, request: turn.safeText } },
  };
}

/**
 * A policy question ("can I renew a DVD?", "how many holds can I have?") is for the knowledge base, not
 * a request to act on an account. The classifier decides this first; skills check again to refuse gracefully.
 */
export function isPolicyQuestion(text: string): boolean {
  // "got an email that my hold is ready, how many days do i have to pick it up?": the question may follow a
  // story, in a clause of its own.
  return [text, ...text.split(/[,;.!?]\s+|\n+/).slice(1)].some((clause) => asksAboutAPolicy(clause.trim()));
}

function asksAboutAPolicy(text: string): boolean {
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // About this patron's own things: a request, whatever its wording.
  if (/\b(my|mine|me|do i (have|owe)|have i|i owe|i have|did i|mis|mi|tengo|debo)\b/.test(folded) && !/\bhow (many|long|often)\b|\bcuantas?\b|\bcuantos?\b/.test(folded)) return false;
  if (!/^\s*(can|could|may|do|does|is|are|how|what|whats|when|why|se puede|puedo|cuantas?|cuantos?|como)\b/.test(folded)) return false;
  // About a kind of item or a rule, not a named title: "can I renew a DVD?", "how many renewals?".
  return (
    /\b(a|an|any)\s+(dvd|book|item|magazine|ebook|e-book|audiobook|cd|video|game|laptop|hotspot|new release|movie|thing)s?\b/.test(folded) ||
    /\b(dvds|books|items|magazines|ebooks|audiobooks|cds|movies|games|videos|things)\b/.test(folded) ||
    /\bhow (many|long|often|much)\b|\b(limit|policy|allowed|rules?|cuantas?|cuantos?)\b/.test(folded)
  );
}
