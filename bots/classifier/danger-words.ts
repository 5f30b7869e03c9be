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
  'police', 'ambulance', 'pompiers', 'couteau', 'pistolet', 'me tuer', 'suicide', 'au secours', 'agressée?', 'violée?', 'menacée?', 'dire adieu',
  'polícia', 'ambulância', 'faca', 'me matar', 'suicídio', 'ameaçad[ao]',
  'polizia', 'ambulanza', 'coltello', 'pistola', 'uccidermi', 'suicidio',
  'polizei', 'krankenwagen', 'notarzt', 'messer', 'waffe', 'selbstmord', 'bedroht',
  'politie', 'zelfmoord', 'bedreigd',
  'policj[aęi]', 'karetk[aęi]', 'nóż', 'nożem', 'broń', 'samobójstw[oa]', 'grozi mi', 'chodzi za mną', 'idzie za mną', 'śledzi mnie',
  // Turkish, Vietnamese, Tagalog, Haitian Creole, Somali, Swahili
  'ambulans', 'bıçak', 'silah', 'intihar', 'öldürecek', 'dövüyor', 'beni takip', 'takip ediyor', 'saklanıyorum', 'korkuyorum',
  'công an', 'cảnh sát', 'cấp cứu', 'súng', 'tự tử', 'giết',
  'pulis', 'ambulansya', 'kutsilyo', 'baril', 'papatayin', 'magpakamatay', 'sinasaktan', 'binubugbog',
  'lapolis', 'anbilans', 'kouto', 'touye', 'bat mwen',
  'booliska', 'ambalaas', 'mindi', 'i garaacay', 'is dil', 'ma neefsanay\\p{L}*',
  'polisi', 'ambulensi', 'kisu', 'bunduki', 'kujiua', 'ananipiga', 'kuniua',
  // Finnish, Serbian/Croatian/Bosnian, Czech and Slovak, Uzbek: police, ambulance, knife, suicide, threatened, followed, not breathing, unconscious
  'poliisi\\p{L}*', 'ambulanssi\\p{L}*', 'itsemurh\\p{L}*', 'uhkail\\p{L}*', 'uhkaa minua', 'seura\\p{L}* minua', 'ei hengitä', 'tajuton',
  'policij\\p{L}*', 'hitn\\p{L}* pomoć', 'nož', 'nožem', 'pištolj\\p{L}*', 'samoubist\\p{L}*', 'samoubojst\\p{L}*', 'ne diše', 'bez svesti', 'bez svijesti', 'prijeti mi', 'preti mi', 'prati me',
  'policie', 'záchrank\\p{L}*', 'nedýchá', 'sebevražd\\p{L}*', 'samovražd\\p{L}*', 'vyhrožuje',
  'politsiya\\p{L}*', 'tez yordam', 'pichoq', 'nafas olmayapti',
  // Swedish, Albanian, Hungarian, Igbo, Czech, Dutch: police, ambulance, knife, suicide, followed, threatened, beaten, not breathing, gone missing
  'polisen', 'kniv', 'självmord', 'följ\\p{L}* efter mig', 'hotar mig', 'slår mig', 'andas inte', 'medvetslös', 'försvunnen', 'vill inte leva',
  'policin?', 'policia', 'ambulanc[eë]', 'thik[eë]', 'vetëvras\\p{L}*', 'më ndjek', 'më rreh', 'më kërcënon', 'nuk merr frymë',
  'rendőr\\p{L}*', 'mentő\\p{L}*', 'kés', 'késsel', 'öngyilkos\\p{L}*', 'követ engem', 'megöl\\p{L}*', 'fenyeget\\p{L}*', 'nem lélegzik',
  'na-eti m ihe', 'ga-egbu m', 'na-eso m', 'ndị uwe ojii',
  // Serbian in Cyrillic (whole words: Russian "ножницы" are scissors): police, ambulance, knife, gun, suicide, gone missing, followed, threatened, beaten, not breathing
  'полициј\\p{L}*', 'хитн\\p{L}* помоћ', 'нож', 'ножем', 'пиштољ\\p{L}*', 'самоубиств\\p{L}*', 'нестао', 'нестала', 'прати ме', 'прети ми', 'бије ме', 'не дише',
  'sleduje mě', 'mě sleduje', 'bije mě', 'nůž', 'volgt mij', 'slaat mij', 'ademt niet',
  // Norwegian and Danish: police, ambulance, suicide, followed, threatened, beaten, not breathing, unconscious, no strength left, a last day, not wanting to live
  'politi(?:et)?', 'ambulanse(?:n)?', 'selvmord', 'følger (?:efter|etter) (?:mig|meg)', 'truer (?:mig|meg)', 'slår (?:mig|meg)', 'trækker ikke vejret', 'puster ikke', 'bevidstløs', 'bevisstløs', 'orker ikke mer', 'kan ikke mere', 'siste dag', 'sidste dag', 'ta livet av meg', 'tage mit liv', 'vil ikke leve',
  // Latvian, Lithuanian: beats me, threatens, follows me, suicide, not breathing
  'mani sit', 'draud', 'seko man', 'pašnāvīb\\p{L}*', 'neelpo', 'mane muša', 'grasina', 'seka mane', 'savižudyb\\p{L}*', 'nekvėpuoja',
  // Hausa, Zulu: police, knife, gun, kill myself, following me, beats me, will kill me, not breathing
  'yan sanda', 'wuka', 'bindiga', 'kashe kaina', 'yana bina', 'zai kashe ni',
  'amaphoyisa', 'ukuzibulala', 'engilandelayo', 'uyangilandela', 'ummese', 'isibhamu', 'uyangishaya', 'uzongibulala', 'akaphefumuli',
  // Malay and Indonesian: hit, beaten, suicide, afraid to go home
  'pukul saya', 'memukul saya', 'dipukul', 'bunuh diri', 'takut (?:nak )?balik',
  // Someone overdosed, unconscious or not breathing; a threat (French, Portuguese, German, Polish, Vietnamese, Tagalog)
  'overdose', 'surdose', 'inconsciente?', 'ne respire (?:plus|pas)', 'menace', 'não respira', 'überdosis', 'bewusstlos', 'atmet nicht',
  'przedawkowa\\p{L}*', 'nieprzytomn\\p{L}*', 'nie oddycha', 'quá liều', 'bất tỉnh', 'không thở', 'đe dọa', 'walang malay', 'hindi humihinga',
];

/** Scripts without spaces between words, or whose words the `\b` of a regular expression does not see. */
const WORDS_ANYWHERE = [
  // Russian, Ukrainian
  'полици', 'скорую', 'скорая', 'ножом', 'пистолет', 'оружие', 'убить', 'убьёт', 'убьет', 'самоубийств', 'бьёт', 'бьет', 'угрожает',
  'поліці', 'швидку', 'швидка', 'зброя', 'вбити', 'самогубств', 'погрожує',
  // A stroke: the word, and someone who cannot speak
  'инсульт', 'не может говорить', 'інсульт', 'не може говорити',
  // Arabic, Persian, Urdu
  'شرطة', 'الشرطة', 'إسعاف', 'الإسعاف', 'سكين', 'مسدس', 'سلاح', 'انتحار', 'يضربني', 'يقتلني',
  'پلیس', 'آمبولانس', 'اورژانس', 'چاقو', 'اسلحه', 'خودکشی', 'کتکم', 'مرا بکشد', 'مرا زد', 'منو زد', 'جایی برای رفتن ندارم',
  'پولیس', 'ایمبولینس', 'بندوق',
  // Chinese, Japanese, Korean
  '警察', '报警', '報警', '救护车', '救護車', '拿刀', '有刀', '持刀', '有枪', '有槍', '杀我', '殺我', '自杀', '自殺', '打我',
  '救急車', 'ナイフ', '包丁', '殺される', '殴られ',
  '경찰', '구급차', '칼을', '총을', '죽이', '자살', '때려',
  // Hindi, Nepali, Amharic (police, ambulance, knife, gun, kill, suicide, beats)
  'पुलिस', 'एम्बुलेंस', 'चाकू', 'बंदूक', 'आत्महत्या', 'मार डाल', 'प्रहरी', 'एम्बुलेन्स', 'बन्दुक',
  'ፖሊስ', 'አምቡላንስ', 'ቢላዋ', 'ሽጉጥ', 'ገድለ', 'ራሴን ማጥፋት', 'ራስን ማጥፋት', 'ይደበድበ',
  // Bengali: police, ambulance, knife, gun, suicide, beats or will kill me
  'পুলিশ', 'অ্যাম্বুলেন্স', 'ছুরি', 'বন্দুক', 'আত্মহত্যা', 'আমাকে মার', 'মেরে ফেল',
  // Overdose, unconscious, not breathing, a threat, a last letter (Russian, Ukrainian, Arabic, Persian, Hindi, Chinese, Japanese, Korean)
  'передозиров', 'без сознания', 'не дышит', 'последнее письмо', 'передозуван', 'без свідомості', 'не дихає', 'останній лист',
  'جرعة زائدة', 'فاقد الوعي', 'لا يتنفس', 'لا يستجيب', 'يهددني', 'تهديد', 'تهدید', 'بیهوش', 'نفس نمی', 'مصرف بیش از حد',
  'बेहोश', 'सांस नहीं', 'साँस नहीं', 'धमकी', 'ओवरडोज', 'बोल नहीं रहे', 'बोल नहीं रही',
  '昏迷', '不省人事', '没有呼吸', '沒有呼吸', '服药过量', '吸毒过量', '用药过量', '服藥過量', '吸毒過量', '威胁', '威脅', '意識がない', '息をしていない', '脅され', '의식이 없', '숨을 쉬지', '협박',
  // A seizure, someone collapsed or not breathing (Chinese, Korean, Hindi, Russian, Ukrainian, Amharic)
  '抽搐', '癫痫', '癲癇', '晕倒', '暈倒', '昏倒', '발작', '쓰러졌', '쓰러져', '숨을 안', 'दौरा पड़', 'मिर्गी', 'судорог', 'припадок', 'приступ', 'напад', 'አይተነፍስም', 'ራሱን ስቶ', 'ራሷን ስታ',
  // Followed, watched, hiding from someone (Korean, Chinese, Hindi, Russian, Ukrainian, Persian, Amharic)
  '따라와', '따라다니', '지켜보고 있', '숨어 있', '跟踪', '跟蹤', '盯着我', '盯著我', '跟着我', '跟著我', 'पीछा', 'следит за мной', 'ходит за мной', 'идёт за мной', 'идет за мной', 'преследует', 'ходить за мною', 'переслідує', 'стежить за мною', 'тежить за мною', 'تعقیب', 'ይከተለኛል', 'ይከተሉኛል',
  // Not wanting to live (Persian, Arabic, Chinese, Amharic)
  'نمی‌خواهم زنده', 'نمیخواهم زنده', 'نمی خواهم زنده', 'زنده باشم', 'لا أريد أن أعيش', 'لا أريد العيش', '不想活', 'መሞት እፈልጋለሁ', 'ራሴን ማጥፋት', 'ራሴን ልገድል',
  // Bengali: police, ambulance, knife, gun, suicide, beaten, threat, unconscious, not breathing, not wanting to live, save me, followed
  'পুলিশ', 'অ্যাম্বুলেন্স', 'ছুরি', 'বন্দুক', 'আত্মহত্যা', 'মারধর', 'মারছে', 'হুমকি', 'অজ্ঞান', 'শ্বাস নিচ্ছে না', 'নিঃশ্বাস নিচ্ছে না', 'বাঁচতে চাই না', 'মরতে চাই', 'বাঁচাও', 'পিছু নিয়েছে', 'পিছু নিচ্ছে', 'অনুসরণ করছে',
  // Hebrew: police, ambulance, knife, gun, suicide, beats me, threatens, follows me
  'משטרה', 'אמבולנס', 'סכין', 'אקדח', 'התאבד', 'מרביץ לי', 'היכה אותי', 'מאיים עליי', 'עוקב אחריי', 'עוקב אחרי', 'הולך אחריי',
  // Hebrew: not wanting to live
  'לא רוצה לחיות', 'לא רוצה יותר לחיות', 'לשים קץ',
  // Tigrinya: beats me, will kill me; Telugu: police, ambulance, knife, suicide, nowhere to be seen, not breathing, will kill
  'ይወቕዓኒ', 'ይወቅዓኒ', 'ክቐትለኒ', 'ይቐትለኒ', 'ቀቲሉኒ',
  'పోలీస', 'అంబులెన్స', 'కత్తి', 'ఆత్మహత్య', 'కనిపించడం లేదు', 'ఊపిరి ఆడటం లేదు', 'శ్వాస తీసుకోవడం లేదు', 'చంపేస',
  // Armenian: no strength left, better without me, suicide, police, ambulance, knife, following me
  'ուժ չունեմ', 'առանց ինձ', 'ինքնասպան', 'ոստիկան', 'շտապ օգնություն', 'դանակ', 'հետևում է ինձ', 'հետապնդում',
  // Malayalam: collapsed, not breathing, police, ambulance, suicide, knife, missing
  'കുഴഞ്ഞുവീ', 'ജീവിക്കാൻ ആഗ്രഹിക്കുന്നില്ല', 'ശ്വാസം എടുക്കുന്നില്ല', 'ശ്വാസമില്ല', 'പോലീസ', 'ആംബുലൻസ', 'ആത്മഹത്യ', 'കത്തി', 'കാണാനില്ല',
  // Nepali: beaten, will kill, following
  'कुट्', 'कुटे', 'कुटिरहेको', 'मार्छ', 'मार्ने', 'पछ्याइ', 'पछ्याउ',
  // Amharic: beaten, threatened, fallen
  'ይደበድበኛል', 'ደበደበኝ', 'ያስፈራራኛል', 'ወድቆ', 'ወድቃ',
  // Chest or heart pain, someone walking behind, afraid to go out (Russian, Ukrainian)
  'сердце (?:очень |сильно )?болит', 'болит сердце', 'боль в груди', 'серце (?:дуже |сильно )?болить', 'болить серце', 'біль у грудях',
  'за мной кто-то', 'за мною хтось', 'боюсь выходить', 'боюся виходити',
  // Beaten, afraid to go home, nowhere to go (Ukrainian, Russian)
  'побив', 'побила', 'побил', 'избил', 'б’є мене', "б'є мене", 'бʼє мене', 'боюся йти додому', 'боюсь идти домой', 'нікуди піти', 'некуда идти',
  // Not wanting to stay alive, said as it is spoken (Persian); followed, afraid, suicide, beaten (Pashto)
  'نمی‌خوام زنده', 'نمیخوام زنده', 'نمی خوام زنده', 'زنده بمونم', 'زما پسې', 'ویرېږم', 'ځان وژن', 'ووهلم',
  // Not wanting to live (Russian, Ukrainian)
  'не хочу жить', 'не хочу жити', 'не хочу больше жить', 'не хочу більше жити',
  // Bulgarian (better off without me, can't go on, beats me, follows me, threatens, ambulance); Russian and Ukrainian "better off without me"
  'по-добре без мен', 'по добре без мен', 'не мога повече', 'не искам да живея', 'бие ме', 'следи ме', 'заплашва', 'линейка', 'лучше без меня', 'краще без мене',
  // Georgian: threatens me, beats me, will kill me, follows me, police, ambulance, knife, gun, suicide, not breathing
  'მემუქრება', 'მცემს', 'მომკლავს', 'მომყვება', 'პოლიცი', 'სასწრაფო', 'დანა', 'იარაღ', 'თვითმკვლელობ', 'არ სუნთქავს',
  // Thai: police, ambulance, knife, suicide, followed, "help!", not wanting to live
  'ตำรวจ', 'รถพยาบาล', 'ฆ่าตัวตาย', 'เดินตาม', 'ตามฉัน', 'ช่วยด้วย', 'ไม่อยากมีชีวิต',
];

/**
 * A person who should be here and is not: someone close (a child, a parent, a grandparent) said beside
 * their absence ("can't find", "is not here", "nowhere", "does not answer"), in one message. Either word
 * alone is everyday ("my son's card", "I can't find the book"); together they are the parent at the door,
 * unless a thing is what went missing ("I can't find my daughter's book"). The word for a library, which
 * in Chinese and Persian holds the word for a book, is not a thing here.
 */
const LIBRARY_WORDS = /图书馆|圖書館|کتابخانه|کتابخونه|مكتبة/gu;
const PERSON_AND_ABSENCE: Array<[person: RegExp, absence: RegExp, things: RegExp]> = [
  // Chinese
  [/孩子|儿子|兒子|女儿|女兒|小孩|妈妈|媽媽|母亲|母親|爸爸|父亲|父親|奶奶|爷爷|爺爺|外婆|外公|老人/u, /找不到|不见了|不見了|不在这里|不在這裡|走丢|走丟|失踪|失蹤|不接电话|不接電話|电话也不接|電話也不接|没人接|沒人接|联系不上|聯繫不上/u, /书|書|卡|证|證|光盘|光碟/u],
  // Korean
  [/아이|아들|딸|엄마|어머니|아빠|아버지|할머니|할아버지/u, /찾을 수 없|못 찾|안 보여|없어졌|사라졌|연락이 안|전화를 안 받|안 나와|안 나오|돌아오지 않|뛰쳐나갔/u, /책|카드|디브이디|dvd/u],
  // Russian, Ukrainian
  [/сын|доч|ребен|ребён|дитин|мій син|сина|сину|донь|мама|маму|мамы|мать|мати|матір|папа|папу|папы|тато|тата|отец|батьк|бабуш|бабус|дедуш|дідус/u, /не могу (?:его |её |ее )?найти|не можу (?:його |її )?знайти|нигде нет|ніде немає|ніде нема|пропал|пропав|зник|ушёл|ушел|ушла|не отвечает|не відповідає|загубил|загубив/u, /книг|карт|квиток|билет|диск/u],
  // Hindi
  [/बच्च|बेटा|बेटी|माँ|मां|पिता|पापा|दादी|दादा|नानी|नाना/u, /नहीं मिल|गायब|खो ग|कहीं नहीं|फ़ोन नहीं उठा|फोन नहीं उठा/u, /किताब|पुस्तक|कार्ड/u],
  // Bengali
  [/মেয়ে|ছেলে|বাচ্চা|সন্তান|আমার মা|মায়ের|বাবা|দাদি|দাদু|নানি|নানা/u, /খুঁজে পাচ্ছি না|পাওয়া যাচ্ছে না|নিখোঁজ|হারিয়ে গেছে|কোথাও নেই|ফোন ধরছে না/u, /বই|কার্ড/u],
  // Persian, Arabic
  [/پسرم|دخترم|بچه|مادرم|پدرم|مادربزرگ|پدربزرگ|ابني|ابنتي|طفلي|طفلتي|أمي|أبي|جدتي|جدي/u, /پیدا(?:ش)? نمی|پیدایش نمی|گم شده|نیامده|جواب نمی|لا أجد|مفقود|ضاع|اختف|لا ير[دّ]/u, /کتاب|كتاب|کارت|بطاقة/u],
  // Urdu
  [/بیٹا|بیٹی|بیٹے|بچہ|بچے|بچی|امی|ابو|والدہ|والد|دادی|دادا|نانی|نانا/u, /نظر نہیں آ|نہیں مل|غائب|لاپتہ|گم ہو|فون نہیں اٹھا/u, /کتاب|کارڈ/u],
  // Amharic
  [/ልጄ|ልጃችን|እናቴ|አባቴ|አያቴ/u, /የለም|አላገኘሁ|ጠፍ/u, /መጽሐፍ|ካርድ/u],
  // Vietnamese, Tagalog, French, Portuguese, Polish
  [/(?:con tôi|con gái tôi|con trai tôi|mẹ tôi|bố tôi|ông tôi|bà tôi)/u, /không (?:tìm thấy|thấy đâu)|mất tích|không nghe máy|biến mất/u, /sách|thẻ/u],
  [/(?:anak ko|nanay ko|tatay ko|lola ko|lolo ko)/u, /hindi ko (?:mahanap|makita)|nawawala|hindi sumasagot/u, /libro|card/u],
  [/(?:mon fils|ma fille|mon enfant|ma mère|mon père|ma grand-mère|mon grand-père)/u, /(?:introuvable|disparu|ne (?:la|le) (?:trouve|vois) (?:plus|pas)|ne répond (?:plus|pas))/u, /livre|carte/u],
  [/(?:meu filho|minha filha|minha mãe|meu pai|minha avó|meu avô)/u, /(?:não (?:a|o) (?:encontro|acho)|sumiu|desapareceu|não atende|saiu (?:\p{L}+ ){0,3}sozinh[ao])/u, /livro|cartão/u],
  [/(?:mój syn|moja córka|moje dziecko|moja mama|mój tata|moja babcia|mój dziadek)/u, /(?:nie mogę (?:jej|go) znaleźć|zaginął|zaginęła|nie odbiera)/u, /książk|kart/u],
  // Malay and Indonesian
  [/\b(?:anak saya|anak aku|ibu saya|emak saya|mak saya|ayah saya|bapa saya|nenek saya|datuk saya|kakek saya)\b/u, /\b(?:hilang|tak ada|tidak ada|tak jumpa|tidak jumpa|tak dapat cari|tidak ketemu)\b/u, /\b(?:buku|kad|kartu) (?:saya|aku|anak saya|dia)\b/u],
  // Danish and Norwegian (the card is "kortet" or "lånerkort": "kort" alone is also "short", as in short hair), Zulu
  [/\b(?:min (?:datter|søn|mor|far|bedstemor|mormor|farmor|bestemor)|mit barn|mitt barn|vores barn|barnet)\b/u, /\b(?:forsvundet|forsvunnet|kan ikke finde (?:hende|ham)|finner (?:henne|ham) ikke|er væk|er borte)\b/u, /\b(?:bog|bøger|bok|bøker|kortet|lånerkort|lånekort|lånekortet|bibliotekskort)\b/u],
  [/\b(?:ingane|umntwana|indodana|indodakazi|umama|ubaba|ugogo|umkhulu)\b/u, /\b(?:ilahlekile|ulahlekile|angimtholi|akekho)\b/u, /\b(?:incwadi|izincwadi|ikhadi)\b/u],
];

const DANGER_WORD = new RegExp(
  [`(?<![\\p{L}\\p{N}])(?:${WORDS_WITH_SPACES.join('|')})(?![\\p{L}\\p{N}])`, `(?:${WORDS_ANYWHERE.join('|')})`].join('|'),
  'u',
);

function missesSomeone(lowered: string): boolean {
  const withoutLibrary = lowered.replace(LIBRARY_WORDS, ' ');
  return PERSON_AND_ABSENCE.some(([person, absence, things]) => person.test(withoutLibrary) && absence.test(withoutLibrary) && !things.test(withoutLibrary));
}

/** Whether a message in another language names a danger (see above for why this is read only there). */
export function namesDangerInOtherLanguage(text: string): boolean {
  const lowered = text.normalize('NFC').toLowerCase();
  return DANGER_WORD.test(lowered) || missesSomeone(lowered);
}
