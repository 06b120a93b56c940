export type Role = 'admin' | 'planner' | 'reporter' | 'approver' | 'viewer';
export interface User {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
}
export interface Unit {
  code: string;
  name: string;
  type: string;
  parent?: string;
  groups?: string[];
  validFrom?: string | null;
  validTo?: string | null;
  children?: string[];
  illustrative?: boolean;
}
export interface Field {
  code: string;
  name: string;
}
export interface Indicator {
  code: string;
  name: string;
  unitOfMeasure: string;
  field?: string;
  valueType: 'number' | 'percent' | 'count' | 'money' | 'yes_no';
  direction: string;
  aggregation: string;
  formula?: string;
  responsibleUnit?: string;
  decimals?: number;
  nearlyMetRatio?: number;
  min?: number;
  max?: number;
  description?: string;
  illustrative?: boolean;
}
export interface Plan {
  code: string;
  name: string;
  unit: string;
  term: string;
  document?: string;
  indicators: string[];
  indicatorGroupName?: string;
  taskScale?: string;
  taskGoodLevel?: string;
  meetingScale?: string;
  meetingGoodLevel?: string;
}
export interface Target {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  source: string;
  note?: string;
  illustrative?: boolean;
}
export interface Value {
  indicator: string;
  unit: string;
  period: string;
  kind: 'estimate' | 'official';
  value: number;
  comment?: string;
  illustrative?: boolean;
  etag?: string;
}
export interface ValueChange {
  kind: string;
  oldValue: number | null;
  newValue: number | null;
  comment?: string;
  by: string;
  at: string;
}
export interface Task {
  code: string;
  plan?: string;
  parent?: string;
  name: string;
  field?: string;
  responsibleUnit?: string;
  coordinatingUnits?: string[];
  start?: string;
  deadline?: string;
  status: 'not_started' | 'in_progress' | 'completed' | 'cancelled';
  progress?: number;
  illustrative?: boolean;
}
export interface TaskRating {
  task: string;
  period: string;
  scale: string;
  level: string;
  comment?: string;
}
export interface Attendance {
  category: string;
  categoryName: string;
  attended: number;
  eligible: number;
}
export interface Activity {
  code: string;
  kind: 'study_session' | 'model_meeting' | 'contest' | 'propaganda' | 'inspection';
  name: string;
  unit: string;
  date: string;
  plan?: string;
  attendance?: Attendance[];
  ratingScale?: string;
  ratingLevel?: string;
  participants?: number;
  result?: string;
  illustrative?: boolean;
}
export interface Document {
  code: string;
  kind: string;
  number: string;
  title: string;
  date: string;
  issuer: string;
  field?: string;
  plan?: string;
  implements?: string;
  amends?: string;
  status?: string;
  illustrative?: boolean;
}
export interface RatingScale {
  code: string;
  name: string;
  levels: { code: string; name: string }[];
}
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  address: string;
  action: string;
  entity: string;
  key: string;
  before: unknown;
  after: unknown;
}
export interface ScorecardIndicator {
  code: string;
  name: string;
  actual?: number | null;
  target?: number | null;
  percentOfTarget?: number | null;
  samePeriodLastYear?: number | null;
  status: 'exceeded' | 'met' | 'nearly_met' | 'not_met' | 'no_data' | 'no_target' | string;
  kind?: string;
  display?: { actual?: string; target?: string; percentOfTarget?: string };
}
export interface ScorecardReport {
  unit: { code: string; name: string };
  period: { id: string; label: string };
  plan: string;
  title: string;
  subtitle: string;
  scorecard: {
    indicatorsMet: number;
    indicatorsEvaluated: number;
    indicatorsInPlan: number;
    indicators: ScorecardIndicator[];
    taskGroups?: { total: number; goodOrBetter: number; excellent: number; groups: { code: string; name: string; rating?: string }[] };
    study?: { sessions: number; attended: number; eligible: number; rate?: number | null };
    modelMeetings?: { total: number; goodOrBetter: number };
    contests?: number;
    documents?: { total: number; issuedByKind: Record<string, number>; amendingByKind: Record<string, number> };
  };
  narrative: { heading: string; sentences: string[] }[];
}
export interface Attachment {
  id: number;
  owner: 'document' | 'task';
  ownerCode: string;
  filename: string;
  contentType: string;
  size: number;
  sha256?: string;
  uploadedBy: string;
  uploadedAt: string;
  etag: string;
}
export interface TaskUpdate {
  id: number;
  task: string;
  date: string;
  progress: number;
  status: Task['status'];
  note?: string;
  author: string;
  at: string;
}
export type UnitChangeKind = 'merge' | 'split' | 'rename' | 'move' | 'dissolve';
export interface UnitChange {
  code: string;
  kind: UnitChangeKind;
  effective: string;
  from: string[];
  to?: string[];
  shares?: number[];
  newName?: string;
  newParent?: string;
  document?: string;
  note?: string;
}
export interface SearchHit {
  entity: 'indicator' | 'task' | 'document' | 'activity';
  code: string;
  title: string;
  unit?: string;
}

/** Both languages of a server message. */
export interface Bilingual {
  vi: string;
  en: string;
}
/** An upload of a data-entry file (docs/import.md, `GET /imports/{id}`). */
export interface ImportRowError {
  line: number;
  column: string;
  unit: string;
  period: string;
  indicator: string;
  code: string;
  message: Bilingual;
}
export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  filename: string;
  format: string;
  createdAt: string;
  finishedAt?: string;
  progress: { rowsRead: number; rowsTotal: number };
  result?: { rows: number; imported: number; updated: number; unchanged: number; errors: ImportRowError[] };
  error?: { code: string; message: Bilingual; field?: string };
}

/** One figure of the rollup engine (`GET /analytics`, docs/analytics.md). */
export interface AnalyticsRow {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  reported: number | null;
  own: number | null;
  aggregated: number | null;
  reportingUnits: number;
  estimate: boolean;
  target: number | null;
  percentOfTarget: number | null;
  status: string;
}
export interface AnalyticsAnswer {
  rows: AnalyticsRow[];
  totals: { indicator: string; period: string; value: number }[];
  parent?: string;
}

/** The report's trace sidecar (`GET /reports?format=trace`, docs/reports.md): where every figure came from. */
export interface TraceIndicator {
  code: string;
  name: string;
  printed: { actual: string; target: string; percentOfTarget: string; samePeriodLastYear: string };
  actual: number | null;
  target: number | null;
  targetSource: string | null;
  percentOfTarget: number | null;
  status: string;
  direction: string;
  aggregation: string;
  formula: string;
  figure: {
    reported?: number | null;
    ownRolledUp?: number | null;
    fromSubUnits?: number | null;
    reportingUnits?: number;
    estimate?: boolean;
    explanation?: string;
    subUnits?: { unit: string; name: string; value: number; estimate: boolean }[];
  };
  storedValues: { unit: string; period: string; value: number; kind: string; comment: string }[];
}
export interface ReportTrace {
  unit: string;
  period: string;
  plan: string | null;
  indicators: TraceIndicator[];
  indicatorsMet: { count: number; of: number; codes: string[] };
}

// Reporting cycles (docs/reporting-cycles.md).
export interface FormDeadline {
  kind: 'day_of_month' | 'days_after_end';
  monthsAfterEnd?: number;
  day?: number;
  days?: number;
}
export interface ReportForm {
  code: string;
  name: string;
  periodType: string;
  unitTypes: string[];
  indicators: string[];
  deadline?: FormDeadline;
  graceDays?: number;
  afterGrace?: 'accept_late' | 'refuse';
  approvalLevels?: string[];
}
export type SubmissionState = 'draft' | 'submitted' | 'approved' | 'reopened';
export type SubmissionStepName = 'submit' | 'recall' | 'approve' | 'unapprove' | 'reopen';
export interface RuleViolation {
  rule: string;
  indicator: string;
  value: number;
  other?: number;
}
export interface Submission {
  form: string;
  unit: string;
  period: string;
  state: SubmissionState;
  approvals: number;
  submittedAt?: string;
  submittedBy?: string;
  reopenReason?: string;
  updatedAt?: string;
  updatedBy?: string;
  violations?: RuleViolation[];
}
export interface SubmissionStep {
  id: number;
  step: SubmissionStepName;
  state: SubmissionState;
  approvals: number;
  reason?: string;
  actor: string;
  at: string;
}
export interface NoteRequired {
  indicator: string;
  reason: string;
}
export interface CompletenessCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  sent: number;
  percent?: Record<string, number>;
  unit?: string;
}
export type CompletenessStatus = 'on_time' | 'late' | 'missing' | 'not_due';
export interface Completeness {
  form: string;
  unit: string;
  period: string;
  dueDate?: string;
  graceEnd?: string;
  totals: CompletenessCounts;
  byChild?: CompletenessCounts[];
  units: { unit: string; status: CompletenessStatus; state?: string; approvals?: number; submittedAt?: string }[];
  toChase: string[];
}
export interface TaskTimelinessCounts {
  total: number;
  completedOnTime: number;
  completedLate: number;
  inProgress: number;
  overdue: number;
  percent?: Record<string, number>;
  unit?: string;
}
export interface TaskStatusAnswer {
  unit: string;
  period: string;
  totals: TaskTimelinessCounts;
  byChild?: TaskTimelinessCounts[];
}
export type NotificationKind =
  | 'deadline_soon'
  | 'deadline_today'
  | 'overdue'
  | 'digest'
  | 'submission_submitted'
  | 'submission_approved'
  | 'submission_reopened';
export interface AppNotification {
  id: number;
  kind: NotificationKind | string;
  title: string;
  body?: string;
  link?: string;
  form?: string;
  unit?: string;
  period?: string;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationPage {
  items: AppNotification[];
  unread: number;
  total: number;
}
/** An account as /api/v1/users shows it to an administrator (never a password hash). */
export interface UserAccount extends User {
  email: string;
  /** "vi", "en", or "" (Vietnamese). */
  language: '' | 'vi' | 'en';
  /** False: switched off, cannot sign in. */
  active: boolean;
  /** A lockout after failed sign-ins is running. */
  locked: boolean;
  lockedUntil: string | null;
  createdAt: string;
  passwordChangedAt: string;
}
