// The account screen's rules (Admin › Người dùng), as the server applies them
// (docs/api.md, "Users"); the server still decides, these only shape the form.
import type { Role, User, UserAccount } from '../api/types';

/** The server's password policy (AuthPolicy::min_password_length). */
export const MIN_PASSWORD_LENGTH = 8;

export interface UserFilter {
  unit?: string;
  role?: Role;
  text?: string;
}

/** ?unit=&role=&q= for GET /users; empty filters are left out. */
export function userQuery(f: UserFilter): Record<string, string | undefined> {
  const text = f.text?.trim();
  return { unit: f.unit || undefined, role: f.role || undefined, q: text || undefined };
}

/** The fields of the create and edit forms. */
export interface UserFormValues {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
  email: string;
  language: '' | 'vi' | 'en';
  active: boolean;
  password?: string;
}

export function toUserForm(a: UserAccount | undefined, defaultUnit: string): UserFormValues {
  return a
    ? { username: a.username, displayName: a.displayName, unit: a.unit, role: a.role, email: a.email, language: a.language, active: a.active }
    : { username: '', displayName: '', unit: defaultUnit, role: 'viewer', email: '', language: '', active: true, password: '' };
}

/** POST /users: a new account with its first password. */
export function createBody(v: UserFormValues) {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    unit: v.unit,
    role: v.role,
    email: v.email.trim(),
    language: v.language,
    password: v.password ?? '',
  };
}

/**
 * PUT /users/{username}: only the fields that differ from the account as
 * read, so an edit of the name never re-sends (and re-judges) the rest.
 */
export function updateBody(v: UserFormValues, a: UserAccount): Partial<Omit<UserFormValues, 'username' | 'password'>> {
  const body: Partial<Omit<UserFormValues, 'username' | 'password'>> = {};
  if (v.displayName.trim() !== a.displayName) body.displayName = v.displayName.trim();
  if (v.unit !== a.unit) body.unit = v.unit;
  if (v.role !== a.role) body.role = v.role;
  if (v.email.trim() !== a.email) body.email = v.email.trim();
  if (v.language !== a.language) body.language = v.language;
  if (v.active !== a.active) body.active = v.active;
  return body;
}

/**
 * What the signed-in administrator may do to an account: not change their own
 * role or unit, not switch themselves off, not reset their own password here
 * (the Profile page asks for the old one).
 */
export function allowedOn(a: UserAccount, me: User | null) {
  const self = !!me && me.username === a.username;
  return { editRoleUnitActive: !self, resetPassword: !self, unlock: a.locked };
}

/** Why a password will be refused, in both languages, or null. */
export function passwordProblem(p: string | undefined): { vi: string; en: string } | null {
  if ([...(p ?? '')].length >= MIN_PASSWORD_LENGTH) return null;
  return { vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`, en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters` };
}
