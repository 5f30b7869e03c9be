import type { Intent } from '../../core/intents.js';

/**
 * The cues each intent is recognised by, in normal form (see text/normalize.ts: lower case, no accents,
 * shorthand spelled out, "won't" → "will not"). A cue is a word or a phrase of consecutive words; its
 * weight is what it adds to the intent's score. Every cue that fires is reported, so a routing decision
 * can always be explained ("renew: +3 'renew', +1.5 'my books'").
 *
 * Weights in brief: 3–4 a cue that alone decides ("interlibrary", "storytime"); 2–2.5 a strong cue;
 * 1–1.5 a cue that needs company; 0.5 a hint. An intent needs a score of 1.0 to be considered at all.
 */
export type Lexicon = Partial<Record<Intent, Record<string, number>>>;

/** Days and dates: hints for hours and events, never enough alone ("the weather tomorrow"). */
const DAY_WORDS = [
  'today', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun', 'weekend', 'weekdays', 'evenings', 'morning',
  'mornings', 'holiday', 'holidays', 'christmas', 'thanksgiving', 'new years', 'memorial day', 'labor day',
  'july 4', 'independence day', 'easter', 'dec', 'december', 'hoy', 'manana', 'sabado', 'domingo', 'lunes',
  'viernes', 'this week',
];

const days = (weight: number): Record<string, number> => Object.fromEntries(DAY_WORDS.map((word) => [word, weight]));

/** Kinds of material and parts of the collection: where they stand, or whether we have them. */
const COLLECTION_WORDS = [
  'picture books', 'graphic novel', 'graphic novels', 'cookbooks', 'cookbook', 'large print', 'magazines',
  'dvds', 'audiobooks', 'reference', 'nonfiction', 'non fiction', 'fiction', 'biography', 'biographies',
  'mystery', 'mysteries', 'young adult', 'kids books', 'childrens books', 'travel guides', 'local history',
  'romance', 'science fiction', 'poetry', 'comics', 'newspapers', 'periodicals', 'movies', 'peliculas',
  'libros en espanol', 'spanish books', 'easy readers', 'chapter books', 'teen books', 'history',
];

const collection = (weight: number): Record<string, number> =>
  Object.fromEntries(COLLECTION_WORDS.map((word) => [word, weight]));

export const LEXICON: Lexicon = {
  hours: {
    ...days(0.6),
    hours: 2.2, hour: 1.2, open: 1.6, opened: 1.2, opening: 2, close: 1.6, closed: 1.6, closing: 2.2,
    'what time': 0.8, 'how late': 2.2, 'open late': 1, 'open until': 1.5, until: 0.4, earliest: 1,
    'what days': 1.2, schedule: 0.6, 'opening times': 2.5, latest: 1, 'the latest i can': 1.5, weekday: 1,
    weekdays: 1, weeknight: 1, weeknights: 1,
    horario: 2.6, horas: 1.5, abren: 2.6, abre: 2.2, cierran: 2.6, cierra: 2.2, abierta: 2.2, abierto: 2.2,
    abiertos: 2.2, cerrado: 2.2, cerrada: 2.2, 'a que hora': 1,
  },
  faq: {
    // Cards and membership.
    'library card': 1.6, 'get a card': 2.6, 'get a library card': 1, 'sign up': 1.6, register: 1.6,
    apply: 1.2, 'new card': 1.4, 'own card': 1.5, requirements: 1.6, 'proof of address': 2, documents: 1,
    'new resident': 1.5, 'just moved': 1.5, lost: 1.2, stolen: 1.8, replacement: 1.8, replace: 1.2,
    tarjeta: 1.4, saco: 1, consigo: 1, perdi: 1.5,
    // Wi-Fi.
    wifi: 1.6, password: 1.6, wireless: 1.6, internet: 0.8, contrasena: 2, 'free wifi': 1, 'on the internet': 1,
    // Printing and copying.
    print: 1.6, printing: 1.6, copies: 1.2, cost: 0.9, costs: 0.9, price: 0.9, 'how much': 1, charge: 1,
    '3d': 2, 'from my phone': 1.2, 'from my laptop': 1.2, imprimir: 1.8, cuesta: 1.2, 'black and white': 1,
    // Fines and loans.
    'late fee': 2.2, 'late fees': 2.2, fine: 1.4, fines: 1.4, overdue: 1, 'fine free': 2.4, 'return a book late': 2,
    'lose a book': 2, 'return late': 1.5, multas: 2, cobran: 1.2, 'entregar tarde': 1.5,
    'how long': 1.6, keep: 1, 'checkout limit': 2.6, 'how many books': 1.8, 'at once': 1.2,
    'loan period': 2.6, 'how many times': 2.8, 'new releases': 1,
    // Rooms.
    'study room': 2.8, 'study rooms': 2.8, 'meeting room': 2.8, 'meeting rooms': 2.8, room: 1.6, rooms: 1.6,
    tutoring: 1,
    // Guests and public computers.
    'guest pass': 3, 'without a card': 2.6, 'do not have a card': 2.6, 'out of town': 1.6, visiting: 1,
    'public computer': 1.2, 'use the computers': 1.4, 'use a computer': 1.4,
    // Building and services.
    park: 2.2, parking: 2.6, donate: 2.6, donation: 2.6, donations: 2.6, 'drop them off': 1, 'drop off': 1,
    ebook: 2.6, ebooks: 2.6, libby: 3, hoopla: 3, overdrive: 3, kanopy: 3, audiobooks: 1.2, 'audio books': 2,
    download: 1.6, 'on my phone': 1.2,
    'book drop': 3, 'book return': 2.6, return: 1.4, returns: 1.4, 'drop box': 2.2, dropbox: 2.2, 'after hours': 1.6,
    'any branch': 1, 'when you are closed': 1.5,
    fax: 2.6, notary: 2.6, 'scanner i can use': 2.5, 'scanner you can use': 2.5,
    volunteer: 3, volunteering: 3, 'community service': 2.6,
    food: 2, eat: 2, drink: 2, drinks: 2, coffee: 2, snacks: 2, 'food allowed': 1,
    'lost and found': 3.2, 'left my': 2.6, 'i left': 1.5, umbrella: 1, glasses: 1,
    policy: 1.6, allowed: 1.6, 'how do i': 0.5, 'can i': 0.3, gratis: 0.5, 'se puede': 1,
  },
  catalog: {
    'do you have': 1, 'do you carry': 2.2, 'any books': 1.6, 'books by': 2.6, 'book by': 2.6, 'anything by': 2.6,
    'by': 0.3, 'book called': 2.6, 'the book': 1.1, book: 0.6, books: 0.6, available: 1.2, 'in stock': 1.6,
    'copies of': 1.6, 'copy of': 1.2, 'checked out': 0.6, isbn: 3, search: 1.2, catalog: 2, 'looking for': 1.2,
    author: 1.6, title: 1.6, dvd: 0.8, movie: 1.4, novel: 1, series: 1, manga: 1.8, 'got any': 1.6,
    'books on': 1.4, 'books about': 1.8, 'book about': 1.8, 'a biography of': 2, 'the new': 1.2, 'the latest': 1,
    'is in': 0.4, 'are there copies': 1.5, tienen: 1, libro: 1.4, libros: 1.2, buscando: 1.6, 'de libros': 0.5,
    edition: 1, 'check if you have': 1.5, 'for my son': 0.5, 'for my daughter': 0.5, 'for my school': 0.8,
    ...collection(0.5),
  },
  location: {
    where: 1, 'where is': 1.2, 'where are': 1.6, 'where can i find': 2, 'where do i find': 2, 'where would i find': 2,
    'where do you keep': 2.2, 'which floor': 2.6, 'what floor': 2.6, floor: 1, aisle: 2.6, shelf: 2.2,
    shelved: 2.6, section: 2, located: 1.6, find: 0.8, 'call number': 2.6, 'how do i find': 1.5,
    'donde estan': 2.6, donde: 1.4, 'room': 0.2,
    ...collection(0.8),
  },
  account: {
    'my account': 3, 'my card': 1.4, 'my record': 2.2, 'what do i have': 2.6, 'i have out': 2.2,
    'items do i have': 2.6, 'on my card': 2, 'checked out on': 1.5, 'have checked out': 1.5, owe: 2.6, balance: 2.2,
    'my fines': 2.6, 'any fines': 2, fines: 0.4, pay: 1.6, pin: 2.6, 'my password': 2, 'log in': 1.8,
    'log into': 2.2, 'sign in': 1.6, due: 1.4, 'due back': 1.5, 'are my books due': 2, expired: 2.2,
    'card expired': 1, 'renew my library card': 4, update: 1.6, 'email address': 1.6, 'phone number': 1.6,
    'changed my': 1.5, 'already returned': 2.6, 'returned everything': 2.6, notice: 1, cuenta: 2.6, debo: 2.6,
    prestados: 2, 'que libros tengo': 2,
  },
  renew: {
    renew: 3, renewal: 2, renewing: 3, renovar: 3, extend: 2.6, 'more time': 2.6, 'due date': 1,
    'renew all': 1, 'renew everything': 1, 'renew them': 1, 'my books': 0.6, 'my checkouts': 1, 'my loan': 1,
    'my stuff': 0.5, prestamos: 1, renueva: 3, renueve: 3, renuevame: 3, renuevenme: 3, renuevan: 2.2, 'mis libros': 0.6,
  },
  hold: {
    hold: 2.6, holds: 3, 'place a hold': 2, 'put a hold': 2, 'on hold': 1, reserve: 2, reservar: 2.6,
    apartar: 3, waitlist: 3, 'wait list': 3, 'hold list': 1.5, 'ready for pickup': 1.5, pickup: 1.2,
    'pick up': 1.2, 'ahead of me': 2.2, 'hold notice': 1, 'request a book to pick up': 1.5,
    'request a book': 0.8, freeze: 1.5, 'reserve a copy': 1.5,
    // Spanish asks with the pronoun joined on: "apártelo", "resérvemelo".
    apartelo: 3, apartela: 3, apartalo: 3, apartala: 3, apartemelo: 3, reservelo: 3, reservela: 3, reservalo: 3,
    reservala: 3, reservemelo: 3, reservamelo: 3, 'en transito': 1.5, 'in transit': 1.5, 'lista de espera': 3,
    ponganme: 1.5, anotenme: 1.5,
  },
  ill: {
    interlibrary: 4.2, 'inter library': 4.2, ill: 3.2, 'another library': 3.6, 'other library': 3.2,
    'another system': 2.6, 'different library': 3.2, 'university library': 2.6, 'state library': 2.6,
    'do not own': 2.2, 'not in your catalog': 2.6, 'do not subscribe': 2.6, journal: 1.6, dissertation: 2,
    'prestamo entre bibliotecas': 4, 'otra biblioteca': 3.6, 'entre bibliotecas': 3, 'from another': 2,
    'another branch system': 2, 'historical society': 1.5, 'do not have access': 1.5, 'from a university': 1.5,
    'order a book': 1.5,
  },
  equipment: {
    broken: 2.2, broke: 2.2, 'not working': 2.6, 'not work': 2, 'stopped working': 2.6, 'turn on': 1.5,
    'will not print': 2.6, 'will not scan': 2.6, jammed: 3, jam: 3, jamming: 3, frozen: 2.6, froze: 2.6,
    stuck: 2, error: 1.6, 'blue screen': 3, black: 1, flickering: 2.6, 'out of paper': 3, 'out of toner': 3,
    toner: 2, disconnecting: 2.2, 'keeps disconnecting': 1, down: 1, 'is down': 1.5, 's down': 1.5, 'went down': 1.5, crashed: 2.2, 'no funciona': 3,
    'no prende': 3, missing: 1.2, 'ate my': 2.6, 'took my money': 2.6, streaks: 2.2, 'never came out': 2.6,
    fix: 0.9, screen: 1, keyboard: 1.6, mouse: 1.6, monitor: 1.6, headphones: 1.2, jack: 1, 'going black': 2,
    'no internet': 2, 'login error': 1.5, 'cannot connect': 1.2, 'lost my work': 1.5, 'does not work': 2.4,
    computer: 1, computers: 0.8, pc: 1.2, printer: 1.2, copier: 1.6, 'copy machine': 1.6, scanner: 0.6,
    impresora: 1.6, computadora: 1.6, 'self checkout': 1.6, machine: 0.8, 'print job': 1.5,
    'no sirve': 3, 'no servia': 3, 'no sirvio': 3, 'no funcionaba': 3, 'no imprime': 3, 'no escanea': 3,
    'no copia': 2.6, 'no conecta': 2.6, 'se trabo': 2.6, 'atorado': 2.2, 'atorada': 2.2, 'se apago': 2.6,
    'se apaga': 2.6, 'se congelo': 2.6, 'se reinicio': 2.6, 'se reinicia': 2.6, 'pantalla azul': 3,
  },
  events: {
    event: 3, events: 3, storytime: 3.6, 'story time': 3.6, 'story times': 3.6, program: 2, programs: 2,
    class: 2.6, classes: 2.6, club: 2.6, 'book club': 1, workshop: 3, workshops: 3, activities: 2.6,
    activity: 2.6, happening: 2.6, 'going on': 2.2, 'author talk': 3, 'author talks': 3, lego: 2.2, chess: 2.2,
    knitting: 2.2, group: 1.6, esl: 2.6, coding: 1.6, upcoming: 1.6, eventos: 3, clases: 2.6,
    'hora del cuento': 4, cuento: 2, teen: 1, teens: 1, toddler: 1.6, toddlers: 1.6, seniors: 1, join: 1.2,
    meeting: 0.8, 'coming up': 1.2, 'for kids': 0.8, 'para ninos': 1, ingles: 1, ...days(0.4),
  },
  handoff: {
    'talk to': 2.4, 'speak to': 2.6, 'speak with': 2.6, person: 2, human: 3.2, 'real person': 2, someone: 1.4,
    'someone real': 2, staff: 1.6, 'staff member': 1.6, librarian: 1.4, agent: 3.2, representative: 3.6,
    operator: 3.6, 'call me': 3, 'contact me': 3, 'reach out': 2.6, complaint: 3, manager: 2.6, 'live chat': 2,
    hablar: 3, persona: 2.6, alguien: 2, 'connect me': 2.6, 'not helping': 2.6, 'reference librarian': 1,
    'get me a': 1,
  },
};

/**
 * Greetings, thanks and goodbyes. They only decide a message that says little else: "Hello, I was
 * wondering whether…" is not small talk.
 */
export const SMALLTALK_PHRASES: Record<string, number> = {
  hi: 3, hello: 3, hey: 3, hiya: 3, howdy: 3, 'good morning': 3, 'good afternoon': 3, 'good evening': 3,
  thanks: 3, 'thank you': 3, cheers: 2, bye: 3, goodbye: 3, 'see you': 2, 'have a nice day': 3,
  'have a good day': 3, 'how are you': 3, 'who are you': 3, 'are you a robot': 3, 'are you a bot': 3,
  'are you real': 2, ok: 1.5, great: 1, awesome: 1, perfect: 1, cool: 1, 'that helps': 2,
  hola: 3, gracias: 3, 'muchas gracias': 1, adios: 3, 'buenos dias': 3, 'buenas tardes': 3, 'buenas noches': 3,
  'hasta luego': 3,
};

/** Words that carry no topic; used to tell "thanks!" from "thanks, and what time do you close?". */
export const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'so', 'much', 'very', 'you', 'there', 'all', 'again', 'and', 'for', 'it', 'that', 'this',
  'is', 'are', 'i', 'me', 'my', 'we', 'to', 'of', 'oh', 'ah', 'well', 'yes', 'no', 'now', 'really', 'guys',
  'folks', 'everyone', 'helps', 'helped', 'help', 'lot', 'bunch', 'sir', 'maam', 'mucho', 'muy', 'por', 'todo',
  'de', 'nada', 'el', 'la', 'bien', 'good', 'nice', 'day', 'super', 'just', 'was', 'be', 'have', 'am',
]);

/**
 * Common English and Spanish words that must never be "corrected" into a cue: "point" is not "print",
 * "told" is not "hold", "mine" is not "time".
 */
export const PROTECTED_WORDS = [
  'point', 'those', 'these', 'there', 'their', 'where', 'which', 'while', 'whole', 'whose', 'world', 'would',
  'could', 'should', 'about', 'after', 'again', 'before', 'being', 'below', 'other', 'under', 'until', 'never',
  'every', 'first', 'great', 'house', 'money', 'night', 'place', 'right', 'small', 'sound', 'still', 'story',
  'think', 'three', 'today', 'water', 'write', 'years', 'price', 'prize', 'pride', 'store', 'stare', 'state',
  'clock', 'black', 'block', 'books', 'looks', 'cooks', 'hooks', 'print', 'paint', 'plant', 'phone', 'photo',
  'movie', 'moved', 'women', 'woman', 'weather', 'whether', 'capital', 'neighbor', 'turtles', 'taxes', 'pizza',
  'meaning', 'joke', 'game', 'games', 'tokyo', 'airport', 'bitcoin', 'close', 'chose', 'loose', 'loser',
  'donde', 'cuando', 'porque', 'quiero', 'tengo', 'puedo', 'hacer', 'nuevo', 'nueva', 'otros', 'otras',
  'lower', 'tower', 'power', 'hours', 'house', 'horse', 'hello', 'holly', 'dolly', 'dollar', 'online', 'outline',
  'renewed', 'event', 'event', 'clean', 'class', 'glass', 'grass', 'print', 'sprint', 'offer', 'often',
];
