import { foldText } from '../text/normalize.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** Greetings, thanks, goodbyes and "are you a robot?": a friendly line that points at what we can do. */
export async function smalltalkSkill(turn: Turn, _deps: SkillDeps): Promise<SkillResult> {
  const { language } = turn;
  const folded = foldText(turn.text);
  let text: string;
  if (/\b(thanks?|thank you|thx|ty|gracias|cheers|that helps)\b/.test(folded)) {
    text = say(language, "You're welcome! Anything else I can help with?", '¡De nada! ¿Le puedo ayudar en algo más?');
  } else if (/\b(bye|goodbye|adios|see you|hasta luego|have a (nice|good) day)\b/.test(folded)) {
    text = say(language, 'Goodbye, and happy reading!', '¡Adiós y feliz lectura!');
  } else if (/\b(robot|bot|who are you|are you real|human)\b/.test(folded)) {
    text = say(language, "I'm the library's virtual assistant. A person is one message away: just say \"talk to a person\".", 'Soy el asistente virtual de la biblioteca. Si prefiere hablar con una persona, escriba "hablar con una persona".');
  } else {
    text = say(language, 'Hello! I can help with opening hours, events, library cards and services, or report a broken computer or printer. What can I do for you?', '¡Hola! Puedo ayudarle con horarios, eventos, la tarjeta de la biblioteca y servicios, o avisar de un equipo que no funciona. ¿En qué le puedo ayudar?');
  }
  return { intent: 'smalltalk', outcome: 'answered', reply: { text, language }, state: { ...turn.state, lastIntent: 'smalltalk', pending: undefined } };
}
