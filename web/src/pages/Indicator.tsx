import { Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, get, getAll } from '../api/client';
import type { AnalyticsAnswer, Indicator, ScorecardReport, Target, Value, ValueChange } from '../api/types';
import { Chart } from '../components/Chart';
import { PageState, StatusTag } from '../components/common';
import { AGGREGATIONS, DIRECTIONS, TARGET_SOURCES, VALUE_KINDS, VALUE_TYPES, label } from '../i18n/labels';
import { formatDateTime, formatIndicatorValue, formatMoneyShort, formatNumber } from '../lib/numbers';
import { periodLabel, periodType } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';
import { ScopeBar } from './Dashboard';

/** "{BHYT_INSURED} / {POPULATION} * 100" → "Số người có thẻ BHYT ÷ Dân số × 100". */
export function formulaInWords(formula: string, nameOf: (code: string) => string): string {
  return formula
    .replace(/\{([A-Za-z0-9_.-]+)\}/g, (_, c: string) => `«${nameOf(c)}»`)
    .replace(/\*/g, '×')
    .replace(/\//g, '÷');
}

function IndicatorList() {
  const { tr, lang, catalog, unitName } = useSession();
  const { search } = useScope();
  const fieldName = (c?: string) => catalog?.fields.find((f) => f.code === c)?.name ?? '';
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <h1 className="page-title">{tr('Chỉ tiêu', 'Indicators')}</h1>
      <Card>
        <Table
          rowKey="code"
          size="small"
          dataSource={catalog?.indicators ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: tr('Chỉ tiêu', 'Indicator'),
              dataIndex: 'name',
              render: (n: string, r: Indicator) => (
                <Link to={`${recordPath('indicators', r.code)}${search}`} className="wrap-text">
                  {n}
                </Link>
              ),
            },
            { title: tr('Mã', 'Code'), dataIndex: 'code', width: 200 },
            { title: tr('Lĩnh vực', 'Field'), dataIndex: 'field', width: 180, render: fieldName },
            { title: tr('Đơn vị tính', 'Unit of measure'), dataIndex: 'unitOfMeasure', width: 120 },
            { title: tr('Chiều đánh giá', 'Direction'), dataIndex: 'direction', width: 160, render: (d: string) => label(DIRECTIONS, d, lang) },
            { title: tr('Đơn vị chủ trì', 'Responsible'), dataIndex: 'responsibleUnit', width: 180, render: (u: string) => unitName(u) },
          ]}
        />
      </Card>
    </Space>
  );
}

export function IndicatorPage() {
  const { code } = useParams();
  if (!code) return <IndicatorList />;
  return <IndicatorDetail code={code} />;
}

function IndicatorDetail({ code }: { code: string }) {
  const { tr, lang, catalog, unitName } = useSession();
  const { unit, period, search } = useScope();
  const ind = catalog?.indicatorByCode.get(code);
  const plan = catalog?.plans.find((p) => p.indicators.includes(code)) ?? catalog?.plans[0];
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    const [a, b] = (plan?.term ?? `${now - 4}-${now}`).split('-').map(Number);
    const out: string[] = [];
    for (let y = a; y <= Math.min(b, now); y++) out.push(String(y));
    return out;
  }, [plan]);
  // Every figure from the server: the rollup engine over the term's years and
  // at each sub-unit (/analytics), the scorecard's evaluation of the period.
  const series = useLoad(
    (signal) => get<AnalyticsAnswer>('analytics', { indicator: code, unit, period: years.join(',') }, signal),
    [unit, code, years.join(',')],
  );
  const card = useLoad((signal) => get<ScorecardReport>('scorecard', { unit, period, lang }, signal), [unit, period, lang]);
  const parts = useLoad((signal) => get<AnalyticsAnswer>('analytics', { indicator: code, children: unit, period }, signal), [unit, code, period]);
  const stored = useLoad(async () => {
    const [values, targets] = await Promise.all([
      getAll<Value>('values', { indicator: code, unit }),
      getAll<Target>('targets', { indicator: code, unit }),
    ]);
    return { values, targets };
  }, [code, unit]);
  const history = useLoad(async () => {
    const own = (stored.data?.values ?? []).filter((v) => v.unit === unit && v.period === period);
    const kinds = [...new Set(own.map((v) => v.kind))];
    const lists = await Promise.all(
      kinds.map((k) =>
        get<{ items: ValueChange[] }>(`values/${encodeURIComponent(code)}/${encodeURIComponent(unit)}/${encodeURIComponent(period)}/history`, { kind: k }).then(
          (r) => r.items,
        ),
      ),
    );
    const seen = new Set<string>();
    return lists
      .flat()
      .filter((h) => {
        const key = `${h.kind}|${h.at}|${h.newValue}|${h.by}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => (a.at < b.at ? 1 : -1));
  }, [stored.data, unit, period, code]);

  if (!ind) return <PageState error={new ApiError({ code: 'indicator.not_found', status: 404, message: { vi: `Không có chỉ tiêu ${code}`, en: `No indicator ${code}` } })} />;
  const dec = ind.decimals ?? 1;
  const fmt = (v: number | null | undefined) => formatIndicatorValue(v, ind, lang);
  void dec;
  const current = card.data?.scorecard.indicators.find((r) => r.code === code);
  const byYear = years.map((y) => series.data?.rows.find((r) => r.period === y));
  const trend = {
    tooltip: { trigger: 'axis' },
    legend: { data: [tr('Thực hiện', 'Actual'), tr('Kế hoạch', 'Target')] },
    grid: { left: 16, right: 24, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => periodLabel(y, lang)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (ind.valueType === 'money' ? formatMoneyShort(v, lang) : formatNumber(v, { decimals: 1, lang })) } },
    series: [
      { name: tr('Thực hiện', 'Actual'), type: 'bar', data: byYear.map((r) => r?.value ?? null), itemStyle: { color: '#1f5fa8' } },
      { name: tr('Kế hoạch', 'Target'), type: 'line', data: byYear.map((r) => r?.target ?? null), itemStyle: { color: '#d4380d' } },
    ],
  };
  // By sub-unit: each direct sub-unit's figure, rolled up from below it and computed by the server.
  const subRows = (parts.data?.rows ?? []).filter((r) => r.value !== null);
  const subChart = {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 24, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => (ind.valueType === 'money' ? formatMoneyShort(v, lang) : formatNumber(v, { decimals: 1, lang })) } },
    yAxis: { type: 'category', data: subRows.map((r) => unitName(r.unit)) },
    series: [{ type: 'bar', data: subRows.map((r) => r.value), itemStyle: { color: '#1f5fa8' } }],
  };
  const ownValues = (stored.data?.values ?? []).filter((v) => v.unit === unit).sort((a, b) => (a.period < b.period ? 1 : -1));
  const targets = (stored.data?.targets ?? []).filter((t) => t.unit === unit);
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title wrap-text">{ind.name}</h1>
        <ScopeBar />
      </div>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={tr('Mã', 'Code')}>{ind.code}</Descriptions.Item>
          <Descriptions.Item label={tr('Đơn vị tính', 'Unit of measure')}>{ind.unitOfMeasure}</Descriptions.Item>
          <Descriptions.Item label={tr('Lĩnh vực', 'Field')}>{catalog?.fields.find((f) => f.code === ind.field)?.name}</Descriptions.Item>
          <Descriptions.Item label={tr('Loại giá trị', 'Value type')}>{label(VALUE_TYPES, ind.valueType, lang)}</Descriptions.Item>
          <Descriptions.Item label={tr('Chiều đánh giá', 'Direction')}>{label(DIRECTIONS, ind.direction, lang)}</Descriptions.Item>
          <Descriptions.Item label={tr('Tổng hợp', 'Aggregation')}>{label(AGGREGATIONS, ind.aggregation, lang)}</Descriptions.Item>
          <Descriptions.Item label={tr('Đơn vị chủ trì', 'Responsible unit')}>{unitName(ind.responsibleUnit)}</Descriptions.Item>
          {ind.formula && (
            <Descriptions.Item label={tr('Công thức', 'Formula')} span={2}>
              <span data-testid="formula-words">
                {formulaInWords(ind.formula, (c) => catalog?.indicatorByCode.get(c)?.name ?? c)}
              </span>
            </Descriptions.Item>
          )}
          {ind.description && (
            <Descriptions.Item label={tr('Mô tả', 'Description')} span={3}>
              <span className="wrap-text">{ind.description}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {ind.illustrative && (
          <Typography.Paragraph type="secondary" className="note">
            {tr('Chỉ tiêu minh họa (không lấy từ nguồn thật).', 'Illustrative indicator (not from a real source).')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={`${unitName(unit)} — ${periodLabel(period, lang)}`}>
            <PageState loading={card.loading} error={card.error}>
              {current ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={tr('Thực hiện', 'Actual')}>{current.display?.actual || '—'}</Descriptions.Item>
                  <Descriptions.Item label={tr('Kế hoạch', 'Target')}>{current.display?.target || '—'}</Descriptions.Item>
                  <Descriptions.Item label={tr('% kế hoạch', '% of target')}>{current.display?.percentOfTarget || '—'}</Descriptions.Item>
                  <Descriptions.Item label={tr('Cùng kỳ năm trước', 'Same period last year')}>{fmt(current.samePeriodLastYear)}</Descriptions.Item>
                  <Descriptions.Item label={tr('Đánh giá', 'Status')}>
                    <StatusTag status={current.status} />
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Empty
                  description={
                    periodType(period) === 'year'
                      ? tr('Chỉ tiêu không thuộc nghị quyết của đơn vị, hoặc chưa có số liệu', 'Not in this unit’s plan, or no data')
                      : tr('Biểu đồ theo năm; chọn kỳ là một năm để xem đánh giá', 'The chart is by year; pick a year to see the evaluation')
                  }
                />
              )}
            </PageState>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card title={tr('Kế hoạch và thực hiện qua các năm', 'Targets and actuals by year')}>
            <PageState loading={series.loading} error={series.error}>
              <Chart option={trend} label={tr('Biểu đồ kế hoạch và thực hiện qua các năm', 'Chart of targets and actuals by year')} />
            </PageState>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={`${tr('Theo đơn vị trực thuộc', 'By sub-unit')} — ${periodLabel(period, lang)}`}>
            <PageState loading={parts.loading} error={parts.error}>
              {subRows.length === 0 ? (
                <Empty description={tr('Các đơn vị trực thuộc chưa có số liệu chỉ tiêu này trong kỳ', 'No sub-unit has a figure for this indicator in the period')} />
              ) : (
                <>
                  <Chart option={subChart} height={Math.max(160, subRows.length * 36 + 40)} label={tr('Biểu đồ theo đơn vị trực thuộc', 'Chart by sub-unit')} />
                  <Table
                    rowKey="unit"
                    size="small"
                    pagination={false}
                    dataSource={subRows}
                    columns={[
                      { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', render: (u: string) => <Link to={`${recordPath('indicators', code)}?unit=${u}&period=${period}`}>{unitName(u)}</Link> },
                      { title: tr('Số liệu', 'Value'), dataIndex: 'value', align: 'right' as const, render: fmt },
                      { title: tr('Loại', 'Kind'), dataIndex: 'estimate', render: (e: boolean) => label(VALUE_KINDS, e ? 'estimate' : 'official', lang) },
                      { title: tr('Đánh giá', 'Status'), dataIndex: 'status', render: (st: string) => <StatusTag status={st} /> },
                    ]}
                  />
                </>
              )}
            </PageState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${tr('Lịch sử thay đổi số liệu', 'History of the value')} — ${periodLabel(period, lang)}`}>
            <PageState loading={history.loading} error={history.error}>
              <Table
                rowKey={(r) => `${r.kind}|${r.at}|${r.newValue}`}
                size="small"
                pagination={false}
                dataSource={history.data ?? []}
                locale={{ emptyText: tr('Chưa có số liệu nhập trực tiếp cho đơn vị, kỳ này', 'No value entered directly for this unit and period') }}
                columns={[
                  { title: tr('Thời điểm', 'When'), dataIndex: 'at', render: (a: string) => formatDateTime(a, lang), width: 140 },
                  { title: tr('Người sửa', 'Who'), dataIndex: 'by', width: 100 },
                  { title: tr('Loại', 'Kind'), dataIndex: 'kind', render: (k: string) => label(VALUE_KINDS, k, lang), width: 120 },
                  { title: tr('Cũ', 'Old'), dataIndex: 'oldValue', align: 'right' as const, render: fmt },
                  { title: tr('Mới', 'New'), dataIndex: 'newValue', align: 'right' as const, render: fmt },
                  { title: tr('Ghi chú', 'Comment'), dataIndex: 'comment', render: (c: string) => <span className="wrap-text">{c}</span> },
                ]}
              />
            </PageState>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={`${tr('Số liệu đã nhập', 'Values entered')} — ${unitName(unit)}`}>
            <Table
              rowKey={(r) => `${r.period}|${r.kind}`}
              size="small"
              pagination={false}
              loading={stored.loading}
              dataSource={ownValues}
              locale={{ emptyText: ind.formula ? tr('Chỉ tiêu tính theo công thức, không nhập trực tiếp', 'Computed by its formula; not entered directly') : tr('Chưa có', 'None') }}
              columns={[
                { title: tr('Kỳ', 'Period'), dataIndex: 'period', render: (p: string) => <Link to={`${recordPath('indicators', code)}?unit=${unit}&period=${p}`}>{periodLabel(p, lang)}</Link> },
                { title: tr('Loại', 'Kind'), dataIndex: 'kind', render: (k: string) => label(VALUE_KINDS, k, lang) },
                { title: tr('Số liệu', 'Value'), dataIndex: 'value', align: 'right' as const, render: fmt },
                { title: tr('Ghi chú', 'Comment'), dataIndex: 'comment', render: (c: string) => <span className="wrap-text">{c}</span> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${tr('Chỉ tiêu kế hoạch', 'Targets')} — ${unitName(unit)}`}>
            <Table
              rowKey={(r) => r.period}
              size="small"
              pagination={false}
              loading={stored.loading}
              dataSource={targets}
              columns={[
                { title: tr('Kỳ', 'Period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
                { title: tr('Kế hoạch', 'Target'), dataIndex: 'value', align: 'right' as const, render: fmt },
                { title: tr('Nguồn', 'Source'), dataIndex: 'source', render: (s: string) => <Tag>{label(TARGET_SOURCES, s, lang)}</Tag> },
                { title: tr('Ghi chú', 'Note'), dataIndex: 'note', render: (c: string) => <span className="wrap-text">{c}</span> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Link to={`/entry${search}`}>{tr('Nhập số liệu cho đơn vị, kỳ này', 'Enter data for this unit and period')}</Link>
    </Space>
  );
}
