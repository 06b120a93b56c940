import { App, Button, Card, Descriptions, Empty, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, get, getAll, request } from '../api/client';
import { ActivityFormModal } from '../components/ActivityForm';
import { deleteRecord } from '../components/RecordForm';
import { useErrorText } from '../components/common';
import { canEnter } from '../lib/access';
import type { Activity, Attendance, RatingScale } from '../api/types';
import { PageState, UnitSelect } from '../components/common';
import { ACTIVITY_KINDS, label } from '../i18n/labels';
import { formatDate, formatNumber } from '../lib/numbers';
import { within } from '../lib/units';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

export function ActivitiesPage() {
  const { tr, lang, unitName, catalog, user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') || 'study_session';
  const setKind = (k: string) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set('kind', k);
      return n;
    });
  const [adding, setAdding] = useState(false);
  const [unit, setUnit] = useState<string | undefined>();
  const data = useLoad(async () => {
    const [items, scales] = await Promise.all([getAll<Activity>('activities', { kind }), get<{ items: RatingScale[] }>('rating-scales', { limit: 100 })]);
    return { items, scales: scales.items };
  }, [kind]);
  const items = (data.data?.items ?? []).filter((a) => !unit || within(unit, a.unit, catalog!.unitByCode)).sort((a, b) => (a.date < b.date ? -1 : 1));
  const levelName = (scale?: string, level?: string) =>
    data.data?.scales.find((s) => s.code === scale)?.levels.find((l) => l.code === level)?.name ?? level ?? '';
  const sum = (a: Attendance[] | undefined, k: 'attended' | 'eligible') => (a ?? []).reduce((s, x) => s + x[k], 0);
  const rate = (a: number, e: number) => (e > 0 ? `${formatNumber((a / e) * 100, { decimals: 1, lang })}%` : '—');
  const totalA = items.reduce((s, x) => s + sum(x.attendance, 'attended'), 0);
  const totalE = items.reduce((s, x) => s + sum(x.attendance, 'eligible'), 0);
  const base = [
    { title: tr('Ngày', 'Date'), dataIndex: 'date', width: 100, render: (d: string) => formatDate(d, lang) },
    { title: tr('Hoạt động', 'Activity'), dataIndex: 'name', render: (n: string, a: Activity) => (
      <span className="wrap-text">
        <Link to={`${recordPath('activities', a.code)}`}>{n}</Link> {a.illustrative && <Tag>{tr('minh họa', 'illustrative')}</Tag>}
      </span>
    ) },
    { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', width: 200, render: (u: string) => <span className="wrap-text">{unitName(u)}</span> },
  ];
  const extra =
    kind === 'study_session'
      ? [
          { title: tr('Tham dự / triệu tập', 'Attended / eligible'), key: 'att', width: 150, align: 'right' as const, render: (_: unknown, a: Activity) => `${formatNumber(sum(a.attendance, 'attended'), { lang })}/${formatNumber(sum(a.attendance, 'eligible'), { lang })}` },
          { title: tr('Tỷ lệ', 'Rate'), key: 'rate', width: 90, align: 'right' as const, render: (_: unknown, a: Activity) => rate(sum(a.attendance, 'attended'), sum(a.attendance, 'eligible')) },
        ]
      : kind === 'model_meeting'
        ? [{ title: tr('Xếp loại', 'Rating'), key: 'rating', width: 130, render: (_: unknown, a: Activity) => (a.ratingLevel ? <Tag color={a.ratingLevel === 'good' ? 'green' : 'blue'}>{levelName(a.ratingScale, a.ratingLevel)}</Tag> : '—') }]
        : [
            { title: tr('Số người tham gia', 'Participants'), dataIndex: 'participants', width: 130, align: 'right' as const, render: (n: number) => (n ? formatNumber(n, { lang }) : '—') },
            { title: tr('Kết quả', 'Result'), dataIndex: 'result', render: (r: string) => <span className="wrap-text">{r || '—'}</span> },
          ];
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Hoạt động', 'Activities')}</h1>
        <div className="head-actions">
          <UnitSelect value={unit} onChange={setUnit} style={{ minWidth: 240 }} />
          {canEnter(user, user?.unit, catalog!.unitByCode) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="activity-add">
              {tr('Thêm hoạt động', 'Add an activity')}
            </Button>
          )}
        </div>
      </div>
      <ActivityFormModal
        open={adding}
        kind={kind as Activity['kind']}
        scales={data.data?.scales ?? []}
        onClose={() => setAdding(false)}
        onSaved={(a) => {
          setAdding(false);
          navigate(`${recordPath('activities', a.code)}`);
        }}
      />
      <Segmented
        aria-label={tr('Loại hoạt động', 'Kind of activity')}
        value={kind}
        onChange={(v) => setKind(v as string)}
        options={Object.keys(ACTIVITY_KINDS).map((k) => ({ value: k, label: label(ACTIVITY_KINDS, k, lang) }))}
      />
      <PageState loading={data.loading} error={data.error} onRetry={data.reload}>
        <Card>
          {kind === 'study_session' && items.length > 0 && (
            <Typography.Paragraph strong data-testid="study-total">
              {tr('Tổng số lượt tham dự', 'Total attendance')}: {formatNumber(totalA, { lang })}/{formatNumber(totalE, { lang })} — {tr('tỷ lệ', 'rate')} {rate(totalA, totalE)}
            </Typography.Paragraph>
          )}
          {kind === 'model_meeting' && items.length > 0 && (
            <Typography.Paragraph strong>
              {items.filter((a) => a.ratingLevel === 'good').length}/{items.length} {tr('cuộc xếp loại tốt', 'rated good')}
            </Typography.Paragraph>
          )}
          <Table
            rowKey="code"
            size="small"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[...base, ...extra]}
            locale={{ emptyText: <Empty description={tr('Chưa có hoạt động loại này', 'No activities of this kind')} /> }}
            expandable={
              kind === 'study_session'
                ? {
                    rowExpandable: (a: Activity) => (a.attendance ?? []).length > 0,
                    expandedRowRender: (a: Activity) => (
                      <Table
                        rowKey="category"
                        size="small"
                        pagination={false}
                        dataSource={a.attendance}
                        columns={[
                          { title: tr('Đối tượng', 'Category'), dataIndex: 'categoryName' },
                          { title: tr('Tham dự', 'Attended'), dataIndex: 'attended', align: 'right' as const, render: (n: number) => formatNumber(n, { lang }) },
                          { title: tr('Triệu tập', 'Eligible'), dataIndex: 'eligible', align: 'right' as const, render: (n: number) => formatNumber(n, { lang }) },
                          { title: tr('Tỷ lệ', 'Rate'), key: 'r', align: 'right' as const, render: (_: unknown, x: Attendance) => rate(x.attended, x.eligible) },
                        ]}
                      />
                    ),
                  }
                : undefined
            }
          />
        </Card>
      </PageState>
    </Space>
  );
}

export function ActivityDetailPage() {
  const { code = '' } = useParams();
  const { tr, lang, unitName, catalog, user } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const data = useLoad(async () => {
    const [{ data: a, etag }, scales] = await Promise.all([
      request<Activity>(`activities/${encodeURIComponent(code)}`),
      get<{ items: RatingScale[] }>('rating-scales', { limit: 100 }),
    ]);
    return { a, etag, scales: scales.items };
  }, [code]);
  const a = data.data?.a;
  const mayEdit = !!a && canEnter(user, a.unit, catalog!.unitByCode);
  const levelName = (scale?: string, level?: string) =>
    data.data?.scales.find((s) => s.code === scale)?.levels.find((l) => l.code === level)?.name ?? level ?? '';
  const att = a?.attendance ?? [];
  const sumA = att.reduce((s, x) => s + x.attended, 0);
  const sumE = att.reduce((s, x) => s + x.eligible, 0);
  const rate = (x: number, e: number) => (e > 0 ? `${formatNumber((x / e) * 100, { decimals: 1, lang })}%` : '—');
  const remove = async () => {
    try {
      await deleteRecord(`activities/${encodeURIComponent(code)}`, data.data?.etag);
      message.success(tr('Đã xóa hoạt động', 'Activity deleted'));
      navigate(`/activities?kind=${a?.kind ?? ''}`);
    } catch (e) {
      message.error(errorText(e));
      if (e instanceof ApiError && e.status === 412) data.reload();
    }
  };
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Link to={`/activities${a ? `?kind=${a.kind}` : ''}`}>← {tr('Danh sách hoạt động', 'All activities')}</Link>
      <PageState loading={data.loading} error={data.error} onRetry={data.reload}>
        {a && (
          <>
            <div className="page-head">
              <h1 className="page-title wrap-text">{a.name}</h1>
              {mayEdit && (
                <div className="head-actions">
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">
                    {tr('Sửa', 'Edit')}
                  </Button>
                  <Popconfirm title={tr('Xóa hoạt động này?', 'Delete this activity?')} okText={tr('Xóa', 'Delete')} cancelText={tr('Hủy', 'Cancel')} okButtonProps={{ danger: true }} onConfirm={remove}>
                    <Button danger icon={<DeleteOutlined />}>
                      {tr('Xóa', 'Delete')}
                    </Button>
                  </Popconfirm>
                </div>
              )}
            </div>
            <ActivityFormModal
              open={editing}
              record={a}
              scales={data.data!.scales}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                message.success(tr('Đã lưu hoạt động', 'Activity saved'));
                data.reload();
              }}
            />
            <Card>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={tr('Loại', 'Kind')}>{label(ACTIVITY_KINDS, a.kind, lang)}</Descriptions.Item>
                <Descriptions.Item label={tr('Ngày', 'Date')}>{formatDate(a.date, lang)}</Descriptions.Item>
                <Descriptions.Item label={tr('Đơn vị tổ chức', 'Unit')}>{unitName(a.unit)}</Descriptions.Item>
                <Descriptions.Item label={tr('Nghị quyết', 'Plan')}>{a.plan || '—'}</Descriptions.Item>
                {a.kind === 'study_session' && (
                  <Descriptions.Item label={tr('Tham dự / triệu tập', 'Attended / eligible')} span={2}>
                    {formatNumber(sumA, { lang })}/{formatNumber(sumE, { lang })} — {tr('tỷ lệ', 'rate')} {rate(sumA, sumE)}
                  </Descriptions.Item>
                )}
                {a.kind === 'model_meeting' && (
                  <Descriptions.Item label={tr('Xếp loại', 'Rating')} span={2}>
                    {a.ratingLevel ? <Tag color={a.ratingLevel === 'good' ? 'green' : 'blue'}>{levelName(a.ratingScale, a.ratingLevel)}</Tag> : '—'}
                  </Descriptions.Item>
                )}
                {a.kind !== 'study_session' && a.kind !== 'model_meeting' && (
                  <>
                    <Descriptions.Item label={tr('Số người tham gia', 'Participants')}>{a.participants ? formatNumber(a.participants, { lang }) : '—'}</Descriptions.Item>
                    <Descriptions.Item label={tr('Kết quả', 'Result')}>
                      <span className="wrap-text">{a.result || '—'}</span>
                    </Descriptions.Item>
                  </>
                )}
              </Descriptions>
              {a.illustrative && (
                <Typography.Paragraph type="secondary" className="note">
                  {tr('Số liệu minh họa.', 'Illustrative figures.')}
                </Typography.Paragraph>
              )}
            </Card>
            {a.kind === 'study_session' && att.length > 0 && (
              <Card title={tr('Tham dự theo đối tượng', 'Attendance by category')}>
                <Table
                  rowKey="category"
                  size="small"
                  pagination={false}
                  dataSource={att}
                  columns={[
                    { title: tr('Đối tượng', 'Category'), dataIndex: 'categoryName' },
                    { title: tr('Tham dự', 'Attended'), dataIndex: 'attended', align: 'right' as const, render: (n: number) => formatNumber(n, { lang }) },
                    { title: tr('Triệu tập', 'Eligible'), dataIndex: 'eligible', align: 'right' as const, render: (n: number) => formatNumber(n, { lang }) },
                    { title: tr('Tỷ lệ', 'Rate'), key: 'r', align: 'right' as const, render: (_: unknown, x: Attendance) => rate(x.attended, x.eligible) },
                  ]}
                />
              </Card>
            )}
          </>
        )}
      </PageState>
    </Space>
  );
}
