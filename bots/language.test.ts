import { describe, expect, it } from 'vitest';
import { detectLanguage, isUnsupportedLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each(['y pa llegar en camion?', 'hola', 'gracias', '¿A qué hora abren mañana?', 'quiero renovar mis libros', 'la impresora no funciona', 'cuanto debo en mi cuenta'])(
    'reads %j as Spanish',
    (text) => expect(detectLanguage(text)).toBe('es'),
  );

  it.each(['hello', 'pc 8 no internet', 'chess club', 'renew', 'what are ur hours this weekend', 'do you have el principito'])(
    'reads %j as English',
    (text) => expect(detectLanguage(text)).toBe('en'),
  );
});

describe('isUnsupportedLanguage', () => {
  // Greetings and function words of Portuguese, Italian, Polish, German and French that are not English or Spanish words.
  it.each([
    // Portuguese as it is texted, Turkish without its letters, Gujarati in Latin letters.
    'oi gente vcs tem impressora colorida ai? qual a senha do wifi',
    'slm bilgisayar calismiyor yardim eder misiniz',
    'kem cho, pustakalay kyare khule chhe?',
    // Indonesian and Swedish with a greeting or an English-looking word among them.
    'Halo, komputer tidak bisa dipakai, tolong',
    'Hej! Vad kostar det att skriva ut i biblioteket?',
    // Romanian, with its greeting.
    'Bună ziua, am uitat parola, îmi puteți trimite alta?',
    'Boa tarde, vocês têm livros em inglês?',
    'A che ora apre la biblioteca domani?',
    'Czy biblioteka jest otwarta w sobotę?',
    'Guten Morgen, wo kann ich Bücher ausleihen?',
    // Lower case, no umlaut, one word of it also English ("was").
    'habe meinen bibliotheksausweis verloren, was soll ich jetzt tun',
    'Bonsoir, à quelle heure ferme la bibliothèque ?',
    // Haitian Creole, Somali, Indonesian, Japanese in Latin letters.
    'Mwen bezwen yon kat bibliyotèk, kisa pou m fè?',
    'Goorma ayay maktabaddu xirantahay maanta?',
    'Jam berapa perpustakaan buka hari ini?',
    'Toshokan wa nanji ni shimarimasu ka? Arigatou',
    'Merhaba, kütüphane kartı almak ücretsiz mi?',
    'Dobrý den, kdy je knihovna otevřená?',
    // Vietnamese with đ, Haitian Creole, Polish without a greeting, and a greeting alone.
    'Thư viện mở cửa đến mấy giờ?',
    'Ki kote mwen ka enprime yon papye?',
    'Zgubiłam kartę, jak mogę dostać nową?',
    // ł has no accent to fold away: "działa" is one word, not "dzia" and a stray Spanish "a".
    'Ksero znowu nie działa, kto może to naprawić?',
    'Bonjour',
    'Olá, vocês abrem no sábado?',
    'Il prestito si può rinnovare domani?',
    'Prezados, gostaria de saber se a igreja pode usar a sala de reunião.',
    'buongiorno',
    // French with English loanwords, Portuguese without accents, Hindi in Latin letters.
    "salut, l'imprimante marche pas chez vous, c'est quoi le probleme ?",
    'Ola, eu ja devolvi os livros mas recebi uma multa',
    'aaj library kitne baje khuli hai?',
    // A question in another language inside an English greeting and signature.
    'Hello,\n\nI hope this reaches the right person.\nБиблиотека открыта в воскресенье? Где можно взять книги на русском?\n\nBest regards,\nOlga',
    // A foreign greeting, then words Spanish shares; Dutch; Hebrew in Latin letters.
    'Boa noite! A biblioteca tem computador livre amanhã?',
    'Goedemiddag, hoe lang mag ik de boeken lenen?',
    'shalom, eifo ani yachol lehadpis?',
    'Hej, hur länge kan jag låna en bok?',
    'Szia! Van wifi a könyvtárban?',
    // Yoruba, with its tone marks and without.
    'Ẹ kú irọlẹ́ o. Ṣé ẹ ní ìwé nípa ìtàn Yorùbá?',
    'e ku aaro, se e ni iwe nipa itan eko',
    // Finnish, Croatian, Kurdish (Kurmanji) and Uzbek in Latin letters.
    'Hei! Onko kirjasto auki huomenna? Haluaisin palauttaa kirjoja.',
    'Dobar dan, da li je knjižnica otvorena sutra?',
    'Silav, pirtûkxane kengî vekirî ye?',
    'Assalomu alaykum, kutubxona ertaga ochiqmi? Rahmat',
    // Afrikaans, Samoan, Tongan, Hungarian.
    'Goeie more, is die biblioteek oop op Saterdag?',
    'Talofa, e mafai ona ou nono se tusi mo la\'u tama?',
    'Mālō e lelei, ʻoku ʻi ai ha ngaahi tohi ki he fānau?',
    'Nem működik a nyomtató, mit csináljak?',
    // Tagalog throughout, not Taglish.
    'Magandang hapon po, anong oras po magsasara ang aklatan ninyo ngayon?',
    'Prezados, gostaria de saber se a biblioteca abre amanhã de manhã',
    'Haye, maktabadu goorma ayay furmaysaa berri?',
    // Italian and Swahili, thanking and reporting a printer.
    'Scusi, la stampante non funziona e ho già pagato. Cosa devo fare?',
    'Asanteni kwa msaada wenu, mmekuwa wema sana',
    // An Italian letter asking about Saturday afternoons.
    'Salve,\n\nvorrei sapere se il sabato pomeriggio la biblioteca è aperta per i bambini.\n\nGrazie mille, cordiali saluti',
    // Dutch, Hungarian, Swedish, Czech, Albanian and Igbo; Malayalam, a script no list names.
    'Beste bibliotheek, mijn zoon wil graag een pas aanvragen. Wat kost dat?',
    'Elnézést, holnap nyitva vannak?',
    'Tack! Är biblioteket öppet imorgon?',
    'Dobrý den, jestli máte otevřeno v neděli?',
    'Faleminderit, a keni orar të hapur sot?',
    'Biko, unu nwere akwụkwọ maka ụmụaka?',
    'ലൈബ്രറി നാളെ തുറക്കുമോ?',
    // Danish, Norwegian, Lithuanian, Latvian, Hausa, Zulu.
    'Kan man låne bøger uden lånerkort hos jer?',
    'Har dere boker for barn, takk',
    'Laba diena, kiek kainuoja kopijuoti?',
    'Vai varu pagarinat gramatas, paldies',
    'Yaushe ne laburaren ke rufewa ranar Asabar?',
    'Ngicela ukwazi ukuthi izincwadi zibuyiswa nini',
  ])('reads %j as a language without articles', (text) => expect(isUnsupportedLanguage(text)).toBe(true));

  it.each(['ola, a que hora cierran hoy?', 'ora de cierre', 'me puede ayudar con mi cuenta', 'do you have books on mein kampf', 'the library is open till 9 right', '¿A qué hora abren los sábados?', 'is the mot juste a french phrase', 'do you have the book il postino', 'kal penn movies on dvd', 'Bonjour! what time do you close tonight?', 'Olá! Can you help me find a cookbook for my mother?', 'pwede po ba i-renew yung books ko? di pa tapos', 'hello po, ready na po ba yung hold ko for pickup?', 'ola cuando abren el domingo', 'ni idea de como renovar mis libros', 'Hi,\nMy mother only reads Russian: "Война и мир", for example.\nDo you have Russian books?\nThanks', 'hi its sam, can u renew my books', 'oye mina, vas a la biblio mañana?'])(
    'keeps %j in English or Spanish',
    (text) => expect(isUnsupportedLanguage(text)).toBe(false),
  );
});
