/**
 * Word classes the learned classifier reads as features: a class carries no intent and no weight of its
 * own (the model learns what a class means from the labelled examples), but it lets a few examples speak
 * for every member. "is walmart open on sunday" and "is the DMV open today" share `class:elsewhere`, so
 * the model need not have seen each shop to know the question is not about the library.
 *
 * Entries are in normal form (text/normalize.ts: lower case, no accents). Two-word entries match a word
 * pair. Only classes whose members patrons use and the tuning messages cannot list one by one.
 */
export const WORD_CLASSES: Record<string, readonly string[]> = {
  /** Chat noise, reactions and sign-offs: what is said around a request, not a request. */
  chat: [
    'yo', 'sup', 'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'hehe', 'hmm', 'hmmm', 'meh', 'ugh', 'wow', 'omg',
    'nice', 'sweet', 'alright', 'aight', 'ok', 'okay', 'okey', 'k', 'kk', 'ttyl', 'gm', 'gn', 'brb', 'nvm',
    'nevermind', 'whatever', 'yay', 'oops', 'welp', 'yep', 'yup', 'nope', 'nah', 'sure', 'fine', 'cool',
    'test', 'testing', 'quit', 'unsubscribe', 'exit', 'chao', 'ciao', 'hiii', 'heyy', 'heyyy', 'thx', 'ty',
    'tysm', 'np', 'bye', 'cya', 'later', 'morning', 'evening', 'night', 'greetings', 'howdy', 'hey', 'hi',
    'hello', 'thanks', 'cheers', 'appreciate', 'appreciated', 'great', 'awesome', 'perfect', 'wonderful',
    'vale', 'bueno', 'genial', 'perfecto', 'saludos', 'oye', 'jaja', 'jajaja', 'claro', 'listo', 'klk', 'chur', 'howzit', 'mahalo', 'shoots',
  ],
  /** Words about the assistant itself: "are you a machine", "what is your name". */
  assistant: [
    'bot', 'robot', 'chatbot', 'machine', 'automated', 'automatic', 'ai', 'chatgpt', 'human', 'real', 'name',
    'talking', 'chatting', 'computer program', 'llamas', 'eres', 'maquina', 'humano',
  ],
  /**
   * Places, services and errands that are not the library's: a question about their hours, address or
   * forms is not one the library can answer.
   */
  elsewhere: [
    'dmv', 'bank', 'walmart', 'target', 'costco', 'mcdonalds', 'starbucks', 'courthouse', 'pharmacy',
    'irs', 'post office', 'city hall', 'airport', 'hospital', 'clinic', 'doctor', 'dentist', 'restaurant',
    'restaurants', 'medicare', 'medicaid', 'social security', 'unemployment', 'vote', 'voting', 'uber',
    'lyft', 'taxi', 'bus pass', 'beach', 'apartment', 'grocery', 'supermarket', 'mall', 'store',
    'gym', 'pool', 'police', 'lawyer', 'weather', 'traffic', 'pizza', 'movie theater', 'theaters', 'zoo',
    'school district', 'trash', 'recycling', 'utility', 'electric bill', 'passport office', 'birth certificate',
    'banco', 'farmacia', 'correos', 'tienda', 'supermercado', 'clima', 'tiempo hace', 'luz',
    'consulate', 'embassy', 'bus station', 'train station', 'gas station', 'parking ticket', 'credit card',
    'drivers license', 'driver license', 'blood', 'plumber', 'mechanic', 'urgent care', 'church',
    'consulado', 'embajada', 'seguro social', 'licencia', 'manejar', 'clinica', 'iglesia', 'sangre',
  ],
};

export interface WordClassFinder {
  /** The classes whose members occur in the tokens, each once. */
  classesOf(tokens: string[]): string[];
}

export function createWordClassFinder(classes: Record<string, readonly string[]> = WORD_CLASSES): WordClassFinder {
  const byWord = new Map<string, string[]>();
  for (const [name, members] of Object.entries(classes)) {
    for (const member of members) byWord.set(member, [...(byWord.get(member) ?? []), name]);
  }
  return {
    classesOf(tokens) {
      const found = new Set<string>();
      for (let i = 0; i < tokens.length; i++) {
        for (const name of byWord.get(tokens[i]!) ?? []) found.add(name);
        if (i + 1 < tokens.length) for (const name of byWord.get(`${tokens[i]} ${tokens[i + 1]}`) ?? []) found.add(name);
      }
      return [...found];
    },
  };
}
