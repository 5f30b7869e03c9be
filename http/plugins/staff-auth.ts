import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';

export interface StaffAuthOptions {
  token: string;
}

/**
 * Guards staff routes with one shared bearer token. It is a fastify-plugin, so registering it inside
 * a route plugin guards exactly that plugin's routes and nothing else (STYLE rule 19). Both sides are
 * hashed first so the compare takes the same time whatever the presented token's length.
 */
export const staffAuth = fp<StaffAuthOptions>(
  async (app, options) => {
    const expected = digest(options.token);
    app.addHook('onRequest', async (request, reply) => {
      const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (presented && timingSafeEqual(digest(presented), expected)) return;
      reply.header('www-authenticate', 'Bearer realm="libdesk-staff"');
      throw new StaffAuthError();
    });
  },
  { name: 'libdesk-staff-auth' },
);

/** Carries a 401 to the error handler, which renders it like every other error. */
class StaffAuthError extends Error {
  readonly statusCode = 401;
  constructor() {
    super('This staff route needs the header Authorization: Bearer <STAFF_API_TOKEN>.');
    this.name = 'StaffAuthError';
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
