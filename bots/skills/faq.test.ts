import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../core/knowledge.js';
import { createFakeAssets } from '../../test/fakes/fake-assets.js';
import { createFakeCalendar } from '../../test/fakes/fake-calendar.js';
import { createMemoryDialogStore } from '../../test/fakes/fake-dialog-store.js';
import { createFakeKnowledge, fakeArticle } from '../../test/fakes/fake-knowledge.js';
import { createFakeTickets } from '../../test/fakes/fake-tickets.js';
import { createRouter } from '../index.js';
import { chooseArticle, faqSkill } from './faq.js';
import { silentLogger } from '../../core/logger.js';
import { EMPTY_STATE } from '../dialog/state.js';
import { blendCandidates, rankArticles, SPANISH_PREFERENCE, type ArticleCandidate } from './faq-search.js';

const ARTICLES: KbArticle[] = [
  fakeArticle({ id: 'wifi', title: 'Wi-Fi', questions: ['wifi password network'], body: 'No password.', shortAnswer: 'No password.' }),
  fakeArticle({ id: 'wifi-es', title: 'Wifi gratis', questions: ['contraseña wifi red'], body: 'No hay contraseña.', shortAnswer: 'No hay contraseña.', language: 'es', translationOf: 'wifi' }),
  fakeArticle({ id: 'lost-card', title: 'Lost card', questions: ['lost card replace', 'perdi tarjeta'], body: 'We block it.', shortAnswer: 'We block it.' }),
  fakeArticle({ id: 'fines', title: 'Fines', questions: ['fines fees'], body: 'No late fines.', shortAnswer: 'No late fines.' }),
  fakeArticle({ id: 'fines-es', title: 'Multas', questions: ['multas cargos perdido tarjeta'], body: 'No cobramos multas.', shortAnswer: 'No cobramos multas.', language: 'es', translationOf: 'fines' }),
  fakeArticle({ id: 'study-rooms', title: 'Study rooms', questions: ['book room quiet'], body: 'Free study rooms.', shortAnswer: 'Free study rooms.' }),
  fakeArticle({ id: 'meeting-rooms', title: 'Meeting rooms', questions: ['book room groups'], body: 'Meeting rooms for groups.', shortAnswer: 'Meeting rooms for groups.' }),
];

function setup() {
  const knowledge = createFakeKnowledge(ARTICLES);
  const router = createRouter({
    knowledge,
    calendar: createFakeCalendar(),
    assets: createFakeAssets(),
    tickets: createFakeTickets(),
    dialogs: createMemoryDialogStore(),
    clock: { now: () => new Date('2026-12-01T15:00:00-05:00') },
  }, { classifier: 'lexicon' }); // The knowledge-base scores alone decide here: no models trained on other articles.
  const say = (text: string) =>
    router.route({ channel: 'web', address: 'patron@example.org', threadKey: 't1', text, receivedAt: new Date() }, { conversationId: 'c1' });
  return { knowledge, say };
}

describe('rankArticles', () => {
  it('searches Spanish articles first for a Spanish question and names them by the English original', () => {
    const { knowledge } = setup();
    const [best] = rankArticles(knowledge, 'contraseña del wifi', 'es');
    expect(best?.id).toBe('wifi');
    expect(best?.match.article.id).toBe('wifi-es');
  });

  it('falls back to an English article only when it fits clearly better than any Spanish one', () => {
    const { knowledge } = setup();
    // "perdi tarjeta": fully covered by the English lost-card article, half by the Spanish fines article.
    const ranked = rankArticles(knowledge, 'perdi tarjeta', 'es');
    expect(ranked[0]?.id).toBe('lost-card');
    expect(ranked[0]?.score).toBe(1);
    expect(ranked[0]?.rank).toBeCloseTo(1 - SPANISH_PREFERENCE);
    expect(ranked.map((candidate) => candidate.id)).toContain('fines');
  });

  it('searches only English articles for an English question, one candidate per original article', () => {
    const { knowledge } = setup();
    const ranked = rankArticles(knowledge, 'wifi password', 'en');
    expect(ranked.map((candidate) => candidate.match.article.language)).toEqual(ranked.map(() => 'en'));
    expect(new Set(ranked.map((candidate) => candidate.id)).size).toBe(ranked.length);
  });
});

describe('faq answers in the patron language', () => {
  it('answers a Spanish question from the Spanish article', async () => {
    const { say } = setup();
    const result = await say('¿cuál es la contraseña del wifi?');
    expect(result).toMatchObject({ intent: 'faq', outcome: 'answered', articleId: 'wifi' });
    expect(result.reply).toMatchObject({ language: 'es', text: 'No hay contraseña.' });
  });

  it('answers from an English-only article with the note in Spanish', async () => {
    const { say } = setup();
    const result = await say('perdi mi tarjeta');
    expect(result).toMatchObject({ outcome: 'answered', articleId: 'lost-card' });
    expect(result.reply.text).toBe('Esta respuesta solo está disponible en inglés.\n\nWe block it.');
  });
});

describe('faq close calls', () => {
  it('offers the titles when two articles fit equally, then answers the one picked', async () => {
    const { say } = setup();
    const asked = await say('can i book a room');
    expect(asked).toMatchObject({ intent: 'faq', outcome: 'clarified' });
    expect(asked.articleId).toBeUndefined();
    expect(asked.reply.quickReplies).toEqual(['Meeting rooms', 'Study rooms', 'Talk to a person']);

    const picked = await say('Study rooms');
    expect(picked).toMatchObject({ intent: 'faq', outcome: 'answered', articleId: 'study-rooms' });
    expect(picked.reply.text).toBe('Free study rooms.');
  });

  it('accepts the number of the title as the pick', async () => {
    const { say } = setup();
    await say('can i book a room');
    const picked = await say('1');
    expect(picked).toMatchObject({ outcome: 'answered', articleId: 'meeting-rooms' });
  });
});

describe('faqSkill offering articles', () => {
  it('asks whether the one likely article is it, and says "more than one" only when it offers several', async () => {
    const knowledge = createFakeKnowledge(ARTICLES);
    const deps = { knowledge, calendar: createFakeCalendar(), assets: createFakeAssets(), tickets: createFakeTickets(), logger: silentLogger };
    const now = new Date('2026-12-01T15:00:00-05:00');
    const turn = { inquiry: { channel: 'web' as const, address: 'a', threadKey: 't', text: 'fees?', receivedAt: now }, conversationId: 'c', text: 'fees?', safeText: 'fees?', language: 'en' as const, now, state: { ...EMPTY_STATE } };
    const offered = (id: string, score: number): ArticleCandidate => ({ id, match: { article: ARTICLES.find((a) => a.id === id)!, score }, score, rank: score });
    const one = await faqSkill(turn, deps, [offered('fines', 0.32)]);
    expect(one.reply.text).toBe('I think this may answer your question. Is it the one?');
    expect(one.reply.quickReplies).toEqual(['Fines', 'Talk to a person']);
    const two = await faqSkill(turn, deps, [offered('study-rooms', 0.6), offered('meeting-rooms', 0.59)]);
    expect(two.reply.text).toBe('I found more than one possible answer. Which one fits your question?');
  });
});

describe('chooseArticle', () => {
  const candidate = (id: string, score: number): ArticleCandidate => ({ id, match: { article: ARTICLES.find((a) => a.id === id)!, score }, score, rank: score });
  const thresholds = { min: 0.3, sure: 0.35, closeMargin: 0.03 };

  it('answers from a sure article that stands clear of the next', () => {
    expect(chooseArticle([candidate('wifi', 0.6), candidate('fines', 0.4)], thresholds)).toEqual({ answer: candidate('wifi', 0.6) });
  });

  it('offers the titles when two articles are neck and neck, or the best is only likely', () => {
    expect(chooseArticle([candidate('study-rooms', 0.6), candidate('meeting-rooms', 0.58)], thresholds)).toEqual({ offer: [candidate('study-rooms', 0.6), candidate('meeting-rooms', 0.58)] });
    expect(chooseArticle([candidate('fines', 0.32)], thresholds)).toEqual({ offer: [candidate('fines', 0.32)] });
  });

  it('has no answer when nothing reaches the floor', () => {
    expect(chooseArticle([candidate('fines', 0.2)], thresholds)).toEqual({ none: true });
    expect(chooseArticle([], thresholds)).toEqual({ none: true });
  });
});

describe('blendCandidates', () => {
  it('lets the article model bring in an article the search missed, weighed with the search score', () => {
    const { knowledge } = setup();
    const searched = rankArticles(knowledge, 'wifi password', 'en');
    const blended = blendCandidates(knowledge, searched, { 'lost-card': 0.9, wifi: 0.05 }, 'en', { model: 0.5, search: 0.5 });
    expect(blended.map((c) => c.id)).toContain('lost-card');
    const wifi = blended.find((c) => c.id === 'wifi')!;
    expect(wifi.score).toBeCloseTo(0.5 * 0.05 + 0.5 * searched.find((c) => c.id === 'wifi')!.score, 2);
  });
});
