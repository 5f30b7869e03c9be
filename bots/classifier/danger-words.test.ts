import { describe, expect, it } from 'vitest';
import { namesDangerInOtherLanguage } from './danger-words.js';

describe('namesDangerInOtherLanguage', () => {
  it.each([
    'Appelez la police, il y a une bagarre dehors',
    'Ele tem uma faca, chamem alguém',
    'Mój mąż grozi mi od rana',
    'Він погрожує мені, я боюся',
    'Gọi công an giúp tôi với',
    'May baril po yung lalaki sa labas',
    'Rele lapolis, gen yon nèg ki gen kouto',
    'Fadlan booliska u yeer',
    'زوجي يقتلني إذا رجعت',
    '外面有人拿刀',
    '경찰 좀 불러주세요',
    'कोई चाकू लेकर खड़ा है',
    // Someone unconscious, overdosed, not breathing; a last letter.
    "Il y a un homme inconscient près de l'entrée",
    'Мой брат без сознания в читальном зале',
    'صديقي فاقد الوعي قرب المدخل',
    '有人在厕所昏迷了',
    'मेरी माँ बेहोश हो गई हैं',
    'Ось мій останній лист вам усім',
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
  ])('"%s" names none', (text) => {
    expect(namesDangerInOtherLanguage(text)).toBe(false);
  });
});
