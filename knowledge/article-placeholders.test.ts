import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPlaceholders, unknownPlaceholders } from './article-placeholders.js';
import { checkKnowledge } from './kb-check.js';
import { createKnowledgeBase } from './knowledge-base.js';
import { buildCalendar } from './library-calendar.js';
import { parseLibraryFile } from './library-config.js';

const SETTINGS = `
name: Test Library
time_zone: America/Chicago
branches:
  - id: main
    name: Main Library
    address: 1 First Street, Town
    phone: "(555) 000-0001"
    hours: { mon: "09:00-20:00", tue: "09:00-20:00", wed: "09:00-20:00", thu: "09:00-20:00", fri: "09:00-17:30", sat: "10:00-14:00", sun: closed }
    exceptions:
      - { date: 2026-12-22, opens: "12:00", note: Staff meeting }
  - id: north
    name: North Branch
    hours: { mon: closed, tue: "12:00-19:00", wed: "12:00-19:00", thu: closed, fri: closed, sat: "10:00-13:00", sun: closed }
closures:
  - { date: 2026-12-24, closes: "13:00", note: Christmas Eve }
  - { date: 2026-12-25, to: 2026-12-26, closed: true, note: Christmas }
  - { date: 2027-03-01, closed: true, note: Far away }
`;
const calendar = buildCalendar(parseLibraryFile(SETTINGS, 'test.yaml'));
// Dec 20, 2026, 10:00 in Chicago.
const NOW = new Date('2026-12-20T16:00:00Z');

describe('placeholders in articles', () => {
  it('{{hours}} lists every branch with its address and weekly hours, days with equal hours together', () => {
    const en = expandPlaceholders('{{hours}}', 'en', calendar, NOW);
    expect(en).toContain('### Main Library\n1 First Street, Town · (555) 000-0001');
    expect(en).toContain('| Monday – Thursday | 9:00 a.m. – 8:00 p.m. |');
    expect(en).toContain('| Friday | 9:00 a.m. – 5:30 p.m. |');
    expect(en).toContain('| Saturday | 10:00 a.m. – 2:00 p.m. |');
    expect(en).toContain('| Thursday – Friday | Closed |');
    const es = expandPlaceholders('{{hours}}', 'es', calendar, NOW);
    expect(es).toContain('| Lunes a jueves | 9:00 a 20:00 |');
    expect(es).toContain('| Martes y miércoles | 12:00 a 19:00 |');
    expect(es).toContain('| Día | Horario |');
  });

  it('{{closures}} lists what changes in the coming weeks, soonest first, and nothing further out', () => {
    const en = expandPlaceholders('{{closures}}', 'en', calendar, NOW);
    expect(en.split('\n')).toEqual([
      '- Tuesday, December 22 (Main Library): opens at 12:00 p.m. — Staff meeting',
      '- Thursday, December 24 (all branches): closes at 1:00 p.m. — Christmas Eve',
      '- Friday, December 25 – Saturday, December 26 (all branches): closed — Christmas',
    ]);
    expect(expandPlaceholders('{{closures}}', 'es', calendar, NOW)).toContain('- jueves 24 de diciembre (todas las sucursales): cierra a las 13:00 — Christmas Eve');
    // After Christmas nothing is left within the window.
    expect(expandPlaceholders('{{closures}}', 'en', calendar, new Date('2026-12-28T16:00:00Z'))).toBe('No closures or special hours in the next 60 days.');
  });

  it('{{hours_summary}} is one short paragraph with the next change, in both languages', () => {
    expect(expandPlaceholders('{{hours_summary}}', 'en', calendar, NOW)).toBe(
      'Main Library (1 First Street): Mon-Thu 9am-8pm, Fri 9am-5:30pm, Sat 10am-2pm, closed Sun. North Branch: Tue-Wed 12pm-7pm, Sat 10am-1pm, closed Mon, Thu, Fri, Sun. Next change: Dec 22 (Main Library), opens at 12pm.',
    );
    expect(expandPlaceholders('{{ hours_summary }}', 'es', calendar, NOW)).toMatch(/^Main Library \(1 First Street\): lun-jue 9-20 h, vie 9-17:30 h, sáb 10-14 h, cerrada dom\./);
  });

  it('leaves text without placeholders alone, and names the ones it does not know', () => {
    expect(expandPlaceholders('Plain text {not one}', 'en', calendar, NOW)).toBe('Plain text {not one}');
    expect(unknownPlaceholders('{{hours}} {{opening_hours}} {{ Hours }} {{opening_hours}}')).toEqual(['opening_hours', 'Hours']);
  });

  it('is filled when the knowledge base hands the article out, from the settings of that moment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'libdesk-placeholders-'));
    try {
      await writeFile(join(dir, 'hours.md'), '---\nid: hours\ntitle: Hours\nquestions: [When are you open?]\nshort_answer: "{{hours_summary}}"\nlanguage: en\n---\n{{hours}}\n');
      let now = NOW;
      const kb = await createKnowledgeBase({ dir, placeholders: { calendar, now: () => now } });
      expect(kb.get('hours')?.shortAnswer).toContain('Next change: Dec 22');
      expect(kb.search('when are you open')[0]?.article.body).toContain('| Monday – Thursday |');
      now = new Date('2026-12-23T16:00:00Z');
      expect(kb.get('hours')?.shortAnswer).toContain('Next change: Dec 24, closes at 1pm');
      // Without a calendar the article is as written.
      expect((await createKnowledgeBase({ dir })).get('hours')?.shortAnswer).toBe('{{hours_summary}}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('libdesk kb check rejects an unknown placeholder and accepts the known ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'libdesk-placeholders-'));
    try {
      await writeFile(join(dir, 'good.md'), '---\nid: good\ntitle: Good\nquestions: [When are you open?]\nshort_answer: "{{hours_summary}}"\nlanguage: en\n---\n{{hours}}\n\n{{closures}}\n');
      await writeFile(join(dir, 'typo.md'), '---\nid: typo\ntitle: Typo\nquestions: [Where are you?]\nshort_answer: "See below."\nlanguage: en\n---\nOur hours: {{opening_hours}}\n');
      expect(await checkKnowledge(dir)).toEqual([
        expect.objectContaining({ file: 'typo.md', severity: 'error', code: 'unknown-placeholder', message: expect.stringContaining('{{opening_hours}}') }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
