import { describe, expect, it } from 'vitest';
import { namesDangerInOtherLanguage } from './danger-words.js';

describe('namesDangerInOtherLanguage', () => {
  it.each([
    'Appelez la police, il y a une bagarre dehors',
    // Not wanting to live in Ukrainian, being followed in Thai, a daughter nowhere to be seen in Urdu.
    'Я не хочу жити, допоможіть',
    'มีคนเดินตามฉันในห้องสมุด',
    'میری بیٹی کہیں نظر نہیں آ رہی',
    'شوهرم مرا زد و نمی‌دانم چه کنم',
    'Мужчина идёт за мной от остановки',
    'Ele tem uma faca, chamem alguém',
    'Mój mąż grozi mi od rana',
    // Walked behind between the shelves, in Polish.
    'Ten pan idzie za mną od wejścia, proszę o pomoc',
    'Він погрожує мені, я боюся',
    'Gọi công an giúp tôi với',
    'May baril po yung lalaki sa labas',
    'Rele lapolis, gen yon nèg ki gen kouto',
    'Fadlan booliska u yeer',
    'زوجي يقتلني إذا رجعت',
    '外面有人拿刀',
    '경찰 좀 불러주세요',
    'कोई चाकू लेकर खड़ा है',
    // Amharic "my husband says he will kill me", Bengali "my brother beats me, call the police".
    'ባሌ ሊገድለኝ ነው ይላል',
    'আমার ভাই আমাকে মারধর করে, পুলিশ ডাকুন',
    // Someone unconscious, overdosed, not breathing; a last letter.
    "Il y a un homme inconscient près de l'entrée",
    'Мой брат без сознания в читальном зале',
    'صديقي فاقد الوعي قرب المدخل',
    '有人在厕所昏迷了',
    'मेरी माँ बेहोश हो गई हैं',
    'Ось мій останній лист вам усім',
    // Chest pain and being walked behind, in Russian and Ukrainian; a child who has not come back, in Korean.
    'У мужа болит сердце, он сидит у входа',
    'Хтось іде за мною від парковки, за мною хтось весь час',
    '아들이 화장실에 들어가서 20분째 안 나와요',
    // Beaten and afraid to go home, in Malay.
    'Suami memukul saya pagi tadi, saya takut balik',
    // A seizure, someone collapsed or not breathing; followed or watched; not wanting to live.
    '阅览室里有个人在抽搐',
    '화장실 앞에서 한 분이 쓰러졌어요',
    'एक आदमी को दौरा पड़ा है, जल्दी आइए',
    'ሰውየው አይተነፍስም፣ ፍጠኑ',
    '한 남자가 계속 저를 따라와요',
    'কেউ আমার পিছু নিয়েছে, আমি ভয় পাচ্ছি',
    'আমি আর বাঁচতে চাই না',
    'দয়া করে পুলিশ ডাকুন',
    'دیگر نمی‌خواهم زنده باشم',
    // Someone close who should be here and is not.
    '我儿子说在图书馆门口等我，现在找不到他',
    '우리 아들이 어린이실에 있었는데 안 보여요',
    'Мой дедушка ушёл из зала, и его нигде нет',
    'Моя донька мала бути тут, але її ніде немає',
    'मेरी बेटी लाइब्रेरी में थी, अब नहीं मिल रही',
    'আমার ছেলেকে খুঁজে পাচ্ছি না',
    'مادرم اینجا بود ولی حالا پیدایش نمی‌کنم',
    'ልጄ እዚህ መሆን ነበረበት ግን የለም',
    "Je n'arrive pas à joindre ma fille, elle a disparu depuis la sortie de l'école",
    // A stroke, in Russian.
    'Кажется, у отца инсульт, он не может говорить',
    // Hebrew and Nepali: followed from the bus, beaten at home.
    'גבר עוקב אחריי מהאוטובוס ואני מפחדת',
    'उसले मलाई फेरि कुट्यो, म घर जान डराउँछु',
    // Finnish, Croatian and Czech: a man following, a child not breathing, someone not breathing.
    'Joku mies seuraa minua parkkipaikalla, pelottaa',
    'Pomozite, dijete ne diše, zovite hitnu pomoć',
    'Policie! Někdo tady nedýchá',
    // Uzbek: call the police, a man with a knife.
    'Politsiyaga qo‘ng‘iroq qiling, bir odamda pichoq bor',
    // Swedish, Serbian in Cyrillic, Hebrew, Tigrinya, Telugu, Armenian, Malayalam, Albanian, Hungarian, Igbo, Czech.
    'En kille har följt efter mig hela vägen från bussen',
    'Моја ћерка је нестала у читаоници',
    'אני כבר לא רוצה לחיות, סליחה',
    'ሰብኣየይ ሎሚ ይወቕዓኒ ነይሩ',
    'దయచేసి పోలీసులను పిలవండి',
    'Ուժ չունեմ այլևս, ներողություն',
    'ഒരാൾ ഇവിടെ കുഴഞ്ഞുവീണു കിടക്കുന്നു',
    'Ju lutem, dikush më ndjek që nga parkingu',
    'Hívják a mentőket, egy férfi összeesett',
    'Biko, di m na-eti m ihe kwa ụbọchị',
    'Ten chlap mě sleduje už od zastávky',
    // Norwegian, Danish, Latvian, Lithuanian, Hausa, Zulu, Bulgarian, Georgian.
    'Jeg vil ikke leve lenger, takk for alt dere har gjort',
    'En fyr følger efter mig ude på parkeringspladsen',
    'Kāds vīrietis seko man no pieturas',
    'Vyras mane muša, nežinau kur eiti',
    'Akwai mutum da wuka a ƙofar shiga',
    'Ubaba uyangishaya njalo ebusuku',
    'Всички ще са по-добре без мен, сбогом',
    'ვიღაც მომყვება გაჩერებიდან',
    // A child gone, in Danish and Zulu.
    'Min søn er forsvundet fra børneafdelingen',
    'Min datter er forsvundet, hun har kort hår og rød jakke',
    'Ingane yami ilahlekile, ngicela usizo',
    // Malay: my child is gone; Somali: not breathing; Portuguese: my father left on his own.
    'Tolong, anak saya hilang dekat rak majalah',
    'Ninkan halkan jiifa ma neefsanayo',
    'Meu pai saiu do prédio sozinho e não sabemos onde está',
    // Ukrainian "he beat me again, I'm afraid to go home"; Persian as spoken, "I don't want to stay alive";
    // Pashto "a man is after me, I'm afraid".
    'Він знову мене побив, я боюся йти додому',
    'خسته شدم، نمی خوام زنده بمونم',
    'یو سړی زما پسې دی، زه ویرېږم',
    // Turkish: someone is following me, I'm afraid.
    'Biri beni takip ediyor, korkuyorum',
  ])('"%s" names a danger', (text) => {
    expect(namesDangerInOtherLanguage(text)).toBe(true);
  });

  it.each([
    'Bonjour, avez-vous des livres en français pour enfants ?',
    'Olá, posso renovar os meus livros pela internet?',
    'Dzień dobry, czy mogę wydrukować dokument?',
    'Xin chào, thư viện mở cửa lúc mấy giờ?',
    'Kumusta po, may libreng wifi ba kayo?',
    'Hallo, hebben jullie een mes-vormige boekenlegger?',
    '你好，请问图书馆几点关门？',
    'مرحبا، هل يمكنني استعارة كتب باللغة العربية؟',
    '我借书过量了吗？最多能借几本？',
    // A thing missing, not a person: a child's book, a son's card.
    '我儿子的书找不到了，可以赔吗？',
    '아들 책을 찾을 수 없어요',
    'Я не могу найти книгу, которую брала моя дочь',
    'আমার মেয়ের বই খুঁজে পাচ্ছি না',
    'کتاب پسرم گم شده، چه کار کنم؟',
    'Ma fille a perdu sa carte, elle est introuvable',
    'میری بیٹی کا کارڈ نہیں مل رہا',
    'สวัสดีค่ะ ห้องสมุดเปิดกี่โมง',
    // Help with an everyday request; a family member named with no absence.
    '책 찾는 것 좀 도와주세요',
    '我女儿想办借书证',
    // Scissors in Russian hold the Serbian word for a knife; a Swedish question about e-books.
    'Можно взять ножницы на минутку?',
    'Kan jag låna e-böcker med mitt lånekort?',
    // Danish and Zulu: when does the library open, may I borrow books.
    'Hvornår åbner biblioteket i morgen?',
    'Sawubona, ngingaboleka izincwadi ezintathu?',
    // A card or a book gone, not a person.
    'Min datters lånerkort er forsvundet, hvad gør jeg?',
    'Incwadi yengane yami ilahlekile',
    'Buku anak saya hilang, boleh saya ganti?',
  ])('"%s" names none', (text) => {
    expect(namesDangerInOtherLanguage(text)).toBe(false);
  });
});
