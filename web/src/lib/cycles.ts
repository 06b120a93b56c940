// Reporting cycles without React: which forms a unit reports for a period,
// which steps the signed-in user may take on a report (docs/reporting-cycles.md).
// The server decides; these only choose the buttons to show.
import type { ReportForm, Submission, SubmissionStepName, Unit, User } from '../api/types';
import { periodType } from './periods';
import { within } from './units';

type ByCode = Map<string, Unit>;

/** The forms `unit` reports for `period`: its type is listed and the period is of the form's type. */
export function formsFor(forms: ReportForm[], unit: Unit | undefined, period: string): ReportForm[] {
  if (!unit) return [];
  const t = periodType(period);
  return forms.filter((f) => f.periodType === t && f.unitTypes.includes(unit.type));
}

/** The forms a unit reports at all (any period type). */
export function formsOfUnit(forms: ReportForm[], unit: Unit | undefined): ReportForm[] {
  return unit ? forms.filter((f) => f.unitTypes.includes(unit.type)) : [];
}

/** The nearest unit of `type` at or above `code`. */
export function nearestOfType(code: string, type: string, byCode: ByCode): string | null {
  let cur = byCode.get(code);
  let guard = 0;
  while (cur && guard++ < 64) {
    if (cur.type === type) return cur.code;
    cur = cur.parent ? byCode.get(cur.parent) : undefined;
  }
  return null;
}

const enters = (user: User, unit: string, byCode: ByCode) => user.role !== 'viewer' && within(user.unit, unit, byCode);

/** May `user` approve at approval level `level` (0-based) of `form` for `unit`? */
export function approvesAt(user: User, form: ReportForm, unit: string, level: number, byCode: ByCode): boolean {
  if (user.role !== 'admin' && user.role !== 'approver') return false;
  const levels = form.approvalLevels ?? [];
  const type = levels[level];
  if (!type) return false;
  const at = nearestOfType(unit, type, byCode);
  return !!at && within(user.unit, at, byCode);
}

/** The steps the user may take on the report in its current state, in the order the buttons show. */
export function stepsFor(user: User | null, form: ReportForm, sub: Pick<Submission, 'state' | 'approvals'>, unit: string, byCode: ByCode): SubmissionStepName[] {
  if (!user) return [];
  const levels = form.approvalLevels ?? [];
  const out: SubmissionStepName[] = [];
  const state = sub.state;
  const n = sub.approvals ?? 0;
  if ((state === 'draft' || state === 'reopened') && enters(user, unit, byCode)) out.push('submit');
  if (state === 'submitted' && n === 0 && enters(user, unit, byCode)) out.push('recall');
  if (state === 'submitted' && n < levels.length && approvesAt(user, form, unit, n, byCode)) out.push('approve');
  if ((state === 'submitted' || state === 'approved') && n > 0 && approvesAt(user, form, unit, n - 1, byCode)) out.push('unapprove');
  if ((state === 'submitted' || state === 'approved') && approvesAt(user, form, unit, Math.max(n - 1, 0), byCode)) out.push('reopen');
  return out;
}

/** While submitted or approved the form's cells refuse writes. */
export const isLocked = (state: string | undefined) => state === 'submitted' || state === 'approved';
