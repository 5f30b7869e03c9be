import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { loadWidgetScript } from '../../channels/web-chat/index.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { RouteRateLimit } from '../plugins/rate-limit.js';
import { renderHomePage } from '../views/home-page.js';

export interface WebChatPageOptions {
  libraryName: string;
  calendar: Pick<LibraryCalendar, 'branches'>;
  rateLimit: RouteRateLimit;
}

/** `GET /` (the demo page with the widget) and `GET /widget.js` (the widget itself). */
export const webChatPageRoutes: FastifyPluginAsync<WebChatPageOptions> = async (app, options) => {
  const widget = await loadWidgetScript();
  // The widget carries its Markdown libraries (about 100 KB): a page that loads it again after the
  // five minutes asks whether it changed and, until an upgrade, gets an empty 304.
  const widgetTag = `"${createHash('sha256').update(widget).digest('base64url').slice(0, 27)}"`;

  app.get('/', { config: { html: true, ...options.rateLimit } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return renderHomePage({ libraryName: options.libraryName, branches: options.calendar.branches() });
  });

  app.get('/widget.js', async (request, reply) => {
    // The library's own site loads this script from here: it must be loadable cross-origin.
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('etag', widgetTag)
      .header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === widgetTag) return reply.code(304).send();
    return widget;
  });
};
