/**
 * The request inside a message: e-mails and long chat messages come wrapped in a greeting ("Hello,",
 * "Dear librarian,") and a sign-off ("Many thanks, Doreen", "Sent from my iPhone", a signature block).
 * Those words are not the question and must not reach the classifier or a catalog query. One pass over
 * the lines; linear in the length of the message.
 */
const GREETING_LINE = /^\s*(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|greetings|to whom it may concern|hola|buenos d[ií]as|buenas(?: tardes| noches)?|estimad[oa]s?)\b[^.?!\n]{0,40}[,!:.]?\s*$/i;
const GREETING_PREFIX = /^\s*(?:(?:hi|hello|hey|hiya|hola|greetings)(?:\s+there)?|good (?:morning|afternoon|evening)|dear (?:sir or madam|librarian|library(?: team)?|[a-z]+ library))[,!.:]+\s+/i;
const THANKS_BEFORE_A_QUESTION = /^\s*(?:thanks?(?: you)?(?: so much)?|thank u|thx|ty|gracias|muchas gracias)[,!.]+\s+(?=[^\n]*\?)/i;
const SIGN_OFF = /^\s*(?:thanks?(?: you)?(?: so much| very much| in advance)?|many thanks|thank u|cheers|best(?: regards| wishes)?|kind regards|warm regards|warmly|regards|sincerely|respectfully|yours(?: truly| sincerely)?|take care|saludos|atentamente|gracias|muchas gracias|un saludo)\b[^\n]{0,30}[,!.]?\s*$/i;
const SIGNATURE_START = /^\s*(?:--\s*$|__+|sent from my |get outlook for |enviado desde mi )/i;
/** "… Thank you, Ruth" at the end of a one-line e-mail. */
const TRAILING_SIGN_OFF = /[.!?]\s+(?:thanks?(?: you)?(?: so much)?|many thanks|best(?: regards)?|kind regards|regards|cheers|sincerely|gracias|saludos)[,!.]?\s+[A-Z][\p{L}.' -]{0,40}$/iu;
const MAX_GREETING_LINES = 2;
/**
 * "Subject: Reserva" pasted above a message: the label is no word of the patron's (and, common to every
 * such message, it would teach the models that e-mails are one kind of message). Its text is kept.
 */
const SUBJECT_LABEL = /^\s*(?:subject|asunto)\s*:\s*(?:(?:re|fwd?|rv)\s*:\s*)*/i;

export function messageBody(text: string): string {
  if (text.length < 12) return text;
  const lines = text.split(/\r?\n/);
  const subject = SUBJECT_LABEL.test(lines[0]!) ? lines.shift()!.replace(SUBJECT_LABEL, '').trim() : undefined;
  const body = bodyLines(lines);
  if (subject === undefined) return body || text.trim();
  return body ? `${subject}\n\n${body}` : subject;
}

function bodyLines(lines: string[]): string {
  let start = 0;
  while (start < lines.length && start < MAX_GREETING_LINES && (lines[start]!.trim() === '' || GREETING_LINE.test(lines[start]!))) start++;
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    if (SIGNATURE_START.test(lines[i]!)) {
      end = i;
      break;
    }
    // A sign-off line ends the message once some content came before it.
    if (i > start && SIGN_OFF.test(lines[i]!) && lines.slice(start, i).some((line) => line.trim().length > 0)) {
      end = i;
      break;
    }
  }
  let body = lines.slice(start, end).join('\n').trim();
  if (body.length === 0) return '';
  const prefix = GREETING_PREFIX.exec(body);
  if (prefix && body.length - prefix[0].length >= 8) body = body.slice(prefix[0].length);
  // "Thank you. Which hour the library is closing in this night?": thanks said on the way to a question.
  const thanks = THANKS_BEFORE_A_QUESTION.exec(body);
  if (thanks && body.length - thanks[0].length >= 8) body = body.slice(thanks[0].length);
  const trailing = TRAILING_SIGN_OFF.exec(body);
  if (trailing && trailing.index > 8) body = body.slice(0, trailing.index + 1);
  return body.trim();
}
