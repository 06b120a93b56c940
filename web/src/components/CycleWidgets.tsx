// Dashboard widgets of the reporting cycles: who has sent the reports of the
// period (from `completeness`) and how the tasks stand against their
// deadlines (from `task-status`). Every figure comes from the server.
import { Button, Card, Col, Empty, List, Row, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, getAll } from '../api/client';
import type { Completeness, CompletenessStatus, ReportForm, TaskStatusAnswer, TaskTimelinessCounts } from '../api/types';
import { COMPLETENESS_COLOR, COMPLETENESS_STATUS, SUBMISSION_STATES, SUBMISSION_STATE_COLOR, useCycleText, type CycleKey } from '../i18n/cycles';
import { label } from '../i18n/labels';
import { formatDate, formatNumber } from '../lib/numbers';
import { periodLabel, periodType } from '../lib/periods';
import { within } from '../lib/units';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { PageState } from './common';

const BAR_COLORS: Record<string, string> = { on_time: '#52c41a', late: '#fa8c16', missing: '#f5222d', not_due: '#d9d9d9' };
const STATUS_ORDER: CompletenessStatus[] = ['on_time', 'late', 'missing', 'not_due'];
const COUNT_KEY: Record<CompletenessStatus, 'onTime' | 'late' | 'missing' | 'notDue'> = { on_time: 'onTime', late: 'late', missing: 'missing', not_due: 'notDue' };

const entryLink = (unit: string, period: string) => `/entry?unit=${encodeURIComponent(unit)}&period=${encodeURIComponent(period)}`;

/** Reports received: per form of the period's type that units at or below `unit` report. */
export function CompletenessCard({ unit, period }: { unit: string; period: string }) {
  const { lang, catalog } = useSession();
  const t = useCycleText();
  const data = useLoad(async () => {
    const byCode = catalog!.unitByCode;
    const types = new Set(catalog!.units.filter((u) => within(unit, u.code, byCode)).map((u) => u.type));
    const forms = (await getAll<ReportForm>('forms')).filter((f) => f.periodType === periodType(period) && f.unitTypes.some((ty) => types.has(ty)));
    return Promise.all(forms.map(async (form) => ({ form, c: await get<Completeness>('completeness', { form: form.code, period, unit }) })));
  }, [unit, period, catalog]);
  return (
    <Card title={`${t('completenessTitle')} — ${periodLabel(period, lang)}`} data-testid="completeness-card">
      <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
        {data.data && data.data.length === 0 && <Empty description={t('completenessNone', { period: periodLabel(period, lang) })} />}
        {data.data?.map(({ form, c }) => <FormCompleteness key={form.code} form={form} c={c} period={period} />)}
      </PageState>
    </Card>
  );
}

function FormCompleteness({ form, c, period }: { form: ReportForm; c: Completeness; period: string }) {
  const { lang, unitName } = useSession();
  const t = useCycleText();
  // Which units the list shows: those to chase, or those of the status whose figure was clicked.
  const [showing, setShowing] = useState<CompletenessStatus | null>(null);
  const tot = c.totals;
  const pct = (n: number) => (tot.expected ? `${formatNumber((100 * n) / tot.expected, { decimals: 0, lang })}%` : '—');
  const listed = showing ? c.units.filter((u) => u.status === showing).map((u) => u.unit) : c.toChase;
  const info = new Map(c.units.map((u) => [u.unit, u]));
  return (
    <div className="cycle-form" data-testid={`completeness-${form.code}`}>
      <Typography.Text strong className="wrap-text">
        {form.name}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">({form.code})</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {c.dueDate && (c.graceEnd && c.graceEnd !== c.dueDate ? t('dueOnGrace', { date: formatDate(c.dueDate, lang), grace: formatDate(c.graceEnd, lang) }) : t('dueOn', { date: formatDate(c.dueDate, lang) }))}
          {' · '}
          <span data-testid="completeness-sent">{t('completenessCounts', { sent: tot.sent, expected: tot.expected, percent: pct(tot.sent) })}</span>
        </Typography.Text>
      </div>
      <div className="cycle-bar" role="img" aria-label={STATUS_ORDER.map((s) => `${label(COMPLETENESS_STATUS, s, lang)}: ${tot[COUNT_KEY[s]]}`).join('; ')}>
        {STATUS_ORDER.map((s) => (tot[COUNT_KEY[s]] ? <span key={s} style={{ width: `${(100 * tot[COUNT_KEY[s]]) / tot.expected}%`, background: BAR_COLORS[s] }} /> : null))}
      </div>
      <div className="cycle-counts">
        {STATUS_ORDER.filter((s) => s !== 'not_due' || tot.notDue > 0).map((s) => (
          <Button
            key={s}
            size="small"
            type={showing === s ? 'primary' : 'default'}
            aria-pressed={showing === s}
            onClick={() => setShowing(showing === s ? null : s)}
            data-testid={`count-${s}`}
          >
            <span className="cycle-dot" style={{ background: BAR_COLORS[s] }} />
            {`${label(COMPLETENESS_STATUS, s, lang)}: ${tot[COUNT_KEY[s]]} (${pct(tot[COUNT_KEY[s]])})`}
          </Button>
        ))}
      </div>
      <Typography.Text strong className="chase-list-title">
        {showing ? label(COMPLETENESS_STATUS, showing, lang) : t('toChase')}
      </Typography.Text>
      {listed.length === 0 ? (
        <Typography.Text type="secondary" className="hint">
          {showing ? '—' : t('toChaseNone')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          className="chase-list"
          data-testid={showing ? `units-${showing}` : 'to-chase'}
          dataSource={listed}
          pagination={listed.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
          renderItem={(u) => {
            const i = info.get(u);
            return (
              <List.Item>
                <Link to={entryLink(u, period)} className="wrap-text">
                  {unitName(u)}
                </Link>
                <span className="nowrap">
                  {i?.state && i.state !== 'draft' && <Tag color={SUBMISSION_STATE_COLOR[i.state]}>{label(SUBMISSION_STATES, i.state, lang)}</Tag>}
                  {i && <Tag color={COMPLETENESS_COLOR[i.status]}>{label(COMPLETENESS_STATUS, i.status, lang)}</Tag>}
                </span>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}

const TASK_FIGURES: { key: keyof Omit<TaskTimelinessCounts, 'total' | 'percent' | 'unit'>; text: CycleKey; color: string; query: string }[] = [
  { key: 'completedOnTime', text: 'completedOnTime', color: '#389e0d', query: 'status=completed' },
  { key: 'completedLate', text: 'completedLate', color: '#d48806', query: 'status=completed' },
  { key: 'inProgress', text: 'inProgress', color: '#1f5fa8', query: 'status=in_progress' },
  { key: 'overdue', text: 'overdue', color: '#cf1322', query: 'overdue=true' },
];

/** Tasks of the unit and below belonging to the period: the four counts with percentages; each opens the task list filtered. */
export function TaskStatusCard({ unit, period }: { unit: string; period: string }) {
  const { lang } = useSession();
  const t = useCycleText();
  const data = useLoad((signal) => get<TaskStatusAnswer>('task-status', { unit, period }, signal), [unit, period]);
  const tot = data.data?.totals;
  return (
    <Card title={`${t('taskStatusTitle')} — ${periodLabel(period, lang)}`} data-testid="task-status-card">
      <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
        {tot && tot.total === 0 && <Empty description={t('taskStatusNone')} />}
        {tot && tot.total > 0 && (
          <>
            <Typography.Text type="secondary">{t('tasksTotal', { n: tot.total })}</Typography.Text>
            <div className="cycle-bar" role="img" aria-label={TASK_FIGURES.map((f) => `${t(f.text)}: ${tot[f.key]}`).join('; ')}>
              {TASK_FIGURES.map((f) => (tot[f.key] ? <span key={f.key} style={{ width: `${(100 * tot[f.key]) / tot.total}%`, background: f.color }} /> : null))}
            </div>
            <Row gutter={[8, 8]} className="task-tiles">
              {TASK_FIGURES.map((f) => {
                const pct = tot.percent?.[f.key] ?? (100 * tot[f.key]) / tot.total;
                return (
                  <Col key={f.key} xs={12} xxl={6}>
                    <Tooltip title={t('openList', { what: t(f.text).toLowerCase() })}>
                      <Link to={`/tasks?${f.query}&responsible=${encodeURIComponent(unit)}`} className="task-tile" data-testid={`task-${f.key}`} style={{ borderLeft: `4px solid ${f.color}` }}>
                        <span className="task-tile-n" style={{ color: f.color }}>
                          {tot[f.key]} <small>({formatNumber(pct, { decimals: 1, lang })}%)</small>
                        </span>
                        <span className="task-tile-label">{t(f.text)}</span>
                      </Link>
                    </Tooltip>
                  </Col>
                );
              })}
            </Row>
          </>
        )}
      </PageState>
    </Card>
  );
}
