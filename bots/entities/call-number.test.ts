import { describe, expect, it } from 'vitest';
import { findCallNumber } from './call-number.js';

describe('findCallNumber', () => {
  it('reads Dewey numbers with and without a cutter', () => {
    expect(findCallNumber('where would i find 641.5')).toEqual({ scheme: 'dewey', value: '641.5' });
    expect(findCallNumber('Where can I find call number 973.7 LIN?')).toEqual({ scheme: 'dewey', value: '973.7 LIN' });
    expect(findCallNumber('how do i find the 796 section')).toEqual({ scheme: 'dewey', value: '796' });
  });

  it('reads LC call numbers', () => {
    expect(findCallNumber('where is QA76.73 .P98')).toEqual({ scheme: 'lc', value: 'QA76.73 .P98' });
    expect(findCallNumber('where is PS3545.I345')).toEqual({ scheme: 'lc', value: 'PS3545 .I345' });
  });

  it('does not mistake asset tags, prices or times for call numbers', () => {
    expect(findCallNumber('PC-07 wont turn on')).toBeUndefined();
    expect(findCallNumber('PC09 says login error')).toBeUndefined();
    expect(findCallNumber('I owe $12.50')).toBeUndefined();
    expect(findCallNumber('open at 9:30 on room 101?')).toBeUndefined();
  });
});
