import { createHmac, timingSafeEqual } from 'node:crypto';
import { LibdeskError } from '../../core/errors.js';

/** Form fields as Twilio posted them; a repeated field keeps every value in order. */
export type TwilioParams = Record<string, string | string[]>;

/**
 * Twilio's documented request signature: HMAC-SHA1, keyed with the account's auth token, over the full
 * URL Twilio called (query string included) followed by every POST field name and value, sorted by name,
 * base64-encoded into `X-Twilio-Signature`.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const hmac = createHmac('sha1', authToken);
  hmac.update(url, 'utf8');
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    for (const item of Array.isArray(value) ? value : [value]) hmac.update(key + item, 'utf8');
  }
  return hmac.digest('base64');
}

/**
 * Twilio signs the URL exactly as it was configured, and some of its products add or drop the default
 * port (":443") when they sign; both spellings are accepted, as Twilio's own helper library does. The
 * URL is handled as a string: re-serialising it (`new URL().toString()`) would change what was signed.
 */
const URL_PARTS = /^(https?:\/\/)([^/?#@]*@)?([^/?#:]+)(:\d+)?(.*)$/i;

function urlVariants(url: string): string[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [url];
  const [, scheme = '', userInfo = '', host = '', port, rest = ''] = parts;
  const defaultPort = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [...new Set([url, `${scheme}${userInfo}${host}${rest}`, `${scheme}${userInfo}${host}${port ?? defaultPort}${rest}`])];
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface TwilioRequest {
  authToken: string;
  /** The public URL Twilio called, as configured in the Twilio Console (see `twilioWebhookUrl`). */
  url: string;
  params: TwilioParams;
  signature: string | undefined;
}

export function isValidTwilioSignature(request: TwilioRequest): boolean {
  if (!request.signature) return false;
  return urlVariants(request.url).some((url) => sameSignature(twilioSignature(request.authToken, url, request.params), request.signature!));
}

/** Throws `LD_TWILIO_BAD_SIGNATURE` unless the request was signed by Twilio with our auth token. */
export function verifyTwilioSignature(request: TwilioRequest): void {
  if (!request.signature) throw new LibdeskError('LD_TWILIO_BAD_SIGNATURE', 'The X-Twilio-Signature header is missing.');
  if (!isValidTwilioSignature(request)) {
    throw new LibdeskError('LD_TWILIO_BAD_SIGNATURE', 'The X-Twilio-Signature header does not match this request.');
  }
}

/**
 * The URL Twilio signed for a request that reached us at `requestPath` (path and query as this server
 * received them). Behind a proxy the Host header and scheme are the proxy's business, so the public
 * base URL is configured rather than read from the request; a base with a path prefix
 * ("https://example.org/libdesk") keeps it.
 */
export function twilioWebhookUrl(publicBaseUrl: string, requestPath: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${requestPath.startsWith('/') ? requestPath : `/${requestPath}`}`;
}
