import { App, Button, Card, Col, Descriptions, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, get, getAll, request } from '../api/client';
import { AttachmentsCard } from '../components/Attachments';
import { DocumentFormModal } from '../components/DocumentForm';
import { deleteRecord } from '../components/RecordForm';
import { useErrorText } from '../components/common';
import { canEnter } from '../lib/access';
import type { Document } from '../api/types';
import { PageState, UnitSelect } from '../components/common';
import { DOC_KINDS, DOC_STATUS, label } from '../i18n/labels';
import { formatDate } from '../lib/numbers';
import { within } from '../lib/units';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

export function DocumentsPage() {
  const { tr, lang, catalog, unitName, user } = useSession();
  const { search } = useScope();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? undefined;
  const [issuer, setIssuer] = useState<string | undefined>();
  const [year, setYear] = useState<string | undefined>();
  const [field, setField] = useState<string | undefined>();
  const [typed, setTyped] = useState(q);
  const setParam = (k: string, v: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v) n.set(k, v);
      else n.delete(k);
      return n;
    });
  // The search ignores case and diacritics on the server ("quan triet" finds "quán triệt").
  const docs = useLoad(() => getAll<Document>('documents', { q: q || undefined, period: year, sort: '-code' }), [q, year]);
  const rows = useMemo(
    () =>
      (docs.data ?? [])
        .filter((d) => !issuer || within(issuer, d.issuer, catalog!.unitByCode))
        .filter((d) => !field || d.field === field)
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    [docs.data, issuer, field, catalog],
  );
  const counts = new Map<string, number>();
  for (const d of rows) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const shown = rows.filter((d) => !kind || d.kind === kind);
  const now = new Date().getFullYear();
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Văn bản', 'Documents')}</h1>
        {canEnter(user, user?.unit, catalog!.unitByCode) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="doc-add">
            {tr('Thêm văn bản', 'Add a document')}
          </Button>
        )}
      </div>
      <DocumentFormModal
        open={adding}
        documents={docs.data ?? []}
        onClose={() => setAdding(false)}
        onSaved={(d) => {
          setAdding(false);
          navigate(`${recordPath('documents', d.code)}${search}`);
        }}
      />
      <Card size="small">
        <div className="filters">
          <Input.Search
            aria-label={tr('Tìm văn bản', 'Search documents')}
            data-testid="doc-search"
            placeholder={tr('Tìm theo số, trích yếu (không cần dấu)', 'Search number or title (diacritics optional)')}
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setParam('q', v.trim() || undefined)}
            enterButton
            className="filter-search-wide"
          />
          <Select
            aria-label={tr('Loại văn bản', 'Kind')}
            allowClear
            placeholder={tr('Loại văn bản', 'Kind')}
            value={kind}
            onChange={(v) => setParam('kind', v)}
            options={Object.keys(DOC_KINDS).map((k) => ({ value: k, label: label(DOC_KINDS, k, lang) }))}
            className="filter-select"
            popupMatchSelectWidth={false}
          />
          <UnitSelect value={issuer} onChange={setIssuer} style={{ minWidth: 220 }} />
          <Select
            aria-label={tr('Năm', 'Year')}
            allowClear
            placeholder={tr('Năm ban hành', 'Year')}
            value={year}
            onChange={setYear}
            options={Array.from({ length: 8 }, (_, i) => String(now - i)).map((y) => ({ value: y, label: y }))}
            className="filter-select-small"
          />
          <Select
            aria-label={tr('Lĩnh vực', 'Field')}
            allowClear
            placeholder={tr('Lĩnh vực', 'Field')}
            value={field}
            onChange={setField}
            options={(catalog?.fields ?? []).map((f) => ({ value: f.code, label: f.name }))}
            className="filter-select"
            popupMatchSelectWidth={false}
          />
          {issuer && <a onClick={() => setIssuer(undefined)}>{tr('Bỏ lọc đơn vị', 'Clear issuer')}</a>}
        </div>
      </Card>
      <PageState loading={docs.loading} error={docs.error} onRetry={docs.reload}>
        <Row gutter={[12, 12]} className="kind-counts">
          <Col>
            <Card size="small" className={`count-card ${!kind ? 'count-active' : ''}`} onClick={() => setParam('kind', undefined)}>
              <Statistic title={tr('Tất cả', 'All')} value={rows.length} />
            </Card>
          </Col>
          {[...counts.entries()].map(([k, n]) => (
            <Col key={k}>
              <Card size="small" className={`count-card ${kind === k ? 'count-active' : ''}`} onClick={() => setParam('kind', k)} data-testid={`count-${k}`}>
                <Statistic title={label(DOC_KINDS, k, lang)} value={n} />
              </Card>
            </Col>
          ))}
        </Row>
        <Card>
          <Table
            data-testid="doc-table"
            rowKey="code"
            size="small"
            dataSource={shown}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: q ? tr(`Không có văn bản nào khớp “${q}”`, `No document matches “${q}”`) : tr('Chưa có văn bản', 'No documents') }}
            columns={[
              { title: tr('Số, ký hiệu', 'Number'), dataIndex: 'number', width: 130, render: (n: string, d: Document) => <Link to={`${recordPath('documents', d.code)}${search}`}>{n}</Link> },
              { title: tr('Ngày', 'Date'), dataIndex: 'date', width: 100, render: (d: string) => formatDate(d, lang) },
              { title: tr('Loại', 'Kind'), dataIndex: 'kind', width: 150, render: (k: string) => label(DOC_KINDS, k, lang) },
              { title: tr('Trích yếu', 'Title'), dataIndex: 'title', render: (t: string, d: Document) => <Link to={`${recordPath('documents', d.code)}${search}`} className="wrap-text">{t}</Link> },
              { title: tr('Cơ quan ban hành', 'Issuer'), dataIndex: 'issuer', width: 190, render: (u: string) => <span className="wrap-text">{unitName(u)}</span> },
              { title: tr('Hiệu lực', 'Status'), dataIndex: 'status', width: 120, render: (s: string) => <Tag color={s === 'in_force' || !s ? 'green' : 'default'}>{label(DOC_STATUS, s || 'in_force', lang)}</Tag> },
            ]}
          />
        </Card>
      </PageState>
    </Space>
  );
}

export function DocumentDetailPage() {
  const { code = '' } = useParams();
  const { tr, lang, unitName, catalog, user } = useSession();
  const { search } = useScope();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const doc = useLoad(async () => {
    const { data: d, etag } = await request<Document>(`documents/${encodeURIComponent(code)}`);
    const related = await Promise.all(
      [d.implements, d.amends].map((c) => (c ? get<Document>(`documents/${encodeURIComponent(c)}`).catch(() => null) : Promise.resolve(null))),
    );
    return { d, etag, implementsDoc: related[0], amendsDoc: related[1] };
  }, [code]);
  const all = useLoad(() => (editing ? getAll<Document>('documents') : Promise.resolve([] as Document[])), [editing]);
  const d = doc.data?.d;
  const mayEdit = !!d && canEnter(user, d.issuer, catalog!.unitByCode);
  const remove = async () => {
    try {
      await deleteRecord(`documents/${encodeURIComponent(code)}`, doc.data?.etag);
      message.success(tr('Đã xóa văn bản', 'Document deleted'));
      navigate(`/documents${search}`);
    } catch (e) {
      message.error(errorText(e));
      // 412: someone changed it meanwhile — show what it is now.
      if (e instanceof ApiError && e.status === 412) doc.reload();
    }
  };
  const link = (x: Document | null | undefined, c?: string) =>
    x ? (
      <Link to={`${recordPath('documents', x.code)}${search}`} className="wrap-text">
        {x.number} — {x.title}
      </Link>
    ) : (
      c || '—'
    );
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Link to={`/documents${search}`}>← {tr('Sổ văn bản', 'Register')}</Link>
      <PageState loading={doc.loading} error={doc.error} onRetry={doc.reload}>
        {d && (
          <>
            <div className="page-head">
              <h1 className="page-title wrap-text">
                {d.number} — {d.title}
              </h1>
              {mayEdit && (
                <div className="head-actions">
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="doc-edit">
                    {tr('Sửa', 'Edit')}
                  </Button>
                  <Popconfirm
                    title={tr('Xóa văn bản này?', 'Delete this document?')}
                    description={tr('Văn bản còn tệp đính kèm thì cần xóa tệp trước.', 'Delete its attachments first.')}
                    okText={tr('Xóa', 'Delete')}
                    cancelText={tr('Hủy', 'Cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={remove}
                  >
                    <Button danger icon={<DeleteOutlined />}>
                      {tr('Xóa', 'Delete')}
                    </Button>
                  </Popconfirm>
                </div>
              )}
            </div>
            <DocumentFormModal
              open={editing}
              record={d}
              documents={all.data ?? []}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                message.success(tr('Đã lưu văn bản', 'Document saved'));
                doc.reload();
              }}
            />
            <Card>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={tr('Loại', 'Kind')}>{label(DOC_KINDS, d.kind, lang)}</Descriptions.Item>
                <Descriptions.Item label={tr('Ngày ban hành', 'Date')}>{formatDate(d.date, lang)}</Descriptions.Item>
                <Descriptions.Item label={tr('Cơ quan ban hành', 'Issuer')}>{unitName(d.issuer)}</Descriptions.Item>
                <Descriptions.Item label={tr('Lĩnh vực', 'Field')}>{catalog?.fields.find((f) => f.code === d.field)?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('Hiệu lực', 'Status')}>{label(DOC_STATUS, d.status || 'in_force', lang)}</Descriptions.Item>
                <Descriptions.Item label={tr('Nghị quyết', 'Plan')}>{d.plan || '—'}</Descriptions.Item>
                <Descriptions.Item label={tr('Cụ thể hóa văn bản', 'Implements')} span={2}>
                  {link(doc.data!.implementsDoc, d.implements)}
                </Descriptions.Item>
                <Descriptions.Item label={tr('Sửa đổi, bổ sung', 'Amends')} span={2}>
                  {link(doc.data!.amendsDoc, d.amends)}
                </Descriptions.Item>
              </Descriptions>
              {d.illustrative && (
                <Typography.Paragraph type="secondary" className="note">
                  {tr('Số hiệu, ngày, trích yếu là minh họa.', 'Number, date and title are illustrative.')}
                </Typography.Paragraph>
              )}
            </Card>
            <AttachmentsCard owner="documents" code={d.code} canEdit={mayEdit} />
          </>
        )}
      </PageState>
    </Space>
  );
}
