import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { LibdeskError } from '../../core/errors.js';
import type { KbArticle, KnowledgePort } from '../../core/knowledge.js';
import type { RouteRateLimit } from '../plugins/rate-limit.js';
import { helpArticlePath } from '../views/article-markdown.js';
import { renderHelpArticlePage, renderHelpIndexPage } from '../views/help-page.js';

export interface HelpPageOptions {
  libraryName: string;
  /** The articles in service, as patrons get them (retired ones are not there; placeholders filled). */
  articles: Pick<KnowledgePort, 'get' | 'all'>;
  rateLimit: RouteRateLimit;
}

/**
 * The public address of an article's page, for replies that link to it (FAQ answers, cards). Built from
 * PUBLIC_URL, the address patrons reach this server at.
 */
export function helpArticleUrl(publicUrl: string): (articleId: string) => string {
  const base = publicUrl.replace(/\/+$/, '');
  return (articleId) => `${base}${helpArticlePath(articleId)}`;
}

// Any text is accepted and simply not found: a mistyped address deserves "not found", not "invalid".
const helpParamsSchema = z.object({ articleId: z.string().max(200) });

/** The other-language versions of an article: its original and its original's other translations. */
function translationsOf(article: KbArticle, all: KbArticle[]): KbArticle[] {
  const original = article.translationOf ?? article.id;
  return all.filter((other) => other.id !== article.id && (other.id === original || other.translationOf === original));
}

/** `GET /help` (every article, by language) and `GET /help/:articleId` (one whole article). */
export const helpPageRoutes: FastifyPluginAsync<HelpPageOptions> = async (app, options) => {
  app.get('/help', { config: { html: true, ...options.rateLimit } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return renderHelpIndexPage({ libraryName: options.libraryName, articles: options.articles.all() });
  });

  app.get<{ Params: z.infer<typeof helpParamsSchema> }>(
    '/help/:articleId',
    { config: { html: true, ...options.rateLimit }, schema: { params: helpParamsSchema } },
    async (request, reply) => {
      const article = options.articles.get(request.params.articleId);
      if (!article) {
        throw new LibdeskError('LD_NOT_FOUND', 'There is no help article at this address. It may have been renamed or retired; every article is listed at /help.');
      }
      reply.type('text/html; charset=utf-8');
      return renderHelpArticlePage({ libraryName: options.libraryName, article, translations: translationsOf(article, options.articles.all()) });
    },
  );
};
