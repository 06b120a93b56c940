import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Document } from '../api/types';
import { DOC_KINDS, DOC_STATUS, label } from '../i18n/labels';
import { useSession } from '../session';
import { UnitSelect } from './common';
import { RecordFormModal } from './RecordForm';

interface DocValues {
  code: string;
  kind: string;
  number: string;
  title: string;
  date: Dayjs | null;
  issuer: string;
  field?: string;
  plan?: string;
  implements?: string;
  amends?: string;
  status: string;
}

/** Create (If-None-Match: *) or edit (If-Match) a document of the register. */
export function DocumentFormModal({
  open,
  record,
  documents,
  onClose,
  onSaved,
}: {
  open: boolean;
  record?: Document;
  documents: Document[];
  onClose: () => void;
  onSaved: (d: Document) => void;
}) {
  const { tr, lang, catalog, user } = useSession();
  const creating = !record;
  const docOptions = documents.filter((d) => d.code !== record?.code).map((d) => ({ value: d.code, label: `${d.number} — ${d.title}` }));
  return (
    <RecordFormModal<Document, DocValues>
      open={open}
      creating={creating}
      record={record}
      testId="document-form"
      title={creating ? tr('Thêm văn bản', 'Add a document') : tr('Sửa văn bản', 'Edit document')}
      pathOf={(v, r) => `documents/${encodeURIComponent(r?.code ?? v.code.trim())}`}
      toForm={(d) =>
        d
          ? { ...d, date: d.date ? dayjs(d.date) : null, status: d.status || 'in_force' }
          : { code: '', kind: 'plan', number: '', title: '', date: dayjs(), issuer: user!.unit, status: 'in_force', plan: catalog?.plans[0]?.code }
      }
      toBody={(v, r) => {
        const body: Record<string, unknown> = {
          ...(r ?? {}),
          code: r?.code ?? v.code.trim(),
          kind: v.kind,
          number: v.number.trim(),
          title: v.title.trim(),
          date: v.date!.format('YYYY-MM-DD'),
          issuer: v.issuer,
          field: v.field ?? '',
          plan: v.plan ?? '',
          implements: v.implements ?? '',
          amends: v.amends ?? '',
          status: v.status,
        };
        return body;
      }}
      describe={(d) => (
        <strong>
          {d.number} — {d.title} ({label(DOC_STATUS, d.status || 'in_force', lang)})
        </strong>
      )}
      onClose={onClose}
      onSaved={onSaved}
      width={720}
    >
      {() => (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="code" label={tr('Mã văn bản (trong hệ thống)', 'Code (in the system)')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Chữ, số, _ - .', 'Letters, digits, _ - .') }]}>
                <Input disabled={!creating} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={tr('Loại văn bản', 'Kind')} rules={[{ required: true }]}>
                <Select options={Object.keys(DOC_KINDS).map((k) => ({ value: k, label: label(DOC_KINDS, k, lang) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="number" label={tr('Số, ký hiệu', 'Number')} rules={[{ required: true, whitespace: true, message: tr('Nhập số, ký hiệu', 'Enter the number') }]}>
                <Input placeholder="05-KH/TU" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="date" label={tr('Ngày ban hành', 'Date')} rules={[{ required: true, message: tr('Chọn ngày', 'Pick a date') }]}>
                <DatePicker format="D/M/YYYY" className="full-width" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={tr('Trích yếu', 'Title')} rules={[{ required: true, whitespace: true, message: tr('Nhập trích yếu', 'Enter the title') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="issuer" label={tr('Cơ quan ban hành', 'Issuer')} rules={[{ required: true }]}>
                <UnitSelect onChange={() => {}} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="field" label={tr('Lĩnh vực', 'Field')}>
                <Select allowClear options={(catalog?.fields ?? []).map((f) => ({ value: f.code, label: f.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="plan" label={tr('Nghị quyết', 'Plan')}>
                <Select allowClear options={(catalog?.plans ?? []).map((p) => ({ value: p.code, label: p.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="status" label={tr('Hiệu lực', 'Status')}>
                <Select options={Object.keys(DOC_STATUS).map((k) => ({ value: k, label: label(DOC_STATUS, k, lang) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="implements" label={tr('Cụ thể hóa văn bản', 'Implements')}>
            <Select allowClear showSearch optionFilterProp="label" options={docOptions} />
          </Form.Item>
          <Form.Item name="amends" label={tr('Sửa đổi, bổ sung văn bản', 'Amends')}>
            <Select allowClear showSearch optionFilterProp="label" options={docOptions} />
          </Form.Item>
        </>
      )}
    </RecordFormModal>
  );
}
