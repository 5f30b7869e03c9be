import fp from 'fastify-plugin';
import { LibdeskError } from '../../core/errors.js';
import type { StaffAuthenticator, StaffIdentity } from '../../core/staff.js';
import { bearerTokenOf } from './bearer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff identity of a request inside a staff scope (null elsewhere); actions are attributed to it. */
    staff: StaffIdentity | null;
  }
}

export interface StaffAuthOptions {
  authenticator: StaffAuthenticator;
}

/**
 * Closes staff routes: every request needs `Authorization: Bearer <token>` of an enabled staff member
 * (or STAFF_API_TOKEN), whatever interface the server listens on. It is a fastify-plugin, so a route
 * file registers it inside its own scope and it guards exactly that scope's routes (STYLE rule 19):
 *
 *   app.register(async (staffScope) => { await staffScope.register(staffAuth, { authenticator }); … })
 *
 * Staff answers carry personal data, so none of them may be cached, and no page may frame them.
 */
export const staffAuth = fp<StaffAuthOptions>(
  async (app, options) => {
    if (!app.hasRequestDecorator('staff')) app.decorateRequest('staff', null);
    app.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const token = bearerTokenOf(request);
      const staff = token ? await options.authenticator.authenticateStaff(token) : undefined;
      if (!staff) {
        reply.header('www-authenticate', 'Bearer realm="libdesk-staff"');
        throw new LibdeskError('LD_UNAUTHORIZED', 'This staff route needs the header Authorization: Bearer <staff token>.');
      }
      request.staff = staff;
    });
  },
  { name: 'libdesk-staff-auth' },
);
