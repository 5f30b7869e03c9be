import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer, through helmet:
 * - a Content-Security-Policy that allows only this server's own scripts (no inline script at all; the
 *   pages load `/widget.js` as a file) and lets no page be framed (`frame-ancestors 'none'`, plus
 *   `X-Frame-Options: DENY` for old browsers): the report page and staff answers cannot be shown inside
 *   another site. The widget *script* is still embeddable: a `<script src>` is not a frame;
 * - inline styles are allowed, because the widget injects its stylesheet into whatever page hosts it
 *   (CSS cannot run script);
 * - HSTS without includeSubDomains, so a library's other sub-domains are not forced to HTTPS by us.
 * Routes that other sites may load (the widget, the chat API) set Cross-Origin-Resource-Policy themselves.
 *
 * helmet itself, built once, rather than @fastify/helmet: the plugin builds a new helmet middleware
 * (and the CSP string) on every request, which was 5% of a patron message's CPU time.
 */
const applySecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
});

/**
 * The headers helmet sets, recorded once: with a fixed policy (no per-request nonce) they are the same on
 * every answer, and replaying them costs a tenth of running helmet's eleven middlewares per request.
 */
function recordHelmetHeaders(): { set: Array<[string, string]>; removed: string[] } {
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => void set.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let failed: unknown;
  applySecurityHeaders({ method: 'GET', headers: {} } as never, recorder as never, (error?: unknown) => (failed = error));
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return { set, removed };
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const { set, removed } = recordHelmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}
