import { Button, Card, Col, Empty, List, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api/client';
import type { AnalyticsAnswer, RatingScale, ScorecardIndicator, ScorecardReport } from '../api/types';
import { PageState, PeriodSelect, StatusTag, UnitSelect } from '../components/common';
import { CompletenessCard, TaskStatusCard } from '../components/CycleWidgets';
import { FigureDrawer, type FigureRef } from '../components/FigureDrawer';
import { Sparkline } from '../components/Sparkline';
import { DOC_KINDS, label } from '../i18n/labels';
import { formatIndicatorValue, formatNumber } from '../lib/numbers';
import { periodLabel, previousYear, trendPeriods } from '../lib/periods';
import { atRiskFirst, projectionThrough, type ProjectionAnswer } from '../lib/projections';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

export function ScopeBar({ extra }: { extra?: React.ReactNode }) {
  const { unit, period, setUnit, setPeriod } = useScope();
  const { tr, catalog } = useSession();
  return (
    <div className="scope-bar">
      <label htmlFor="scope-unit">{tr('Đơn vị', 'Unit')}</label>
      <UnitSelect id="scope-unit" value={unit} onChange={setUnit} />
      <label htmlFor="scope-period">{tr('Kỳ', 'Period')}</label>
      <PeriodSelect id="scope-period" value={period} onChange={setPeriod} term={catalog?.plans[0]?.term} />
      {extra}
    </div>
  );
}

export function DashboardPage() {
  const { unit, period, search } = useScope();
  const { tr, lang, catalog, unitName } = useSession();
  const sc = useLoad(
    (signal) => get<ScorecardReport>('scorecard', { unit, period, lang }, signal),
    [unit, period, lang],
  );
  const scales = useLoad((signal) => get<{ items: RatingScale[] }>('rating-scales', { limit: 100 }, signal), []);
  const term = catalog?.plans[0]?.term;
  const trendOver = trendPeriods(period, term);
  // Figures come from the rollup engine: the unit over the term's periods (the
  // sparklines) and each sub-unit in the period (which of them have data).
  const trend = useLoad(
    (signal) => get<AnalyticsAnswer>('analytics', { unit, period: trendOver.join(',') }, signal),
    [unit, trendOver.join(',')],
  );
  const parts = useLoad((signal) => get<AnalyticsAnswer>('analytics', { children: unit, period }, signal), [unit, period]);
  // The term's course so far: which targets the trend will not reach.
  const through = projectionThrough(period, term);
  const projections = useLoad(
    (signal) => (through === null ? Promise.resolve(null) : get<ProjectionAnswer>('analytics/projections', { unit, through }, signal)),
    [unit, through],
  );
  const [figure, setFigure] = useState<FigureRef | null>(null);
  const openFigure = (indicator: string, at = period) => setFigure({ indicator, unit, period: at });
  const levelName = (code?: string) => {
    for (const s of scales.data?.items ?? []) for (const l of s.levels) if (l.code === code) return l.name;
    return code ?? '';
  };
  const d = sc.data?.scorecard;
  const kids = [...new Set((parts.data?.rows ?? []).map((r) => r.unit))];
  const withData = new Map<string, number>();
  for (const r of parts.data?.rows ?? []) if (r.value !== null) withData.set(r.unit, (withData.get(r.unit) ?? 0) + 1);
  const trendOf = (code: string) => trendOver.map((p) => trend.data?.rows.find((r) => r.indicator === code && r.period === p)?.value ?? null);
  const ly = previousYear(period);
  const atRisk = (d?.indicators ?? []).filter((i) => i.status === 'not_met' || i.status === 'nearly_met');
  const columns = [
    {
      title: tr('Chỉ tiêu', 'Indicator'),
      dataIndex: 'name',
      render: (name: string, r: ScorecardIndicator) => (
        <Link to={`${recordPath('indicators', r.code)}${search}`} className="wrap-text">
          {name}
        </Link>
      ),
    },
    { title: tr('Kế hoạch', 'Target'), dataIndex: ['display', 'target'], align: 'right' as const, width: 150 },
    {
      title: tr('Thực hiện', 'Actual'),
      dataIndex: ['display', 'actual'],
      align: 'right' as const,
      width: 170,
      render: (t: string, r: ScorecardIndicator) => (
        <Button
          type="link"
          className="link-button"
          onClick={() => openFigure(r.code)}
          data-testid={`actual-${r.code}`}
          aria-label={`${r.name}: ${t || '—'} — ${tr('xem số liệu chi tiết', 'see the values behind it')}`}
        >
          {t || '—'}
        </Button>
      ),
    },
    {
      title: tr('Xu hướng', 'Trend'),
      key: 'trend',
      width: 120,
      render: (_: unknown, r: ScorecardIndicator) => (
        <Button
          type="text"
          className="sparkline-button"
          onClick={() => openFigure(r.code)}
          data-testid={`trend-${r.code}`}
          aria-label={`${tr('Xu hướng', 'Trend')} ${r.name}, ${periodLabel(trendOver[0], lang)}–${periodLabel(period, lang)}`}
        >
          <Sparkline values={trendOf(r.code)} label={trendOver.map((p, i) => `${periodLabel(p, lang)}: ${formatIndicatorValue(trendOf(r.code)[i], catalog?.indicatorByCode.get(r.code), lang)}`).join('; ')} />
        </Button>
      ),
    },
    {
      title: tr('% kế hoạch', '% of target'),
      dataIndex: 'percentOfTarget',
      width: 150,
      render: (p: number | null, r: ScorecardIndicator) =>
        p == null ? (
          '—'
        ) : (
          <Tooltip title={r.display?.percentOfTarget}>
            <Progress
              percent={Math.min(100, p)}
              size="small"
              status={r.status === 'not_met' ? 'exception' : r.status === 'nearly_met' ? 'normal' : 'success'}
              format={() => r.display?.percentOfTarget ?? formatNumber(p, { decimals: 1, lang }) + '%'}
            />
          </Tooltip>
        ),
    },
    {
      title: tr('Cùng kỳ năm trước', 'Same period last year'),
      dataIndex: 'samePeriodLastYear',
      align: 'right' as const,
      width: 140,
      render: (v: number | null, r: ScorecardIndicator) => {
        const text = formatIndicatorValue(v, catalog?.indicatorByCode.get(r.code), lang);
        return v == null || !ly ? (
          text
        ) : (
          <Button type="link" className="link-button" onClick={() => openFigure(r.code, ly)}>
            {text}
          </Button>
        );
      },
    },
    { title: tr('Đánh giá', 'Status'), dataIndex: 'status', width: 130, render: (s: string) => <StatusTag status={s} /> },
  ];
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Tổng quan', 'Dashboard')}</h1>
        <ScopeBar />
      </div>
      <PageState loading={sc.loading} error={sc.error} onRetry={sc.reload}>
        {d && (
          <>
            <Typography.Text type="secondary" className="subtitle">
              {sc.data!.subtitle}
            </Typography.Text>
            <Row gutter={[16, 16]} className="tiles">
              <Col xs={24} sm={12} xl={6}>
                <Card className="tile" data-testid="tile-indicators">
                  <Statistic
                    title={tr('Chỉ tiêu đạt và vượt', 'Indicators met or exceeded')}
                    value={`${d.indicatorsMet}/${d.indicatorsEvaluated}`}
                  />
                  <Typography.Text type="secondary">
                    {d.indicatorsMet}/{d.indicatorsEvaluated} {tr('chỉ tiêu đạt và vượt', 'indicators met or exceeded')}
                    {d.indicatorsInPlan > d.indicatorsEvaluated &&
                      ` · ${d.indicatorsInPlan - d.indicatorsEvaluated} ${tr('chưa đánh giá được', 'not evaluable')}`}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card className="tile" data-testid="tile-tasks">
                  <Statistic
                    title={tr('Nhóm nhiệm vụ hoàn thành tốt trở lên', 'Task groups good or better')}
                    value={d.taskGroups && d.taskGroups.total ? `${d.taskGroups.goodOrBetter}/${d.taskGroups.total}` : '—'}
                  />
                  <Typography.Text type="secondary">
                    {d.taskGroups && d.taskGroups.total
                      ? `${d.taskGroups.excellent}/${d.taskGroups.total} ${tr('xuất sắc', 'excellent')}`
                      : tr('Chỉ đánh giá ở cấp của nghị quyết', 'Rated at the level of the resolution only')}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card className="tile" data-testid="tile-study">
                  <Statistic
                    title={tr('Tỷ lệ học tập, quán triệt nghị quyết', 'Study participation')}
                    value={d.study?.rate != null ? formatNumber(d.study.rate, { decimals: 1, lang }) + '%' : '—'}
                  />
                  <Typography.Text type="secondary">
                    {d.study
                      ? `${formatNumber(d.study.attended, { lang })}/${formatNumber(d.study.eligible, { lang })} ${tr('lượt', 'attendances')} · ${d.study.sessions} ${tr('hội nghị', 'sessions')}`
                      : ''}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <Card className="tile" data-testid="tile-meetings">
                  <Statistic
                    title={tr('Sinh hoạt chi bộ mẫu xếp loại tốt', 'Model meetings rated good')}
                    value={d.modelMeetings && d.modelMeetings.total ? `${d.modelMeetings.goodOrBetter}/${d.modelMeetings.total}` : '—'}
                  />
                  <Typography.Text type="secondary">
                    {tr('Văn bản ban hành trong kỳ', 'Documents issued')}: {d.documents?.total ?? 0} · {tr('Hội thi', 'Contests')}:{' '}
                    {d.contests ?? 0}
                  </Typography.Text>
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]} className="cycle-row">
              <Col xs={24} xl={12}>
                <CompletenessCard unit={unit} period={period} />
              </Col>
              <Col xs={24} xl={12}>
                <TaskStatusCard unit={unit} period={period} />
              </Col>
            </Row>
            <Card
              title={`${tr('Kết quả thực hiện các chỉ tiêu', 'Indicator results')} — ${sc.data!.period.label}`}
              extra={<Link to={`/entry${search}`}>{tr('Nhập số liệu', 'Enter data')}</Link>}
            >
              <Table
                data-testid="indicator-table"
                rowKey="code"
                size="small"
                columns={columns}
                dataSource={d.indicators}
                pagination={false}
                scroll={{ x: 900 }}
                locale={{ emptyText: tr('Đơn vị này chưa có nghị quyết với chỉ tiêu', 'No plan with indicators for this unit') }}
              />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title={<span><WarningOutlined /> {tr('Chỉ tiêu có nguy cơ không đạt', 'Indicators at risk')}</span>}>
                  <RiskList
                    heading={tr(`Chưa đạt kế hoạch ${periodLabel(period, 'vi').toLowerCase()}`, `Below target in ${periodLabel(period, 'en')}`)}
                    empty={tr('Không có chỉ tiêu nào chưa đạt', 'No indicator below target')}
                    items={atRisk.map((i) => ({
                      code: i.code,
                      name: i.name,
                      figure: (
                        <span className="nowrap">
                          {i.display?.actual} / {i.display?.target} <StatusTag status={i.status} />
                        </span>
                      ),
                    }))}
                  />
                  {/* A unit with no plan of its own or above has no term to project: nothing shows. */}
                  <TermRisks answer={projections.data} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={tr('Nhóm nhiệm vụ trọng tâm theo xếp loại', 'Key task groups by rating')}>
                  {!d.taskGroups || d.taskGroups.groups.length === 0 ? (
                    <Empty description={tr('Chưa có xếp loại nhóm nhiệm vụ cho đơn vị, kỳ này', 'No task-group rating for this unit and period')} />
                  ) : (
                    <List
                      dataSource={d.taskGroups.groups}
                      renderItem={(g) => (
                        <List.Item>
                          <Link to={`${recordPath('tasks', g.code)}${search}`} className="wrap-text">
                            {g.code}. {g.name}
                          </Link>
                          <Tag color={g.rating === 'excellent' ? 'green' : g.rating === 'good' ? 'blue' : g.rating ? 'orange' : 'default'}>
                            {g.rating ? levelName(g.rating) : tr('Chưa xếp loại', 'Not rated')}
                          </Tag>
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={tr('Văn bản ban hành trong kỳ theo loại', 'Documents issued in the period by kind')}>
                  {!d.documents || d.documents.total === 0 ? (
                    <Empty description={tr('Chưa có văn bản', 'No documents')} />
                  ) : (
                    <List
                      dataSource={Object.entries(d.documents.issuedByKind)}
                      renderItem={([k, n]) => (
                        <List.Item>
                          <Link to={`/documents${search}&kind=${k}`}>{label(DOC_KINDS, k, lang)}</Link>
                          <span>
                            {n}
                            {d.documents!.amendingByKind[k] ? ` (${tr('sửa đổi, bổ sung', 'amending')}: ${d.documents!.amendingByKind[k]})` : ''}
                          </span>
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={tr('Đơn vị trực thuộc đã báo cáo số liệu kỳ này', 'Sub-units that reported this period')}>
                  {parts.error ? (
                    <PageState error={parts.error} onRetry={parts.reload} />
                  ) : kids.length === 0 ? (
                    <Empty description={parts.loading ? tr('Đang tải…', 'Loading…') : tr('Đơn vị không có đơn vị trực thuộc', 'No sub-units')} />
                  ) : (
                    <List
                      size="small"
                      dataSource={kids}
                      renderItem={(k) => (
                        <List.Item>
                          <Link to={`/entry?unit=${encodeURIComponent(k)}&period=${encodeURIComponent(period)}`} className="wrap-text">
                            {unitName(k)}
                          </Link>
                          {withData.get(k) ? (
                            <Tag color="green">
                              {withData.get(k)} {tr('chỉ tiêu có số liệu', 'indicators with data')}
                            </Tag>
                          ) : (
                            <Tag>{tr('Chưa báo cáo', 'Not reported')}</Tag>
                          )}
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </PageState>
      <FigureDrawer start={figure} term={term} onClose={() => setFigure(null)} />
    </Space>
  );
}

/** Indicators whose term target the trend of the completed years will not reach. */
function TermRisks({ answer }: { answer: ProjectionAnswer | null | undefined }) {
  const { tr, lang, catalog } = useSession();
  if (!answer) return null;
  const fmt = (code: string, v: number | null) => formatIndicatorValue(v, catalog?.indicatorByCode.get(code), lang);
  return (
    <RiskList
      className="term-risks"
      testId="term-risks"
      heading={tr(`Dự báo không đạt mục tiêu ${periodLabel(answer.term, 'vi').toLowerCase()} (theo số liệu đến năm ${answer.through})`, `Projected to miss the ${periodLabel(answer.term, 'en')} target (from data up to ${answer.through})`)}
      empty={tr('Theo xu hướng hiện nay, các chỉ tiêu đều đạt mục tiêu nhiệm kỳ', 'On the present trend every indicator reaches its term target')}
      items={atRiskFirst(answer).map((p) => ({
        code: p.indicator,
        name: catalog?.indicatorByCode.get(p.indicator)?.name ?? p.indicator,
        figure: (
          <Tooltip title={tr('Dự báo theo đường thẳng và theo tốc độ tăng bình quân', 'Linear and compound-growth projections')}>
            <span className="nowrap">
              {tr('dự báo', 'projected')} {fmt(p.indicator, p.linear ?? p.compound)} / {fmt(p.indicator, p.target)}
            </span>
          </Tooltip>
        ),
      }))}
    />
  );
}

/** A heading and a list of indicators, each linked to its page, with a figure. */
function RiskList({ heading, empty, items, className, testId }: {
  heading: ReactNode;
  empty: string;
  items: { code: string; name: string; figure: ReactNode }[];
  className?: string;
  testId?: string;
}) {
  const { search } = useScope();
  return (
    <div className={className} data-testid={testId}>
      <Typography.Text strong>{heading}</Typography.Text>
      {items.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <List
          dataSource={items}
          renderItem={(i) => (
            <List.Item>
              <Link to={`${recordPath('indicators', i.code)}${search}`} className="wrap-text">
                {i.name}
              </Link>
              {i.figure}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
