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
  });
});
