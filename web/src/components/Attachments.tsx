// Files attached to a document or a task: list, upload (the raw file as the
// request body, the server judges its type from the bytes), download, delete
// with If-Match.
import { App, Button, Card, Popconfirm, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { ApiError, get, request, upload, type Page } from '../api/client';
import type { Attachment } from '../api/types';
import { formatDateTime, formatNumber } from '../lib/numbers';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { InlineError, PageState } from './common';

export const ACCEPTED = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.jpg,.jpeg,.png';

export function formatSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024) return `${formatNumber(bytes, { lang })} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { decimals: 1, lang })} KB`;
  return `${formatNumber(bytes / 1024 / 1024, { decimals: 1, lang })} MB`;
}

export function AttachmentsCard({ owner, code, canEdit }: { owner: 'documents' | 'tasks'; code: string; canEdit: boolean }) {
  const { tr, lang } = useSession();
  const { message } = App.useApp();
  const base = `${owner}/${encodeURIComponent(code)}/attachments`;
  const list = useLoad(() => get<Page<Attachment>>(base, { limit: 1000 }), [base]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = list.data?.items ?? [];

  const remove = async (a: Attachment) => {
    setError(null);
    try {
      await request(`attachments/${a.id}`, { method: 'DELETE', ifMatch: a.etag });
      message.success(tr(`Đã xóa tệp ${a.filename}`, `Deleted ${a.filename}`));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) message.info(tr('Tệp đã được người khác xóa.', 'Someone else already deleted the file.'));
      else setError(e);
    }
    list.reload();
  };

  return (
    <Card
      title={
        <span>
          <PaperClipOutlined /> {tr('Tệp đính kèm', 'Attachments')} ({items.length})
        </span>
      }
      extra={
        canEdit && (
          <Upload
            accept={ACCEPTED}
            multiple
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              const f = file as File;
              setError(null);
              setBusy(true);
              try {
                const a = await upload<Attachment>(base, f, { filename: f.name });
                message.success(tr(`Đã tải lên ${a.filename}`, `Uploaded ${a.filename}`));
                onSuccess?.(a);
              } catch (e) {
                setError(e);
                onError?.(e as Error);
              } finally {
                setBusy(false);
                list.reload();
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="attach-upload">
              {tr('Tải tệp lên', 'Upload a file')}
            </Button>
          </Upload>
        )
      }
    >
      <>
        <InlineError error={error} />
        <PageState loading={list.loading} error={list.error} onRetry={list.reload}>
          <Table
            data-testid="attachments"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            scroll={{ x: 640 }}
            locale={{ emptyText: tr('Chưa có tệp đính kèm', 'No attachments yet') }}
            columns={[
              {
                title: tr('Tên tệp', 'File'),
                dataIndex: 'filename',
                render: (n: string, a: Attachment) => (
                  <a href={`/api/v1/attachments/${a.id}`} download={n} className="wrap-text" data-testid={`attachment-${a.id}`}>
                    <DownloadOutlined /> {n}
                  </a>
                ),
              },
              { title: tr('Dung lượng', 'Size'), dataIndex: 'size', width: 100, align: 'right' as const, render: (s: number) => formatSize(s, lang) },
              {
                title: tr('Người tải lên', 'Uploaded by'),
                key: 'by',
                width: 190,
                render: (_: unknown, a: Attachment) => (
                  <span>
                    {a.uploadedBy}
                    <br />
                    <Typography.Text type="secondary">{formatDateTime(a.uploadedAt, lang)}</Typography.Text>
                  </span>
                ),
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'del',
                      width: 56,
                      render: (_: unknown, a: Attachment) => (
                        <Popconfirm
                          title={tr(`Xóa tệp “${a.filename}”?`, `Delete “${a.filename}”?`)}
                          okText={tr('Xóa', 'Delete')}
                          cancelText={tr('Hủy', 'Cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove(a)}
                        >
                          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${tr('Xóa', 'Delete')} ${a.filename}`} />
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Text type="secondary" className="hint">
            {tr(
              'Nhận PDF, Word, Excel, PowerPoint, OpenDocument, JPEG, PNG; tối đa 20 MiB mỗi tệp.',
              'PDF, Word, Excel, PowerPoint, OpenDocument, JPEG, PNG; 20 MiB at most per file.',
            )}
          </Typography.Text>
        </PageState>
      </>
    </Card>
  );
}
