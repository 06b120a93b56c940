import { describe, expect, it } from 'vitest';
import { periodLabel, periodParts, previousPeriod, trendPeriods } from './periods';

describe('trendPeriods', () => {
  it('runs the same kind of period from the start of the term to the chosen one', () => {
    expect(trendPeriods('2022', '2020-2025')).toEqual(['2020', '2021', '2022']);
    expect(trendPeriods('2021Q3', '2020-2025')).toEqual(['2020Q3', '2021Q3']);
    expect(trendPeriods('2020S1', '2020-2025')).toEqual(['2020S1']);
  });
  it('gives the years of a term', () => {
    expect(trendPeriods('2020-2025', undefined)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
  });
  it('keeps a period outside the term or without a term alone', () => {
    expect(trendPeriods('2019', '2020-2025')).toEqual(['2019']);
    expect(trendPeriods('2021', undefined)).toEqual(['2021']);
    expect(trendPeriods('nonsense', '2020-2025')).toEqual(['nonsense']);
  });
});

describe('period labels', () => {
  it('names periods in Vietnamese and English', () => {
    expect(periodLabel('2021Q3')).toBe('Quý III/2021');
    expect(periodLabel('2021Q3', 'en')).toBe('Q3 2021');
    expect(periodLabel('2020-2025')).toBe('Nhiệm kỳ 2020–2025');
    expect(previousPeriod('2021Q1')).toBe('2020Q4');
  });
});

describe('periodParts', () => {
  it('goes one level down the calendar', () => {
    expect(periodParts('2021')).toEqual(['2021Q1', '2021Q2', '2021Q3', '2021Q4']);
    expect(periodParts('2021S2')).toEqual(['2021Q3', '2021Q4']);
    expect(periodParts('2021NM')).toEqual(['2021S1', '2021Q3']);
    expect(periodParts('2021Q4')).toEqual(['202110', '202111', '202112']);
    expect(periodParts('2020-2022')).toEqual(['2020', '2021', '2022']);
    expect(periodParts('202103')).toEqual([]);
  });
});
