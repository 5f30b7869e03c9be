import { eld } from 'eld/extrasmall';
import type { Language } from '../core/knowledge.js';
import { LEXICON } from './classifier/lexicon.js';
import { foldText, withoutDrawnOutEnd } from './text/normalize.js';

/**
 * Spanish or English? eld (an n-gram language detector) restricted to the two languages is right on
 * sentences but guesses on two-word messages ("pc 8 no internet" → es, "hola" → en). So its verdict
 * counts only together with Spanish function words, and two such words decide on their own. Measured
 * on the 415 labelled eval messages: eld alone 4 errors, combined 0 (see docs/router.md).
 */
eld.setLanguageSubset(['en', 'es']);

const SPANISH_WORDS = new Set([
  'el', 'la', 'los', 'las', 'del', 'de', 'que', 'por', 'para', 'mi', 'mis', 'con', 'una', 'unos', 'es', 'esta',
  'estan', 'hay', 'tienen', 'tiene', 'hola', 'gracias', 'adios', 'buenos', 'buenas', 'dias', 'cuanto', 'cuando',
  'como', 'donde', 'cual', 'quiero', 'puedo', 'pueden', 'necesito', 'biblioteca', 'libro', 'libros', 'tarjeta',
  'abren', 'cierran', 'hoy', 'manana', 'sabado', 'domingo', 'ayuda', 'horario', 'persona', 'alguien', 'hablar',
  'favor', 'perdi', 'cobran', 'multas', 'renovar', 'reservar', 'apartar', 'prestamo', 'prestamos', 'prestado',
  'prestados', 'eventos', 'clases', 'hora', 'ninos', 'impresora', 'computadora', 'funciona', 'prende', 'cuesta',
  'imprimir', 'cuenta', 'debo', 'tengo', 'contrasena', 'buscando', 'otra', 'pedir', 'abierta', 'abierto',
  'abiertos', 'cerrado', 'gratis', 'ingles', 'espanol', 'peliculas', 'saco', 'consigo', 'puede', 'celular',
  'entre', 'bibliotecas', 'cuento', 'muchas', 'senor', 'senora', 'usted', 'ustedes', 'tambien', 'pero', 'porque',
  // Informal "pa" for "para", and getting there: "y pa llegar en bus?"
  'pa', 'llegar', 'llego', 'llega', 'autobus', 'camion',
]);

/** Distinct Spanish words decide; "no" and "wifi" are in both languages and count for neither. */
export function detectLanguage(text: string): Language {
  const folded = foldText(text);
  const tokens = folded.split(/[^a-z]+/).filter((token) => token.length > 0).map(withoutDrawnOutEnd);
  let spanish = /[ñ¿¡]/.test(text) ? 1 : 0;
  for (const token of new Set(tokens)) if (SPANISH_WORDS.has(token)) spanish++;
  if (spanish >= 2) return 'es';
  if (spanish === 0) return 'en';
  if (tokens.length === 1) return 'es';
  return eld.detect(text).language === 'es' ? 'es' : 'en';
}

/** Letters of every script but the Latin one (Arabic, Chinese, Cyrillic, Malayalam, Sinhala…): the library has no articles in any of them. */
const OTHER_SCRIPT = /(?!\p{Script=Latin})\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Letters used by Latin-script languages other than English and Spanish (Vietnamese, Polish, Turkish, German, French, Portuguese). */
const OTHER_LATIN_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹąęłśźżńćőűışğçãõàèìòùëïœæßøåäöûî]/giu;
const PORTUGUESE_LETTERS = /[ãõêôç]/giu;
/** Tagalog words that are no English or Spanish word; also what tells Taglish apart (`readsAsOtherLanguage`). */
const TAGALOG_WORDS = [
  'kumusta', 'bukas', 'ba', 'ang', 'aklatan', 'salamat', 'po', 'ako', 'ng', 'sa', 'magandang', 'umaga',
  'paano', 'kumuha', 'saan', 'anong', 'oras', 'magkano', 'pwede', 'puwede', 'gusto', 'ko', 'mga',
  'mayroon', 'meron', 'kayo', 'kayong', 'hindi', 'ano', 'naman', 'lang', 'namin', 'ninyo', 'akong', 'siya',
  'yung', 'kasi', 'dito', 'kuya', 'opo', 'ayaw', 'kahit', 'nga', 'yun', 'tapos', 'wala', 'sige', 'natin', 'kami', 'tayo',
];
const TAGALOG = new Set(TAGALOG_WORDS);

/**
 * English words a library question is made of ("renew", "parking", "hold"): the lexicon's one-word cues.
 * Tagalog particles around enough of them (or of `ENGLISH_WORDS`) are Taglish, read as English.
 */
const LIBRARY_WORDS = new Set(Object.values(LEXICON).flatMap((cues) => Object.keys(cues ?? {})).filter((cue) => /^[a-z]+$/.test(cue)));

/**
 * The commonest words of the Latin-script languages patrons write in besides English and Spanish (French,
 * German, Portuguese, Italian, Vietnamese, Polish, Turkish, Tagalog, Dutch, Haitian Creole, Finnish,
 * Serbian and Croatian, Kurdish, Uzbek, ...): words that are not also English or Spanish words ("men",
 * "sam", "vas", "mina", "chop", "te" and "we" are left out for that reason).
 */
const OTHER_LATIN_WORDS = new Set([
  // French
  'bonjour', 'merci', 'vous', 'avez', 'est', 'je', 'nous', 'une', 'des', 'les', 'bibliotheque', 'ouvert', 'livres', 'comment', 'pourquoi', 'quand', 'oui', 'carte', 'aujourd', 'hui', 'jusqu', 'ce', 'qui', 'avec', 'pour', 'pas', 'suis', 'voudrais', 'obtenir', 'heure', 'fermee',
  'bonsoir', 'mes', 'livre', 'emprunter', 'ouverte', 'ferme', 'heures', 'puis', 'dois', 'plait', 'sont', 'quelle', 'combien',
  'beaucoup', 'bonne', 'journee', 'soir', 'aider', 'aidez', 'salut', 'quoi', 'mot', 'parlez', 'parle', 'francais', 'anglais', 'espagnol', 'marche', 'biblio', 'mon', 'ma', 'votre', 'vos', 'notre', 'il', 'elle', 'ils', 'dans', 'chez', 'peux', 'peut', 'veux', 'fait', 'aussi', 'tres', 'bien', 'avoir', 'faire', 'cette',
  // German
  'ich', 'sie', 'haben', 'wann', 'die', 'der', 'das', 'und', 'ist', 'hallo', 'bibliothek', 'offnet', 'heute', 'danke', 'bitte', 'wie', 'kann', 'nicht', 'geoffnet',
  'guten', 'bucher', 'buch', 'auf', 'deutsch', 'geschlossen', 'mein', 'meine', 'ein', 'eine', 'sind', 'konnen', 'mochte', 'ausleihen', 'morgen',
  'hab', 'habe', 'meinen', 'meinem', 'ausweis', 'bibliotheksausweis', 'verloren', 'soll', 'tun', 'wir', 'gibt', 'noch', 'auch', 'wo', 'welche', 'zuruckgeben', 'verlangern',
  // Portuguese
  'voce', 'ola', 'livro', 'hoje', 'obrigado', 'obrigada', 'tem', 'aberta', 'aberto', 'nao', 'sim', 'posso', 'onde', 'fica', 'emprestar',
  'bom', 'boa', 'meu', 'meus', 'minha', 'minhas', 'livros', 'faco', 'fazer', 'voces', 'quando', 'preciso', 'gostaria', 'cartao', 'fechada', 'emprestimo',
  'amanha', 'manha', 'alguns', 'algumas', 'natal', 'oferece', 'aulas', 'trabalho', 'noite', 'reuniao', 'pessoas', 'igreja', 'prezados', 'prezada', 'prezado', 'estudos', 'doze', 'da', 'gratuito', 'eu', 'uma', 'um', 'os', 'ja', 'recebi', 'dizendo', 'devolvi', 'atraso', 'isso', 'mais', 'muito', 'quero', 'estou', 'sou', 'foi', 'seu', 'sua', 'pra',
  // Italian
  'ciao', 'avete', 'che', 'buongiorno', 'libri', 'grazie', 'aperta', 'oggi', 'dove', 'sono', 'vorrei', 'italiano', 'prendere', 'prestito',
  'chiude', 'apre', 'domani', 'ora', 'orari', 'orario', 'aperto', 'chiusa', 'tessera', 'buonasera', 'quanto', 'qual',
  'scusate', 'scusi', 'stampante', 'funziona', 'pagato', 'dollari', 'cosa', 'devo', 'fare', 'ho', 'gia', 'della', 'nella', 'questa', 'questo', 'perche', 'aiuto', 'biblioteche', 'colori',
  'gentile', 'sapere', 'possibile', 'prenotare', 'il', 'pomeriggio', 'settimana', 'cordiali', 'saluti', 'provare', 'vostra', 'vostro', 'nostro', 'nostra', 'potrei', 'potete', 'anche', 'molto', 'salve', 'figlio', 'figlia', 'bambini', 'essere', 'tutti', 'domenica', 'lunedi', 'giorno',
  // Vietnamese (folded)
  'thu', 'vien', 'toi', 'muon', 'lam', 'sach', 'khong', 'tai', 'lieu', 'dau', 'gio', 'cua', 'duoc', 'xin', 'chao', 'nhieu', 'bao',
  // Polish
  'ksiazki', 'biblioteka', 'dziekuje', 'jest', 'otwarta',
  'co', 'mam', 'zrobic', 'karte', 'biblioteczna', 'zgubilem', 'zgubilam', 'jak', 'moja', 'moge', 'czy', 'dzien', 'dobry', 'ksiazke', 'ksiazka', 'wypozyczyc', 'prosze', 'kiedy', 'gdzie', 'otwarte', 'dzisiaj', 'biblioteki', 'nie',
  // Turkish
  'merhaba', 'kutuphane', 'bugun', 'acik', 'mi', 'mu', 'tesekkurler', 'kitap', 'nerede', 'saat', 'kac',
  'kitaplar', 'lutfen', 'zaman', 'kutuphanesi',
  ...TAGALOG_WORDS,
  // Dutch, Haitian Creole
  'goedemorgen', 'bibliotheek', 'vandaag', 'waar', 'ik', 'mijn', 'boeken', 'jullie', 'dicht', 'inleveren', 'wanneer', 'bedankt', 'alstublieft', 'hoe', 'niet', 'zijn', 'lenen', 'goedemiddag', 'bonjou', 'mwen', 'bezwen', 'eske', 'ou', 'liv',
  'bibliyotek', 'louvri', 'ouvri', 'ki', 'nan', 'pou', 'kote', 'jodi', 'femen', 'kile', 'kisa', 'konbyen', 'souple', 'mesi', 'kat',
  'konprann', 'pitit', 'jwenn', 'tanpri', 'timoun', 'kijan', 'poukisa', 'kounye',
  // Somali
  'waxaan', 'rabaa', 'leedihiin', 'ingiriisi', 'bilaash', 'fasal', 'maktabadda', 'maktabaddu', 'maktabadu', 'haye', 'maanta', 'saacadee', 'xirmaysaa', 'furmaysaa', 'berri', 'sidee', 'helaa', 'salaan', 'goorma', 'ayay', 'furantahay', 'mahadsanid', 'kaarka', 'buug', 'buugaag',
  // Indonesian / Malay, Swahili, Romanian
  'perpustakaan', 'saya', 'apakah', 'berapa', 'terima', 'kasih', 'buku', 'maktaba', 'habari', 'asante', 'asanteni', 'kwa', 'wenu', 'mmekuwa', 'wema', 'kwangu', 'nyinyi', 'ninyi', 'karibuni', 'vitabu', 'ngapi', 'ninaweza', 'kutumia', 'kompyuta', 'hapa', 'bure', 'nataka', 'kitabu', 'wapi', 'kadi', 'multumesc', 'astazi', 'deschisa', 'carti',
  // Turkish, Azerbaijani, Czech
  'ucretsiz', 'kart', 'nedir', 'yok', 'salam', 'kitabxana', 'kitabxanada', 'kitab', 'mate', 'tiskarnu', 'prosim', 'dekuji', 'knihovna', 'knihovny', 'otevreno', 'kdy',
  // Hindi and Urdu written in Latin letters
  'kya', 'hai', 'hain', 'kal', 'aaj', 'mujhe', 'nahi', 'nahin', 'kaise', 'kitne', 'baje', 'khuli', 'khula', 'kab', 'kahan', 'aap', 'mera', 'meri', 'kitaben', 'chahiye', 'rahega', 'rahegi', 'chhutti',
  // Swedish, Czech, Hungarian, Hausa
  'har', 'bocker', 'svenska', 'kde', 'najdu', 'detske', 'knihy', 'meddig', 'vagytok', 'nyitva', 'szombaton', 'konyvtar', 'ina', 'yin', 'rajista', 'katin', 'laburare',
  // Dutch, Hungarian, Swedish, Czech, Albanian, Igbo
  'beste', 'medewerkers', 'vorige', 'kwijtgeraakt', 'waarschijnlijk', 'nieuwe', 'aanvragen', 'kost', 'woon', 'sinds', 'vriendelijke', 'groet', 'graag', 'een', 'paar', 'dochter', 'zoon', 'bibliotheekpas', 'gaat', 'heeft', 'kunt', 'willen', 'ook', 'maar',
  'napot', 'magyar', 'nyelvu', 'konyvuk', 'gyerekeknek', 'lanyom', 'elnezest', 'hogyan', 'tudom', 'meghosszabbitani', 'kolcsonzott', 'konyveimet', 'szepen', 'konyv', 'konyvek', 'segitseg', 'kerem', 'vannak', 'holnap', 'szeretnek',
  'jag', 'flyttade', 'fran', 'somras', 'foljer', 'mig', 'mellan', 'hyllorna', 'och', 'vagar', 'inte', 'bilen', 'snalla', 'hjalp', 'lana', 'tack', 'biblioteket', 'oppet', 'imorgon', 'idag', 'jobbet',
  'chtela', 'chtel', 'bych', 'zeptat', 'jestli', 'mate', 'sobotu', 'kolika', 'pomozte', 'nejaky', 'muz', 'sleduje', 'mezi', 'regaly', 'hodiny', 'stoji', 'vychodu', 'bojim', 'odejit', 'dobry',
  'pershendetje', 'keni', 'shqip', 'orar', 'hapur', 'sot', 'femije', 'nje', 'burre', 'ndjek', 'stacioni', 'autobusit', 'tani', 'jashte', 'bibliotekes', 'shume', 'frike', 'lutem', 'ndihmoni', 'faleminderit', 'kam',
  'ndewo', 'unu', 'nwere', 'akwukwo', 'umuaka', 'asusu', 'biko', 'nyere', 'enweghi',
  // Lithuanian, Latvian
  'sveiki', 'galiu', 'cia', 'nemokamai', 'naudotis', 'internetu', 'knygu', 'aciu', 'labdien',
  'laba', 'diena', 'bibliotekoje', 'atsispausdinti', 'dokumenta', 'kiek', 'kainuoja', 'knygas', 'kada', 'atidaryta', 'prasau',
  'mans', 'mani', 'virs', 'draud', 'nevaru', 'iet', 'majas', 'ludzu', 'palidziet', 'paldies', 'bibliotekas', 'gramatas', 'atverta',
  // Norwegian and Danish (folded: "bøger" is "boger")
  'jeg', 'ikke', 'orker', 'bestemt', 'meg', 'dette', 'blir', 'siste', 'unnskyld', 'undskyld', 'boger', 'boker', 'uden', 'uten', 'lanerkort', 'skal', 'forst', 'hjaelp', 'datter', 'forsvundet', 'forsvunnet', 'bogerne', 'minutter', 'siden', 'vaek', 'hun', 'hvor', 'hvornar', 'abent', 'apent', 'takk', 'hilsen', 'venlig', 'vennlig',
  // Hausa, Zulu
  'kwana', 'yaushe', 'laburaren', 'ranar', 'lahadi', 'asabar', 'litinin', 'littafi', 'littattafai', 'sanda', 'bindiga', 'wuka',
  'ngicela', 'usizo', 'kukhona', 'indoda', 'kusukela', 'ngiyesaba', 'kakhulu', 'ngiyabonga', 'izincwadi', 'incwadi', 'ngifuna', 'kuphi', 'umtwana', 'ingane', 'yami', 'amaphoyisa',
  // Hebrew written in Latin letters
  'shalom', 'ani', 'yesh', 'lachem', 'sfarim', 'sefer', 'ivrit', 'toda', 'todah', 'sifriya', 'mechapes', 'mechapeset', 'yeladim', 'eifo', 'matai', 'ptucha',
  // Japanese written in Latin letters
  'konnichiwa', 'toshokan', 'nanji', 'imasu', 'arigatou', 'desu', 'masu',
  // Words of urgent messages: French, Haitian Creole, Somali, Swahili (someone following, fallen, not breathing, a child gone)
  'homme', 'femme', 'depuis', 'maintenant', 'devant', 'peur', 'quelqu', 'effondre', 'respire', 'entree', 'pres', 'vite', 'laisse', 'sortir', 'enfant', 'fils', 'fille',
  'yon', 'nonm', 'deyo', 'zam', 'rele', 'moun', 'granmoun', 'tonbe', 'reponn', 'ede', 'fanm', 'kouri',
  'wiilkayga', 'gabadhayda', 'ilmahaygii', 'ayaa', 'lumay', 'wuxuu', 'waxay', 'joogay', 'qolka', 'carruurta', 'fadlan', 'caawiya', 'waa', 'jiray',
  'tafadhali', 'msaada', 'mume', 'wangu', 'niko', 'nje', 'watoto', 'sina', 'mahali', 'kwenda', 'mtoto',
  // Hmong, Yoruba, Dutch
  'nyob', 'zoo', 'kuv', 'xav', 'daim', 'npav', 'tsev', 'qiv', 'ntawv', 'yuav', 'cas', 'kaasan', 'ikawe', 'ojo', 'hebben', 'aaro', 'ekaaro', 'iwe', 'nipa', 'itan', 'jowo', 'ile', 'eko',
  // Finnish; Serbian, Croatian and Bosnian (folded: "čovek" is "covek")
  'onko', 'kirjasto', 'kirjastossa', 'kirjaston', 'kirjastokortti', 'auki', 'huomenna', 'tanaan', 'kiitos', 'minua', 'minun', 'olen', 'joku', 'mies', 'lapsi', 'lapseni', 'kirja', 'kirjoja', 'haluaisin', 'voinko', 'missa', 'milloin', 'miten', 'apua', 'kanssa', 'tuntia', 'kerroksessa', 'pelottaa', 'hyllyjen', 'valissa', 'puoli', 'ei',
  'molim', 'pomozite', 'pomoc', 'hvala', 'imate', 'knjige', 'knjigu', 'knjiga', 'knjiznica', 'knjiznice', 'radno', 'vrijeme', 'vreme', 'otvoreno', 'otvorena', 'sutra', 'danas', 'trazim', 'nesto', 'decu', 'djecu', 'deca', 'djeca', 'godina', 'jeziku', 'covek', 'covjek', 'ulaza', 'dise', 'li', 'mogu', 'gdje', 'gde', 'kada', 'koliko', 'zasto', 'jedan',
  // Kurdish (Kurmanji), Uzbek
  'silav', 'gelo', 'pirtukxane', 'pirtukxaneya', 'sibe', 'vekiri', 'ez', 'dixwazim', 'pirtuken', 'pirtuk', 'xwe', 'vegerinim', 'spas', 'kengi', 'heye',
  'assalomu', 'alaykum', 'ishlamayapti', 'ishlamayapman', 'kompyuter', 'kompyuterdan', 'olmayapman', 'yordam', 'bera', 'olasizmi', 'kutubxona', 'kutubxonada', 'rahmat', 'ertaga', 'ochiq', 'kitob', 'kitoblar', 'qachon', 'qayerda', 'iltimos', 'menga', 'bormi',
  // Portuguese as it is texted ("vcs tem…", "qual é a senha")
  'oi', 'vc', 'vcs', 'senha', 'tbm',
  // Turkish without its letters ("slm yazici calismiyo")
  'slm', 'yazici', 'calismiyo', 'calismiyor', 'yardim', 'yardimci', 'edebilir', 'misiniz', 'musunuz', 'bilgisayar', 'nasil',
  // Gujarati in Latin letters ("kem cho", "ketla paisa thase")
  'kem', 'cho', 'chho', 'kadhavi', 'ketla', 'thase', 'tamne', 'pustakalay', 'kyare',
  // Indonesian ("tidak bisa mencetak") and Swedish ("finns det", "vad är lösenordet")
  'tidak', 'bisa', 'tolong', 'dibantu', 'lantai', 'mencetak', 'finns', 'det', 'vad', 'losenord', 'losenordet',
  // Romanian ("Bună ziua, am uitat parola contului…")
  'ziua', 'uitat', 'parola', 'contului', 'puteti', 'trimite', 'conecta', 'imi', 'sunt',
  // Afrikaans, Samoan, Tongan, Hungarian
  'goeie', 'middag', 'biblioteek', 'oop', 'sondag', 'asseblief', 'dankie', 'boeke', 'julle', 'talofa', 'tusi', 'mafai', 'nono', 'faafetai', 'malo', 'lelei', 'oku', 'ngaahi', 'tohi', 'laipeli', 'nem', 'mukodik', 'konyvtarban', 'csinaljak', 'koszonom', 'hol',
]);
/** Words so common in English or Spanish that they say nothing against them. */
const ENGLISH_OR_SPANISH = new Set([
  'i', 'you', 'the', 'a', 'is', 'are', 'what', 'when', 'where', 'how', 'do', 'does', 'can', 'my', 'your', 'to', 'for', 'of', 'and', 'in', 'on', 'it', 'this', 'that', 'have', 'library', 'book', 'books', 'card', 'hours', 'open', 'close', 'please', 'thanks', 'hello', 'hi', 'help', 'want', 'need',
  'el', 'la', 'los', 'las', 'de', 'que', 'por', 'para', 'es', 'una', 'un', 'biblioteca', 'libro', 'libros', 'tarjeta', 'hola', 'gracias', 'como', 'donde', 'puedo', 'tienen', 'hoy', 'abren', 'quiero', 'con', 'mi',
]);

/**
 * True when a message is written in a language the library has no articles in: mostly letters of
 * another script, or a Latin-script message with more words of other languages than of English and
 * Spanish. Short English messages ("ok", "PC-07") never count.
 */
export function isUnsupportedLanguage(text: string): boolean {
  if (readsAsOtherLanguage(text)) return true;
  // An e-mail whose greeting and signature are English around a question in another language: the
  // question decides, when no English or Spanish part asks anything itself.
  const parts = text.split(/\n+|(?<=[.!?])\s+/).filter((part) => (part.match(/\p{L}/gu)?.length ?? 0) >= 12);
  if (parts.length < 2) return false;
  const foreign = parts.filter(readsAsOtherLanguage);
  return foreign.length > 0 && !parts.some((part) => !foreign.includes(part) && /[?¿]/.test(part));
}

/**
 * Greetings no English or Spanish writer uses alone: "Bonjour" is a French speaker's first message, and
 * the reply should already be the one for a language without articles.
 */
const GREETINGS = 'bonjour|bonsoir|salut|guten (?:tag|morgen|abend)|merhaba|konnichiwa|xin chao|kumusta|magandang (?:umaga|hapon|gabi)|dzien dobry|buongiorno|buonasera|bom dia|boa (?:tarde|noite)|bonjou|goedemorgen|habari|salaan|dobry den|hej|ahoj|sannu|szia|sveiki|labdien|buna ziua|namaste|privet|zdravo|hei|moi|labas|tere|jambo|marhaba|dobar dan|sawubona';
const FOREIGN_GREETING = new RegExp(`^(?:${GREETINGS})(?: (?:madame|monsieur|a tous|po))?$`);

/** The same greetings opening a longer message. */
const FOREIGN_GREETING_FIRST = new RegExp(`^(?:${GREETINGS})(?= )`);
/**
 * Common English words, for telling an English message after a foreign greeting ("Bonjour! what time…");
 * not "a", "in" or "on", which a Portuguese or Dutch message after such a greeting writes too.
 */
const ENGLISH_WORDS = new Set(['i', 'you', 'the', 'is', 'are', 'what', 'when', 'where', 'how', 'do', 'does', 'can', 'my', 'your', 'to', 'for', 'of', 'and', 'it', 'this', 'that', 'have', 'library', 'open', 'please', 'thanks', 'thank', 'hi', 'hello', 'we', 'our', 'will', 'would']);

/**
 * Whether the message uses any common English or Spanish word ("the", "you", "que"). A message with none is
 * in no language the library reads, even when it is too short or too unusual for `isUnsupportedLanguage`
 * to say which ("Tafadhali piga simu polisi").
 */
export function hasEnglishOrSpanishWords(text: string): boolean {
  const tokens = foldText(text).replace(/[’']/g, ' ').split(/[^a-z]+/);
  return tokens.some((token) => ENGLISH_WORDS.has(token) || SPANISH_WORDS.has(token));
}

const PLAIN_LETTERS: Record<string, string> = { đ: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** How many English words (`ENGLISH_WORDS`, `LIBRARY_WORDS`) make the Tagalog particles around them Taglish. */
const TAGLISH_ENGLISH_WORDS = 2;

function readsAsOtherLanguage(text: string): boolean {
  const other = text.match(OTHER_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (other >= 2 && other >= latin) return true;
  // Letters with no accent to fold away (Vietnamese đ, Polish ł, Danish ø, German ß, Turkish ı): read as
  // their plain letters, or "đâu" would split into a stray "au" and "działa" into "dzia" and "a".
  const tokens = foldText(text).replace(/[đłøßæœı]/g, (letter) => PLAIN_LETTERS[letter]!).replace(/[’']/g, ' ').split(/[^a-z]+/).filter((token) => token.length > 0);
  if (FOREIGN_GREETING.test(tokens.join(' '))) return true;
  // "Bom dia! A biblioteca abre no feriado?": a greeting no English or Spanish writer opens with, then
  // no English: the question is in the greeting's language, however many words it shares with Spanish.
  const greeting = FOREIGN_GREETING_FIRST.exec(tokens.join(' '));
  if (greeting && !tokens.slice(greeting[0].split(' ').length).some((token) => ENGLISH_WORDS.has(token))) return true;
  // "Olá" with its accent is Portuguese; Spanish writes "hola" (and "ola" is a Spanish typo of it). Like any
  // greeting, English after it ("Olá! Can the library get me…") is the language the question is asked in.
  if (/^\s*ol[áà](?!\p{L})/iu.test(text) && tokens.length >= 2 && !tokens.slice(1).some((token) => ENGLISH_WORDS.has(token))) return true;
  if (tokens.length < 3) return false;
  let known = 0;
  // Each foreign word counts once: "hi po, open po ba kayo on Dec 26? … po" is English with a Tagalog
  // courtesy word repeated, not Tagalog.
  const foreignWords = new Set<string>();
  for (const token of tokens) {
    if (ENGLISH_OR_SPANISH.has(token) || SPANISH_WORDS.has(token) || ENGLISH_WORDS.has(token)) known++;
    else if (OTHER_LATIN_WORDS.has(token)) foreignWords.add(token);
  }
  const foreign = foreignWords.size;
  // Taglish: "pwede po ba i-renew yung 3 books ko?" asks in English words with Tagalog particles around
  // them, as Filipino patrons often write; staff and the router read it as English.
  if (foreign > 0 && [...foreignWords].every((word) => TAGALOG.has(word))) {
    const englishWords = new Set(tokens.filter((token) => ENGLISH_WORDS.has(token) || (LIBRARY_WORDS.has(token) && !SPANISH_WORDS.has(token))));
    if (englishWords.size >= TAGLISH_ENGLISH_WORDS) return false;
  }
  const letters = text.match(OTHER_LATIN_LETTERS)?.length ?? 0;
  // ã, õ, ê, ô and ç are never Spanish: "vocês têm aula de inglês grátis?" is Portuguese, whatever it shares with Spanish.
  const portuguese = text.match(PORTUGUESE_LETTERS)?.length ?? 0;
  return (foreign >= 2 && foreign > known + 1) || (foreign >= 3 && foreign >= known) || (letters >= 3 && foreign >= 1 && known <= 1) || (portuguese >= 2 && foreign >= 1);
}
