// What the signed-in user may do, as docs/api.md's role table says. The
// server decides; these only hide buttons that would certainly get a 403.
import type { Unit, User } from '../api/types';
import { within } from './units';

type ByCode = Map<string, Unit>;

const inScope = (user: User, unit: string | undefined, byCode: ByCode) => !unit || within(user.unit, unit, byCode);

/** Enter values, activities, documents, task progress. */
export const canEnter = (user: User | null, unit: string | undefined, byCode: ByCode) =>
  !!user && user.role !== 'viewer' && inScope(user, unit, byCode);

/** Rate tasks. */
export const canApprove = (user: User | null, unit: string | undefined, byCode: ByCode) =>
  !!user && (user.role === 'admin' || user.role === 'approver') && inScope(user, unit, byCode);

/** Units, indicators, targets, tasks, plans, unit changes. */
export const canPlan = (user: User | null) => !!user && (user.role === 'admin' || user.role === 'planner');

/** Shared things (indicators, fields, rating scales): planners and administrators of the root unit. */
export const canPlanShared = (user: User | null, byCode: ByCode) => canPlan(user) && !byCode.get(user!.unit)?.parent;

/** Accounts of the units in scope (/api/v1/users): administrators only. */
export const canManageUsers = (user: User | null) => user?.role === 'admin';
