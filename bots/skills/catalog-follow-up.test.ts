import { describe, expect, it } from 'vitest';
import { catalogFollowUpQuery, seriesFollowUpQuery } from './catalog-follow-up.js';

describe('a follow-up about the book just shown', () => {
  it.each([
    ['what about the audiobook', 'Dune as an audiobook'],
    ['is it on libby as an ebook too?', 'Dune as an ebook'],
    ['and is there a copy in spanish? for my nephew', 'Dune in spanish'],
    ['¿y en audiolibro?', 'Dune as an audiobook'],
    ['is it at main', 'Dune at main'],
    ['is one available at eastside', 'Dune available'],
  ])('"%s" → %s', (text, query) => {
    expect(catalogFollowUpQuery(text, 'Dune')).toBe(query);
  });

  it.each(['do you have sapiens too?', 'books by frank herbert in spanish', 'thanks!', 'what about books about dogs on dvd', 'can you put it on hold for me at main?', 'all checked out? can you get it from another library', 'how does libby work with my card'])('is no follow-up: "%s"', (text) => {
    expect(catalogFollowUpQuery(text, 'Dune')).toBeUndefined();
  });
});

describe('a follow-up asking for another book of the series just shown', () => {
  it.each([
    ['and the fourth one?', "Harry Potter and the Sorcerer's Stone", 'Harry Potter 4'],
    ['¿y el segundo?', 'Harry Potter y la piedra filosofal', 'Harry Potter 2'],
    ['what about book 3', 'Harry Potter and the Chamber of Secrets', 'Harry Potter 3'],
  ])('"%s" after %s → %s', (text, shown, query) => {
    expect(seriesFollowUpQuery(text, shown)).toBe(query);
  });

  it.each(['do you have the third one by grisham?', 'thanks, the first one is fine', 'and the audiobook?'])('is none: "%s"', (text) => {
    expect(seriesFollowUpQuery(text, "Harry Potter and the Sorcerer's Stone")).toBeUndefined();
  });
});
