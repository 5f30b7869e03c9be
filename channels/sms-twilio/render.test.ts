import { describe, expect, it } from 'vitest';
import { renderSmsReply, stripMarkdown } from './render.js';
import { countSegments } from './segments.js';

describe('rendering a Reply for SMS', () => {
  it('prefers the short SMS form and leaves cards out of it', () => {
    const rendered = renderSmsReply(
      { text: 'A long answer with **bold** words', smsText: 'Open 9-5 today.', cards: [{ title: 'Main Library', lines: ['9 AM - 5 PM'] }] },
      { maxSegments: 3 },
    );
    expect(rendered.body).toBe('Open 9-5 today.');
    expect(rendered.truncated).toBe(false);
  });

  it('strips Markdown and flattens cards when there is no short form', () => {
    const rendered = renderSmsReply(
      {
        text: '## Hours\nWe are **open** until *8 PM*. See [our hours](https://lib.example.org/hours) or `call us`.',
        cards: [{ title: 'Eastside', lines: ['Mon-Fri 10-6', 'Sat **10-2**'], url: 'https://lib.example.org/eastside' }],
      },
      { maxSegments: 3 },
    );
    expect(rendered.body).toBe(
      'Hours\nWe are open until 8 PM. See our hours (https://lib.example.org/hours) or call us.\n\nEastside, Mon-Fri 10-6, Sat 10-2, https://lib.example.org/eastside',
    );
    expect(rendered.body).not.toMatch(/[*#`]/);
  });

  it('keeps snake_case words and arithmetic intact when stripping emphasis', () => {
    expect(stripMarkdown('file_name_here and 2*3*4')).toBe('file_name_here and 2*3*4');
  });

  it('turns quick replies into a numbered list', () => {
    const rendered = renderSmsReply({ text: 'Which branch?', quickReplies: ['Main', 'Eastside'] }, { maxSegments: 3 });
    expect(rendered.body).toBe('Which branch?\n\nReply with a number:\n1 Main\n2 Eastside');
  });

  it('replaces typography that would force UCS-2 but keeps emoji', () => {
    expect(renderSmsReply({ text: 'We’re open — “Mon…Fri”' }, { maxSegments: 3 })).toMatchObject({ body: 'We\'re open - "Mon...Fri"', encoding: 'GSM-7' });
    expect(renderSmsReply({ text: 'Welcome 📚' }, { maxSegments: 3 }).encoding).toBe('UCS-2');
  });

  it('cuts a long answer at a word to fit the segment cap, with a link and the options kept whole', () => {
    const text = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    const rendered = renderSmsReply({ text, quickReplies: ['Yes', 'No'] }, { maxSegments: 3, fallbackUrl: 'https://lib.example.org/' });
    expect(rendered.truncated).toBe(true);
    expect(rendered.segments).toBeLessThanOrEqual(3);
    expect(countSegments(rendered.body).segments).toBe(rendered.segments);
    expect(rendered.body).toMatch(/word\d+\.\.\.\nMore: https:\/\/lib\.example\.org\/\n\nReply with a number:\n1 Yes\n2 No$/);
    expect(rendered.body.length).toBeGreaterThan(300); // it used the room it had
  });

  it('applies the cap to UCS-2 replies too (67 units a part)', () => {
    const rendered = renderSmsReply({ text: `📚 ${'ą'.repeat(400)}` }, { maxSegments: 2 });
    expect(rendered).toMatchObject({ encoding: 'UCS-2', truncated: true });
    expect(rendered.segments).toBe(2);
    expect(countSegments(rendered.body).units).toBeLessThanOrEqual(134);
  });

  it('uses a card link as the place to read more', () => {
    const rendered = renderSmsReply(
      { text: 'x '.repeat(400), cards: [{ title: 'Article', lines: [], url: 'https://lib.example.org/a/1' }] },
      { maxSegments: 1, fallbackUrl: 'https://lib.example.org/' },
    );
    expect(rendered.segments).toBe(1);
    expect(rendered.body.endsWith('More: https://lib.example.org/a/1')).toBe(true);
  });
});
