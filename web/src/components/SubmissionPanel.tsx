// The reports (forms) a unit owes for a period on the data-entry screen:
// state, the steps the user may take (submit, recall, approve, unapprove,
// reopen with a reason), notes the server asks for before a submit, and the
// journal of steps (docs/reporting-cycles.md).
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, LockOutlined, RollbackOutlined, SendOutlined, UnlockOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ButtonProps } from 'antd';
import { ApiError, get, getAll, request } from '../api/client';
import type { Completeness, NoteRequired, ReportForm, Submission, SubmissionStep, SubmissionStepName, Value } from '../api/types';
import { NOTE_REASONS, STEPS, STEPS_DONE, SUBMISSION_STATES, SUBMISSION_STATE_COLOR, useCycleText } from '../i18n/cycles';
import { label } from '../i18n/labels';
import { formsFor, isLocked, stepsFor } from '../lib/cycles';
import { formatDate, formatDateTime, formatNumber } from '../lib/numbers';
import { periodLabel } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { InlineError } from './common';

export interface FormReport {
  form: ReportForm;
  submission: Submission;
  steps: SubmissionStep[];
  due?: Pick<Completeness, 'dueDate' | 'graceEnd'>;
}

const path = (f: string, u: string, p: string) => `submissions/${encodeURIComponent(f)}/${encodeURIComponent(u)}/${encodeURIComponent(p)}`;

/** The forms that apply to the unit and period with their states, journals and due dates. */
export function useReports(unit: string, period: string) {
  const { catalog } = useSession();
  return useLoad<FormReport[]>(async () => {
    const forms = formsFor(await getAll<ReportForm>('forms'), catalog?.unitByCode.get(unit), period);
    if (forms.length === 0) return [];
    const subs = await getAll<Submission>('submissions', { unit, period });
    return Promise.all(
      forms.map(async (form) => {
        const stored = subs.find((s) => s.form === form.code && s.unit === unit && s.period === period);
        const submission: Submission = stored ?? { form: form.code, unit, period, state: 'draft', approvals: 0 };
        const [steps, due] = await Promise.all([
          getAll<SubmissionStep>(`${path(form.code, unit, period)}/steps`).catch(() => []),
          get<Completeness>('completeness', { form: form.code, period, unit }).catch(() => undefined),
        ]);
        return { form, submission, steps, due };
      }),
    );
  }, [unit, period, catalog]);
}

/** Validation rules by code, for their names ("QT-DON-THU: …"). */
export function useRuleNames() {
  const rules = useLoad(() => getAll<{ code: string; name?: string }>('validation-rules').catch(() => []), []);
  return useMemo(() => new Map((rules.data ?? []).map((r) => [r.code, r.name ?? r.code])), [rules.data]);
}

/** Indicator → the form that locks it and the report's state. */
export function lockedIndicators(reports: FormReport[] | undefined): Map<string, { form: ReportForm; state: string }> {
  const out = new Map<string, { form: ReportForm; state: string }>();
  for (const r of reports ?? []) {
    if (!isLocked(r.submission.state)) continue;
    for (const ind of r.form.indicators) out.set(ind, { form: r.form, state: r.submission.state });
  }
  return out;
}

const ICONS: Record<SubmissionStepName, ReactNode> = {
  submit: <SendOutlined />,
  recall: <RollbackOutlined />,
  approve: <CheckOutlined />,
  unapprove: <UndoOutlined />,
  reopen: <UnlockOutlined />,
};

export function SubmissionPanel({
  unit,
  period,
  reports,
  values,
  unsaved,
  onChanged,
}: {
  unit: string;
  period: string;
  reports: FormReport[];
  /** The unit's values for the period (for notes the server asks for). */
  values: Value[];
  /** Figures typed but not saved: a submit waits for them. */
  unsaved: number;
  /** A step was taken or notes saved: reload states and values. */
  onChanged: () => void;
}) {
  const { user, lang, catalog, unitName } = useSession();
  const t = useCycleText();
  const { modal, message } = App.useApp();
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [reopening, setReopening] = useState<FormReport | null>(null);
  const [notes, setNotes] = useState<{ report: FormReport; list: NoteRequired[] } | null>(null);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const byCode = catalog!.unitByCode;
  const names = { unit: unitName(unit), period: periodLabel(period, lang) };

  const take = async (r: FormReport, step: SubmissionStepName, reason?: string): Promise<boolean> => {
    setBusy(`${r.form.code}/${step}`);
    setErrors(({ [r.form.code]: _, ...rest }) => rest);
    try {
      const { data } = await request<Submission>(`${path(r.form.code, unit, period)}/${step}`, {
        method: 'POST',
        body: reason !== undefined ? { reason } : {},
      });
      message.success(t('stepDone', { step: label(STEPS_DONE, step, lang), form: r.form.code, state: label(SUBMISSION_STATES, data.state, lang) }));
      if (data.violations?.length) message.info(t('violationsExplained', { n: data.violations.length }));
      onChanged();
      return true;
    } catch (e) {
      const list = e instanceof ApiError ? (e.body?.notesRequired as NoteRequired[] | undefined) : undefined;
      if (e instanceof ApiError && e.code === 'submission.notes_required' && list?.length) setNotes({ report: r, list });
      else setErrors((s) => ({ ...s, [r.form.code]: e }));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const confirmStep = (r: FormReport, step: SubmissionStepName) => {
    if (step === 'reopen') {
      reopenForm.resetFields();
      setReopening(r);
      return;
    }
    if (step === 'submit' && unsaved > 0) {
      setErrors((s) => ({ ...s, [r.form.code]: new Error(t('unsavedFirst')) }));
      return;
    }
    const vars = { form: r.form.code, ...names };
    const text = {
      submit: [t('confirmSubmit', vars), t('confirmSubmitBody')],
      recall: [t('confirmRecall', vars), t('confirmRecallBody')],
      approve: [t('confirmApprove', vars), t('confirmApproveBody')],
      unapprove: [t('confirmUnapprove', vars), t('confirmUnapproveBody')],
      reopen: ['', ''],
    }[step];
    modal.confirm({
      title: text[0],
      content: text[1],
      okText: label(STEPS, step, lang),
      cancelText: t('cancel'),
      okButtonProps: { 'data-testid': 'confirm-step' } as ButtonProps,
      onOk: () => take(r, step),
    });
  };

  const stateTag = (s: Submission) => (
    <Tag color={SUBMISSION_STATE_COLOR[s.state]} icon={isLocked(s.state) ? <LockOutlined /> : undefined} data-testid={`state-${s.form}`}>
      {label(SUBMISSION_STATES, s.state, lang)}
    </Tag>
  );

  return (
    <Card size="small" title={t('formsTitle')} className="submission-panel" data-testid="submission-panel">
      {reports.length === 0 ? (
        <Typography.Text type="secondary">{t('noForms', names)}</Typography.Text>
      ) : (
        <Space direction="vertical" className="full-width" size="middle">
          {reports.map((r) => {
            const s = r.submission;
            const levels = r.form.approvalLevels ?? [];
            const steps = stepsFor(user, r.form, s, unit, byCode);
            return (
              <div key={r.form.code} className="submission-form" data-testid={`form-${r.form.code}`}>
                <div className="submission-head">
                  <div className="submission-title">
                    <Typography.Text strong className="wrap-text">
                      {r.form.name}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      ({r.form.code} · {t('indicatorsOfForm', { n: r.form.indicators.length })})
                    </Typography.Text>
                  </div>
                  <Space wrap>
                    {steps.map((step) => (
                      <Button
                        key={step}
                        icon={ICONS[step]}
                        type={step === 'submit' || step === 'approve' ? 'primary' : 'default'}
                        danger={step === 'reopen'}
                        loading={busy === `${r.form.code}/${step}`}
                        onClick={() => confirmStep(r, step)}
                        data-testid={`step-${step}`}
                      >
                        {label(STEPS, step, lang)}
                      </Button>
                    ))}
                  </Space>
                </div>
                <div className="submission-meta">
                  {stateTag(s)}
                  {r.due?.dueDate && (
                    <Typography.Text type="secondary">
                      {t('due')}: {formatDate(r.due.dueDate, lang)}
                      {r.due.graceEnd && r.due.graceEnd !== r.due.dueDate ? ` (${t('graceUntil', { date: formatDate(r.due.graceEnd, lang) })}${r.form.afterGrace === 'refuse' ? `, ${t('refusedAfterGrace')}` : ''})` : ''}
                    </Typography.Text>
                  )}
                  {levels.length > 0 && s.state !== 'draft' && (
                    <Typography.Text type="secondary">{t('approvalsGiven', { n: s.approvals, total: levels.length })}</Typography.Text>
                  )}
                  {s.submittedAt && <Typography.Text type="secondary">{t('submittedAtBy', { at: formatDateTime(s.submittedAt, lang), who: s.submittedBy ?? '' })}</Typography.Text>}
                </div>
                {s.state === 'reopened' && s.reopenReason && (
                  <Alert type="warning" showIcon className="submission-alert" message={t('reopenedBecause', { reason: s.reopenReason })} data-testid="reopen-reason" />
                )}
                {isLocked(s.state) && <Alert type="info" showIcon icon={<LockOutlined />} className="submission-alert" message={t('lockedNote')} />}
                {errors[r.form.code] != null && (
                  <div data-testid="step-error">
                    <InlineError error={errors[r.form.code]} className="submission-alert" />
                  </div>
                )}
                <Journal steps={r.steps} />
              </div>
            );
          })}
        </Space>
      )}
      <Modal
        open={!!reopening}
        title={reopening ? t('reopenTitle', { form: reopening.form.code }) : ''}
        okText={label(STEPS, 'reopen', lang)}
        cancelText={t('cancel')}
        okButtonProps={{ danger: true, loading: !!busy, 'data-testid': 'reopen-ok' } as ButtonProps}
        onCancel={() => setReopening(null)}
        onOk={async () => {
          let reason: string;
          try {
            reason = (await reopenForm.validateFields()).reason;
          } catch {
            return; // the form says what is missing
          }
          if (reopening) await take(reopening, 'reopen', reason.trim());
          setReopening(null);
        }}
        destroyOnClose
      >
        <Typography.Paragraph type="secondary">{t('reportOf', names)}</Typography.Paragraph>
        <Form form={reopenForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('reopenReason')}
            extra={t('reopenReasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('reopenReasonRequired') }]}
          >
            <Input.TextArea rows={3} data-testid="reopen-reason-input" />
          </Form.Item>
        </Form>
      </Modal>
      {notes && (
        <NotesModal
          report={notes.report}
          list={notes.list}
          values={values}
          onClose={() => setNotes(null)}
          onSaved={async () => {
            onChanged();
            const ok = await take(notes.report, 'submit');
            if (ok) setNotes(null);
          }}
        />
      )}
    </Card>
  );
}

function Journal({ steps }: { steps: SubmissionStep[] }) {
  const { lang } = useSession();
  const t = useCycleText();
  if (steps.length === 0) return <Typography.Text type="secondary" className="journal-empty">{t('journal')}: {t('journalEmpty')}</Typography.Text>;
  return (
    <details className="submission-journal" open={steps.length <= 4} data-testid="journal">
      <summary>{t('journalShow', { n: steps.length })}</summary>
      <Timeline
        className="journal-timeline"
        items={[...steps].reverse().map((s) => ({
          color: s.step === 'reopen' || s.step === 'unapprove' ? 'orange' : s.step === 'approve' ? 'green' : 'blue',
          children: (
            <div className="journal-item">
              <Typography.Text strong>{label(STEPS_DONE, s.step, lang)}</Typography.Text>{' '}
              <Tag color={SUBMISSION_STATE_COLOR[s.state]}>{label(SUBMISSION_STATES, s.state, lang)}</Tag>
              <Typography.Text type="secondary" className="timeline-meta">
                {formatDateTime(s.at, lang)} · {s.actor}
              </Typography.Text>
              {s.reason && <div className="timeline-note">{s.reason}</div>}
            </div>
          ),
        }))}
      />
    </details>
  );
}

/** The server refused a submit: these cells need an explanatory note (the value's comment). */
function NotesModal({
  report,
  list,
  values,
  onClose,
  onSaved,
}: {
  report: FormReport;
  list: NoteRequired[];
  values: Value[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { lang, catalog } = useSession();
  const t = useCycleText();
  const { unit, period } = report.submission;
  // The values as stored now (the grid's copy may predate its last save).
  const stored = useLoad(() => getAll<Value>('values', { unit, period }), [unit, period]);
  const pick = (vals: Value[], ind: string) => {
    const own = vals.filter((v) => v.indicator === ind && v.unit === unit && v.period === period);
    return own.find((v) => v.kind === 'official') ?? own.find((v) => v.kind === 'estimate');
  };
  const current = (ind: string) => pick(stored.data ?? values, ind);
  const indicators = [...new Set(list.map((n) => n.indicator))];
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i, current(i)?.comment ?? ''])));
  useEffect(() => {
    if (stored.data) setText((old) => Object.fromEntries(indicators.map((i) => [i, old[i] || pick(stored.data!, i)?.comment || ''])));
  }, [stored.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const missing = indicators.some((i) => !text[i]?.trim());
  const ruleNames = useRuleNames();
  const reason = (r: string) =>
    r === 'target' ? label(NOTE_REASONS, r, lang) : ruleNames.get(r) ? t('ruleNamed', { rule: r, name: ruleNames.get(r)! }) : t('rule', { rule: r });

  const save = async () => {
    if (missing) {
      setError(new Error(t('notesMissing')));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const fresh = await getAll<Value>('values', { unit, period });
      for (const ind of indicators) {
        const v = pick(fresh, ind);
        if (!v) continue;
        await request<Value>(`values/${encodeURIComponent(ind)}/${encodeURIComponent(unit)}/${encodeURIComponent(period)}`, {
          method: 'PUT',
          query: { kind: v.kind },
          body: { value: v.value, comment: text[ind].trim() },
          ifMatch: v.etag ?? null,
        });
      }
      await onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('notesTitle')}
      onCancel={onClose}
      width={720}
      footer={
        <div className="record-footer">
          {error != null && <InlineError error={error} />}
          <div className="record-footer-buttons">
            <Space>
              <Button onClick={onClose}>{t('cancel')}</Button>
              <Button type="primary" loading={saving} onClick={save} data-testid="notes-save">
                {t('notesSaveAndSubmit')}
              </Button>
            </Space>
          </div>
        </div>
      }
    >
      <Typography.Paragraph>{t('notesBody')}</Typography.Paragraph>
      <div className="notes-list" data-testid="notes-required">
        {indicators.map((ind) => {
          const i = catalog?.indicatorByCode.get(ind);
          const v = current(ind);
          return (
            <div key={ind} className="notes-row">
              <label htmlFor={`note-${ind}`} className="wrap-text">
                <Typography.Text strong>{i?.name ?? ind}</Typography.Text>
                {v && <Typography.Text type="secondary"> — {formatNumber(v.value, { decimals: Math.max(i?.decimals ?? 1, 0), lang })}</Typography.Text>}
              </label>
              <div className="notes-reasons">
                {list
                  .filter((n) => n.indicator === ind)
                  .map((n) => (
                    <Tag key={n.reason} color="orange">
                      {reason(n.reason)}
                    </Tag>
                  ))}
              </div>
              <Input.TextArea
                id={`note-${ind}`}
                rows={2}
                aria-label={`${t('notesAdd')}: ${i?.name ?? ind}`}
                placeholder={t('notesAdd')}
                value={text[ind]}
                data-testid={`note-${ind}`}
                onChange={(e) => setText((s) => ({ ...s, [ind]: e.target.value }))}
              />
            </div>
          );
        })}
      </div>
    </Modal>
  );
}
