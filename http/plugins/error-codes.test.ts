import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LibdeskError, type ErrorCode } from '../../core/errors.js';
import { HTTP_ERROR_CODES, toHttpProblem } from './error-handler.js';

/** The rows of the table in docs/errors.md: code → the HTTP column as written. */
function documentedCodes(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync('docs/errors.md', 'utf8').split('\n')) {
    const match = /^\|\s*`(LD_[A-Z0-9_]+)`\s*\|\s*([^|]*)\|/.exec(line);
    if (match) rows.set(match[1]!, match[2]!.trim());
  }
  return rows;
}

describe('error codes, their HTTP mapping and docs/errors.md agree', () => {
  const documented = documentedCodes();
  const libdeskCodes = Object.keys(ERROR_CODES) as ErrorCode[];
  const httpOnlyCodes = Object.keys(HTTP_ERROR_CODES);

  it('documents every code once and nothing that does not exist', () => {
    const known = new Set<string>([...libdeskCodes, ...httpOnlyCodes]);
    expect([...known].filter((code) => !documented.has(code))).toEqual([]);
    expect([...documented.keys()].filter((code) => !known.has(code))).toEqual([]);
  });

  it.each(libdeskCodes)('%s: the status in docs/errors.md is the one the error handler answers', (code) => {
    const status = toHttpProblem(new LibdeskError(code, 'test')).status;
    const column = documented.get(code) ?? '';
    // Codes the HTTP layer never maps (start-up failures, job errors) answer a bare 500 and are documented "—".
    if (status === 500) expect(column.startsWith('—') || column.startsWith('500')).toBe(true);
    else expect(column.startsWith(String(status))).toBe(true);
  });
});
