import { describe, expect, it } from 'vitest';
import { dirtyRows, editComment, editKind, editText, hasErrors, makeRow, markSaved, validateCell, type EntryState } from './entryState';
import { periodLabel, previousPeriod, previousYear } from './periods';

function grid(): EntryState {
  return {
    BUDGET: makeRow('BUDGET', { valueType: 'money' }, { value: 430000000000, etag: '"a"', kind: 'estimate' }),
    RATE: makeRow('RATE', { valueType: 'percent' }, null),
    COUNT: makeRow('COUNT', { valueType: 'count' }, { value: 17, etag: '"c"' }),
    BHYT: makeRow('BHYT', { valueType: 'percent', computed: true }, null),
  };
}

describe('data entry state', () => {
  it('starts clean, with saved values shown the Vietnamese way', () => {
    const s = grid();
    expect(s.BUDGET.text).toBe('430.000.000.000');
    expect(dirtyRows(s)).toHaveLength(0);
  });
  it('tracks edits and what goes back to the saved value', () => {
    let s = editText(grid(), 'RATE', '91,7');
    expect(dirtyRows(s).map((r) => r.indicator)).toEqual(['RATE']);
    expect(s.RATE.error).toBeNull();
    s = editText(s, 'RATE', '');
    expect(dirtyRows(s)).toHaveLength(0);
    s = editText(s, 'COUNT', '17');
    expect(dirtyRows(s)).toHaveLength(0);
    s = editComment(s, 'COUNT', 'theo báo cáo');
    expect(dirtyRows(s)).toHaveLength(1);
    s = editKind(grid(), 'BUDGET', 'official');
    expect(dirtyRows(s)).toHaveLength(1);
  });
  it('validates inline', () => {
    expect(validateCell('101', { valueType: 'percent' }).error).toBe('above_max');
    expect(validateCell('-1', { valueType: 'percent' }).error).toBe('below_min');
    expect(validateCell('2,5', { valueType: 'count' }).error).toBe('whole');
    expect(validateCell('2', { valueType: 'yes_no' }).error).toBe('yes_no');
    expect(validateCell('abc', { valueType: 'number' }).error).toBe('format');
    expect(validateCell('150', { valueType: 'number', max: 120 }).error).toBe('above_max');
    expect(validateCell('1', { valueType: 'percent', computed: true }).error).toBe('computed');
    const s = editText(grid(), 'RATE', '12,3,4');
    expect(s.RATE.error).toBe('format');
    expect(hasErrors(s)).toBe(true);
  });
  it('becomes clean after a save', () => {
    let s = editText(grid(), 'RATE', '91,7');
    s = markSaved(s, 'RATE', { value: 91.7, comment: '', kind: 'official', etag: '"x"' });
    expect(dirtyRows(s)).toHaveLength(0);
    expect(s.RATE.etag).toBe('"x"');
    expect(s.RATE.text).toBe('91,7');
  });
});

describe('periods', () => {
  it('labels periods in Vietnamese', () => {
    expect(periodLabel('2021')).toBe('Năm 2021');
    expect(periodLabel('2021Q3')).toBe('Quý III/2021');
    expect(periodLabel('2021S1')).toBe('6 tháng đầu năm 2021');
    expect(periodLabel('2021NM')).toBe('9 tháng năm 2021');
    expect(periodLabel('202104')).toBe('Tháng 4/2021');
    expect(periodLabel('2021YTD05')).toBe('Lũy kế 5 tháng năm 2021');
    expect(periodLabel('2020-2025')).toBe('Nhiệm kỳ 2020–2025');
  });
  it('finds the previous and same-last-year periods', () => {
    expect(previousPeriod('2021Q1')).toBe('2020Q4');
    expect(previousPeriod('2021')).toBe('2020');
    expect(previousPeriod('202101')).toBe('202012');
    expect(previousYear('2021S1')).toBe('2020S1');
    expect(previousYear('2020-2025')).toBeNull();
  });
});
