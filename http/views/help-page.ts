import { LANGUAGES, type KbArticle, type Language } from '../../core/knowledge.js';
import { helpArticlePath, renderArticleMarkdown, renderInlineMarkdown } from './article-markdown.js';
import { html } from './html.js';
import { renderPage } from './layout.js';

/** Each language's name in itself: a link to a translation is read by someone who reads that language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** The few words around an article, in the article's own language. */
const WORDS: Record<Language, { allArticles: string; alsoIn: string }> = {
  en: { allArticles: 'All help articles', alsoIn: 'This article in another language:' },
  es: { allArticles: 'Todos los artículos de ayuda', alsoIn: 'Este artículo en otro idioma:' },
};

export interface HelpArticlePageInput {
  libraryName: string;
  article: KbArticle;
  /** The same article in other languages (its original, or its translations). */
  translations: KbArticle[];
}

/** One whole article: the title, the short answer a chat or SMS reply gave, then the full text. */
export function renderHelpArticlePage({ libraryName, article, translations }: HelpArticlePageInput): string {
  const words = WORDS[article.language];
  return renderPage({
    title: article.title,
    libraryName,
    lang: article.language,
    body: html`<p><a href="/help">${words.allArticles}</a></p>
<article aria-labelledby="article-title">
<h1 id="article-title">${article.title}</h1>
<p class="lead box">${renderInlineMarkdown(article.shortAnswer)}</p>
${renderArticleMarkdown(article.body)}
</article>
${
  translations.length > 0
    ? html`<p>${words.alsoIn} ${translations.map(
        (other, index) =>
          html`${index > 0 ? ', ' : ''}<a href="${helpArticlePath(other.id)}" hreflang="${other.language}" lang="${other.language}">${LANGUAGE_NAMES[other.language]}: ${other.title}</a>`,
      )}</p>`
    : ''
}`,
  });
}

/** Every article in service, one list per language, each sorted by title as that language sorts. */
export function renderHelpIndexPage({ libraryName, articles }: { libraryName: string; articles: KbArticle[] }): string {
  const groups = LANGUAGES.map((language) => ({
    language,
    articles: articles.filter((article) => article.language === language).sort((a, b) => a.title.localeCompare(b.title, language)),
  })).filter((group) => group.articles.length > 0);
  return renderPage({
    title: 'Help articles',
    libraryName,
    body: html`<h1>Help articles</h1>
<p>Answers to the questions patrons ask most. You can also ask in the chat on <a href="/">the start page</a>.</p>
${groups.length === 0 ? html`<p>There are no articles yet.</p>` : ''}
${groups.map(
  (group) => html`<section lang="${group.language}" aria-labelledby="articles-${group.language}">
<h2 id="articles-${group.language}">${LANGUAGE_NAMES[group.language]}</h2>
<ul>${group.articles.map((article) => html`<li><a href="${helpArticlePath(article.id)}">${article.title}</a></li>`)}</ul>
</section>`,
)}`,
  });
}
