import { describe, expect, it } from 'vitest';
import type { ReportForm, Unit, User } from '../api/types';
import { formsFor, isLocked, nearestOfType, stepsFor } from './cycles';
import { periodChoices } from './periods';

const units: Unit[] = [
  { code: 'LS', name: 'Thành phố Lạng Sơn', type: 'city' },
  { code: 'LS-VT', name: 'Phường Vĩnh Trại', type: 'ward', parent: 'LS' },
  { code: 'LS-DK', name: 'Phường Đông Kinh', type: 'ward', parent: 'LS' },
  { code: 'LS-VT-K1', name: 'Khối 1', type: 'residential_block', parent: 'LS-VT' },
];
const byCode = new Map(units.map((u) => [u.code, u]));
const monthly: ReportForm = {
  code: 'BC-THANG-PX',
  name: 'Báo cáo tháng',
  periodType: 'month',
  unitTypes: ['ward', 'commune'],
  indicators: ['COMPLAINTS_RECEIVED', 'COMPLAINTS_RESOLVED'],
  approvalLevels: ['city'],
};
const yearly: ReportForm = { ...monthly, code: 'BC-NAM-PX', periodType: 'year' };
const user = (role: User['role'], unit: string): User => ({ username: role, displayName: role, role, unit });

describe('forms of a unit and period', () => {
  it('match the unit type and the period type', () => {
    expect(formsFor([monthly, yearly], byCode.get('LS-VT'), '202112').map((f) => f.code)).toEqual(['BC-THANG-PX']);
    expect(formsFor([monthly, yearly], byCode.get('LS-VT'), '2021').map((f) => f.code)).toEqual(['BC-NAM-PX']);
    expect(formsFor([monthly, yearly], byCode.get('LS-VT'), '2021Q3')).toEqual([]);
    expect(formsFor([monthly, yearly], byCode.get('LS'), '202112')).toEqual([]);
  });
  it('finds the approving unit above', () => {
    expect(nearestOfType('LS-VT-K1', 'city', byCode)).toBe('LS');
    expect(nearestOfType('LS-VT', 'province', byCode)).toBeNull();
  });
  it('months are offered in the period pickers', () => {
    expect(periodChoices([2021])).toContain('202112');
  });
});

describe('steps offered', () => {
  const draft = { state: 'draft' as const, approvals: 0 };
  const submitted = { state: 'submitted' as const, approvals: 0 };
  const approved = { state: 'approved' as const, approvals: 1 };
  const reopened = { state: 'reopened' as const, approvals: 0 };
  it('the ward reporter submits and recalls its own report, never approves', () => {
    const r = user('reporter', 'LS-VT');
    expect(stepsFor(r, monthly, draft, 'LS-VT', byCode)).toEqual(['submit']);
    expect(stepsFor(r, monthly, submitted, 'LS-VT', byCode)).toEqual(['recall']);
    expect(stepsFor(r, monthly, approved, 'LS-VT', byCode)).toEqual([]);
    expect(stepsFor(r, monthly, reopened, 'LS-VT', byCode)).toEqual(['submit']);
    expect(stepsFor(r, monthly, draft, 'LS-DK', byCode)).toEqual([]);
  });
  it('the city approver approves, unapproves and reopens', () => {
    const a = user('approver', 'LS');
    expect(stepsFor(a, monthly, submitted, 'LS-VT', byCode)).toEqual(['recall', 'approve', 'reopen']);
    expect(stepsFor(a, monthly, approved, 'LS-VT', byCode)).toEqual(['unapprove', 'reopen']);
  });
  it('an approver of the ward itself is not the city level', () => {
    expect(stepsFor(user('approver', 'LS-VT'), monthly, submitted, 'LS-VT', byCode)).toEqual(['recall']);
  });
  it('viewers and planners get no report steps', () => {
    expect(stepsFor(user('viewer', 'LS'), monthly, submitted, 'LS-VT', byCode)).toEqual([]);
    expect(stepsFor(user('planner', 'LS'), monthly, submitted, 'LS-VT', byCode)).toEqual(['recall']);
    expect(stepsFor(null, monthly, draft, 'LS-VT', byCode)).toEqual([]);
  });
  it('a form without approval levels is never approved by hand', () => {
    expect(stepsFor(user('admin', 'LS'), { ...monthly, approvalLevels: [] }, submitted, 'LS-VT', byCode)).toEqual(['recall']);
  });
  it('submitted and approved reports are locked', () => {
    expect([isLocked('draft'), isLocked('submitted'), isLocked('approved'), isLocked('reopened')]).toEqual([false, true, true, false]);
  });
});
