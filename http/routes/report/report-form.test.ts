import { describe, expect, it } from 'vitest';
import { composeReportText, reportFormSchema, toReportInquiry } from './report-form.js';

const asset = { tag: 'PC-07' };

describe('reportFormSchema', () => {
  it('reads a browser form where empty fields are empty strings', () => {
    expect(reportFormSchema.parse({ problem: 'frozen', details: '  ', contact: '' })).toEqual({ problem: 'frozen' });
  });

  it.each([['ann@example.org'], ['+1 (555) 123-4567'], ['555 0101']])('accepts the contact %s', (contact) => {
    expect(reportFormSchema.parse({ problem: 'frozen', contact }).contact).toBe(contact);
  });

  it.each([['call me'], ['12'], ['ann@']])('refuses the contact %s', (contact) => {
    expect(reportFormSchema.safeParse({ problem: 'frozen', contact }).success).toBe(false);
  });

  it('needs details when the problem is "other"', () => {
    const result = reportFormSchema.safeParse({ problem: 'other' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['details']);
  });

  it('refuses a problem that is not on the list', () => {
    expect(reportFormSchema.safeParse({ problem: 'on-fire' }).success).toBe(false);
  });
});

describe('toReportInquiry', () => {
  it('writes the report as a patron would text it', () => {
    expect(composeReportText(asset, { problem: 'frozen', details: 'stuck on login' })).toBe('PC-07: frozen — stuck on login');
    expect(composeReportText(asset, { problem: 'printer-jam' })).toBe('PC-07: printer jam');
  });

  it('keeps anonymous reports apart and makes a resubmitted form one inquiry', () => {
    const one = toReportInquiry(asset, { problem: 'frozen' }, 'aaaaaaaaaaaaaaaa');
    const two = toReportInquiry(asset, { problem: 'frozen' }, 'bbbbbbbbbbbbbbbb');
    expect(one.threadKey).not.toBe(two.threadKey);
    expect(one.externalId).toBe(toReportInquiry(asset, { problem: 'frozen' }, 'aaaaaaaaaaaaaaaa').externalId);
    expect(one).toMatchObject({ channel: 'report', meta: { assetTag: 'PC-07', problem: 'frozen' } });
  });

  it('sends the answer to the contact when one is given, saying which kind it is', () => {
    const inquiry = toReportInquiry(asset, { problem: 'frozen', contact: 'ann@example.org' }, 'aaaaaaaaaaaaaaaa');
    expect(inquiry.address).toBe('ann@example.org');
    expect(inquiry.meta).toMatchObject({ contactKind: 'email' });
  });
});
