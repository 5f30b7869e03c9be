import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer, through @fastify/helmet:
 * - a Content-Security-Policy that allows only this server's own scripts (no inline script at all; the
 *   pages load `/widget.js` as a file) and lets no page be framed (`frame-ancestors 'none'`, plus
 *   `X-Frame-Options: DENY` for old browsers): the report page and staff answers cannot be shown inside
 *   another site. The widget *script* is still embeddable: a `<script src>` is not a frame;
 * - inline styles are allowed, because the widget injects its stylesheet into whatever page hosts it
 *   (CSS cannot run script);
 * - HSTS without includeSubDomains, so a library's other sub-domains are not forced to HTTPS by us.
 * Routes that other sites may load (the widget, the chat API) set Cross-Origin-Resource-Policy themselves.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
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
}
