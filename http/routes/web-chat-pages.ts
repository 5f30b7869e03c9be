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

  app.get('/', { config: { html: true, ...options.rateLimit } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return renderHomePage({ libraryName: options.libraryName, branches: options.calendar.branches() });
  });

  app.get('/widget.js', async (_request, reply) => {
    // The library's own site loads this script from here: it must be loadable cross-origin.
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').header('cross-origin-resource-policy', 'cross-origin');
    return widget;
  });
};
