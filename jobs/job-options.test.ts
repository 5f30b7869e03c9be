import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnqueueOptions, parseJobPayload, retryDelayMs } from './job-options.js';

const schemas = { 'test.sms': z.object({ to: z.string().regex(/^\+\d+$/), body: z.string() }) };

describe('job payloads and options', () => {
  it('returns the parsed payload, without unknown keys', () => {
    expect(parseJobPayload(schemas, 'test.sms', { to: '+15550100', body: 'hi', extra: 1 })).toEqual({ to: '+15550100', body: 'hi' });
  });

  it('names the failing fields but never their values', () => {
    let caught: unknown;
    try {
      parseJobPayload(schemas, 'test.sms', { to: 'call me at 555-0100', body: 7 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'LD_VALIDATION', details: { job: 'test.sms', fields: ['to', 'body'] } });
    expect((caught as Error).message).toContain('to:');
    expect((caught as Error).message).not.toContain('555-0100');
  });

  it('refuses names outside the map, including inherited object keys', () => {
    expect(() => parseJobPayload(schemas, 'toString', {})).toThrow(expect.objectContaining({ code: 'LD_JOB_UNKNOWN' }));
  });

  it('fills defaults and refuses nonsense options', () => {
    expect(parseEnqueueOptions('x')).toEqual({ delayMs: 0, jobId: undefined, attempts: 5 });
    expect(() => parseEnqueueOptions('x', { attempts: 1.5 })).toThrow(expect.objectContaining({ code: 'LD_VALIDATION' }));
    expect(() => parseEnqueueOptions('x', { delayMs: Number.NaN })).toThrow(expect.objectContaining({ code: 'LD_VALIDATION' }));
    expect(() => parseEnqueueOptions('x', { jobId: '' })).toThrow(expect.objectContaining({ code: 'LD_VALIDATION' }));
    expect(() => parseEnqueueOptions('x', { jobId: 'a'.repeat(201) })).toThrow(expect.objectContaining({ code: 'LD_VALIDATION' }));
  });

  it('doubles the back-off after each failed try', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(2_000, attempt))).toEqual([2_000, 4_000, 8_000, 16_000]);
  });
});
