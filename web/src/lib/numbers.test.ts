import { describe, expect, it } from 'vitest';
import { foldText, formatDate, formatForInput, formatIndicatorValue, formatMoneyShort, formatNumber, parseViNumber } from './numbers';

const ok = (v: number | null) => ({ ok: true, value: v });

describe('parseViNumber', () => {
  it('reads Vietnamese decimals and groups', () => {
    expect(parseViNumber('65,3')).toEqual(ok(65.3));
    expect(parseViNumber('1.234.567')).toEqual(ok(1234567));
    expect(parseViNumber('1.234.567,89')).toEqual(ok(1234567.89));
    expect(parseViNumber('430.000.000.000')).toEqual(ok(430000000000));
    expect(parseViNumber('91,7%')).toEqual(ok(91.7));
    expect(parseViNumber(' 1 234 567 ')).toEqual(ok(1234567));
    expect(parseViNumber('0,5')).toEqual(ok(0.5));
    expect(parseViNumber(',5')).toEqual(ok(0.5));
    expect(parseViNumber('-12,5')).toEqual(ok(-12.5));
    expect(parseViNumber('−3')).toEqual(ok(-3));
  });
  it('treats one dot before three digits as grouping, otherwise as a decimal point', () => {
    expect(parseViNumber('1.234')).toEqual(ok(1234));
    expect(parseViNumber('65.3')).toEqual(ok(65.3));
    expect(parseViNumber('65.30')).toEqual(ok(65.3));
  });
  it('gives null for an empty cell', () => {
    expect(parseViNumber('')).toEqual(ok(null));
    expect(parseViNumber('   ')).toEqual(ok(null));
  });
  it('rejects what is not a number', () => {
    for (const bad of ['abc', '12,3,4', '1.23.4', '1,2.3', '12,', '-', '1.234,5,6', '12a', '1..2', '%']) {
      expect(parseViNumber(bad).ok, bad).toBe(false);
    }
  });
});

describe('formatNumber', () => {
  it('writes Vietnamese numbers', () => {
    expect(formatNumber(65.3, { decimals: 1 })).toBe('65,3');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234567.891, { decimals: 2 })).toBe('1.234.567,89');
    expect(formatNumber(116.6893, { decimals: 1 })).toBe('116,7');
    expect(formatNumber(100, { decimals: 1, fixed: true })).toBe('100,0');
    expect(formatNumber(-0.04, { decimals: 1 })).toBe('0');
    expect(formatNumber(-1500)).toBe('-1.500');
    expect(formatNumber(null)).toBe('');
  });
  it('writes English numbers on request', () => {
    expect(formatNumber(1234567.5, { lang: 'en' })).toBe('1,234,567.5');
  });
  it('round-trips through the input format', () => {
    for (const v of [0, 65.3, 1234567, 0.125, 430000000000, 97.5]) {
      expect(parseViNumber(formatForInput(v))).toEqual(ok(v));
    }
  });
  it('shortens money', () => {
    expect(formatMoneyShort(430000000000)).toBe('430 tỷ');
    expect(formatMoneyShort(368500000000)).toBe('368,5 tỷ');
    expect(formatMoneyShort(65300000)).toBe('65,3 triệu');
    expect(formatMoneyShort(65300000, 'en')).toBe('65.3 million');
    expect(formatMoneyShort(2950000000000)).toBe('2.950 tỷ');
  });
});

describe('dates and text', () => {
  it('formats dates without leading zeros', () => {
    expect(formatDate('2021-04-26')).toBe('26/4/2021');
    expect(formatDate('2021-04-26', 'en')).toBe('26 Apr 2021');
  });
  it('folds diacritics', () => {
    expect(foldText('Hội nghị quán triệt')).toBe('hoi nghi quan triet');
    expect(foldText('Đảng ủy')).toBe('dang uy');
  });
});

describe('formatIndicatorValue', () => {
  it('writes money, percentages and counts the way the report does', () => {
    expect(formatIndicatorValue(430000000000, { valueType: 'money' })).toBe('430 tỷ đồng');
    expect(formatIndicatorValue(91.7, { valueType: 'percent', decimals: 1 })).toBe('91,7%');
    expect(formatIndicatorValue(2684, { valueType: 'count', decimals: 0 })).toBe('2.684');
    expect(formatIndicatorValue(null, { valueType: 'count' })).toBe('—');
  });
});
