import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../api/types';
import { allowedOn, createBody, passwordProblem, toUserForm, updateBody, userQuery } from './users';

const lan: UserAccount = {
  username: 'lan',
  displayName: 'Nguyễn Thị Lan',
  unit: 'LS-VT',
  role: 'reporter',
  email: 'lan@langson.gov.vn',
  language: '',
  active: true,
  locked: false,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00Z',
  passwordChangedAt: '2026-01-01T00:00:00Z',
};

describe('users', () => {
  it('sends only the filters that are set, text trimmed', () => {
    expect(userQuery({})).toEqual({ unit: undefined, role: undefined, q: undefined });
    expect(userQuery({ unit: 'LS-VT', role: 'admin', text: '  lan ' })).toEqual({ unit: 'LS-VT', role: 'admin', q: 'lan' });
    expect(userQuery({ text: '   ' }).q).toBeUndefined();
  });

  it('creates with every field, trimmed, and the first password', () => {
    const v = { ...toUserForm(undefined, 'LS'), username: ' an ', displayName: ' An ', email: ' an@x.vn ', password: 'mật-khẩu-dài' };
    expect(createBody(v)).toEqual({ username: 'an', displayName: 'An', unit: 'LS', role: 'viewer', email: 'an@x.vn', language: '', password: 'mật-khẩu-dài' });
  });

  it('updates only what changed', () => {
    const v = toUserForm(lan, 'LS');
    expect(updateBody(v, lan)).toEqual({});
    expect(updateBody({ ...v, role: 'approver', displayName: 'Nguyễn Thị Lan ' }, lan)).toEqual({ role: 'approver' });
    expect(updateBody({ ...v, unit: 'LS-CL', email: '', language: 'en', active: false }, lan)).toEqual({ unit: 'LS-CL', email: '', language: 'en', active: false });
  });

  it('keeps an administrator from demoting, moving or resetting themselves', () => {
    const me = { username: 'lan', displayName: '', unit: 'LS-VT', role: 'admin' as const };
    expect(allowedOn(lan, me)).toEqual({ editRoleUnitActive: false, resetPassword: false, unlock: false });
    expect(allowedOn({ ...lan, locked: true }, { ...me, username: 'admin' })).toEqual({ editRoleUnitActive: true, resetPassword: true, unlock: true });
  });

  it('counts a password in characters (the server counts bytes: what passes here passes there)', () => {
    expect(passwordProblem('')).not.toBeNull();
    expect(passwordProblem('1234567')?.en).toBe('The password must have at least 8 characters');
    expect(passwordProblem('mật-khẩu')).toBeNull();
  });
});
