import type { SafetyKind } from './safety.js';

/**
 * Emergencies written in a language the library has no articles in. The router cannot answer those
 * messages, but a parent whose child is gone, or someone not breathing, must still reach staff at once.
 * These are the unmistakable phrasings, in the languages patrons most often write in, matched on the
 * message as written (Arabic, Chinese, Korean… have no letters the English and Spanish patterns read).
 * Ordinary requests for help ("can you help me find…") are deliberately not here.
 */
const OTHER_LANGUAGE_PATTERNS: Array<[SafetyKind, RegExp]> = [
  ['missing-child', new RegExp([
    // French, Portuguese, German, Dutch, Polish, Russian, Vietnamese, Tagalog, Haitian Creole
    "je ne (?:trouve|vois) (?:plus|pas) (?:mon (?:fils|enfant|bébé|petit)|ma (?:fille|petite))", "(?:mon (?:fils|enfant)|ma fille) (?:a disparu|est perdue?)",
    'não (?:encontro|acho) (?:o )?(?:meu (?:filho|bebê|menino)|minha (?:filha|menina))', '(?:meu filho|minha filha) (?:sumiu|desapareceu)',
    'ich finde (?:mein(?:en)? (?:kind|sohn)|meine tochter) nicht', '(?:mijn|onze) (?:dochter|zoon|kind|kleine)[^.!?]{0,30}(?:is weg|kwijt|vermist|zoek)', 'kan (?:haar|hem) nergens (?:meer )?vinden', '(?:mein (?:kind|sohn)|meine tochter) ist (?:weg|verschwunden)',
    'nie (?:mogę|moge) znaleźć (?:syna|córki|corki|dziecka)', '(?:syn|córka|corka|dziecko) (?:zaginął|zaginęła|zaginelo|zaginęło)',
    'не (?:могу|можем) найти (?:сына|дочь|дочку|ребенка|ребёнка)', '(?:сын|дочь|ребенок|ребёнок) (?:пропал|пропала|потерялся|потерялась)',
    // Russian: a child or a relative who needs care was to be here, is not, and does not answer.
    '(?:сын|дочь|дочка|ребенок|ребёнок|сестра|брат|мама|мать|папа|отец|бабушка|дедушка)[^.!?]{0,80}(?:(?:должен|должна|должны|должно) (?:был|была|были|было) быть|не пришла|не пришли|не пришёл|не пришел)[^!?]{0,80}(?:не отвечает|нет|пропал)',
    'không (?:tìm thấy|thấy) (?:con|bé|cháu)', '(?:con|bé) (?:tôi |của tôi )?(?:bị lạc|mất tích)',
    'hindi ko (?:mahanap|makita) ang (?:anak|bata)', 'nawawala ang (?:anak|bata)',
    // Swahili: "my child is lost", "I can't find my child".
    'mtoto wangu (?:amepotea|hayupo|haonekani)', 'simwoni mtoto wangu',
    // Somali: "my son / my daughter / my child is lost".
    '(?:wiilkayg|gabadhayd|ilmahayg|cunugayg)[a-z]*[^.!?]{0,20}\\blumay\\b',
    // Ukrainian
    'не (?:можу|можемо) знайти (?:сина|доньку|дочку|дитину)', '(?:син|донька|дочка|дитина)[^.!?]{0,20}(?:загубився|загубилася|зник|зникла|пропав|пропала)',
    'mwen pa (?:ka )?jwenn pitit', 'pitit mwen (?:pèdi|disparèt)', 'pitit(?: fi| gason)? (?:mwen|m)\\b[^.!?]{0,60}pa (?:ka )?jwenn (?:li|l)\\b',
    // Arabic, Chinese, Japanese, Korean, Hindi
    // Persian: "my son was to come to the library after school and has not come, does not answer the phone".
    '(?:پسرم|دخترم|بچه‌ام|بچه ام)[^.!?؟]{0,80}(?:گم شده|پیدا(?:ش)? نمی|نیامده|نیومده|جواب (?:تلفن )?نمی)',
    '(?:ابني|ابنتي|طفلي|طفلتي)[^.!?؟]{0,60}(?:لا أجد|لا أجده|لا أجدها|مفقود|ضاع|ضاعت|اختفى|اختفت)', '(?:لا أجد|لا أجده|لا أجدها)[^.!?؟]{0,30}(?:ابني|ابنتي|طفلي|طفلتي)',
    '找不到(?:我的)?(?:孩子|儿子|兒子|女儿|女兒|小孩)', '(?:孩子|儿子|兒子|女儿|女兒|小孩).{0,20}找不到', '(?:孩子|儿子|兒子|女儿|女兒|小孩)不见了', '(?:子供|息子|娘)が(?:見つからない|いなくなった|いない)',
    '(?:아이|아들|딸)(?:를|을|가|이)? ?(?:찾을 수 없|찾을 수가 없|안 보여|없어졌)', '(?:मेरा (?:बच्चा|बेटा)|मेरी बेटी)[^।!?]{0,40}(?:नहीं मिल|गायब|खो ग)',
  ].join('|'), 'u')],
  ['medical', new RegExp([
    'ne respire (?:plus|pas)', 'appelez (?:une ambulance|le samu|les pompiers)', 'não está respirando', 'chamem uma ambulância', 'atmet nicht', 'krankenwagen',
    'nie oddycha', 'wezwijcie karetkę', 'не дышит', 'вызовите скорую', 'không thở', '(?:gọi|kêu) (?:xe )?cấp cứu', 'hindi humihinga', 'nahimatay', 'li pa respire', 'rele anbilans',
    // Someone fallen who does not respond: "li tonbe atè a e li pa reponn", "est tombé et ne répond plus".
    'tonbe[^.!?]{0,40}pa (?:reponn|respire|leve)', '(?:tombée?|effondrée?)[^.!?]{0,40}ne (?:répond|réagit|bouge) (?:plus|pas)', '(?:упал|упала)[^.!?]{0,40}не (?:отвечает|реагирует|двигается)', '(?:впав|впала)[^.!?]{0,40}не (?:відповідає|реагує|рухається)', 'не дихає', 'швидку',
    // Nepali: someone fallen, not breathing ("सास फेर्नुभएको छैन", "सास फेरेको छैन", "सास फेर्दैन").
    'सास (?:फेर्नुभएको|फेरेको|फेरिरहेको) छैन', 'सास फेर्दैन', 'सास फेर्नुहुन्न', 'बेहोस (?:हुनुभयो|भयो|हुनुभएको)', 'एम्बुलेन्स बोलाउनुहोस्',
    '(?:倒下|晕倒|昏倒|摔倒)[^。！？!?]{0,20}(?:没有反应|沒有反應|不动了|不醒)', '(?:没有反应|沒有反應)[^。！？!?]{0,10}(?:快来|救命)',
    'لا يتنفس', 'لا تتنفس', 'الإسعاف', '没有呼吸', '不呼吸了', '叫救护车', '救急車', '숨을 안 쉬', '숨을 쉬지', '구급차', 'सांस नहीं ले', 'एम्बुलेंस',
  ].join('|'), 'u')],
  ['fire', new RegExp(['au feu', 'il y a (?:un )?incendie', 'incêndio', 'es brennt', 'pożar', 'пожар', '(?:đang|bị|có) cháy', 'cháy rồi', 'sunog', 'حريق', '着火', '火灾', '火災', '火事', '불이 났'].join('|'), 'u')],
  ['self-harm', new RegExp([
    'me suicider', 'en finir avec (?:la|ma) vie', 'quero morrer', 'me matar', 'ich will (?:sterben|mich umbringen)', 'chcę umrzeć', 'zabić się', 'хочу умереть', 'покончить с собой',
    // More ways to say it: French, German, Polish, Tagalog, Haitian Creole, Korean, Persian, Hindi.
    'je veux mourir', 'ich will nicht mehr leben', 'się zabić', 'gusto ko (?:nang |na lang |na )?mamatay', 'magpapakamatay', 'mwen vle mouri', '죽고 싶', '자살',
    'می‌?خواهم بمیرم', 'میخوام بمیرم', 'خودکشی', 'मरना चाहत[ाी]', 'आत्महत्या',
    // Saying goodbye: "أريد أن أودع الجميع. لن أكون هنا بعد الغد", "хочу з усіма попрощатися".
    'أودع الجميع', 'لن أكون (?:هنا|موجود[اة]?) بعد', 'хочу (?:з усіма |со всеми )?попрощатися', 'хочу (?:со всеми )?попрощаться',
    'nataka kufa', 'kujiua', 'muốn chết', 'tự tử', 'không muốn sống', '不想活', '活不下去', '生きていたくない', '살고 싶지 않', 'не хочу жить', 'не вижу смысла (?:жить|в жизни)', 'не бачу сенсу (?:жити|в житті)', 'nie chcę żyć', 'je ne veux plus vivre', 'não quero mais viver', 'ayaw ko nang mabuhay', 'mwen pa vle viv', 'magpakamatay', 'touye tèt mwen', 'أريد أن أموت', 'انتحار', '想死', '自杀', '自殺', '死にたい', '죽고 싶', '자살', 'आत्महत्या', 'मरना चाहत',
  ].join('|'), 'u')],
  ['threat', new RegExp([
    'au secours', '(?:^|[¡!\\s])socorro(?:\\s*!|$)', 'ratunku', 'помогите!', 'cứu (?:tôi|với|em)', 'anmwe', 'ساعدوني(?:\\s*[!！]|\\s*$)', '救命', '助けて', '살려주세요', 'बचाओ',
    // Beaten at home: "زوجي يضربني", "mon mari me frappe", "мій чоловік б'є мене".
    '(?:زوجي|أبي|أخي)[^.!?؟]{0,20}(?:يضربني|يؤذيني|يهددني)', '(?:mon (?:mari|copain|père)|il) me (?:frappe|bat)\\b', '(?:meu (?:marido|namorado)|ele) me (?:bate|espanca)\\b', '(?:муж|он) (?:бьёт|бьет) меня', "(?:чоловік|він) (?:б'є|бʼє|б’є) мене", '(?:chồng|anh ấy) (?:đánh|đập) tôi', '(?:丈夫|老公|男朋友)(?:打我|家暴)', '(?:mąż|on) mnie bije', 'mari m (?:bat|frape) mwen',
    '(?:पति|पिता|भाई)[^।!?]{0,20}(?:मारा|मारते|पीटा|पीटते)',
    '(?:il|elle) a (?:une arme|un couteau|un pistolet)', 'у него (?:нож|пистолет)', 'có (?:súng|dao)',
    // Someone following the writer: "đang theo dõi tôi", "quelqu'un me suit", "跟踪我".
    '(?:theo dõi|đi theo|bám theo) tôi', "(?:quelqu'un|un homme|il) me suit", 'está me seguindo', '(?:verfolgt|folgt) mich', '(?:ktoś|mężczyzna) (?:mnie śledzi|idzie za mną)',
    // Threatened: "погрожує мені ножем", "il me menace", "tinatakot ako", "grozi mi".
    '(?:погрожує|погрожував) (?:мені|мене)', 'погрожує ножем', 'угрожает (?:мне|ножом)', '(?:il|elle|on) me menace', '(?:está me ameaçando|me ameaça)', 'bedroht mich', 'grozi mi', 'đe dọa tôi', 'menase mwen', 'tinatakot (?:ako|niya ako)', 'يهددني', '威胁我', '威脅我', '협박',
    '(?:sumusunod|sunod nang sunod) sa (?:akin|amin)', '(?:ходить|йде|іде|стежить) за мною', 'переслідує мене',
    // Swahili: "my husband beats me", "he is following me", "I have nowhere to go".
    '(?:mume wangu|mpenzi wangu|baba yangu|yeye) (?:ananipiga|amenipiga|ananitishia)', 'ananifuata', 'sina mahali pa kwenda',
    // Followed or beaten: Persian, Hindi, Chinese, Russian, Tagalog.
    'کسی (?:دنبالم|مرا تعقیب)', 'मेरा पीछा कर', '(?:他|她)(?:打|在打)我', 'меня бьют', '(?:binubugbog|sinasaktan) (?:ako|niya ako)', '(?:меня )?преследует(?: меня)?', 'за мной[^.!?]{0,40}(?:следит|идёт|идет|ходит|ходят|гонится)', 'я (?:сейчас )?прячусь', 'за мною[^.!?]{0,40}(?:стежить|йде|ходить|женеться)', 'я (?:зараз )?ховаюся', 'يتبعني', 'يلاحقني', '跟踪我', '跟着我', 'つけられて', '따라오', '따라다니', '따라다녀', 'زما پسې (?:راځي|ګرځي|ګرځي)', 'sinusundan (?:ako|niya ako)', 'ap swiv mwen',
  ].join('|'), 'u')],
];

/** The kind of emergency a message in another language states outright, or undefined. */
export function detectOtherLanguageSafety(text: string): SafetyKind | undefined {
  const lowered = text.normalize('NFC').toLowerCase();
  for (const [kind, pattern] of OTHER_LANGUAGE_PATTERNS) if (pattern.test(lowered)) return kind;
  return undefined;
}
