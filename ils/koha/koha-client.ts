import { z } from 'zod';
import { LibdeskError } from '../../core/errors.js';

/**
 * A small client for Koha's REST API (`/api/v1`): OAuth2 client credentials, JSON in and out, a
 * time-out per request. Responses are parsed with the zod schemas in koha-schemas.ts, never trusted.
 */
export interface KohaClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface KohaResponse {
  status: number;
  body: unknown;
}

const tokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().optional() });

export interface KohaClient {
  request(method: 'GET' | 'POST' | 'DELETE', path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<KohaResponse>;
}

export function createKohaClient(options: KohaClientOptions): KohaClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 8000;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let token: { value: string; until: number } | undefined;

  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new LibdeskError(timedOut ? 'LD_ILS_TIMEOUT' : 'LD_ILS_UNAVAILABLE', timedOut ? `Koha did not answer within ${timeoutMs} ms` : 'Koha could not be reached', { cause: error });
    }
  }

  async function accessToken(force: boolean): Promise<string> {
    if (token && !force && token.until > now()) return token.value;
    const response = await call(`${base}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret }).toString(),
    });
    if (!response.ok) throw new LibdeskError('LD_ILS_UNAVAILABLE', `Koha refused the API client credentials (HTTP ${response.status}); check KOHA_CLIENT_ID and KOHA_CLIENT_SECRET`);
    const parsed = tokenSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new LibdeskError('LD_ILS_PROTOCOL', 'Koha sent an unreadable OAuth token response');
    // Renew a little before Koha would refuse it.
    token = { value: parsed.data.access_token, until: now() + Math.max(0, (parsed.data.expires_in ?? 3600) - 30) * 1000 };
    return token.value;
  }

  return {
    async request(method, path, requestOptions = {}) {
      for (let attempt = 0; ; attempt += 1) {
        const bearer = await accessToken(attempt > 0);
        const response = await call(`${base}/api/v1${path}`, {
          method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${bearer}`,
            ...(requestOptions.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...requestOptions.headers,
          },
          ...(requestOptions.body !== undefined ? { body: JSON.stringify(requestOptions.body) } : {}),
        });
        // An expired or revoked token: fetch a new one once.
        if (response.status === 401 && attempt === 0) continue;
        if (response.status >= 500) throw new LibdeskError('LD_ILS_UNAVAILABLE', `Koha answered HTTP ${response.status} to ${method} ${path.split('?')[0]}`);
        const text = await response.text();
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          throw new LibdeskError('LD_ILS_PROTOCOL', `Koha answered ${method} ${path.split('?')[0]} with something that is not JSON`);
        }
        return { status: response.status, body };
      }
    },
  };
}
