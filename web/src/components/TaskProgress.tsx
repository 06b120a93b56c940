// A task's progress journal (GET /tasks/{code}/updates, oldest first on the
// server, shown newest first) and the "report progress" form (POST; the
// server sets the task's progress and status from it).
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Slider, Tag, Timeline, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { getAll, request } from '../api/client';
import type { Task, TaskUpdate } from '../api/types';
import { TASK_STATUS, TASK_STATUS_COLOR, label } from '../i18n/labels';
import { formatDate, formatDateTime } from '../lib/numbers';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';
import { InlineError, PageState } from './common';

const COLORS: Record<string, string> = { not_started: 'gray', in_progress: 'blue', completed: 'green', cancelled: 'orange' };

export function TaskProgressCard({ task, canReport, onReported }: { task: Task; canReport: boolean; onReported: () => void }) {
  const { tr, lang } = useSession();
  const { message } = App.useApp();
  const path = `tasks/${encodeURIComponent(task.code)}/updates`;
  const updates = useLoad(() => getAll<TaskUpdate>(path), [path]);
  const [form] = Form.useForm<{ date: Dayjs; progress: number; status: Task['status']; note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const items = [...(updates.data ?? [])].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));

  const submit = async () => {
    let v;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await request(path, {
        method: 'POST',
        body: { date: v.date.format('YYYY-MM-DD'), progress: v.progress, status: v.status, note: (v.note ?? '').trim() },
      });
      message.success(tr('Đã ghi nhận tiến độ', 'Progress recorded'));
      form.setFieldValue('note', '');
      updates.reload();
      onReported();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={tr('Tiến độ thực hiện', 'Progress')} data-testid="task-progress">
      <Row gutter={[24, 16]}>
        {canReport && (
          <Col xs={24} xl={10}>
            <Typography.Title level={5} className="section-title">{tr('Báo cáo tiến độ', 'Report progress')}</Typography.Title>
            <InlineError error={error} />
            <Form
              form={form}
              layout="vertical"
              className="progress-form"
              initialValues={{ date: dayjs(), progress: task.progress ?? 0, status: task.status === 'not_started' ? 'in_progress' : task.status, note: '' }}
              onValuesChange={(changed) => {
                // Completed means 100%: keep the two in step.
                const st = form.getFieldValue('status');
                if (changed.progress === 100 && (st === 'in_progress' || st === 'not_started')) form.setFieldValue('status', 'completed');
                if (changed.progress !== undefined && changed.progress < 100 && st === 'completed') form.setFieldValue('status', 'in_progress');
                if (changed.status === 'completed') form.setFieldValue('progress', 100);
              }}
            >
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="date" label={tr('Ngày báo cáo', 'Date')} rules={[{ required: true, message: tr('Chọn ngày', 'Pick a date') }]}>
                    <DatePicker format="D/M/YYYY" className="full-width" data-testid="progress-date" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="status" label={tr('Trạng thái', 'Status')} rules={[{ required: true }]}>
                    <Select data-testid="progress-status" options={Object.keys(TASK_STATUS).map((s) => ({ value: s, label: label(TASK_STATUS, s, lang) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="progress" label={tr('Tiến độ (%)', 'Progress (%)')}>
                <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} tooltip={{ formatter: (v) => `${v}%` }} data-testid="progress-slider" />
              </Form.Item>
              <Form.Item name="note" label={tr('Kết quả, khó khăn, kiến nghị', 'Results, difficulties, proposals')} rules={[{ max: 4000 }]}>
                <Input.TextArea rows={3} data-testid="progress-note" />
              </Form.Item>
              <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={submit} data-testid="progress-submit">
                {tr('Ghi nhận tiến độ', 'Record progress')}
              </Button>
            </Form>
          </Col>
        )}
        <Col xs={24} xl={canReport ? 14 : 24}>
          <Typography.Title level={5} className="section-title">{tr('Các lần báo cáo', 'Reports so far')}</Typography.Title>
          <PageState loading={updates.loading} error={updates.error} onRetry={updates.reload}>
            {items.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('Chưa có lần báo cáo tiến độ nào', 'No progress reported yet')} />
            )}
            <Timeline
              data-testid="progress-timeline"
              items={items.map((u) => ({
                color: COLORS[u.status] ?? 'blue',
                children: (
                  <div data-testid="timeline-item">
                    <strong>{formatDate(u.date, lang)}</strong> — {u.progress}% <Tag color={TASK_STATUS_COLOR[u.status]}>{label(TASK_STATUS, u.status, lang)}</Tag>
                    {u.note && <p className="timeline-note">{u.note}</p>}
                    <Typography.Text type="secondary" className="timeline-meta">
                      {u.author} · {formatDateTime(u.at, lang)}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </PageState>
        </Col>
      </Row>
    </Card>
  );
}
