import type { FastifyInstance } from 'fastify';

/**
 * For webhook routes whose signature covers the exact bytes sent (Slack, Discord): within the route's own
 * plugin, bodies of these content types arrive as the raw string, to be verified before anything parses them.
 */
export function readBodiesAsText(app: FastifyInstance, contentTypes: string[], bodyLimit = 64 * 1024): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(contentTypes, { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    done(null, body);
  });
}

/** A header's value when it was sent once; the first when it was repeated. */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
