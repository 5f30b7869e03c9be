import { describe, expect, it } from 'vitest';
import { callNumberSortKey, compareCallNumbers, parseCallNumber, parseDewey, parseLc } from './call-number.js';

const shelfOrder = (list: string[]): string[] => [...list].sort(compareCallNumbers);

describe('Dewey', () => {
  it('parses class number, cutter and date', () => {
    expect(parseDewey('641.5945 ROS')).toMatchObject({ scheme: 'dewey', classNumber: '641.5945', cutters: ['ROS'], display: '641.5945 ROS' });
    expect(parseDewey('641.5/945')).toMatchObject({ classNumber: '641.5945' });
    expect(parseDewey('J 567.9 DIN 2004')).toMatchObject({ prefix: 'J', classNumber: '567.9', cutters: ['DIN'], year: '2004' });
  });
  it('sorts decimals as decimals, not as numbers', () => {
    expect(shelfOrder(['641.59 ABC', '641.5945 ROS', '641.5 ROS', '641 ZZZ', '64 AAA', '641.594 AAA', '641.5 AAA'])).toEqual([
      '64 AAA', '641 ZZZ', '641.5 AAA', '641.5 ROS', '641.59 ABC', '641.594 AAA', '641.5945 ROS',
    ]);
  });
  it('keeps volumes in number order', () => {
    expect(shelfOrder(['973.7 SMI v.10', '973.7 SMI v.2', '973.7 SMI v.1'])).toEqual(['973.7 SMI v.1', '973.7 SMI v.2', '973.7 SMI v.10']);
  });
});

describe('Library of Congress', () => {
  it('parses class letters, number, cutters and date', () => {
    expect(parseLc('QA76.73.P98 L88 2019')).toMatchObject({ classLetters: 'QA', classNumber: '76.73', cutters: ['P98', 'L88'], year: '2019', display: 'QA76.73.P98 L88 2019' });
    expect(parseLc('QA76.73 .P98L88 2019')).toMatchObject({ cutters: ['P98', 'L88'], year: '2019' });
    expect(parseLc('BF575.L7 T68 1962')).toMatchObject({ classLetters: 'BF', classNumber: '575', cutters: ['L7', 'T68'] });
  });
  it('sorts by letters, whole number, decimal, then cutters as decimals, then date', () => {
    expect(
      shelfOrder([
        'QA76.9.D3 B5 2005', 'QA76.73.P98 L88 2019', 'QA76.73.P98 L88 2009', 'QA76.73.P9 Z1', 'QA76 .A1', 'QA9 .B2', 'Q175 .S4', 'QA76.73.J38 S5',
        'QB43.3 .K5', 'QA76.5 .C3',
      ]),
    ).toEqual([
      'Q175 .S4', 'QA9 .B2', 'QA76 .A1', 'QA76.5 .C3', 'QA76.73.J38 S5', 'QA76.73.P9 Z1', 'QA76.73.P98 L88 2009', 'QA76.73.P98 L88 2019', 'QA76.9.D3 B5 2005', 'QB43.3 .K5',
    ]);
  });
  it('gives equal keys to the same number written two ways', () => {
    expect(callNumberSortKey('QA76.73.P98 L88 2019')).toBe(callNumberSortKey('qa 76.73 .p98 l88 2019'));
  });
});

describe('parseCallNumber', () => {
  it('tells Dewey from LC, including collection prefixes that look like LC classes', () => {
    expect(parseCallNumber('641.5 ROS').scheme).toBe('dewey');
    expect(parseCallNumber('J 641.5 ROS')).toMatchObject({ scheme: 'dewey', prefix: 'J' });
    expect(parseCallNumber('JK1021 .A5').scheme).toBe('lc');
    expect(parseCallNumber('FIC GRISHAM')).toMatchObject({ scheme: 'other', prefix: 'FIC' });
    expect(parseCallNumber('LP FIC GRISHAM').prefix).toBe('LP FIC');
  });
});
