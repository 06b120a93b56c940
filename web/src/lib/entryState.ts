// The state of the data-entry grid, kept apart from React so it can be
// tested: what the server had, what the person typed, what is invalid.
import { formatForInput, parseViNumber } from './numbers';

export type ValueKind = 'estimate' | 'official';

export interface CellRule {
  valueType: 'number' | 'percent' | 'count' | 'money' | 'yes_no' | string;
  min?: number | null;
  max?: number | null;
  computed?: boolean;
}

export interface EntryRow {
  indicator: string;
  rule: CellRule;
  /** What the server holds for this kind (null: nothing yet). */
  saved: number | null;
  savedComment: string;
  savedKind: ValueKind;
  etag: string | null;
  /** What is in the inputs now. */
  text: string;
  comment: string;
  kind: ValueKind;
  error: ValidationError | null;
}

export type EntryState = Record<string, EntryRow>;

export type ValidationError =
  | 'format'
  | 'whole'
  | 'negative'
  | 'yes_no'
  | 'below_min'
  | 'above_max'
  | 'computed';

export function validateCell(text: string, rule: CellRule): { value: number | null; error: ValidationError | null } {
  const parsed = parseViNumber(text);
  if (!parsed.ok) return { value: null, error: 'format' };
  const v = parsed.value;
  if (v === null) return { value: null, error: null };
  if (rule.computed) return { value: v, error: 'computed' };
  if (rule.valueType === 'yes_no' && v !== 0 && v !== 1) return { value: v, error: 'yes_no' };
  if (rule.valueType === 'count') {
    if (!Number.isInteger(v)) return { value: v, error: 'whole' };
    if (v < 0) return { value: v, error: 'negative' };
  }
  const min = rule.min ?? (rule.valueType === 'percent' ? 0 : null);
  const max = rule.max ?? (rule.valueType === 'percent' ? 100 : null);
  if (min !== null && v < min) return { value: v, error: 'below_min' };
  if (max !== null && v > max) return { value: v, error: 'above_max' };
  return { value: v, error: null };
}

export function makeRow(
  indicator: string,
  rule: CellRule,
  saved: { value: number | null; comment?: string; kind?: ValueKind; etag?: string | null } | null,
  lang: 'vi' | 'en' = 'vi',
): EntryRow {
  const value = saved?.value ?? null;
  const kind = saved?.kind ?? 'official';
  return {
    indicator,
    rule,
    saved: value,
    savedComment: saved?.comment ?? '',
    savedKind: kind,
    etag: saved?.etag ?? null,
    text: formatForInput(value, lang),
    comment: saved?.comment ?? '',
    kind,
    error: null,
  };
}

export function editText(state: EntryState, indicator: string, text: string): EntryState {
  const row = state[indicator];
  if (!row) return state;
  const { error } = validateCell(text, row.rule);
  return { ...state, [indicator]: { ...row, text, error } };
}

export function editComment(state: EntryState, indicator: string, comment: string): EntryState {
  const row = state[indicator];
  if (!row) return state;
  return { ...state, [indicator]: { ...row, comment } };
}

export function editKind(state: EntryState, indicator: string, kind: ValueKind): EntryState {
  const row = state[indicator];
  if (!row) return state;
  return { ...state, [indicator]: { ...row, kind } };
}

export function isDirty(row: EntryRow): boolean {
  const parsed = parseViNumber(row.text);
  const value = parsed.ok ? parsed.value : NaN;
  return (
    value !== row.saved ||
    row.comment.trim() !== row.savedComment.trim() ||
    (row.kind !== row.savedKind && (value !== null || row.saved !== null))
  );
}

export function dirtyRows(state: EntryState): EntryRow[] {
  return Object.values(state).filter(isDirty);
}

export function hasErrors(state: EntryState): boolean {
  return dirtyRows(state).some((r) => r.error !== null);
}

/** After a successful save of one row: what was typed is now what the server holds. */
export function markSaved(
  state: EntryState,
  indicator: string,
  saved: { value: number | null; comment: string; kind: ValueKind; etag: string | null },
  lang: 'vi' | 'en' = 'vi',
): EntryState {
  const row = state[indicator];
  if (!row) return state;
  return {
    ...state,
    [indicator]: {
      ...row,
      saved: saved.value,
      savedComment: saved.comment,
      savedKind: saved.kind,
      etag: saved.etag,
      text: formatForInput(saved.value, lang),
      comment: saved.comment,
      kind: saved.kind,
      error: null,
    },
  };
}

/** The number a row would save (null: empty). Only call on rows without errors. */
export function parseCellValue(row: EntryRow): number | null {
  return validateCell(row.text, row.rule).value;
}
