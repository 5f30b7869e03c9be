import { describe, expect, it } from 'vitest';
import { checkKnowledge, checkLibraryFile } from './kb-check.js';

const BROKEN = new URL('./test-fixtures/broken/', import.meta.url).pathname;
const REAL = new URL('./articles/', import.meta.url).pathname;

describe('checkKnowledge on the broken fixture folder', async () => {
  const findings = await checkKnowledge(BROKEN);
  const codesOf = (file: string) => findings.filter((finding) => finding.file === file).map((finding) => finding.code).sort();

  it('reports missing front matter and missing fields by name', () => {
    expect(codesOf('no-front-matter.md')).toEqual(['missing-field']);
    const missing = findings.filter((finding) => finding.file === 'missing-fields.md');
    expect(missing.map((finding) => finding.message).sort()).toEqual(['short_answer is missing', 'title is missing']);
    expect(missing.every((finding) => finding.severity === 'error')).toBe(true);
  });

  it('reports an invalid language and an empty body', () => {
    expect(codesOf('bad-language.md')).toEqual(['invalid-field']);
    expect(findings.find((finding) => finding.file === 'bad-language.md')?.message).toMatch(/^language:/);
    expect(codesOf('empty-body.md')).toEqual(['empty-body']);
  });

  it('reports a short answer over 320 characters with its length', () => {
    expect(codesOf('long-answer.md')).toEqual(['short-answer-too-long']);
    expect(findings.find((finding) => finding.file === 'long-answer.md')?.message).toMatch(/3\d\d characters; the limit is 320/);
  });

  it('reports duplicate ids in both files', () => {
    expect(findings.filter((finding) => finding.code === 'duplicate-id').map((finding) => finding.file).sort()).toEqual(['renewals-copy.md', 'renewals.md']);
  });

  it('warns about the same question in two articles', () => {
    const duplicates = findings.filter((finding) => finding.code === 'duplicate-question');
    expect(duplicates.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(duplicates.map((finding) => finding.file).sort()).toEqual(['extend-loans.md', 'renewals-copy.md', 'renewals.md', 'renewals.md']);
    expect(duplicates.find((finding) => finding.file === 'extend-loans.md')?.message).toContain('how do i renew my books');
  });

  it('reports a broken relative link but not a web link or a good anchor', () => {
    const links = findings.filter((finding) => finding.code === 'broken-link');
    expect(links.map((finding) => `${finding.file} ${finding.message}`)).toEqual(['renewals.md the link to "holds.md#pickup" leads to no file']);
  });

  it('reports a translation pointing nowhere and a Spanish article written in English', () => {
    expect(codesOf('holds-es.md')).toEqual(['language-mismatch', 'translation-target-missing']);
  });

  it('reports nothing else', () => {
    const files = new Set(findings.map((finding) => finding.file));
    expect(files).toEqual(new Set(['no-front-matter.md', 'missing-fields.md', 'bad-language.md', 'long-answer.md', 'renewals.md', 'renewals-copy.md', 'extend-loans.md', 'holds-es.md', 'empty-body.md']));
  });
});

describe('checkKnowledge on the real articles', () => {
  it('finds nothing to fix', async () => {
    expect(await checkKnowledge(REAL)).toEqual([]);
  });

  it('accepts the real library.yaml and reports a missing one', async () => {
    expect(await checkLibraryFile(new URL('./library.yaml', import.meta.url).pathname)).toEqual([]);
    const missing = await checkLibraryFile(`${BROKEN}library.yaml`);
    expect(missing.map((finding) => finding.code)).toEqual(['invalid-library-file']);
  });
});
