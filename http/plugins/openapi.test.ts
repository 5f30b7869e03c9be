import { describe, expect, it } from 'vitest';
import { build } from '../test-support/build.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; parameters?: Array<{ name: string; in: string }> }>>;
}

describe('GET /api/openapi.json', () => {
  it('describes the JSON API from its zod schemas, with its credentials, and leaves pages out', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    // The body schema of POST /api/v1/inquiries comes from the route's zod schema.
    const inquiry = document.paths['/api/v1/inquiries']?.post;
    const body = inquiry?.requestBody?.content['application/json']?.schema;
    expect(body?.required).toEqual(expect.arrayContaining(['channel', 'address', 'text']));
    expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(['channel', 'address', 'text', 'threadKey']));
    expect(inquiry?.security).toEqual([{ apiKey: [] }]);
    // Ticket routes need a staff token, and the list's filters are documented.
    const list = document.paths['/api/v1/tickets']?.get;
    expect(list?.security).toEqual([{ staffToken: [] }]);
    expect(list?.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['status', 'assignee', 'overdue', 'cursor']));
    // Pages for people are not part of the API.
    const paths = Object.keys(document.paths);
    expect(paths.some((path) => path.startsWith('/report') || path.startsWith('/staff'))).toBe(false);
    expect(paths).toContain('/api/v1/chat/messages');
  });
});
