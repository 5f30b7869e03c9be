import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { build } from '../test-support/build.js';

describe('web chat pages', () => {
  it('serves the demo page with the library name, the branches and the widget', async () => {
    const { app } = await build({ options: { libraryName: 'Riverside <Public> Library' } });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('Riverside &lt;Public&gt; Library');
    expect(response.body).toContain('Eastside Branch');
    expect(response.body).toMatch(/<script src="\/widget.js" defer data-title="Riverside &lt;Public&gt; Library"><\/script>/);
  });

  it('serves the widget as JavaScript', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.body).toContain('/api/v1/chat/messages');
    expect(response.body).toContain("'aria-live': 'polite'");
    // Other sites (WIDGET_ORIGINS) load this script; helmet's same-origin default would block it.
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toContain('/api/v1/chat/sessions');
    expect(response.body).toContain("text: 'End chat'");
  });

  it('serves the widget with its Markdown libraries in one valid script, and a 304 when it has not changed', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.body).toContain('@license DOMPurify');
    expect(response.body).toContain('marked v');
    expect(response.body).toContain('libdeskVendor');
    expect(response.body).not.toContain('sourceMappingURL');
    expect(() => new Script(response.body, { filename: 'widget.js' })).not.toThrow();
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': '"older"' } })).statusCode).toBe(200);
  });

  it('serves the demo page with a CSP that allows no inline script, and no inline script in it', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('limits page loads per IP', async () => {
    const { app } = await build({ options: { rateLimit: { max: 2, timeWindowMs: 60_000 } } });
    const load = () => app.inject({ method: 'GET', url: '/', remoteAddress: '192.0.2.9' });
    expect((await load()).statusCode).toBe(200);
    expect((await load()).statusCode).toBe(200);
    expect((await load()).statusCode).toBe(429);
  });
});
