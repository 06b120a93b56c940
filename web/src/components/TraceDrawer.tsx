// Where a figure of the report comes from, read from the report's trace
// sidecar (GET /reports?format=trace): the printed figure, the raw numbers,
// how the percentage and the status follow, how the engine arrived at the
// figure (the unit's own value, its values over shorter periods, or its
// sub-units combined) and every stored value behind it.
import { Card, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { ReportTrace, TraceIndicator } from '../api/types';
import { AGGREGATIONS, DIRECTIONS, TARGET_SOURCES, VALUE_KINDS, label } from '../i18n/labels';
import { formatIndicatorValue, formatNumber } from '../lib/numbers';
import { periodLabel } from '../lib/periods';
import { useSession } from '../session';
import { StatusTag } from './common';

/** What the drawer shows: one indicator's figures, or the count of indicators met. */
export type TraceSubject = { indicator: string } | { count: true };

export function TraceDrawer({ trace, subject, onClose }: { trace: ReportTrace | undefined; subject: TraceSubject | null; onClose: () => void }) {
  const { tr } = useSession();
  const ind = subject && 'indicator' in subject ? trace?.indicators.find((i) => i.code === subject.indicator) : undefined;
  return (
    <Drawer
      open={!!subject && !!trace}
      onClose={onClose}
      width={720}
      rootClassName="figure-drawer"
      title={ind ? ind.name : tr('Số chỉ tiêu đạt và vượt', 'Indicators met or exceeded')}
    >
      <div data-testid="trace-detail">{trace && (ind ? <IndicatorTrace t={ind} /> : <CountTrace trace={trace} />)}</div>
    </Drawer>
  );
}

function IndicatorTrace({ t }: { t: TraceIndicator }) {
  const { tr, lang, catalog, unitName } = useSession();
  const ind = catalog?.indicatorByCode.get(t.code);
  const fmt = (v: number | null | undefined) => formatIndicatorValue(v, ind, lang);
  const f = t.figure;
  const how = f.reported != null
    ? tr('Số liệu đơn vị tự báo cáo cho đúng kỳ này.', 'The unit’s own figure for exactly this period.')
    : f.ownRolledUp != null
      ? tr('Tổng hợp từ số liệu của chính đơn vị cho các kỳ ngắn hơn.', 'Combined from the unit’s own figures for shorter periods.')
      : tr(`Tổng hợp từ ${f.reportingUnits ?? 0} đơn vị trực thuộc có số liệu.`, `Combined from the ${f.reportingUnits ?? 0} sub-unit(s) with data.`);
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={tr('Trong báo cáo', 'In the report')}>
          {t.printed.actual} · {tr('kế hoạch', 'target')} {t.printed.target} · {t.printed.percentOfTarget} <StatusTag status={t.status} />
        </Descriptions.Item>
        <Descriptions.Item label={tr('Thực hiện (số gốc)', 'Actual (raw)')}>{t.actual == null ? '—' : formatNumber(t.actual, { decimals: 6, lang })}</Descriptions.Item>
        <Descriptions.Item label={tr('Kế hoạch (số gốc)', 'Target (raw)')}>
          {t.target == null ? '—' : formatNumber(t.target, { decimals: 6, lang })}
          {t.targetSource && <Typography.Text type="secondary"> ({label(TARGET_SOURCES, t.targetSource, lang)})</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={tr('% kế hoạch', '% of target')}>
          {t.percentOfTarget == null ? '—' : `${formatNumber(t.percentOfTarget, { decimals: 2, lang })}%`} = {tr('thực hiện / kế hoạch × 100', 'actual / target × 100')} ·{' '}
          {label(DIRECTIONS, t.direction, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('Cách tổng hợp', 'Aggregation')}>
          {t.formula ? `${tr('Công thức', 'Formula')} ${t.formula}` : label(AGGREGATIONS, t.aggregation, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('Nguồn của con số', 'Where the figure comes from')}>
          <span data-testid="trace-how">{how}</span>
          {f.estimate && <Tag className="estimate-tag">{tr('có số ước tính', 'includes estimates')}</Tag>}
          <br />
          <Typography.Text type="secondary">
            {tr('Tự báo cáo', 'Own')}: {fmt(f.reported)} · {tr('Của đơn vị qua các kỳ ngắn hơn', 'Own over shorter periods')}: {fmt(f.ownRolledUp)} ·{' '}
            {tr('Từ đơn vị trực thuộc', 'From sub-units')}: {fmt(f.fromSubUnits)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {(f.subUnits?.length ?? 0) > 0 && (
        <Card size="small" title={tr('Số liệu các đơn vị trực thuộc', 'The sub-units’ figures')}>
          <Table
            rowKey="unit"
            size="small"
            pagination={false}
            dataSource={f.subUnits}
            columns={[
              { title: tr('Đơn vị', 'Unit'), dataIndex: 'name', render: (n: string) => <span className="wrap-text">{n}</span> },
              { title: tr('Số liệu', 'Figure'), dataIndex: 'value', align: 'right' as const, width: 160, render: (v: number, r: { estimate: boolean }) => `${fmt(v)}${r.estimate ? ` (${tr('ước', 'est.')})` : ''}` },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={tr('Các số liệu đã nhập trong đơn vị và kỳ', 'Values stored within the unit and period')}>
        <Table
          data-testid="trace-values"
          rowKey={(v) => `${v.unit}/${v.period}/${v.kind}`}
          size="small"
          pagination={false}
          dataSource={t.storedValues}
          scroll={{ x: 600 }}
          locale={{ emptyText: tr('Không có số liệu nhập trực tiếp', 'No values stored directly') }}
          columns={[
            { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', render: (u: string) => <span className="wrap-text">{unitName(u)}</span> },
            { title: tr('Kỳ', 'Period'), dataIndex: 'period', width: 110, render: (p: string) => periodLabel(p, lang) },
            { title: tr('Số liệu', 'Value'), dataIndex: 'value', align: 'right' as const, width: 140, render: (v: number) => fmt(v) },
            { title: tr('Loại', 'Kind'), dataIndex: 'kind', width: 110, render: (k: string) => label(VALUE_KINDS, k, lang) },
            { title: tr('Ghi chú', 'Comment'), dataIndex: 'comment', render: (c: string) => <span className="wrap-text">{c}</span> },
          ]}
        />
      </Card>
    </Space>
  );
}

function CountTrace({ trace }: { trace: ReportTrace }) {
  const { tr } = useSession();
  const met = new Set(trace.indicatorsMet.codes);
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Typography.Text>
        {tr(
          `${trace.indicatorsMet.count}/${trace.indicatorsMet.of}: số chỉ tiêu đạt hoặc vượt kế hoạch trên số chỉ tiêu đánh giá được (có cả số liệu và kế hoạch).`,
          `${trace.indicatorsMet.count}/${trace.indicatorsMet.of}: indicators met or exceeded out of those that can be evaluated (with both a figure and a target).`,
        )}
      </Typography.Text>
      <Table
        data-testid="trace-count"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={trace.indicators}
        columns={[
          { title: tr('Chỉ tiêu', 'Indicator'), dataIndex: 'name', render: (n: string) => <span className="wrap-text">{n}</span> },
          { title: tr('Thực hiện', 'Actual'), key: 'a', align: 'right' as const, width: 150, render: (_: unknown, i: TraceIndicator) => i.printed.actual },
          { title: tr('Đánh giá', 'Status'), dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
          {
            title: tr('Được tính', 'Counted'),
            key: 'm',
            width: 100,
            render: (_: unknown, i: TraceIndicator) => (met.has(i.code) ? <Tag color="green">{tr('đạt', 'met')}</Tag> : <Tag>{tr('không', 'no')}</Tag>),
          },
        ]}
      />
    </Space>
  );
}
