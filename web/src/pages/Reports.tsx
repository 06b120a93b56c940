import { Button, Card, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { buildUrl, getText } from '../api/client';
import { PageState } from '../components/common';
import { Markdown } from '../lib/markdown';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { ScopeBar } from './Dashboard';

// The formats /api/v1/reports?format= offers today.
const FORMATS = [
  { value: 'md', ext: 'md', vi: 'Markdown (.md)', en: 'Markdown (.md)' },
  { value: 'text', ext: 'txt', vi: 'Văn bản thuần (.txt)', en: 'Plain text (.txt)' },
  { value: 'json', ext: 'json', vi: 'Dữ liệu JSON (.json)', en: 'JSON data (.json)' },
];

export function ReportsPage() {
  const { tr, lang } = useSession();
  const { unit, period } = useScope();
  const [reportLang, setReportLang] = useState<'vi' | 'en'>(lang);
  const [view, setView] = useState<'md' | 'text'>('md');
  const preview = useLoad(() => getText('reports', { unit, period, format: view, lang: reportLang }), [unit, period, view, reportLang]);
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
            value="result"
            className="filter-select-wide"
            options={[{ value: 'result', label: tr('Báo cáo kết quả thực hiện nghị quyết', 'Report on the implementation of the resolution') }]}
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
              href={buildUrl('reports', { unit, period, format: f.value, lang: reportLang })}
              download={`bao-cao-${unit}-${period}.${f.ext}`}
              data-testid={`download-${f.value}`}
            >
              {lang === 'vi' ? f.vi : f.en}
            </Button>
          ))}
          <Typography.Text type="secondary">{tr('DOCX, PDF, XLSX: chờ máy chủ hỗ trợ', 'DOCX, PDF, XLSX: waiting for the server')}</Typography.Text>
        </div>
      </Card>
      <Card className="report-preview" data-testid="report-preview">
        <PageState loading={preview.loading} error={preview.error} onRetry={preview.reload}>
          {preview.data &&
            (view === 'md' ? <Markdown source={preview.data.text} /> : <pre className="report-text">{preview.data.text}</pre>)}
        </PageState>
      </Card>
    </Space>
  );
}
