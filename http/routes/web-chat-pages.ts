import type { FastifyPluginAsync } from 'fastify';
import { loadWidgetScript } from '../../channels/web-chat/index.js';
import type { LibraryCalendar } from '../../core/calendar.js';
import { renderHomePage } from '../views/home-page.js';

export interface WebChatPageOptions {
  libraryName: string;
  calendar: Pick<LibraryCalendar, 'branches'>;
}

/** `GET /` (the demo page with the widget) and `GET /widget.js` (the widget itself). */
export const webChatPageRoutes: FastifyPluginAsync<WebChatPageOptions> = async (app, options) => {
  const widget = await loadWidgetScript();

  app.get('/', { config: { html: true } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return renderHomePage({ libraryName: options.libraryName, branches: options.calendar.branches() });
  });

  app.get('/widget.js', async (_request, reply) => {
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300');
    return widget;
  });
};
