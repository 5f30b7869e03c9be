import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { type SafeHtml, unsafeRaw } from './html.js';

/** Where the whole article with this id is read (GET /help/:articleId). */
export function helpArticlePath(articleId: string): string {
  return `/help/${encodeURIComponent(articleId)}`;
}

// Articles link to each other by file name, `[printing](printing.md)`, so they read right in an editor and
// on a code host; on the site the same link must open that article's page.
const ARTICLE_FILE_LINK = /^(?:\.\/)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[A-Za-z0-9_-]*)?$/;

/** `printing.md#prices` → `/help/printing#prices`; every other link is left as written. */
export function articleLinkTarget(href: string): string {
  const match = ARTICLE_FILE_LINK.exec(href.trim());
  return match ? `${helpArticlePath(match[1]!)}${match[2] ?? ''}` : href;
}

const markdown = new Marked({ gfm: true, async: false });
markdown.use({
  walkTokens(token: Token) {
    if (token.type === 'link') token.href = articleLinkTarget(token.href);
  },
});

/**
 * What an article may turn into. Articles are written by staff, and since they can be edited in the
 * console they are treated like any other outside text: the renderer's output is filtered to what
 * Markdown itself makes (no script, no style, no forms, no event handlers, no images that would let a
 * third party see who reads the page), links only to web, mail and phone addresses.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre',
    'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** An article's Markdown body as HTML that is safe to put in a page. */
export function renderArticleMarkdown(text: string): SafeHtml {
  return unsafeRaw(sanitizeHtml(markdown.parse(text, { async: false }), SANITIZE));
}

/** A one-paragraph text (a short answer) with its inline Markdown (bold, links) and nothing else. */
export function renderInlineMarkdown(text: string): SafeHtml {
  return unsafeRaw(sanitizeHtml(markdown.parseInline(text, { async: false }), { ...SANITIZE, allowedTags: ['strong', 'em', 'b', 'i', 'del', 's', 'code', 'a', 'br'] }));
}
