/**
 * Words of danger in the languages the library has no articles in: police, ambulance, a knife or a gun,
 * killing, dying by one's own hand, fire, blood, being beaten or threatened, an overdose, someone
 * unconscious or not breathing, a "last letter". They are read only in a
 * message the router could not answer anyway (`isUnsupportedLanguage`), where the choice is between
 * offering to pass the message on and alerting staff at once: a person in danger who writes in Somali or
 * Ukrainian must not wait for a "yes". A false alarm costs a member of staff a look at a message they
 * would have been shown anyway, so the words are single and plain, not the phrasings of
 * safety-other-languages.ts.
 *
 * Left out on purpose: "help" (every request asks for it), "lost" and "missing" (a lost card), death said
 * of someone ("my grandmother died, may I return her books"), and short words another language uses for
 * something harmless (Dutch "mes", Swahili "moto", Somali "dab", Turkish "kan").
 */
const WORDS_WITH_SPACES = [
  // French, Portuguese, Italian, German, Dutch, Polish
  'police', 'ambulance', 'pompiers', 'couteau', 'pistolet', 'me tuer', 'suicide', 'au secours', 'agressée?', 'violée?', 'menacée?',
  'polícia', 'ambulância', 'faca', 'me matar', 'suicídio', 'ameaçad[ao]',
  'polizia', 'ambulanza', 'coltello', 'pistola', 'uccidermi', 'suicidio',
  'polizei', 'krankenwagen', 'notarzt', 'messer', 'waffe', 'selbstmord', 'bedroht',
  'politie', 'zelfmoord', 'bedreigd',
  'policj[aęi]', 'karetk[aęi]', 'nóż', 'nożem', 'broń', 'samobójstw[oa]', 'grozi mi',
  // Turkish, Vietnamese, Tagalog, Haitian Creole, Somali, Swahili
  'ambulans', 'bıçak', 'silah', 'intihar', 'öldürecek', 'dövüyor',
  'công an', 'cảnh sát', 'cấp cứu', 'súng', 'tự tử', 'giết',
  'pulis', 'ambulansya', 'kutsilyo', 'baril', 'papatayin', 'magpakamatay', 'sinasaktan', 'binubugbog',
  'lapolis', 'anbilans', 'kouto', 'touye', 'bat mwen',
  'booliska', 'ambalaas', 'mindi', 'i garaacay', 'is dil',
  'polisi', 'ambulensi', 'kisu', 'bunduki', 'kujiua', 'ananipiga', 'kuniua',
  // Someone overdosed, unconscious or not breathing; a threat (French, Portuguese, German, Polish, Vietnamese, Tagalog)
  'overdose', 'surdose', 'inconsciente?', 'ne respire (?:plus|pas)', 'menace', 'não respira', 'überdosis', 'bewusstlos', 'atmet nicht',
  'przedawkowa\\p{L}*', 'nieprzytomn\\p{L}*', 'nie oddycha', 'quá liều', 'bất tỉnh', 'không thở', 'đe dọa', 'walang malay', 'hindi humihinga',
];

/** Scripts without spaces between words, or whose words the `\b` of a regular expression does not see. */
const WORDS_ANYWHERE = [
  // Russian, Ukrainian
  'полици', 'скорую', 'скорая', 'ножом', 'пистолет', 'оружие', 'убить', 'убьёт', 'убьет', 'самоубийств', 'бьёт', 'бьет', 'угрожает',
  'поліці', 'швидку', 'швидка', 'зброя', 'вбити', 'самогубств', 'погрожує',
  // Arabic, Persian, Urdu
  'شرطة', 'الشرطة', 'إسعاف', 'الإسعاف', 'سكين', 'مسدس', 'سلاح', 'انتحار', 'يضربني', 'يقتلني',
  'پلیس', 'آمبولانس', 'اورژانس', 'چاقو', 'اسلحه', 'خودکشی', 'کتکم', 'مرا بکشد',
  'پولیس', 'ایمبولینس', 'بندوق',
  // Chinese, Japanese, Korean
  '警察', '报警', '報警', '救护车', '救護車', '拿刀', '有刀', '持刀', '有枪', '有槍', '杀我', '殺我', '自杀', '自殺', '打我',
  '救急車', 'ナイフ', '包丁', '殺される', '殴られ',
  '경찰', '구급차', '칼을', '총을', '죽이', '자살', '때려',
  // Hindi, Nepali, Amharic
  'पुलिस', 'एम्बुलेंस', 'चाकू', 'बंदूक', 'आत्महत्या', 'मार डाल', 'प्रहरी', 'एम्बुलेन्स', 'बन्दुक',
  'ፖሊስ', 'አምቡላንስ', 'ቢላዋ', 'ሽጉጥ',
  // Overdose, unconscious, not breathing, a threat, a last letter (Russian, Ukrainian, Arabic, Persian, Hindi, Chinese, Japanese, Korean)
  'передозиров', 'без сознания', 'не дышит', 'последнее письмо', 'передозуван', 'без свідомості', 'не дихає', 'останній лист',
  'جرعة زائدة', 'فاقد الوعي', 'لا يتنفس', 'لا يستجيب', 'يهددني', 'تهديد', 'تهدید', 'بیهوش', 'نفس نمی', 'مصرف بیش از حد',
  'बेहोश', 'सांस नहीं', 'साँस नहीं', 'धमकी', 'ओवरडोज', 'बोल नहीं रहे', 'बोल नहीं रही',
  '昏迷', '不省人事', '没有呼吸', '沒有呼吸', '服药过量', '吸毒过量', '用药过量', '服藥過量', '吸毒過量', '威胁', '威脅', '意識がない', '息をしていない', '脅され', '의식이 없', '숨을 쉬지', '협박',
];

const DANGER_WORD = new RegExp(
  [`(?<![\\p{L}\\p{N}])(?:${WORDS_WITH_SPACES.join('|')})(?![\\p{L}\\p{N}])`, `(?:${WORDS_ANYWHERE.join('|')})`].join('|'),
  'u',
);

/** Whether a message in another language names a danger (see above for why this is read only there). */
export function namesDangerInOtherLanguage(text: string): boolean {
  return DANGER_WORD.test(text.normalize('NFC').toLowerCase());
}
