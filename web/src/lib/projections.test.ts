import { describe, expect, it } from 'vitest';
import { atRiskFirst, projectionThrough, type Projection } from './projections';

describe('projectionThrough', () => {
  it('projects from the year of the period, inside the term', () => {
    expect(projectionThrough('2022', '2020-2025')).toBe(2022);
    expect(projectionThrough('2023Q2', '2020-2025')).toBe(2023);
    expect(projectionThrough('2019', '2020-2025')).toBe(2020);
    expect(projectionThrough('2030S1', '2020-2025')).toBe(2025);
  });
  it('has nothing to project without a term or for a whole term', () => {
    expect(projectionThrough('2022', undefined)).toBeNull();
    expect(projectionThrough('2020-2025', '2020-2025')).toBeNull();
    expect(projectionThrough('nonsense', '2020-2025')).toBeNull();
  });
});

describe('atRiskFirst', () => {
  const p = (indicator: string, target: number | null, linear: number | null, atRisk: boolean): Projection => ({
    indicator, target, actual: null, linear, compound: null, reachesLinear: null, reachesCompound: null, points: 2, atRisk,
  });
  it('keeps the indicators at risk, the largest shortfall first', () => {
    const answer = { unit: 'LS', term: '2020-2025', through: 2022, atRisk: ['A', 'B'], items: [p('A', 100, 95, true), p('B', 100, 60, true), p('C', 100, 120, false)] };
    expect(atRiskFirst(answer).map((x) => x.indicator)).toEqual(['B', 'A']);
    expect(atRiskFirst(null)).toEqual([]);
  });
});
