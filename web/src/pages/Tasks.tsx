import { App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Progress, Row, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { AttachmentsCard } from '../components/Attachments';
import { RecordFormModal } from '../components/RecordForm';
import { TaskProgressCard } from '../components/TaskProgress';
import { canApprove, canEnter } from '../lib/access';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, get, getAll } from '../api/client';
import type { Document, Indicator, RatingScale, Task, TaskRating } from '../api/types';
import { PageState, UnitSelect } from '../components/common';
import { TASK_STATUS, TASK_STATUS_COLOR, label } from '../i18n/labels';
import { formatDate } from '../lib/numbers';
import { periodLabel } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

const today = () => new Date().toISOString().slice(0, 10);
export const isOverdue = (t: Task) => !!t.deadline && t.deadline < today() && t.status !== 'completed' && t.status !== 'cancelled';

export function TasksPage() {
  const { tr, lang, catalog, unitName } = useSession();
  const { search } = useScope();
  const [view, setView] = useState<'list' | 'board'>('list');
  // The dashboard's task figures open the list filtered: ?status=, ?overdue=true, ?responsible=.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>(() => params.get('status') ?? undefined);
  const [unit, setUnit] = useState<string | undefined>(() => params.get('responsible') ?? undefined);
  const [field, setField] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(() => params.get('overdue') === 'true');
  const [q, setQ] = useState('');
  // The server filters (docs/api.md): status, responsible unit and below, field, overdue on its date, words.
  const tasks = useLoad(
    () => getAll<Task>('tasks', { status, unit, field, overdue: overdue ? 'true' : undefined, q: q.trim() || undefined }),
    [status, unit, field, overdue, q],
  );
  const filtered = tasks.data ?? [];
  const fieldName = (c?: string) => catalog?.fields.find((f) => f.code === c)?.name ?? '';
  const taskLink = (t: Task) => (
    <Link to={`${recordPath('tasks', t.code)}${search}`} className="wrap-text">
      {t.code}. {t.name}
    </Link>
  );
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Nhiệm vụ', 'Tasks')}</h1>
        <Segmented
          aria-label={tr('Cách xem', 'View')}
          value={view}
          onChange={(v) => setView(v as 'list' | 'board')}
          options={[
            { value: 'list', label: tr('Danh sách', 'List') },
            { value: 'board', label: tr('Bảng theo trạng thái', 'Board') },
          ]}
        />
      </div>
      <Card size="small">
        <div className="filters">
          <Input.Search
            aria-label={tr('Tìm nhiệm vụ', 'Search tasks')}
            placeholder={tr('Tìm theo tên, mã (Enter)', 'Search by name or code (Enter)')}
            allowClear
            onSearch={setQ}
            className="filter-search"
            data-testid="task-search"
          />
          <Select
            aria-label={tr('Trạng thái', 'Status')}
            allowClear
            placeholder={tr('Trạng thái', 'Status')}
            value={status}
            onChange={setStatus}
            options={Object.keys(TASK_STATUS).map((s) => ({ value: s, label: label(TASK_STATUS, s, lang) }))}
            className="filter-select"
          />
          <UnitSelect value={unit} onChange={setUnit} style={{ minWidth: 220 }} />
          <Select
            aria-label={tr('Lĩnh vực', 'Field')}
            allowClear
            placeholder={tr('Lĩnh vực', 'Field')}
            value={field}
            onChange={setField}
            options={(catalog?.fields ?? []).map((f) => ({ value: f.code, label: f.name }))}
            className="filter-select"
            popupMatchSelectWidth={false}
          />
          <label className="switch-label">
            <Switch checked={overdue} onChange={setOverdue} /> {tr('Quá hạn', 'Overdue')}
          </label>
          {unit && <a onClick={() => setUnit(undefined)}>{tr('Bỏ lọc đơn vị', 'Clear unit')}</a>}
        </div>
      </Card>
      <PageState loading={tasks.loading} error={tasks.error} onRetry={tasks.reload}>
        {view === 'list' ? (
          <Card>
            <Table
              rowKey="code"
              size="small"
              dataSource={filtered}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              columns={[
                { title: tr('Nhiệm vụ', 'Task'), key: 'name', render: (_: unknown, t: Task) => (
                  <span>
                    {t.parent && <Typography.Text type="secondary">{t.parent} › </Typography.Text>}
                    {taskLink(t)}
                  </span>
                ) },
                { title: tr('Lĩnh vực', 'Field'), dataIndex: 'field', width: 160, render: fieldName },
                { title: tr('Chủ trì', 'Responsible'), dataIndex: 'responsibleUnit', width: 170, render: (u: string) => unitName(u) },
                { title: tr('Hạn', 'Deadline'), dataIndex: 'deadline', width: 110, render: (d: string, t: Task) => (
                  <span className={isOverdue(t) ? 'overdue' : ''}>{formatDate(d, lang)}{isOverdue(t) ? ` (${tr('quá hạn', 'overdue')})` : ''}</span>
                ) },
                { title: tr('Trạng thái', 'Status'), dataIndex: 'status', width: 140, render: (s: string) => <Tag color={TASK_STATUS_COLOR[s]}>{label(TASK_STATUS, s, lang)}</Tag> },
                { title: tr('Tiến độ', 'Progress'), dataIndex: 'progress', width: 140, render: (p: number) => <Progress percent={p ?? 0} size="small" /> },
              ]}
            />
          </Card>
        ) : (
          <Row gutter={[12, 12]} className="board">
            {Object.keys(TASK_STATUS).map((s) => {
              const list = filtered.filter((t) => t.status === s);
              return (
                <Col key={s} xs={24} md={12} xl={6}>
                  <Card size="small" title={`${label(TASK_STATUS, s, lang)} (${list.length})`} className="board-col">
                    {list.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('Không có', 'None')} />
                    ) : (
                      list.map((t) => (
                        <Card key={t.code} size="small" className="board-card">
                          {taskLink(t)}
                          <div className="board-meta">
                            <Typography.Text type="secondary">{unitName(t.responsibleUnit)}</Typography.Text>
                            <Progress percent={t.progress ?? 0} size="small" />
                            {t.deadline && (
                              <Typography.Text type={isOverdue(t) ? 'danger' : 'secondary'}>
                                {tr('Hạn', 'Due')} {formatDate(t.deadline, lang)}
                              </Typography.Text>
                            )}
                          </div>
                        </Card>
                      ))
                    )}
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
      </PageState>
    </Space>
  );
}

export function TaskDetailPage() {
  const { code = '' } = useParams();
  const { tr, lang, catalog, unitName, user } = useSession();
  const { search } = useScope();
  const { message } = App.useApp();
  const [rating, setRating] = useState<null | { period: string; record?: TaskRating }>(null);
  const data = useLoad(async () => {
    const [task, all, docs, scales] = await Promise.all([
      get<Task>(`tasks/${encodeURIComponent(code)}`),
      getAll<Task>('tasks'),
      getAll<Document>('documents'),
      get<{ items: RatingScale[] }>('rating-scales', { limit: 100 }),
    ]);
    // Ratings: one per year of the plan's term, where they exist.
    const plan = catalog?.plans.find((p) => p.code === task.plan);
    const [a, b] = (plan?.term ?? '').split('-').map(Number);
    const years: string[] = [];
    if (a && b) for (let y = a; y <= Math.min(b, new Date().getFullYear()); y++) years.push(String(y));
    const ratings = (
      await Promise.all(
        years.map((y) =>
          get<TaskRating>(`tasks/${encodeURIComponent(code)}/ratings/${y}`).catch((e) => {
            if (e instanceof ApiError && e.status === 404) return null;
            throw e;
          }),
        ),
      )
    ).filter(Boolean) as TaskRating[];
    return { task, all, docs, scales: scales.items, ratings, years, taskScale: plan?.taskScale || 'task' };
  }, [code]);
  const t = data.data?.task;
  const levelName = (scale: string, level: string) =>
    data.data?.scales.find((s) => s.code === scale)?.levels.find((l) => l.code === level)?.name ?? level;
  const subtasks = (data.data?.all ?? []).filter((x) => x.parent === code);
  const mayReport = !!t && canEnter(user, t.responsibleUnit, catalog!.unitByCode);
  const mayRate = !!t && canApprove(user, t.responsibleUnit, catalog!.unitByCode);
  const scale = data.data?.scales.find((s) => s.code === data.data?.taskScale);
  const ratingRows = (data.data?.years ?? []).map((y) => ({ period: y, record: data.data?.ratings.find((r) => r.period === y) }));
  const parent = t?.parent ? data.data?.all.find((x) => x.code === t.parent) : undefined;
  // Documents linked to the task: those of the responsible unit in the same field and plan.
  const docs = t ? (data.data?.docs ?? []).filter((d) => d.plan === t.plan && d.field === t.field && d.issuer === t.responsibleUnit) : [];
  const indicators: Indicator[] = t
    ? (catalog?.plans.find((p) => p.code === t.plan)?.indicators ?? [])
        .map((c) => catalog!.indicatorByCode.get(c)!)
        .filter((i) => i && i.field === t.field)
    : [];
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Link to={`/tasks${search}`}>← {tr('Danh sách nhiệm vụ', 'All tasks')}</Link>
      <PageState loading={data.loading} error={data.error} onRetry={data.reload}>
        {t && (
          <>
            <h1 className="page-title wrap-text">
              {t.code}. {t.name}
            </h1>
            <Card>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                {parent && (
                  <Descriptions.Item label={tr('Thuộc nhóm', 'Part of')} span={2}>
                    <Link to={`${recordPath('tasks', parent.code)}${search}`} className="wrap-text">
                      {parent.code}. {parent.name}
                    </Link>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={tr('Trạng thái', 'Status')}>
                  <Tag color={TASK_STATUS_COLOR[t.status]}>{label(TASK_STATUS, t.status, lang)}</Tag>
                  {isOverdue(t) && <Tag color="red">{tr('Quá hạn', 'Overdue')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={tr('Tiến độ', 'Progress')}>
                  <Progress percent={t.progress ?? 0} size="small" />
                </Descriptions.Item>
                <Descriptions.Item label={tr('Chủ trì', 'Responsible')}>{unitName(t.responsibleUnit)}</Descriptions.Item>
                <Descriptions.Item label={tr('Phối hợp', 'Coordinating')}>{(t.coordinatingUnits ?? []).map(unitName).join('; ') || '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('Bắt đầu', 'Start')}>{formatDate(t.start, lang) || '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('Hạn hoàn thành', 'Deadline')}>{formatDate(t.deadline, lang) || '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('Lĩnh vực', 'Field')}>{catalog?.fields.find((f) => f.code === t.field)?.name}</Descriptions.Item>
                <Descriptions.Item label={tr('Nghị quyết', 'Plan')}>{t.plan}</Descriptions.Item>
              </Descriptions>
              {t.illustrative && (
                <Typography.Paragraph type="secondary" className="note">
                  {tr('Ngày và tiến độ là minh họa.', 'Dates and progress are illustrative.')}
                </Typography.Paragraph>
              )}
            </Card>
            <TaskProgressCard task={t} canReport={mayReport} onReported={data.reload} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={tr('Xếp loại theo năm', 'Rating by year')} data-testid="task-ratings">
                  <List
                    dataSource={ratingRows.filter((r) => r.record || mayRate)}
                    locale={{ emptyText: tr('Chưa xếp loại', 'Not rated yet') }}
                    renderItem={(r) => (
                      <List.Item
                        actions={
                          mayRate
                            ? [
                                <Button key="rate" size="small" icon={<EditOutlined />} onClick={() => setRating(r)} data-testid={`rate-${r.period}`}>
                                  {r.record ? tr('Sửa xếp loại', 'Change') : tr('Xếp loại', 'Rate')}
                                </Button>,
                              ]
                            : undefined
                        }
                      >
                        <span>{periodLabel(r.period, lang)}</span>
                        {r.record ? (
                          <span>
                            <Tag color={r.record.level === 'excellent' ? 'green' : 'blue'}>{levelName(r.record.scale, r.record.level)}</Tag>
                            {r.record.comment && <Typography.Text type="secondary">{r.record.comment}</Typography.Text>}
                          </span>
                        ) : (
                          <Typography.Text type="secondary">{tr('Chưa xếp loại', 'Not rated')}</Typography.Text>
                        )}
                      </List.Item>
                    )}
                  />
                  <RecordFormModal<TaskRating, { level?: string; comment?: string }>
                    open={!!rating}
                    creating={!rating?.record}
                    record={rating?.record}
                    title={`${tr('Xếp loại nhiệm vụ', 'Rate the task')} — ${rating ? periodLabel(rating.period, lang) : ''}`}
                    pathOf={() => `tasks/${encodeURIComponent(code)}/ratings/${encodeURIComponent(rating!.period)}`}
                    toForm={(r) => ({ level: r?.level, comment: r?.comment ?? '' })}
                    toBody={(v) => ({ task: code, period: rating!.period, scale: rating?.record?.scale || scale?.code || 'task', level: v.level, comment: (v.comment ?? '').trim() })}
                    describe={(r) => <strong>{levelName(r.scale, r.level)}</strong>}
                    onClose={() => setRating(null)}
                    onSaved={() => {
                      setRating(null);
                      message.success(tr('Đã lưu xếp loại', 'Rating saved'));
                      data.reload();
                    }}
                    width={520}
                  >
                    {() => (
                      <>
                        <Form.Item name="level" label={scale?.name ?? tr('Mức xếp loại', 'Level')} rules={[{ required: true, message: tr('Chọn mức', 'Choose a level') }]}>
                          <Select options={(scale?.levels ?? []).map((l) => ({ value: l.code, label: l.name }))} />
                        </Form.Item>
                        <Form.Item name="comment" label={tr('Nhận xét', 'Comment')}>
                          <Input.TextArea rows={2} />
                        </Form.Item>
                      </>
                    )}
                  </RecordFormModal>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={`${tr('Nhiệm vụ con', 'Sub-tasks')} (${subtasks.length})`}>
                  <List
                    dataSource={subtasks}
                    locale={{ emptyText: tr('Không có nhiệm vụ con', 'No sub-tasks') }}
                    renderItem={(s) => (
                      <List.Item>
                        <Link to={`${recordPath('tasks', s.code)}${search}`} className="wrap-text">
                          {s.code}. {s.name}
                        </Link>
                        <Tag color={TASK_STATUS_COLOR[s.status]}>{label(TASK_STATUS, s.status, lang)}</Tag>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={tr('Chỉ tiêu cùng lĩnh vực', 'Indicators of the same field')}>
                  <List
                    dataSource={indicators}
                    locale={{ emptyText: tr('Không có', 'None') }}
                    renderItem={(i) => (
                      <List.Item>
                        <Link to={`${recordPath('indicators', i.code)}${search}`} className="wrap-text">
                          {i.name}
                        </Link>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={tr('Văn bản của đơn vị chủ trì cùng lĩnh vực', 'Documents of the responsible unit in this field')}>
                  <List
                    dataSource={docs.slice(0, 20)}
                    locale={{ emptyText: tr('Không có', 'None') }}
                    renderItem={(d) => (
                      <List.Item>
                        <Link to={`${recordPath('documents', d.code)}${search}`} className="wrap-text">
                          {d.number} — {d.title}
                        </Link>
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            </Row>
            <AttachmentsCard owner="tasks" code={t.code} canEdit={mayReport} />
          </>
        )}
      </PageState>
    </Space>
  );
}
