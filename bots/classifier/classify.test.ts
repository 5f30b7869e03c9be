import { describe, expect, it } from 'vitest';
import type { Intent } from '../../core/intents.js';
import { confidenceOf, createIntentClassifier } from './classify.js';

const classifier = createIntentClassifier();

/** Patron wording for every intent, including typos, SMS shorthand and Spanish. */
const CASES: [string, Intent][] = [
  ['r u open 2moro', 'hours'],
  ['wat time does eastside close', 'hours'],
  ['a que hora cierran hoy', 'hours'],
  ['how much does it cost to print', 'faq'],
  ['whats the wifi pasword', 'faq'],
  ['do you have any books by toni morrison', 'catalog'],
  ['where r the graphic novels', 'location'],
  ['how much do i owe', 'account'],
  ['plz renue my stuff', 'renew'],
  ['place a hold on dune', 'hold'],
  ['can you get it through interlibary loan', 'ill'],
  ['the printer is jammed', 'equipment'],
  ['la impresora no funciona', 'equipment'],
  ['when is storytime', 'events'],
  ['i want to talk to a real person', 'handoff'],
  ['thx!!', 'smalltalk'],
  ['hola', 'smalltalk'],
  ['who won the game last night', 'unknown'],
  ['asdfgh', 'unknown'],
];

describe('intent classifier', () => {
  it.each(CASES)('%j → %s', (text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it('corrects typos one edit away but leaves common words alone', () => {
    expect(classifier.classify('when do you clsoe on sunday').intent).toBe('hours');
    // "told" is one edit from "hold"; it must not become a hold request.
    expect(classifier.classify('my friend told me about you').intent).toBe('unknown');
  });

  it('does not call a long question small talk because it starts with hello', () => {
    expect(classifier.classify('Hello, will the main library be open on Friday? Thanks, Margaret').intent).toBe('hours');
  });

  it('explains itself: every cue that fired is listed with its weight', () => {
    const result = classifier.classify('please renew my books');
    expect(result.cues).toContainEqual({ intent: 'renew', cue: 'renew', weight: 3 });
    expect(result.scores.renew).toBeGreaterThan(3);
  });

  it('uses entity signals: an ISBN means catalog, an asset tag means equipment', () => {
    expect(classifier.classify('9780306406157', { isbn: true }).intent).toBe('catalog');
    expect(classifier.classify('PC-07', { assetTag: true }).intent).toBe('equipment');
  });

  it('is confident with a clear winner and unsure when two intents tie', () => {
    expect(classifier.classify('please renew my books').confidence).toBeGreaterThan(0.7);
    expect(confidenceOf(2, 2)).toBeLessThan(0.3);
    expect(confidenceOf(4, 0)).toBeGreaterThan(0.9);
  });
});
