// Restructuring events of units (GET/PUT/DELETE /unit-changes): merge,
// split (with shares), rename, move, dissolve, each with an effective date.
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { getAll } from '../api/client';
import type { Document, UnitChange, UnitChangeKind } from '../api/types';
import { formatDate } from '../lib/numbers';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { PageState, UnitSelect, unitTree, useErrorText } from './common';
import { RecordFormModal, deleteRecord } from './RecordForm';

export const UNIT_CHANGE_KINDS: Record<UnitChangeKind, [string, string]> = {
  merge: ['Sáp nhập', 'Merge'],
  split: ['Chia tách', 'Split'],
  rename: ['Đổi tên', 'Rename'],
  move: ['Chuyển cấp trên', 'Move'],
  dissolve: ['Giải thể', 'Dissolve'],
};
const KIND_COLOR: Record<UnitChangeKind, string> = { merge: 'blue', split: 'purple', rename: 'cyan', move: 'geekblue', dissolve: 'red' };

interface UCValues {
  code: string;
  kind: UnitChangeKind;
  effective: Dayjs | null;
  from: string[];
  to: string[];
  shares?: Record<string, number>;
  newName?: string;
  newParent?: string;
  document?: string;
  note?: string;
}

function UnitsPicker({ value, onChange, max, id }: { value?: string[]; onChange?: (v: string[]) => void; max?: number; id?: string }) {
  const { catalog, tr } = useSession();
  const tree = useMemo(() => unitTree(catalog?.units ?? []), [catalog]);
  return (
    <TreeSelect
      id={id}
      multiple
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={tree.map((n) => n.value)}
      treeData={tree}
      value={value}
      onChange={(v) => onChange?.((v as string[]).slice(max ? -max : 0))}
      placeholder={tr('Chọn đơn vị', 'Choose units')}
      className="full-width"
    />
  );
}

export function UnitChangesTab() {
  const { tr, lang, unitName } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const changes = useLoad(() => getAll<UnitChange>('unit-changes'), []);
  const docs = useLoad(() => getAll<Document>('documents'), []);
  const [editing, setEditing] = useState<null | { record?: UnitChange }>(null);
  const names = (list?: string[]) => (list ?? []).map(unitName).join(', ');
  const kindName = (k: UnitChangeKind) => UNIT_CHANGE_KINDS[k]?.[lang === 'vi' ? 0 : 1] ?? k;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const describe = (c: UnitChange) => {
    switch (c.kind) {
      case 'merge':
        return tr(`${names(c.from)} sáp nhập thành ${names(c.to)}`, `${names(c.from)} merged into ${names(c.to)}`);
      case 'split':
        return tr(
          `${names(c.from)} chia thành ${(c.to ?? []).map((u, i) => `${unitName(u)} (${pct(c.shares?.[i] ?? 0)})`).join(', ')}`,
          `${names(c.from)} split into ${(c.to ?? []).map((u, i) => `${unitName(u)} (${pct(c.shares?.[i] ?? 0)})`).join(', ')}`,
        );
      case 'rename':
        return tr(`${names(c.from)} đổi tên thành “${c.newName}”`, `${names(c.from)} renamed “${c.newName}”`);
      case 'move':
        return tr(`${names(c.from)} chuyển về trực thuộc ${unitName(c.newParent)}`, `${names(c.from)} moved under ${unitName(c.newParent)}`);
      default:
        return (c.to ?? []).length
          ? tr(`${names(c.from)} giải thể, ${names(c.to)} tiếp nhận`, `${names(c.from)} dissolved, taken over by ${names(c.to)}`)
          : tr(`${names(c.from)} giải thể`, `${names(c.from)} dissolved`);
    }
  };
  const remove = async (c: UnitChange) => {
    try {
      await deleteRecord(`unit-changes/${encodeURIComponent(c.code)}`);
      message.success(tr('Đã xóa sự kiện', 'Event deleted'));
    } catch (e) {
      message.error(errorText(e));
    }
    changes.reload();
  };
  const docOptions = (docs.data ?? []).map((d) => ({ value: d.code, label: `${d.number} — ${d.title}` }));
  const sorted = [...(changes.data ?? [])].sort((a, b) => (a.effective < b.effective ? 1 : -1));
  return (
    <PageState loading={changes.loading} error={changes.error} onRetry={changes.reload}>
      <Space className="tab-action" wrap>
        <Button icon={<PlusOutlined />} type="primary" onClick={() => setEditing({})} data-testid="uc-add">
          {tr('Thêm sự kiện sắp xếp đơn vị', 'Add a restructuring event')}
        </Button>
        <Typography.Text type="secondary">
          {tr(
            'Sáp nhập, chia tách, đổi tên, chuyển cấp trên, giải thể — có ngày hiệu lực; số liệu trước ngày đó được tổng hợp theo đơn vị mới. Đơn vị mới cần được tạo trước ở thẻ “Đơn vị”.',
            'Merge, split, rename, move, dissolve — each with an effective date; figures before it roll up to the new units. Create new units first in the “Units” tab.',
          )}
        </Typography.Text>
      </Space>
      <Table
        data-testid="uc-table"
        rowKey="code"
        size="small"
        dataSource={sorted}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: tr('Chưa có sự kiện sắp xếp đơn vị nào', 'No restructuring events yet') }}
        columns={[
          { title: tr('Hiệu lực từ', 'Effective'), dataIndex: 'effective', width: 110, render: (d: string) => formatDate(d, lang) },
          { title: tr('Loại', 'Kind'), dataIndex: 'kind', width: 130, render: (k: UnitChangeKind) => <Tag color={KIND_COLOR[k]}>{kindName(k)}</Tag> },
          { title: tr('Nội dung', 'What'), key: 'what', render: (_: unknown, c: UnitChange) => <span className="wrap-text">{describe(c)}</span> },
          {
            title: tr('Căn cứ', 'Basis'),
            key: 'doc',
            width: 220,
            render: (_: unknown, c: UnitChange) => (
              <span className="wrap-text">
                {c.document ? (docs.data ?? []).find((d) => d.code === c.document)?.number ?? c.document : ''}
                {c.note ? <Typography.Text type="secondary"> {c.note}</Typography.Text> : null}
              </span>
            ),
          },
          { title: tr('Mã', 'Code'), dataIndex: 'code', width: 120 },
          {
            title: '',
            key: 'act',
            width: 90,
            render: (_: unknown, c: UnitChange) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} aria-label={`${tr('Sửa', 'Edit')} ${c.code}`} onClick={() => setEditing({ record: c })} />
                <Popconfirm title={tr('Xóa sự kiện này?', 'Delete this event?')} okText={tr('Xóa', 'Delete')} cancelText={tr('Hủy', 'Cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${tr('Xóa', 'Delete')} ${c.code}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <RecordFormModal<UnitChange, UCValues>
        open={!!editing}
        creating={!editing?.record}
        record={editing?.record}
        testId="uc-form"
        title={editing?.record ? tr('Sửa sự kiện sắp xếp đơn vị', 'Edit restructuring event') : tr('Thêm sự kiện sắp xếp đơn vị', 'Add a restructuring event')}
        pathOf={(v, r) => `unit-changes/${encodeURIComponent(r?.code ?? v.code.trim())}`}
        toForm={(c) =>
          c
            ? {
                ...c,
                effective: dayjs(c.effective),
                to: c.to ?? [],
                shares: Object.fromEntries((c.to ?? []).map((u, i) => [u, Math.round((c.shares?.[i] ?? 0) * 1000) / 10])),
              }
            : { code: `UC-${dayjs().format('YYYYMMDD-HHmm')}`, kind: 'merge', effective: null, from: [], to: [] }
        }
        toBody={(v) => {
          const body: Record<string, unknown> = { code: v.code.trim(), kind: v.kind, effective: v.effective!.format('YYYY-MM-DD'), from: v.from ?? [] };
          if (v.kind === 'merge' || v.kind === 'split' || v.kind === 'dissolve') body.to = v.to ?? [];
          if (v.kind === 'split') body.shares = (v.to ?? []).map((u) => (v.shares?.[u] ?? 0) / 100);
          if (v.kind === 'rename') body.newName = (v.newName ?? '').trim();
          if (v.kind === 'move') body.newParent = v.newParent ?? '';
          if (v.document) body.document = v.document;
          if (v.note?.trim()) body.note = v.note.trim();
          return body;
        }}
        describe={(c) => (
          <strong>
            {kindName(c.kind)}, {formatDate(c.effective, lang)}: {describe(c)}
          </strong>
        )}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(tr('Đã lưu sự kiện', 'Event saved'));
          changes.reload();
        }}
        width={720}
      >
        {(form) => (
          <>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="code" label={tr('Mã sự kiện', 'Code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Chữ, số, _ - .', 'Letters, digits, _ - .') }]}>
                  <Input disabled={!!editing?.record} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="kind" label={tr('Loại', 'Kind')} rules={[{ required: true }]}>
                  <Select data-testid="uc-kind" options={(Object.keys(UNIT_CHANGE_KINDS) as UnitChangeKind[]).map((k) => ({ value: k, label: kindName(k) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item name="effective" label={tr('Có hiệu lực từ ngày', 'Effective from')} rules={[{ required: true, message: tr('Chọn ngày', 'Pick a date') }]}>
                  <DatePicker format="D/M/YYYY" className="full-width" data-testid="uc-effective" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const k: UnitChangeKind = form.getFieldValue('kind');
                const to: string[] = form.getFieldValue('to') ?? [];
                const fromLabel =
                  k === 'merge'
                    ? tr('Các đơn vị sáp nhập (từ 2)', 'Units merged (2 or more)')
                    : k === 'split'
                      ? tr('Đơn vị bị chia tách', 'Unit split')
                      : k === 'rename'
                        ? tr('Đơn vị đổi tên', 'Unit renamed')
                        : k === 'move'
                          ? tr('Đơn vị chuyển', 'Units moved')
                          : tr('Đơn vị giải thể', 'Units dissolved');
                const oneFrom = k === 'split' || k === 'rename';
                return (
                  <>
                    <Form.Item
                      name="from"
                      label={fromLabel}
                      rules={[
                        {
                          validator: (_, v: string[] = []) =>
                            v.length >= (k === 'merge' ? 2 : 1) ? Promise.resolve() : Promise.reject(new Error(k === 'merge' ? tr('Chọn ít nhất 2 đơn vị', 'Choose at least 2 units') : tr('Chọn đơn vị', 'Choose a unit'))),
                        },
                      ]}
                    >
                      <UnitsPicker max={oneFrom ? 1 : undefined} />
                    </Form.Item>
                    {(k === 'merge' || k === 'split' || k === 'dissolve') && (
                      <Form.Item
                        name="to"
                        label={
                          k === 'merge'
                            ? tr('Đơn vị sau sáp nhập', 'Resulting unit')
                            : k === 'split'
                              ? tr('Các đơn vị mới (từ 2)', 'New units (2 or more)')
                              : tr('Đơn vị tiếp nhận (nếu có)', 'Successor (if any)')
                        }
                        rules={[
                          {
                            validator: (_, v: string[] = []) =>
                              k === 'merge' && v.length !== 1
                                ? Promise.reject(new Error(tr('Chọn đúng 1 đơn vị', 'Choose exactly one unit')))
                                : k === 'split' && v.length < 2
                                  ? Promise.reject(new Error(tr('Chọn ít nhất 2 đơn vị', 'Choose at least 2 units')))
                                  : Promise.resolve(),
                          },
                        ]}
                      >
                        <UnitsPicker max={k === 'split' ? undefined : 1} />
                      </Form.Item>
                    )}
                    {k === 'split' && to.length > 0 && (() => {
                      const shares = form.getFieldValue('shares') ?? {};
                      const sum = Math.round(to.reduce((acc, u) => acc + (Number(shares[u]) || 0), 0) * 1000) / 1000;
                      const ok = Math.abs(sum - 100) < 1e-6;
                      return (
                        <Form.Item
                          label={tr('Tỷ lệ chia số liệu (%), tổng 100', 'Shares of the figures (%), 100 in all')}
                          required
                          validateStatus={ok ? 'success' : 'warning'}
                          help={tr(`Tổng: ${sum}%`, `Total: ${sum}%`)}
                        >
                          <div className="uc-units">
                            {to.map((u) => (
                              <Form.Item key={u} name={['shares', u]} noStyle>
                                <InputNumber min={0} max={100} addonBefore={unitName(u)} addonAfter="%" aria-label={`${tr('Tỷ lệ', 'Share')} ${unitName(u)}`} />
                              </Form.Item>
                            ))}
                          </div>
                        </Form.Item>
                      );
                    })()}
                    {k === 'rename' && (
                      <Form.Item name="newName" label={tr('Tên mới', 'New name')} rules={[{ required: true, whitespace: true, message: tr('Nhập tên mới', 'Enter the new name') }]}>
                        <Input />
                      </Form.Item>
                    )}
                    {k === 'move' && (
                      <Form.Item name="newParent" label={tr('Trực thuộc đơn vị mới', 'New parent')} rules={[{ required: true, message: tr('Chọn đơn vị', 'Choose a unit') }]}>
                        <UnitSelect onChange={() => {}} />
                      </Form.Item>
                    )}
                  </>
                );
              }}
            </Form.Item>
            <Form.Item name="document" label={tr('Văn bản căn cứ', 'Decision (document)')}>
              <Select allowClear showSearch optionFilterProp="label" options={docOptions} />
            </Form.Item>
            <Form.Item name="note" label={tr('Ghi chú', 'Note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </RecordFormModal>
    </PageState>
  );
}
