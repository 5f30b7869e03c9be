import { describe, expect, it } from 'vitest';
import { articleLinkTarget, renderArticleMarkdown, renderInlineMarkdown } from './article-markdown.js';

describe('article Markdown', () => {
  it('points links to article files at their pages and leaves every other link alone', () => {
    expect(articleLinkTarget('printing.md')).toBe('/help/printing');
    expect(articleLinkTarget('./holds-es.md#como')).toBe('/help/holds-es#como');
    expect(articleLinkTarget('https://example.org/readme.md')).toBe('https://example.org/readme.md');
    expect(articleLinkTarget('../secrets.md')).toBe('../secrets.md');
    expect(articleLinkTarget('Printing.md')).toBe('Printing.md');
  });

  it('keeps web, mail and phone links, tables and lists; drops what could run or track', () => {
    const out = renderArticleMarkdown(
      ['Call [us](tel:+15550142200) or [write](mailto:desk@library.example).', '', '| Day | Hours |', '|---|---|', '| Mon | 9 – 5 |', '', '![tracker](https://t.example/p.gif)', '', '<style>body{display:none}</style><form action="https://x.example"><input name="pin"></form>'].join('\n'),
    ).value;
    expect(out).toContain('<a href="tel:+15550142200">us</a>');
    expect(out).toContain('<a href="mailto:desk@library.example">write</a>');
    expect(out).toMatch(/<table>[\s\S]*<th>Day<\/th>[\s\S]*<td>Mon<\/td>/);
    expect(out).not.toMatch(/<img|<style|display:none|<form|<input/);
  });

  it('renders a short answer inline, without block elements', () => {
    expect(renderInlineMarkdown('Up to **15** holds; see [holds](holds.md).\n\n# Not a heading').value).toBe(
      'Up to <strong>15</strong> holds; see <a href="/help/holds">holds</a>.\n\n# Not a heading',
    );
  });
});
