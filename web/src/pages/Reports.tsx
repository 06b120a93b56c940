import { Button, Card, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { buildUrl, get, getText } from '../api/client';
import type { ReportTrace } from '../api/types';
import { PageState } from '../components/common';
import { TraceDrawer, type TraceSubject } from '../components/TraceDrawer';
import { Markdown, type FigureLink } from '../lib/markdown';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { ScopeBar } from './Dashboard';

// The formats /api/v1/reports?format= offers (docs/reports.md).
const FORMATS = [
  { value: 'docx', ext: 'docx', vi: 'Word (.docx)', en: 'Word (.docx)' },
  { value: 'pdf', ext: 'pdf', vi: 'PDF (.pdf)', en: 'PDF (.pdf)' },
  { value: 'xlsx', ext: 'xlsx', vi: 'Bảng chỉ tiêu Excel (.xlsx)', en: 'Indicator table, Excel (.xlsx)' },
  { value: 'trace', ext: 'trace.json', vi: 'Truy nguồn số liệu (.json)', en: 'Figure trace (.json)' },
  { value: 'md', ext: 'md', vi: 'Markdown (.md)', en: 'Markdown (.md)' },
  { value: 'text', ext: 'txt', vi: 'Văn bản thuần (.txt)', en: 'Plain text (.txt)' },
  { value: 'json', ext: 'json', vi: 'Dữ liệu JSON (.json)', en: 'JSON data (.json)' },
];

// The templates (kind=): empty lets the server follow the period.
const KINDS = [
  { value: '', vi: 'Theo kỳ báo cáo', en: 'From the period' },
  { value: 'six_months', vi: 'Báo cáo sơ kết 6 tháng', en: 'Six-month review' },
  { value: 'nine_months', vi: 'Báo cáo 9 tháng', en: 'Nine-month report' },
  { value: 'year', vi: 'Báo cáo tổng kết năm', en: 'Year-end report' },
  { value: 'mid_term', vi: 'Báo cáo sơ kết giữa nhiệm kỳ', en: 'Mid-term review' },
];

export function ReportsPage() {
  const { tr, lang } = useSession();
  const { unit, period } = useScope();
  const [reportLang, setReportLang] = useState<'vi' | 'en'>(lang);
  const [view, setView] = useState<'md' | 'text'>('md');
  const [kind, setKind] = useState('');
  const [layout, setLayout] = useState<'party' | 'state'>('party');
  const preview = useLoad(() => getText('reports', { unit, period, format: view, lang: reportLang }), [unit, period, view, reportLang]);
  // The trace sidecar ties each printed figure to its values (docs/reports.md).
  const trace = useLoad((signal) => get<ReportTrace>('reports', { unit, period, format: 'trace', lang: reportLang }, signal), [unit, period, reportLang]);
  const [subject, setSubject] = useState<TraceSubject | null>(null);
  const see = tr('xem nguồn số liệu', 'see where it comes from');
  // The figures of one block of the preview: the count of indicators met, and
  // the printed figures of each indicator the block names.
  const figures = (block: string): FigureLink[] => {
    const t = trace.data;
    if (!t) return [];
    const count = `${t.indicatorsMet.count}/${t.indicatorsMet.of}`;
    const out: FigureLink[] = [{ text: count, label: `${count} — ${see}`, open: () => setSubject({ count: true }) }];
    for (const i of t.indicators) {
      if (!block.includes(i.name)) continue;
      const p = i.printed;
      const texts = new Set([p.actual, p.actual.replace(/\s*\([^)]*\)$/, ''), p.target, p.percentOfTarget, p.samePeriodLastYear]);
      for (const text of texts)
        if (/\d|^(có|không|yes|no)$/.test(text ?? '')) out.push({ text, label: `${i.name}: ${text} — ${see}`, open: () => setSubject({ indicator: i.code }) });
    }
    return out;
  };
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Báo cáo', 'Reports')}</h1>
        <ScopeBar />
      </div>
      <Card size="small">
        <div className="filters">
          <label htmlFor="report-template">{tr('Mẫu báo cáo', 'Template')}</label>
          <Select
            id="report-template"
            value={kind}
            onChange={setKind}
            className="filter-select-wide"
            options={KINDS.map((k) => ({ value: k.value, label: lang === 'vi' ? k.vi : k.en }))}
          />
          <Segmented
            aria-label={tr('Thể thức văn bản', 'Document layout')}
            value={layout}
            onChange={(v) => setLayout(v as 'party' | 'state')}
            options={[
              { value: 'party', label: tr('Văn bản của Đảng', 'Party committee') },
              { value: 'state', label: tr('Văn bản hành chính', "People's committee") },
            ]}
          />
          <label htmlFor="report-lang">{tr('Ngôn ngữ báo cáo', 'Report language')}</label>
          <Segmented
            id="report-lang"
            value={reportLang}
            onChange={(v) => setReportLang(v as 'vi' | 'en')}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Segmented
            aria-label={tr('Xem trước dạng', 'Preview as')}
            value={view}
            onChange={(v) => setView(v as 'md' | 'text')}
            options={[
              { value: 'md', label: tr('Trình bày', 'Formatted') },
              { value: 'text', label: tr('Văn bản thuần', 'Plain text') },
            ]}
          />
        </div>
        <div className="filters downloads">
          <Typography.Text strong>{tr('Tải về', 'Download')}:</Typography.Text>
          {FORMATS.map((f) => (
            <Button
              key={f.value}
              icon={<DownloadOutlined />}
              href={buildUrl('reports', { unit, period, format: f.value, lang: reportLang, kind, layout })}
              download={`bao-cao-${unit}-${period}.${f.ext}`}
              data-testid={`download-${f.value}`}
            >
              {lang === 'vi' ? f.vi : f.en}
            </Button>
          ))}
        </div>
      </Card>
      <Card className="report-preview" data-testid="report-preview">
        {view === 'md' && trace.data && (
          <Typography.Text type="secondary" className="hint trace-hint">
            {tr('Bấm vào một con số để xem số liệu và cách tổng hợp ra nó.', 'Click a figure to see the values and the aggregation behind it.')}
          </Typography.Text>
        )}
        <PageState loading={preview.loading} error={preview.error} onRetry={preview.reload}>
          {preview.data &&
            (view === 'md' ? <Markdown source={preview.data.text} figures={figures} /> : <pre className="report-text">{preview.data.text}</pre>)}
        </PageState>
      </Card>
      <TraceDrawer trace={trace.data} subject={subject} onClose={() => setSubject(null)} />
    </Space>
  );
}
