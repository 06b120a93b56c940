import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Activity, Attendance, RatingScale } from '../api/types';
import { ACTIVITY_KINDS, label } from '../i18n/labels';
import { formatDate } from '../lib/numbers';
import { useSession } from '../session';
import { UnitSelect } from './common';
import { RecordFormModal } from './RecordForm';

export const ATTENDANCE_CATEGORIES: Record<string, [string, string]> = {
  party_members: ['Đảng viên', 'Party members'],
  cadres: ['Cán bộ', 'Cadres'],
  civil_servants: ['Công chức', 'Civil servants'],
  public_employees: ['Viên chức', 'Public employees'],
  armed_forces: ['Lực lượng vũ trang', 'Armed forces'],
};

interface ActivityValues {
  code: string;
  kind: Activity['kind'];
  name: string;
  unit: string;
  date: Dayjs | null;
  plan?: string;
  attendance?: { category: string; attended: number; eligible: number }[];
  ratingScale?: string;
  ratingLevel?: string;
  participants?: number;
  result?: string;
}

/** Create (If-None-Match: *) or edit (If-Match) an activity: study session, model meeting, contest… */
export function ActivityFormModal({
  open,
  record,
  kind,
  scales,
  onClose,
  onSaved,
}: {
  open: boolean;
  record?: Activity;
  kind?: Activity['kind'];
  scales: RatingScale[];
  onClose: () => void;
  onSaved: (a: Activity) => void;
}) {
  const { tr, lang, catalog, user } = useSession();
  const creating = !record;
  return (
    <RecordFormModal<Activity, ActivityValues>
      open={open}
      creating={creating}
      record={record}
      testId="activity-form"
      title={creating ? tr('Thêm hoạt động', 'Add an activity') : tr('Sửa hoạt động', 'Edit activity')}
      pathOf={(v, r) => `activities/${encodeURIComponent(r?.code ?? v.code.trim())}`}
      toForm={(a) =>
        a
          ? {
              ...a,
              date: a.date ? dayjs(a.date) : null,
              attendance: (a.attendance ?? []).map((x) => ({ category: x.category, attended: x.attended, eligible: x.eligible })),
            }
          : {
              code: '',
              kind: kind ?? 'study_session',
              name: '',
              unit: user!.unit,
              date: dayjs(),
              plan: catalog?.plans[0]?.code,
              attendance: [{ category: 'party_members', attended: 0, eligible: 0 }],
              ratingScale: 'meeting',
            }
      }
      toBody={(v, r) => {
        const body: Record<string, unknown> = {
          ...(r ?? {}),
          code: r?.code ?? v.code.trim(),
          kind: v.kind,
          name: v.name.trim(),
          unit: v.unit,
          date: v.date!.format('YYYY-MM-DD'),
          plan: v.plan ?? '',
          attendance: [],
          ratingScale: '',
          ratingLevel: '',
          participants: 0,
          result: '',
        };
        if (v.kind === 'study_session')
          body.attendance = (v.attendance ?? []).map(
            (x): Attendance => ({
              category: x.category,
              categoryName: ATTENDANCE_CATEGORIES[x.category]?.[0] ?? r?.attendance?.find((a) => a.category === x.category)?.categoryName ?? x.category,
              attended: x.attended ?? 0,
              eligible: x.eligible ?? 0,
            }),
          );
        else if (v.kind === 'model_meeting') {
          body.ratingScale = v.ratingScale ?? '';
          body.ratingLevel = v.ratingLevel ?? '';
        } else {
          body.participants = v.participants ?? 0;
          body.result = (v.result ?? '').trim();
        }
        return body;
      }}
      describe={(a) => (
        <strong>
          {a.name} ({formatDate(a.date, lang)})
        </strong>
      )}
      onClose={onClose}
      onSaved={onSaved}
      width={760}
    >
      {(form) => (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="code" label={tr('Mã', 'Code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Chữ, số, _ - .', 'Letters, digits, _ - .') }]}>
                <Input disabled={!creating} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={tr('Loại hoạt động', 'Kind')} rules={[{ required: true }]}>
                <Select options={Object.keys(ACTIVITY_KINDS).map((k) => ({ value: k, label: label(ACTIVITY_KINDS, k, lang) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="name" label={tr('Tên hoạt động', 'Name')} rules={[{ required: true, whitespace: true, message: tr('Nhập tên', 'Enter a name') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="unit" label={tr('Đơn vị tổ chức', 'Unit')} rules={[{ required: true }]}>
                <UnitSelect onChange={() => {}} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="date" label={tr('Ngày', 'Date')} rules={[{ required: true, message: tr('Chọn ngày', 'Pick a date') }]}>
                <DatePicker format="D/M/YYYY" className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="plan" label={tr('Nghị quyết', 'Plan')}>
                <Select allowClear options={(catalog?.plans ?? []).map((p) => ({ value: p.code, label: p.code }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind || a.ratingScale !== b.ratingScale}>
            {() => {
              const k = form.getFieldValue('kind');
              if (k === 'study_session')
                return (
                  <Form.List name="attendance">
                    {(fields, { add, remove }) => (
                      <>
                        <div className="ant-form-item-label">
                          <label>{tr('Tham dự theo đối tượng', 'Attendance by category')}</label>
                        </div>
                        <Row gutter={8} className="attendance-head">
                          <Col span={9}>{tr('Đối tượng', 'Category')}</Col>
                          <Col span={6}>{tr('Tham dự', 'Attended')}</Col>
                          <Col span={6}>{tr('Triệu tập', 'Eligible')}</Col>
                        </Row>
                        {fields.map((f) => (
                          <Row gutter={8} key={f.key}>
                            <Col span={9}>
                              <Form.Item name={[f.name, 'category']} rules={[{ required: true }]}>
                                <Select
                                  aria-label={tr('Đối tượng', 'Category')}
                                  options={Object.entries(ATTENDANCE_CATEGORIES).map(([c, n]) => ({ value: c, label: n[lang === 'vi' ? 0 : 1] }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={6}>
                              <Form.Item
                                name={[f.name, 'attended']}
                                dependencies={[['attendance', f.name, 'eligible']]}
                                rules={[
                                  { required: true, message: tr('Nhập số', 'Enter a number') },
                                  {
                                    validator: (_, v) =>
                                      v == null || v <= (form.getFieldValue(['attendance', f.name, 'eligible']) ?? 0)
                                        ? Promise.resolve()
                                        : Promise.reject(new Error(tr('Lớn hơn số triệu tập', 'More than eligible'))),
                                  },
                                ]}
                              >
                                <InputNumber min={0} precision={0} className="full-width" aria-label={tr('Tham dự', 'Attended')} placeholder={tr('Tham dự', 'Attended')} />
                              </Form.Item>
                            </Col>
                            <Col span={6}>
                              <Form.Item name={[f.name, 'eligible']} rules={[{ required: true, message: tr('Nhập số', 'Enter a number') }]}>
                                <InputNumber min={0} precision={0} className="full-width" aria-label={tr('Triệu tập', 'Eligible')} placeholder={tr('Triệu tập', 'Eligible')} />
                              </Form.Item>
                            </Col>
                            <Col span={3}>
                              <Button icon={<DeleteOutlined />} aria-label={tr('Bỏ dòng', 'Remove row')} onClick={() => remove(f.name)} />
                            </Col>
                          </Row>
                        ))}
                        <Button icon={<PlusOutlined />} onClick={() => add({ category: 'cadres', attended: 0, eligible: 0 })}>
                          {tr('Thêm đối tượng', 'Add a category')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                );
              if (k === 'model_meeting') {
                const sc = scales.find((s) => s.code === form.getFieldValue('ratingScale'));
                return (
                  <Row gutter={12}>
                    <Col span={12}>
                      <Form.Item name="ratingScale" label={tr('Thang xếp loại', 'Rating scale')}>
                        <Select options={scales.map((s) => ({ value: s.code, label: s.name }))} />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="ratingLevel" label={tr('Xếp loại', 'Rating')}>
                        <Select allowClear options={(sc?.levels ?? []).map((l) => ({ value: l.code, label: l.name }))} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              }
              return (
                <>
                  <Form.Item name="participants" label={tr('Số người tham gia', 'Participants')}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name="result" label={tr('Kết quả', 'Result')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </RecordFormModal>
  );
}
