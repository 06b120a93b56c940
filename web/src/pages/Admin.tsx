import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tabs, Tag, Tree, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { RecordFormModal } from '../components/RecordForm';
import { UnitChangesTab } from '../components/UnitChanges';
import { UsersTab } from '../components/UsersTab';
import { canManageUsers, canPlanShared } from '../lib/access';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, get, getAll, request } from '../api/client';
import type { AuditEntry, Indicator, RatingScale, Target, Unit } from '../api/types';
import { InlineError, PageState, UnitSelect, unitTree } from '../components/common';
import { AGGREGATIONS, DIRECTIONS, TARGET_SOURCES, UNIT_TYPES, VALUE_TYPES, label } from '../i18n/labels';
import { formatDate, formatDateTime, formatNumber, parseViNumber } from '../lib/numbers';
import { periodLabel, periodType } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';

/** PUT a record: If-Match with its ETag when editing, If-None-Match: * when creating. */
async function putRecord(path: string, body: unknown, creating: boolean) {
  const etag = creating ? null : (await request(path)).etag;
  return request(path, { method: 'PUT', body, ifMatch: etag, create: creating });
}

function UnitsTab() {
  const { tr, lang, catalog, reloadCatalog, user } = useSession();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string>(user!.unit);
  const [editing, setEditing] = useState<null | { creating: boolean }>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  // Empty: every unit as stored, old and new; a day: the map as it stood then.
  const [asOf, setAsOf] = useState<dayjs.Dayjs | null>(null);
  const dated = useLoad(
    () => (asOf ? getAll<Unit>('units', { asOf: asOf.format('YYYY-MM-DD') }) : Promise.resolve(null)),
    [asOf?.format('YYYY-MM-DD')],
  );
  const tree = useMemo(() => {
    const conv = (n: ReturnType<typeof unitTree>[number]): { key: string; title: string; children?: unknown[] } => ({
      key: n.value,
      title: n.title,
      children: n.children?.map(conv),
    });
    return unitTree(dated.data ?? catalog?.units ?? []).map(conv);
  }, [catalog, dated.data]);
  const u = catalog?.unitByCode.get(selected);
  const open = (creating: boolean) => {
    setError(null);
    form.setFieldsValue(
      creating
        ? { code: '', name: '', type: 'party_cell', parent: selected, validFrom: null }
        : { ...u, validFrom: u?.validFrom ? dayjs(u.validFrom) : null },
    );
    setEditing({ creating });
  };
  const save = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {
      code: v.code.trim(),
      name: v.name.trim(),
      type: v.type,
      parent: v.parent ?? '',
      groups: editing!.creating ? [] : u?.groups ?? [],
      validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
      validTo: editing!.creating ? null : u?.validTo ?? null,
    };
    try {
      await putRecord(`units/${encodeURIComponent(body.code as string)}`, body, editing!.creating);
      message.success(tr('Đã lưu đơn vị', 'Unit saved'));
      setEditing(null);
      await reloadCatalog();
      setSelected(body.code as string);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={tr('Cây đơn vị', 'Unit tree')}
          extra={
            <DatePicker
              value={asOf}
              onChange={setAsOf}
              format="DD/MM/YYYY"
              allowClear
              placeholder={tr('Tại ngày…', 'As of…')}
              aria-label={tr('Xem cây đơn vị tại ngày', 'Show the unit tree as of a day')}
              data-testid="units-as-of"
            />
          }
        >
          <InlineError error={dated.error} />
          <Tree
            key={asOf?.format('YYYY-MM-DD') ?? 'stored'}
            className="unit-tree"
            treeData={tree as never}
            defaultExpandedKeys={[user!.unit]}
            selectedKeys={[selected]}
            onSelect={(k) => k[0] && setSelected(String(k[0]))}
            blockNode
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={u?.name}
          extra={
            <Space>
              <Button icon={<EditOutlined />} onClick={() => open(false)}>
                {tr('Đổi tên, chuyển', 'Rename, move')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => open(true)}>
                {tr('Thêm đơn vị trực thuộc', 'Add a sub-unit')}
              </Button>
            </Space>
          }
        >
          {u && (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={tr('Mã', 'Code')}>{u.code}</Descriptions.Item>
              <Descriptions.Item label={tr('Loại', 'Type')}>{label(UNIT_TYPES, u.type, lang)}</Descriptions.Item>
              <Descriptions.Item label={tr('Trực thuộc', 'Parent')}>{catalog?.unitByCode.get(u.parent ?? '')?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tr('Nhóm', 'Groups')}>{(u.groups ?? []).map((g) => <Tag key={g}>{g}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={tr('Hiệu lực từ', 'Valid from')}>{formatDate(u.validFrom, lang) || '—'}</Descriptions.Item>
              <Descriptions.Item label={tr('Hiệu lực đến', 'Valid to')}>{formatDate(u.validTo, lang) || '—'}</Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Paragraph type="secondary" className="note">
            {tr(
              'Sáp nhập, chia tách, giải thể có ngày hiệu lực: thẻ “Sắp xếp đơn vị”.',
              'Merge, split, dissolve with an effective date: the “Restructuring” tab.',
            )}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Modal
        open={!!editing}
        title={editing?.creating ? tr('Thêm đơn vị', 'Add a unit') : tr('Sửa đơn vị', 'Edit unit')}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText={tr('Lưu', 'Save')}
        cancelText={tr('Hủy', 'Cancel')}
        destroyOnClose
      >
        <InlineError error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={tr('Mã', 'Code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Chữ, số, _ - .', 'Letters, digits, _ - .') }]}>
            <Input disabled={!editing?.creating} />
          </Form.Item>
          <Form.Item name="name" label={tr('Tên', 'Name')} rules={[{ required: true, message: tr('Nhập tên', 'Enter a name') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="type" label={tr('Loại', 'Type')} rules={[{ required: true }]}>
            <Select options={Object.keys(UNIT_TYPES).map((t) => ({ value: t, label: label(UNIT_TYPES, t, lang) }))} />
          </Form.Item>
          <Form.Item name="parent" label={tr('Trực thuộc', 'Parent')}>
            <UnitSelect onChange={(p) => form.setFieldValue('parent', p)} />
          </Form.Item>
          <Form.Item name="validFrom" label={tr('Hiệu lực từ', 'Valid from')}>
            <DatePicker format="D/M/YYYY" />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}

function IndicatorsTab() {
  const { tr, lang, catalog, reloadCatalog, unitName } = useSession();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...editing, ...v };
    for (const k of Object.keys(body)) if (body[k] === undefined || body[k] === null || body[k] === '') delete body[k];
    try {
      await putRecord(`indicators/${encodeURIComponent(editing!.code)}`, body, false);
      message.success(tr('Đã lưu chỉ tiêu', 'Indicator saved'));
      setEditing(null);
      await reloadCatalog();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Table
        rowKey="code"
        size="small"
        dataSource={catalog?.indicators ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: tr('Mã', 'Code'), dataIndex: 'code', width: 210 },
          { title: tr('Tên', 'Name'), dataIndex: 'name', render: (n: string) => <span className="wrap-text">{n}</span> },
          { title: tr('Đơn vị tính', 'UoM'), dataIndex: 'unitOfMeasure', width: 100 },
          { title: tr('Loại', 'Type'), dataIndex: 'valueType', width: 110, render: (t: string) => label(VALUE_TYPES, t, lang) },
          { title: tr('Chiều', 'Direction'), dataIndex: 'direction', width: 150, render: (t: string) => label(DIRECTIONS, t, lang) },
          { title: tr('Tổng hợp', 'Aggregation'), dataIndex: 'aggregation', width: 140, render: (t: string) => label(AGGREGATIONS, t, lang) },
          { title: tr('Chủ trì', 'Responsible'), dataIndex: 'responsibleUnit', width: 150, render: (u: string) => unitName(u) },
          {
            title: '',
            key: 'edit',
            width: 70,
            render: (_: unknown, r: Indicator) => (
              <Button size="small" aria-label={`${tr('Sửa', 'Edit')} ${r.name}`} icon={<EditOutlined />} onClick={() => { setError(null); form.setFieldsValue(r); setEditing(r); }} />
            ),
          },
        ]}
      />
      <Modal open={!!editing} title={editing?.name} onCancel={() => setEditing(null)} onOk={save} okText={tr('Lưu', 'Save')} cancelText={tr('Hủy', 'Cancel')} destroyOnClose width={640}>
        <InlineError error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={tr('Tên', 'Name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitOfMeasure" label={tr('Đơn vị tính', 'Unit of measure')}>
            <Input />
          </Form.Item>
          <Form.Item name="direction" label={tr('Chiều đánh giá', 'Direction')}>
            <Select options={Object.keys(DIRECTIONS).map((d) => ({ value: d, label: label(DIRECTIONS, d, lang) }))} />
          </Form.Item>
          <Form.Item name="nearlyMetRatio" label={tr('Ngưỡng “gần đạt” (0–1)', '“Nearly met” ratio (0–1)')}>
            <InputNumber min={0} max={1} step={0.01} />
          </Form.Item>
          <Form.Item name="description" label={tr('Mô tả', 'Description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function TargetsTab() {
  const { tr, lang, catalog, unitName } = useSession();
  const { message } = App.useApp();
  // Filters applied by the server: the unit and everything below it, the indicator, periods within a period.
  const [indicator, setIndicator] = useState<string | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [period, setPeriod] = useState<string | undefined>();
  const targets = useLoad(() => getAll<Target>('targets', { indicator, unit, period }), [indicator, unit, period]);
  const years = Array.from({ length: new Date().getFullYear() - 2019 }, (_, i) => 2020 + i);
  const [editing, setEditing] = useState<null | { creating: boolean; t?: Target }>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const open = (creating: boolean, t?: Target) => {
    setError(null);
    form.setFieldsValue(t ? { ...t, value: formatNumber(t.value, { decimals: 6, lang }) } : { source: 'annual_plan', unit: 'LS' });
    setEditing({ creating, t });
  };
  const save = async () => {
    const v = await form.validateFields();
    const parsed = parseViNumber(String(v.value));
    if (!parsed.ok || parsed.value === null) {
      form.setFields([{ name: 'value', errors: [tr('Không phải số', 'Not a number')] }]);
      return;
    }
    const body = { indicator: v.indicator, unit: v.unit, period: v.period.trim(), value: parsed.value, source: v.source, note: v.note ?? '' };
    try {
      await putRecord(`targets/${encodeURIComponent(body.indicator)}/${encodeURIComponent(body.unit)}/${encodeURIComponent(body.period)}`, body, editing!.creating);
      message.success(tr('Đã lưu chỉ tiêu kế hoạch', 'Target saved'));
      setEditing(null);
      targets.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <div className="filters tab-action" data-testid="target-filters">
        <Button icon={<PlusOutlined />} onClick={() => open(true)}>
          {tr('Thêm chỉ tiêu kế hoạch', 'Add a target')}
        </Button>
        <Select
          aria-label={tr('Lọc theo chỉ tiêu', 'Filter by indicator')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={tr('Chỉ tiêu', 'Indicator')}
          value={indicator}
          onChange={setIndicator}
          options={(catalog?.indicators ?? []).map((i) => ({ value: i.code, label: i.name }))}
          className="filter-select-wide"
          popupMatchSelectWidth={false}
          data-testid="target-filter-indicator"
        />
        <UnitSelect value={unit} onChange={setUnit} style={{ minWidth: 220 }} />
        <Select
          aria-label={tr('Lọc theo kỳ', 'Filter by period')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={tr('Kỳ', 'Period')}
          value={period}
          onChange={setPeriod}
          options={[...years.reverse().map(String), catalog?.plans[0]?.term].filter((p): p is string => !!p).map((p) => ({ value: p, label: periodLabel(p, lang) }))}
          className="filter-select"
          data-testid="target-filter-period"
        />
        {(indicator || unit || period) && (
          <Button type="link" onClick={() => (setIndicator(undefined), setUnit(undefined), setPeriod(undefined))}>
            {tr('Bỏ lọc', 'Clear filters')}
          </Button>
        )}
      </div>
      <PageState loading={targets.loading} error={targets.error} onRetry={targets.reload}>
        <Table
          data-testid="target-table"
          locale={{ emptyText: tr('Không có chỉ tiêu kế hoạch nào khớp bộ lọc', 'No target matches the filters') }}
          rowKey={(t) => `${t.indicator}|${t.unit}|${t.period}`}
          size="small"
          dataSource={targets.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          columns={[
            { title: tr('Chỉ tiêu', 'Indicator'), dataIndex: 'indicator', render: (c: string) => <span className="wrap-text">{catalog?.indicatorByCode.get(c)?.name ?? c}</span> },
            { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', width: 170, render: (u: string) => unitName(u) },
            { title: tr('Kỳ', 'Period'), dataIndex: 'period', width: 150, render: (p: string) => periodLabel(p, lang) },
            { title: tr('Giá trị', 'Value'), dataIndex: 'value', width: 160, align: 'right' as const, render: (v: number, t: Target) => formatNumber(v, { decimals: catalog?.indicatorByCode.get(t.indicator)?.decimals ?? 1, lang }) },
            { title: tr('Nguồn', 'Source'), dataIndex: 'source', width: 140, render: (s: string) => label(TARGET_SOURCES, s, lang) },
            { title: '', key: 'e', width: 60, render: (_: unknown, t: Target) => <Button size="small" aria-label={tr('Sửa', 'Edit')} icon={<EditOutlined />} onClick={() => open(false, t)} /> },
          ]}
        />
        <Modal open={!!editing} title={editing?.creating ? tr('Thêm chỉ tiêu kế hoạch', 'Add a target') : tr('Sửa chỉ tiêu kế hoạch', 'Edit target')} onCancel={() => setEditing(null)} onOk={save} okText={tr('Lưu', 'Save')} cancelText={tr('Hủy', 'Cancel')} destroyOnClose>
          <InlineError error={error} />
          <Form form={form} layout="vertical">
            <Form.Item name="indicator" label={tr('Chỉ tiêu', 'Indicator')} rules={[{ required: true }]}>
              <Select disabled={!editing?.creating} showSearch optionFilterProp="label" options={(catalog?.indicators ?? []).map((i) => ({ value: i.code, label: i.name }))} />
            </Form.Item>
            <Form.Item name="unit" label={tr('Đơn vị', 'Unit')} rules={[{ required: true }]}>
              <UnitSelect onChange={(u) => form.setFieldValue('unit', u)} />
            </Form.Item>
            <Form.Item name="period" label={tr('Kỳ (2021, 2021Q1, 2020-2025…)', 'Period (2021, 2021Q1, 2020-2025…)')} rules={[{ required: true }, { validator: (_, v) => (!v || periodType(v.trim()) ? Promise.resolve() : Promise.reject(new Error(tr('Kỳ không hợp lệ', 'Invalid period')))) }]}>
              <Input disabled={!editing?.creating} />
            </Form.Item>
            <Form.Item name="value" label={tr('Giá trị', 'Value')} rules={[{ required: true }]}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="source" label={tr('Nguồn', 'Source')}>
              <Select options={Object.keys(TARGET_SOURCES).map((s) => ({ value: s, label: label(TARGET_SOURCES, s, lang) }))} />
            </Form.Item>
            <Form.Item name="note" label={tr('Ghi chú', 'Note')}>
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      </PageState>
    </>
  );
}

function ScalesTab() {
  const { tr, user, catalog } = useSession();
  const { message } = App.useApp();
  const scales = useLoad(() => get<{ items: RatingScale[] }>('rating-scales', { limit: 100 }), []);
  const [editing, setEditing] = useState<null | { record?: RatingScale }>(null);
  const mayEdit = canPlanShared(user, catalog!.unitByCode);
  return (
    <PageState loading={scales.loading} error={scales.error} onRetry={scales.reload}>
      {mayEdit ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing({})} className="tab-action">
          {tr('Thêm thang xếp loại', 'Add a rating scale')}
        </Button>
      ) : (
        <Typography.Paragraph type="secondary">
          {tr('Chỉ quản trị, kế hoạch của đơn vị cấp cao nhất được sửa thang xếp loại (dùng chung mọi đơn vị).', 'Only administrators and planners of the top unit change rating scales (shared by every unit).')}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {(scales.data?.items ?? []).map((s) => (
          <Col xs={24} md={12} key={s.code}>
            <Card
              size="small"
              title={s.name}
              data-testid={`scale-${s.code}`}
              extra={
                <Space>
                  <Typography.Text type="secondary">{s.code}</Typography.Text>
                  {mayEdit && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ record: s })} data-testid={`scale-edit-${s.code}`}>
                      {tr('Sửa', 'Edit')}
                    </Button>
                  )}
                </Space>
              }
            >
              <ol className="levels">
                {s.levels.map((l) => (
                  <li key={l.code}>
                    {l.name} <Typography.Text type="secondary">({l.code})</Typography.Text>
                  </li>
                ))}
              </ol>
              <Typography.Text type="secondary">{tr('Thứ tự từ cao xuống thấp.', 'Ordered from best to worst.')}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <RecordFormModal<RatingScale, { code: string; name: string; levels: { code: string; name: string }[] }>
        open={!!editing}
        creating={!editing?.record}
        record={editing?.record}
        testId="scale-form"
        title={editing?.record ? tr('Sửa thang xếp loại', 'Edit rating scale') : tr('Thêm thang xếp loại', 'Add a rating scale')}
        pathOf={(v, r) => `rating-scales/${encodeURIComponent(r?.code ?? v.code.trim())}`}
        toForm={(r) => (r ? { code: r.code, name: r.name, levels: r.levels.map((l) => ({ ...l })) } : { code: '', name: '', levels: [{ code: '', name: '' }] })}
        toBody={(v) => ({ code: v.code.trim(), name: v.name.trim(), levels: v.levels.map((l) => ({ code: l.code.trim(), name: l.name.trim() })) })}
        describe={(r) => (
          <strong>
            {r.name}: {r.levels.map((l) => l.name).join(' › ')}
          </strong>
        )}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(tr('Đã lưu thang xếp loại', 'Rating scale saved'));
          scales.reload();
        }}
      >
        {() => (
          <>
            <Form.Item name="code" label={tr('Mã', 'Code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Chữ, số, _ - .', 'Letters, digits, _ - .') }]}>
              <Input disabled={!!editing?.record} />
            </Form.Item>
            <Form.Item name="name" label={tr('Tên thang', 'Name')} rules={[{ required: true, whitespace: true, message: tr('Nhập tên', 'Enter a name') }]}>
              <Input />
            </Form.Item>
            <Typography.Text strong>{tr('Các mức, từ cao xuống thấp', 'Levels, best first')}</Typography.Text>
            {editing?.record && (
              <Typography.Paragraph type="secondary" className="note">
                {tr('Đổi mã một mức đang được dùng trong xếp loại sẽ bị máy chủ từ chối.', 'The server refuses to drop a level code that ratings still use.')}
              </Typography.Paragraph>
            )}
            <Form.List
              name="levels"
              rules={[{ validator: (_, v) => ((v ?? []).length >= 2 ? Promise.resolve() : Promise.reject(new Error(tr('Cần ít nhất 2 mức', 'At least 2 levels')))) }]}
            >
              {(fields, { add, remove, move }, { errors }) => (
                <>
                  {fields.map((f, i) => (
                    <div className="levels-edit-row" key={f.key}>
                      <Form.Item className="level-code" name={[f.name, 'code']} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: tr('Mã', 'Code') }]}>
                        <Input placeholder={tr('mã', 'code')} aria-label={`${tr('Mã mức', 'Level code')} ${i + 1}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: tr('Tên', 'Name') }]} className="level-name">
                        <Input placeholder={tr('Tên mức', 'Level name')} aria-label={`${tr('Tên mức', 'Level name')} ${i + 1}`} />
                      </Form.Item>
                      <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={tr('Lên', 'Up')} />
                      <Button icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={tr('Xuống', 'Down')} />
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={tr('Bỏ mức', 'Remove level')} />
                    </div>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })}>
                    {tr('Thêm mức', 'Add a level')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </RecordFormModal>
    </PageState>
  );
}

function AuditTab() {
  const { tr, lang } = useSession();
  const [actor, setActor] = useState('');
  const [entity, setEntity] = useState<string | undefined>();
  const [pages, setPages] = useState<number[]>([]);
  const before = pages[pages.length - 1];
  const log = useLoad(() => get<{ items: AuditEntry[] }>('audit', { actor: actor || undefined, entity, before, limit: 50 }), [actor, entity, before]);
  const items = log.data?.items ?? [];
  const show = (x: unknown) => (x == null ? '' : JSON.stringify(x));
  return (
    <Space direction="vertical" className="full-width">
      <div className="filters">
        <Input.Search aria-label={tr('Người thực hiện', 'Actor')} placeholder={tr('Người thực hiện', 'Actor')} allowClear onSearch={(v) => { setPages([]); setActor(v.trim()); }} className="filter-search" />
        <Select
          aria-label={tr('Đối tượng', 'Entity')}
          allowClear
          placeholder={tr('Đối tượng', 'Entity')}
          value={entity}
          onChange={(v) => { setPages([]); setEntity(v); }}
          className="filter-select"
          options={['value', 'target', 'unit', 'unit_change', 'indicator', 'task', 'task_rating', 'task_update', 'activity', 'document', 'attachment', 'rating_scale', 'plan', 'user', 'session'].map((e) => ({ value: e, label: e }))}
        />
      </div>
      <PageState loading={log.loading} error={log.error} onRetry={log.reload}>
        <Table
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: tr('Thời điểm', 'When'), dataIndex: 'at', width: 140, render: (a: string) => formatDateTime(a, lang) },
            { title: tr('Người', 'Actor'), dataIndex: 'actor', width: 100 },
            { title: tr('Địa chỉ', 'Address'), dataIndex: 'address', width: 110 },
            { title: tr('Thao tác', 'Action'), dataIndex: 'action', width: 90 },
            { title: tr('Đối tượng', 'Entity'), dataIndex: 'entity', width: 100 },
            { title: tr('Khóa', 'Key'), dataIndex: 'key', width: 200, render: (k: string) => <span className="wrap-text">{k}</span> },
            { title: tr('Trước → sau', 'Before → after'), key: 'diff', render: (_: unknown, r: AuditEntry) => <code className="audit-diff">{show(r.before)} → {show(r.after)}</code> },
          ]}
        />
        <Space className="pager">
          <Button disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
            {tr('Mới hơn', 'Newer')}
          </Button>
          <Button disabled={items.length < 50} onClick={() => setPages((p) => [...p, items[items.length - 1].id])}>
            {tr('Cũ hơn', 'Older')}
          </Button>
        </Space>
      </PageState>
    </Space>
  );
}

export function AdminPage() {
  const { tr, user } = useSession();
  const canPlan = user?.role === 'admin' || user?.role === 'planner';
  if (!canPlan)
    return (
      <PageState
        error={new ApiError({ code: 'auth.forbidden', status: 403, message: { vi: 'Chỉ tài khoản quản trị hoặc kế hoạch được vào mục này.', en: 'Only administrators and planners can open this section.' } })}
      />
    );
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <h1 className="page-title">{tr('Quản trị', 'Administration')}</h1>
      <Card>
        <Tabs
          destroyInactiveTabPane
          items={[
            { key: 'units', label: tr('Đơn vị', 'Units'), children: <UnitsTab /> },
            { key: 'changes', label: tr('Sắp xếp đơn vị', 'Restructuring'), children: <UnitChangesTab /> },
            { key: 'indicators', label: tr('Chỉ tiêu', 'Indicators'), children: <IndicatorsTab /> },
            { key: 'targets', label: tr('Chỉ tiêu kế hoạch', 'Targets'), children: <TargetsTab /> },
            { key: 'scales', label: tr('Thang xếp loại', 'Rating scales'), children: <ScalesTab /> },
            { key: 'audit', label: tr('Nhật ký', 'Audit log'), children: <AuditTab /> },
            ...(canManageUsers(user) ? [{ key: 'users', label: tr('Người dùng', 'Users'), children: <UsersTab /> }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
