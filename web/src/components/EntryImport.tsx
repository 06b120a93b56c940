// The Excel round-trip on the data-entry screen (docs/import.md): download
// the unit × period template, upload it (or a CSV) back as an import job,
// follow a background job's progress, and show a refusal row by row.
import { Alert, Button, Card, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { buildUrl, get, upload } from '../api/client';
import type { ImportJob, ImportRowError } from '../api/types';
import { formatNumber } from '../lib/numbers';
import { useSession } from '../session';
import { InlineError } from './common';

const ACCEPTED = '.xlsx,.csv';
const POLL_MS = 800;
const finished = (j: ImportJob) => j.status === 'succeeded' || j.status === 'failed';

export function EntryImport({
  unit,
  period,
  blocked,
  onImported,
}: {
  unit: string;
  period: string;
  /** Why an upload may not start now (unsaved figures would be overwritten), or null. */
  blocked: string | null;
  onImported: () => void;
}) {
  const { tr, lang } = useSession();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  // Another unit or period: the last job's report belongs to the old one.
  useEffect(() => {
    setJob(null);
    setError(null);
  }, [unit, period]);

  // A job in the background: ask for its state until it has finished.
  useEffect(() => {
    if (!job || finished(job)) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      get<ImportJob>(`imports/${encodeURIComponent(job.id)}`, undefined, ctl.signal)
        .then(setJob)
        .catch((e) => {
          if ((e as Error).name !== 'AbortError') setError(e);
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [job]);

  // The grid shows the server's figures once the import has written them.
  const succeededId = job?.status === 'succeeded' ? job.id : null;
  useEffect(() => {
    if (succeededId) onImported();
  }, [succeededId]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = async (file: File) => {
    setError(null);
    setJob(null);
    setSending(true);
    try {
      setJob(await upload<ImportJob>('imports', file, { filename: file.name }, undefined, [422]));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const running = sending || (job !== null && !finished(job));
  const rowErrors = job?.result?.errors ?? [];
  const columns = [
    { title: tr('Dòng', 'Row'), dataIndex: 'line', width: 70, align: 'right' as const },
    { title: tr('Cột', 'Column'), dataIndex: 'column', width: 130, render: (c: string) => c || '—' },
    { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', width: 110, render: (c: string) => c || '—' },
    { title: tr('Kỳ', 'Period'), dataIndex: 'period', width: 90, render: (c: string) => c || '—' },
    { title: tr('Chỉ tiêu', 'Indicator'), dataIndex: 'indicator', width: 170, render: (c: string) => <span className="wrap-text">{c || '—'}</span> },
    {
      title: tr('Lỗi', 'Problem'),
      key: 'message',
      render: (_: unknown, e: ImportRowError) => <span className="wrap-text">{e.message[lang]}</span>,
    },
  ];

  return (
    <Card
      size="small"
      className="entry-import"
      title={
        <span>
          <FileExcelOutlined /> {tr('Nhập từ tệp Excel hoặc CSV', 'Import from an Excel or CSV file')}
        </span>
      }
      data-testid="entry-import"
    >
      <Space direction="vertical" className="full-width">
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={buildUrl('templates/data-entry', { unit, period })}
            data-testid="template-download"
          >
            {tr('Tải biểu mẫu Excel của đơn vị, kỳ này', 'Download the Excel template for this unit and period')}
          </Button>
          <Upload
            accept={ACCEPTED}
            showUploadList={false}
            disabled={running || blocked !== null}
            // The job (or the error) is shown by this card, not by Upload's list.
            customRequest={({ file, onSuccess }) => void send(file as File).then(() => onSuccess?.(null))}
          >
            <Button icon={<UploadOutlined />} loading={running} disabled={blocked !== null} data-testid="import-upload">
              {tr('Tải tệp đã điền lên (XLSX, CSV)', 'Upload a filled file (XLSX, CSV)')}
            </Button>
          </Upload>
        </Space>
        <Typography.Text type="secondary" className="hint">
          {blocked ??
            tr(
              'Điền cột “Số liệu” rồi tải lên. Tệp chỉ được nhập khi mọi dòng đều đúng; nếu có lỗi, không số liệu nào bị thay đổi.',
              'Fill in the “Value” column and upload. The file is imported only when every row is right; otherwise nothing changes.',
            )}
        </Typography.Text>
        <InlineError error={error} />
        {job && !finished(job) && (
          <div role="status" data-testid="import-progress">
            <Typography.Text>
              {job.status === 'queued' ? tr('Đang chờ nhập', 'Waiting to import') : tr('Đang nhập', 'Importing')} “{job.filename}”:{' '}
              {formatNumber(job.progress.rowsRead, { lang })}/{formatNumber(job.progress.rowsTotal, { lang })} {tr('dòng', 'rows')}
            </Typography.Text>
            <Progress
              percent={job.progress.rowsTotal ? Math.floor((100 * job.progress.rowsRead) / job.progress.rowsTotal) : 0}
              status="active"
              aria-label={tr('Tiến độ nhập', 'Import progress')}
            />
          </div>
        )}
        {job?.status === 'succeeded' && job.result && (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="import-succeeded"
            message={tr(`Đã nhập tệp “${job.filename}”`, `Imported “${job.filename}”`)}
            description={tr(
              `${job.result.imported} số liệu mới, ${job.result.updated} số liệu cập nhật, ${job.result.unchanged} không đổi.`,
              `${job.result.imported} new, ${job.result.updated} updated, ${job.result.unchanged} unchanged.`,
            )}
          />
        )}
        {job?.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="import-failed"
            message={tr(`Tệp “${job.filename}” không được nhập; không số liệu nào bị thay đổi`, `“${job.filename}” was not imported; nothing changed`)}
            description={
              job.error
                ? job.error.message[lang]
                : tr(`${rowErrors.length} lỗi — sửa các dòng dưới đây rồi tải lên lại.`, `${rowErrors.length} problem(s) — fix the rows below and upload again.`)
            }
            action={
              rowErrors.length > 0 && (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={buildUrl(`imports/${encodeURIComponent(job.id)}`, { format: 'xlsx' })}
                  data-testid="import-error-report"
                >
                  {tr('Tải báo cáo lỗi (Excel)', 'Download the error report (Excel)')}
                </Button>
              )
            }
          />
        )}
        {rowErrors.length > 0 && (
          <Table
            data-testid="import-errors"
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rowErrors.map((e, key) => ({ ...e, key }))}
            pagination={rowErrors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 800 }}
          />
        )}
      </Space>
    </Card>
  );
}
