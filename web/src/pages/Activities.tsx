import { Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, getAll } from '../api/client';
import type { Activity, Attendance, RatingScale } from '../api/types';
import { PageState, UnitSelect } from '../components/common';
import { ACTIVITY_KINDS, label } from '../i18n/labels';
import { formatDate, formatNumber } from '../lib/numbers';
import { within } from '../lib/units';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';

export function ActivitiesPage() {
  const { tr, lang, unitName, catalog } = useSession();
  const [kind, setKind] = useState<string>('study_session');
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
        {n} {a.illustrative && <Tag>{tr('minh họa', 'illustrative')}</Tag>}
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
        <UnitSelect value={unit} onChange={setUnit} style={{ minWidth: 240 }} />
      </div>
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
