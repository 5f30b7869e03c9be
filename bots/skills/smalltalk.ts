import { foldToWords, withoutDrawnOutEnd } from '../text/normalize.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** Ordered: the first pattern that fits the message picks the answer. Folded text, no punctuation. */
const ANSWERS: Array<[RegExp, string, string]> = [
  [/\b(stop|quit|unsubscribe|end chat|leave me alone|stop texting|stop messaging|basta|para ya|no (?:quiero|deseo) recibir (?:mas )?mensajes|dejen de (?:escribirme|enviarme|mandarme))\b/, "OK — I'll stop here. Write any time if you need the library.", 'De acuerdo, lo dejo aquí. Escriba cuando necesite algo de la biblioteca.'],
  [/\b(not helpful|not helping|didn ?t help|did not help|does ?n ?t work for me|does not work for me|doesnt work|not what i asked|wrong answer|useless|no sirve|no me ayuda)\b/, "Sorry that didn't help. Tell me in other words what you need, or say \"talk to a person\" and I'll pass it to library staff.", 'Perdón, no le ayudó. Dígamelo con otras palabras, o escriba "hablar con una persona" y se lo paso al personal.'],
  [/\b(your name|who are you|who s this|who is this|who am i talking|what are you|como te llamas|quien eres)\b/, "I'm the Riverside library's virtual assistant. I can help with hours, cards, services, finding books and reporting broken equipment — or pass you to a person.", 'Soy el asistente virtual de la biblioteca. Puedo ayudarle con horarios, tarjetas, servicios, libros y equipos, o pasarle con una persona.'],
  [/\b(robot|bot|machine|computer program|automated|ai|chatgpt|human|are you real|eres un robot)\b/, "I'm an automated assistant, not a person. A person is one message away: just say \"talk to a person\".", 'Soy un asistente automático, no una persona. Si prefiere hablar con alguien, escriba "hablar con una persona".'],
  [/\b(what can you do|what can i ask|what do you do|help|que puedes hacer)\b/, 'I can tell you opening hours, answer questions about cards, fines, printing, Wi-Fi and other services, look up books, report a broken computer or printer, or pass you to staff. What do you need?', 'Puedo darle horarios, responder sobre tarjetas, multas, impresión, wifi y otros servicios, buscar libros, avisar de un equipo roto o pasarle con el personal. ¿Qué necesita?'],
  [/\b(thanks?|thank you|thank u|thx|ty|tysm|gracias|cheers|appreciate|much appreciated|that helps|that helped)\b/, "You're welcome! Anything else I can help with?", '¡De nada! ¿Le puedo ayudar en algo más?'],
  [/\b(bye|goodbye|good night|adios|chao|see you|see ya|later|ttyl|take care|hasta luego|have a (nice|good|great) (day|one|night|evening))\b/, 'Goodbye, and happy reading!', '¡Adiós y feliz lectura!'],
  [/\b(how are you|how s it going|how are you doing|whats up|what s up|sup|como estas|que tal)\b/, "I'm doing well, thanks for asking! What can I do for you today?", '¡Muy bien, gracias! ¿En qué le puedo ayudar hoy?'],
  [/^(ok|okay|k|fine|good|great|cool|nice|perfect|awesome|sweet|alright|got it|sounds good|no|yes|sure|lol|haha|hmm|meh|ugh|test|testing)\b/, 'OK! Let me know if there is anything else I can help with.', '¡De acuerdo! Dígame si necesita algo más.'],
];

/** A message of emoji alone ("👍", "📚❤️"): a reaction, answered as small talk. */
export function isEmojiOnly(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text) && !/[\p{L}\p{N}]/u.test(text);
}

/** Greetings, thanks, goodbyes, "are you a bot?", "stop": a short, kind line; never an article or a device. */
export async function smalltalkSkill(turn: Turn, _deps: SkillDeps): Promise<SkillResult> {
  const { language } = turn;
  // "graciasss" is "gracias", "byeee" is "bye".
  const folded = foldToWords(turn.text).split(' ').map(withoutDrawnOutEnd).join(' ');
  const found = ANSWERS.find(([pattern]) => pattern.test(folded));
  const text = isEmojiOnly(turn.text)
    ? say(language, '😊 Anything else I can help with?', '😊 ¿Le puedo ayudar en algo más?')
    : found
    ? say(language, found[1], found[2])
    : say(language, 'Hello! I can help with opening hours, events, library cards and services, finding books, or report a broken computer or printer. What can I do for you?', '¡Hola! Puedo ayudarle con horarios, eventos, la tarjeta de la biblioteca y servicios, buscar libros, o avisar de un equipo que no funciona. ¿En qué le puedo ayudar?');
  return { intent: 'smalltalk', outcome: 'answered', reply: { text, language }, state: { ...turn.state, lastIntent: 'smalltalk', pending: undefined } };
}
