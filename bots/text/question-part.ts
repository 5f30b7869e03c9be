/** "She wants to know where she can leave the car.": a question told, with no question mark. */
const ASKED_WITHOUT_A_MARK = /\b(?:wants? to know|wanted to know|would like to know|d like to know|wondering (?:if|whether|where|when|how|what|why)|(?:can|could) you (?:please )?(?:tell|let) me|please (?:tell|let) me know|me gustar[ií]a saber|quisiera saber|quiero saber)\b/i;

/**
 * The question a message asks, when it tells a story around it: "My grandmother is housebound and can't
 * get to the library anymore. Is there any way to have books brought to her?" asks the second sentence,
 * not for directions. Several sentences of which some (not all) are questions → those questions;
 * otherwise the whole text. A Spanish "¿" opens a question wherever it stands ("el jueves tengo examen,
 * ¿a qué hora cierran el viernes?"). A dash between words ends a sentence too ("due Monday - open on Sunday?").
 * A question told without a mark ("she wants to know where to park.") is one of the questions.
 */
export function questionPart(text: string): string {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return text;
  const questions = sentences.filter((sentence) => /[?¿]/.test(sentence) || ASKED_WITHOUT_A_MARK.test(sentence));
  return questions.length > 0 && questions.length < sentences.length ? questions.join(' ') : text;
}

/** The sentences of a message, split as `questionPart` splits them. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+|\s+(?=¿)|\s+[-–—]+\s+/).filter((sentence) => sentence.trim().length > 0);
}
