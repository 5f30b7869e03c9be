import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const OPENAPI_PATH = '/api/openapi.json';

/**
 * The HTTP API described as OpenAPI 3, built from the routes' own zod schemas (so it cannot drift from
 * what the server validates) and served as JSON at `/api/openapi.json`. Pages for people (HTML routes,
 * the staff console, static files) are left out: they are not an API.
 *
 * Registered before any route, since @fastify/swagger learns routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, info: { title: string; version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: info.title, version: info.version, description: 'Libdesk: a front desk for public libraries. Errors are `{ "error": { "code", "message" } }` with the codes in docs/errors.md.' },
      components: {
        securitySchemes: {
          staffToken: { type: 'http', scheme: 'bearer', description: 'A staff token (`libdesk staff add NAME`).' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An integration API key (`libdesk apikey add NAME`).' },
        },
      },
    },
    transform: (input) => {
      const { url, route } = input;
      const isPage = route.config?.html === true || url.startsWith('/staff') || url === '/' || url.endsWith('.js') || url === OPENAPI_PATH;
      if (isPage) return { schema: { ...input.schema, hide: true }, url };
      const transformed = jsonSchemaTransform(input);
      const security = url.startsWith('/api/v1/tickets') ? [{ staffToken: [] }] : url === '/api/v1/inquiries' ? [{ apiKey: [] }] : undefined;
      return security ? { ...transformed, schema: { ...transformed.schema, security } } : transformed;
    },
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()));
}
