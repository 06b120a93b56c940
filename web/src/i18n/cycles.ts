// Texts of the reporting-cycle screens (forms, submissions, completeness,
// task timeliness, notifications): Vietnamese first, then English.
// `{name}` in a text is filled from the values passed to `ct`.
import { useCallback } from 'react';
import { useSession, type Lang } from '../session';

type L = Record<string, [string, string]>;

export const SUBMISSION_STATES: L = {
  draft: ['Chưa gửi', 'Draft'],
  submitted: ['Đã gửi, chờ duyệt', 'Submitted'],
  approved: ['Đã duyệt', 'Approved'],
  reopened: ['Đã mở lại', 'Reopened'],
};
export const SUBMISSION_STATE_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  reopened: 'warning',
};
/** Button labels of the steps. */
export const STEPS: L = {
  submit: ['Gửi báo cáo', 'Submit'],
  recall: ['Rút lại', 'Recall'],
  approve: ['Duyệt', 'Approve'],
  unapprove: ['Hủy duyệt', 'Withdraw approval'],
  reopen: ['Mở lại', 'Reopen'],
};
/** The steps as the journal tells them. */
export const STEPS_DONE: L = {
  submit: ['Gửi báo cáo', 'Submitted'],
  recall: ['Rút lại báo cáo', 'Recalled'],
  approve: ['Duyệt', 'Approved'],
  unapprove: ['Hủy duyệt', 'Approval withdrawn'],
  reopen: ['Mở lại', 'Reopened'],
};
export const COMPLETENESS_STATUS: L = {
  on_time: ['Đúng hạn', 'On time'],
  late: ['Trễ hạn', 'Late'],
  missing: ['Chưa gửi, quá hạn', 'Missing'],
  not_due: ['Chưa đến hạn', 'Not yet due'],
};
export const COMPLETENESS_COLOR: Record<string, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  not_due: 'default',
};
export const PERIOD_TYPES: L = {
  month: ['tháng', 'monthly'],
  quarter: ['quý', 'quarterly'],
  six_months: ['6 tháng', 'six-monthly'],
  nine_months: ['9 tháng', 'nine months'],
  year: ['năm', 'yearly'],
};
export const NOTIFICATION_KINDS: L = {
  deadline_soon: ['Sắp đến hạn', 'Due soon'],
  deadline_today: ['Đến hạn hôm nay', 'Due today'],
  overdue: ['Quá hạn', 'Overdue'],
  digest: ['Tổng hợp', 'Digest'],
  submission_submitted: ['Báo cáo đã gửi', 'Report submitted'],
  submission_approved: ['Báo cáo đã duyệt', 'Report approved'],
  submission_reopened: ['Báo cáo mở lại', 'Report reopened'],
};
export const NOTE_REASONS: L = {
  target: ['Không đạt kế hoạch', 'Misses its target'],
};

const TEXT = {
  cancel: ['Hủy', 'Cancel'],
  formsTitle: ['Biểu mẫu báo cáo kỳ này', 'Report forms for this period'],
  noForms: [
    'Không có biểu mẫu nào cho {unit} theo kỳ {period}. Biểu mẫu áp dụng theo loại đơn vị và loại kỳ (tháng, 6 tháng, năm…).',
    'No form applies to {unit} for {period}. Forms apply by kind of unit and kind of period (month, half-year, year…).',
  ],
  formsOfUnit: ['Biểu mẫu của đơn vị: {forms}', 'Forms of this unit: {forms}'],
  state: ['Trạng thái', 'State'],
  due: ['Hạn gửi', 'Due'],
  graceUntil: ['nhận muộn đến {date}', 'late until {date}'],
  refusedAfterGrace: ['sau đó không nhận', 'refused after that'],
  indicatorsOfForm: ['{n} chỉ tiêu', '{n} indicators'],
  approvalsGiven: ['Đã duyệt {n}/{total} cấp', '{n}/{total} approval levels given'],
  submittedAtBy: ['Gửi lúc {at} bởi {who}', 'Submitted {at} by {who}'],
  reopenedBecause: ['Lý do mở lại: {reason}', 'Reopened because: {reason}'],
  lockedNote: [
    'Báo cáo đã gửi hoặc đã duyệt: các ô của biểu mẫu này bị khóa. Muốn sửa, người duyệt phải mở lại báo cáo.',
    'The report is submitted or approved: its cells are locked. To change them an approver must reopen it.',
  ],
  lockedCell: [
    'Đã khóa: thuộc biểu mẫu {form}, báo cáo {state}. Người duyệt mở lại báo cáo thì mới sửa được.',
    'Locked: part of form {form}, report {state}. It can be changed once an approver reopens the report.',
  ],
  lockedSave: [
    'Không lưu được vì báo cáo đã gửi hoặc đã duyệt (ô đã khóa). Người duyệt cần mở lại báo cáo trước.',
    'Not saved: the report is submitted or approved, so the cell is locked. An approver must reopen the report first.',
  ],
  journal: ['Nhật ký báo cáo', 'Report journal'],
  journalEmpty: ['Chưa có bước nào', 'No steps yet'],
  journalShow: ['Xem nhật ký ({n})', 'Show the journal ({n})'],
  confirmSubmit: ['Gửi báo cáo {form} của {unit}, {period}?', 'Submit {form} of {unit}, {period}?'],
  confirmSubmitBody: [
    'Sau khi gửi, các số liệu của biểu mẫu bị khóa cho đến khi người duyệt mở lại.',
    'Once submitted, the form’s figures are locked until an approver reopens the report.',
  ],
  confirmRecall: ['Rút lại báo cáo {form}?', 'Recall report {form}?'],
  confirmRecallBody: ['Báo cáo trở về trạng thái nháp, có thể sửa số liệu.', 'The report goes back to draft and can be edited.'],
  confirmApprove: ['Duyệt báo cáo {form} của {unit}, {period}?', 'Approve {form} of {unit}, {period}?'],
  confirmApproveBody: ['Số liệu được khóa sau khi duyệt.', 'The figures stay locked once approved.'],
  confirmUnapprove: ['Hủy duyệt báo cáo {form}?', 'Withdraw the approval of {form}?'],
  confirmUnapproveBody: ['Báo cáo trở về chờ duyệt ở cấp này.', 'The report goes back to waiting for this level.'],
  reopenTitle: ['Mở lại báo cáo {form}', 'Reopen report {form}'],
  reportOf: ['{unit} — {period}', '{unit} — {period}'],
  reopenReason: ['Lý do mở lại', 'Reason for reopening'],
  reopenReasonHelp: ['Đơn vị báo cáo sẽ thấy lý do này.', 'The reporting unit will see this reason.'],
  reopenReasonRequired: ['Nhập lý do mở lại báo cáo', 'Enter why the report is reopened'],
  stepDone: ['{step}: {form} — {state}', '{step}: {form} — {state}'],
  notesTitle: ['Chưa gửi được: cần giải trình', 'Not submitted: explanations needed'],
  notesBody: [
    'Các chỉ tiêu dưới đây vi phạm quy tắc kiểm tra hoặc không đạt kế hoạch. Nhập ghi chú giải trình cho từng chỉ tiêu, lưu, rồi gửi lại.',
    'The indicators below break a validation rule or miss their target. Add an explanatory note to each, save, then submit again.',
  ],
  notesAdd: ['Ghi chú giải trình', 'Explanatory note'],
  notesSaveAndSubmit: ['Lưu ghi chú và gửi lại', 'Save notes and submit again'],
  notesMissing: ['Nhập ghi chú cho mọi chỉ tiêu', 'Enter a note for every indicator'],
  rule: ['Quy tắc {rule}', 'Rule {rule}'],
  ruleNamed: ['Quy tắc {rule}: {name}', 'Rule {rule}: {name}'],
  violationsExplained: ['Đã gửi kèm giải trình cho {n} vi phạm quy tắc', 'Submitted with explanations for {n} rule violation(s)'],
  warnings: ['Lưu được nhưng cần xem lại', 'Saved, but check'],
  warningLine: ['Đã lưu nhưng vi phạm quy tắc {rule} — cần ghi chú giải trình khi gửi báo cáo', 'Saved, but breaks rule {rule} — explain it in the comment before submitting'],
  unsavedFirst: ['Lưu các số liệu chưa lưu trước khi gửi báo cáo', 'Save the unsaved figures before submitting'],
  stepRefused: ['Không thực hiện được', 'Not done'],
  // Dashboard: completeness
  completenessTitle: ['Tình hình gửi báo cáo', 'Reports received'],
  completenessNone: [
    'Không có biểu mẫu nào báo cáo theo kỳ {period} cho các đơn vị trực thuộc. Chọn kỳ tháng, 6 tháng hoặc năm.',
    'No form is reported for {period} by the sub-units. Choose a month, half-year or year.',
  ],
  completenessCounts: ['{sent}/{expected} đơn vị đã gửi ({percent})', '{sent}/{expected} units sent ({percent})'],
  toChase: ['Cần đôn đốc', 'To chase'],
  toChaseNone: ['Không có đơn vị nào cần đôn đốc', 'No unit to chase'],
  byChild: ['Theo đơn vị trực thuộc', 'By sub-unit'],
  unit: ['Đơn vị', 'Unit'],
  dueOn: ['Hạn {date}', 'Due {date}'],
  dueOnGrace: ['Hạn {date}, nhận muộn đến {grace}', 'Due {date}, late until {grace}'],
  sentAt: ['Gửi lúc', 'Sent at'],
  // Dashboard: task timeliness
  taskStatusTitle: ['Tiến độ thực hiện nhiệm vụ', 'Task timeliness'],
  taskStatusNone: ['Không có nhiệm vụ nào thuộc kỳ này', 'No task belongs to this period'],
  completedOnTime: ['Hoàn thành đúng hạn', 'Completed on time'],
  completedLate: ['Hoàn thành trễ hạn', 'Completed late'],
  inProgress: ['Đang thực hiện, chưa đến hạn', 'In progress, not yet due'],
  overdue: ['Quá hạn', 'Overdue'],
  tasksTotal: ['{n} nhiệm vụ', '{n} tasks'],
  openList: ['Mở danh sách nhiệm vụ: {what}', 'Open the task list: {what}'],
  // Notifications
  bell: ['Thông báo', 'Notifications'],
  bellUnread: ['Thông báo, {n} chưa đọc', 'Notifications, {n} unread'],
  bellEmpty: ['Không có thông báo', 'No notifications'],
  bellOnlyUnread: ['Chỉ chưa đọc', 'Unread only'],
  markRead: ['Đánh dấu đã đọc', 'Mark as read'],
  markAllRead: ['Đánh dấu tất cả đã đọc', 'Mark all as read'],
  bellError: ['Không tải được thông báo', 'Could not load notifications'],
} satisfies L;

export type CycleKey = keyof typeof TEXT;

export function ct(lang: Lang, key: CycleKey, vars: Record<string, string | number> = {}): string {
  const t = TEXT[key][lang === 'vi' ? 0 : 1];
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** `t('key', {n: 1})` in the user's language. */
export function useCycleText() {
  const { lang } = useSession();
  return useCallback((key: CycleKey, vars?: Record<string, string | number>) => ct(lang, key, vars), [lang]);
}
