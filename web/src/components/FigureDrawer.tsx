// The values behind a figure: the rollup engine's figure for an indicator at
// a unit and period (own data, its parts' combination, how many units
// report), the same indicator at each sub-unit and over the parts of the
// period and the term's years — all from GET /analytics. Every figure in it
// opens the values behind that one in turn (a breadcrumb leads back).
import { Breadcrumb, Button, Card, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api/client';
import type { AnalyticsAnswer, AnalyticsRow, Indicator } from '../api/types';
import { AGGREGATIONS, label } from '../i18n/labels';
import { formatIndicatorValue, formatNumber } from '../lib/numbers';
import { recordPath } from '../lib/paths';
import { periodLabel, periodParts, trendPeriods } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { PageState, StatusTag } from './common';

export interface FigureRef {
  indicator: string;
  unit: string;
  period: string;
}

interface Loaded {
  figure: AnalyticsRow | undefined;
  parts: AnalyticsRow[];
  trend: AnalyticsRow[];
  children: AnalyticsRow[];
  childTotal: number | null;
}

export function FigureDrawer({ start, term, onClose }: { start: FigureRef | null; term?: string; onClose: () => void }) {
  const { tr, lang, catalog, unitName } = useSession();
  const [trail, setTrail] = useState<FigureRef[]>([]);
  useEffect(() => setTrail(start ? [start] : []), [start]);
  const at = trail[trail.length - 1];
  // Focus follows the figure shown, so Esc still closes the drawer after the
  // button that opened a figure has gone, and screen readers hear the change.
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => body.current?.focus({ preventScroll: true }), [at]);
  const ind: Indicator | undefined = at ? catalog?.indicatorByCode.get(at.indicator) : undefined;

  const data = useLoad<Loaded | null>(
    async (signal) => {
      if (!at) return null;
      const parts = periodParts(at.period);
      const trend = trendPeriods(at.period, term).filter((p) => p !== at.period);
      const periods = [...new Set([at.period, ...parts, ...trend])];
      const [own, kids] = await Promise.all([
        get<AnalyticsAnswer>('analytics', { indicator: at.indicator, unit: at.unit, period: periods.join(',') }, signal),
        get<AnalyticsAnswer>('analytics', { indicator: at.indicator, children: at.unit, period: at.period }, signal),
      ]);
      return {
        figure: own.rows.find((r) => r.period === at.period),
        parts: parts.map((p) => own.rows.find((r) => r.period === p)).filter((r): r is AnalyticsRow => !!r),
        trend: [...trend, at.period].sort().map((p) => own.rows.find((r) => r.period === p)).filter((r): r is AnalyticsRow => !!r),
        children: kids.rows,
        childTotal: kids.totals.find((t) => t.period === at.period)?.value ?? null,
      };
    },
    [at?.indicator, at?.unit, at?.period, term],
  );

  const fmt = (v: number | null | undefined) => formatIndicatorValue(v, ind, lang);
  const open = (next: Partial<FigureRef>) => at && setTrail((t) => [...t, { ...at, ...next }]);
  const d = data.data;

  // One table shape for sub-units and periods: the key column opens that figure.
  const figureTable = (rows: AnalyticsRow[], by: 'unit' | 'period', testid: string, empty: string) => (
    <Table
      data-testid={testid}
      rowKey={by}
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 560 }}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: by === 'unit' ? tr('Đơn vị', 'Unit') : tr('Kỳ', 'Period'),
          key: by,
          render: (_: unknown, r: AnalyticsRow) => (
            <Button type="link" className="link-button wrap-text" onClick={() => open(by === 'unit' ? { unit: r.unit } : { period: r.period })}>
              {by === 'unit' ? unitName(r.unit) : periodLabel(r.period, lang)}
            </Button>
          ),
        },
        {
          title: tr('Số liệu', 'Figure'),
          dataIndex: 'value',
          align: 'right' as const,
          width: 140,
          render: (v: number | null, r: AnalyticsRow) => (
            <span>
              {fmt(v)}
              {r.estimate && <Tag className="estimate-tag">{tr('ước', 'est.')}</Tag>}
            </span>
          ),
        },
        {
          title: tr('Tự báo cáo', 'Own'),
          dataIndex: 'own',
          align: 'right' as const,
          width: 120,
          render: (v: number | null) => fmt(v),
        },
        { title: tr('Kế hoạch', 'Target'), dataIndex: 'target', align: 'right' as const, width: 120, render: (v: number | null) => fmt(v) },
        { title: tr('Đánh giá', 'Status'), dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
      ]}
    />
  );

  return (
    <Drawer
      open={!!start}
      onClose={onClose}
      width={720}
      rootClassName="figure-drawer"
      title={ind ? ind.name : tr('Số liệu', 'Figure')}
      data-testid="figure-drawer"
    >
      {at && (
        <div ref={body} tabIndex={-1} className="figure-body" aria-live="polite">
        <Space direction="vertical" size="middle" className="full-width" data-testid="figure-detail">
          <Breadcrumb
            items={trail.map((t, i) => ({
              key: i,
              title:
                i === trail.length - 1 ? (
                  `${unitName(t.unit)} · ${periodLabel(t.period, lang)}`
                ) : (
                  <Button type="link" className="link-button" onClick={() => setTrail((s) => s.slice(0, i + 1))}>
                    {unitName(t.unit)} · {periodLabel(t.period, lang)}
                  </Button>
                ),
            }))}
          />
          <PageState loading={data.loading} error={data.error} onRetry={data.reload}>
            {d && (
              <>
                <Descriptions size="small" column={1} bordered data-testid="figure-summary">
                  <Descriptions.Item label={tr('Số liệu hiển thị', 'Figure shown')}>
                    <Typography.Text strong>{fmt(d.figure?.value)}</Typography.Text>
                    {d.figure?.estimate && <Tag className="estimate-tag">{tr('có số ước tính', 'includes estimates')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={tr('Số liệu đơn vị tự báo cáo', 'Reported by the unit itself')}>{fmt(d.figure?.own)}</Descriptions.Item>
                  <Descriptions.Item label={tr('Tổng hợp từ đơn vị trực thuộc', 'Combined from its sub-units')}>{fmt(d.figure?.aggregated)}</Descriptions.Item>
                  <Descriptions.Item label={tr('Số đơn vị có số liệu', 'Units with data')}>{formatNumber(d.figure?.reportingUnits ?? 0, { lang })}</Descriptions.Item>
                  <Descriptions.Item label={tr('Kế hoạch', 'Target')}>
                    {fmt(d.figure?.target)}
                    {d.figure?.percentOfTarget != null && ` · ${formatNumber(d.figure.percentOfTarget, { decimals: 1, lang })}%`}{' '}
                    {d.figure && <StatusTag status={d.figure.status} />}
                  </Descriptions.Item>
                  <Descriptions.Item label={tr('Cách tổng hợp', 'Aggregation')}>
                    {ind?.formula
                      ? `${tr('Tính theo công thức', 'Computed by its formula')} ${ind.formula} ${tr('ở từng cấp, từ tổng các đầu vào', 'at each level, from the summed inputs')}`
                      : label(AGGREGATIONS, ind?.aggregation ?? '', lang)}
                    {'. '}
                    {tr(
                      'Đơn vị có số liệu tự báo cáo thì dùng số đó; nếu không, tổng hợp từ các đơn vị trực thuộc và các kỳ ngắn hơn.',
                      'A unit’s own figure is used when it has one; otherwise its sub-units’ and shorter periods’ figures are combined.',
                    )}
                  </Descriptions.Item>
                </Descriptions>
                <Card size="small" title={tr('Theo đơn vị trực thuộc', 'By sub-unit')}>
                  {figureTable(d.children, 'unit', 'figure-children', tr('Đơn vị không có đơn vị trực thuộc', 'No sub-units'))}
                  {d.childTotal !== null && (
                    <Typography.Text type="secondary" className="hint" data-testid="figure-children-total">
                      {tr('Tổng hợp các đơn vị trực thuộc', 'Sub-units combined')}: {fmt(d.childTotal)}
                    </Typography.Text>
                  )}
                </Card>
                {d.parts.length > 0 && (
                  <Card size="small" title={tr('Theo các kỳ trong kỳ', 'By the periods within')}>
                    {figureTable(d.parts, 'period', 'figure-parts', tr('Chưa có số liệu', 'No data yet'))}
                  </Card>
                )}
                {d.trend.length > 1 && (
                  <Card size="small" title={tr('Qua các năm của nhiệm kỳ', 'Over the term')}>
                    {figureTable(d.trend, 'period', 'figure-trend', tr('Chưa có số liệu', 'No data yet'))}
                  </Card>
                )}
                <Link to={`${recordPath('indicators', at.indicator)}?unit=${encodeURIComponent(at.unit)}&period=${encodeURIComponent(at.period)}`}>
                  {tr('Mở trang chỉ tiêu', 'Open the indicator page')}
                </Link>
              </>
            )}
          </PageState>
        </Space>
        </div>
      )}
    </Drawer>
  );
}
