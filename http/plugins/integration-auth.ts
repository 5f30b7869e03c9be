import fp from 'fastify-plugin';
import { LibdeskError } from '../../core/errors.js';
import type { IntegrationAuthenticator, IntegrationIdentity } from '../../core/staff.js';
import { bearerTokenOf } from './bearer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The integration (API key holder) a request comes from, inside an integration scope. */
    integration: IntegrationIdentity | null;
  }
}

export interface IntegrationAuthOptions {
  authenticator: IntegrationAuthenticator;
}

/**
 * Guards integration routes (`POST /api/v1/inquiries`) with an API key made by `libdesk apikey add NAME`,
 * sent as `Authorization: Bearer <key>`. Registered inside a route file's own scope, like `staffAuth`.
 */
export const integrationAuth = fp<IntegrationAuthOptions>(
  async (app, options) => {
    if (!app.hasRequestDecorator('integration')) app.decorateRequest('integration', null);
    app.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const key = bearerTokenOf(request);
      const integration = key ? await options.authenticator.authenticateIntegration(key) : undefined;
      if (!integration) {
        reply.header('www-authenticate', 'Bearer realm="libdesk-integrations"');
        throw new LibdeskError('LD_UNAUTHORIZED', 'This route needs the header Authorization: Bearer <API key> (libdesk apikey add NAME).');
      }
      request.integration = integration;
    });
  },
  { name: 'libdesk-integration-auth' },
);
