import { Card, Descriptions, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { Link } from 'react-router-dom';
import { getAll } from '../api/client';
import type { Document, Task } from '../api/types';
import { PageState } from '../components/common';
import { DOC_KINDS, TASK_STATUS, TASK_STATUS_COLOR, label } from '../i18n/labels';
import { formatDate } from '../lib/numbers';
import { periodLabel } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

export function PlanPage() {
  const { tr, lang, catalog, unitName } = useSession();
  const { search } = useScope();
  const data = useLoad(
    async () => {
      const [tasks, documents] = await Promise.all([getAll<Task>('tasks'), getAll<Document>('documents')]);
      return { tasks, documents };
    },
    [],
  );
  const plans = catalog?.plans ?? [];
  const fieldName = (c?: string) => catalog?.fields.find((f) => f.code === c)?.name ?? c ?? tr('Khác', 'Other');
  const trees = plans.map((plan) => {
    const inds = plan.indicators.map((c) => catalog!.indicatorByCode.get(c)).filter(Boolean);
    const fields = [...new Set(inds.map((i) => i!.field ?? ''))];
    const tasks = (data.data?.tasks ?? []).filter((t) => t.plan === plan.code);
    const kidsOf = (p: string): DataNode[] =>
      tasks
        .filter((t) => (t.parent ?? '') === p)
        .map((t) => ({
          key: `task:${t.code}`,
          title: (
            <span className="tree-row">
              <Link to={`${recordPath('tasks', t.code)}${search}`} className="wrap-text">
                {t.code}. {t.name}
              </Link>{' '}
              <Tag color={TASK_STATUS_COLOR[t.status]}>{label(TASK_STATUS, t.status, lang)}</Tag>
              {t.progress != null && <Typography.Text type="secondary">{t.progress}%</Typography.Text>}
            </span>
          ),
          children: kidsOf(t.code),
        }));
    const docs = (data.data?.documents ?? []).filter((d) => d.plan === plan.code);
    const kinds = [...new Set(docs.map((d) => d.kind))];
    const nodes: DataNode[] = [
      {
        key: 'indicators',
        title: (
          <strong>
            {tr('Chỉ tiêu', 'Indicators')} ({inds.length}) — {plan.indicatorGroupName}
          </strong>
        ),
        children: fields.map((f) => ({
          key: `field:${f}`,
          title: fieldName(f),
          children: inds
            .filter((i) => (i!.field ?? '') === f)
            .map((i) => ({
              key: `ind:${i!.code}`,
              title: (
                <Link to={`${recordPath('indicators', i!.code)}${search}`} className="wrap-text">
                  {i!.name} {i!.formula && <Tag>{tr('tính theo công thức', 'computed')}</Tag>}
                </Link>
              ),
            })),
        })),
      },
      {
        key: 'tasks',
        title: (
          <strong>
            {tr('Nhóm nhiệm vụ, nhiệm vụ', 'Task groups and tasks')} ({tasks.length})
          </strong>
        ),
        children: kidsOf(''),
      },
      {
        key: 'documents',
        title: (
          <strong>
            {tr('Văn bản cụ thể hóa', 'Documents implementing it')} ({docs.length})
          </strong>
        ),
        children: kinds.map((k) => {
          const list = docs.filter((d) => d.kind === k);
          return {
            key: `kind:${k}`,
            title: `${label(DOC_KINDS, k, lang)} (${list.length})`,
            children: list.slice(0, 50).map((d) => ({
              key: `doc:${d.code}`,
              title: (
                <Link to={`${recordPath('documents', d.code)}${search}`} className="wrap-text">
                  {d.number} ({formatDate(d.date, lang)}) — {d.title}
                </Link>
              ),
            })),
          };
        }),
      },
    ];
    return { plan, nodes };
  });
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <h1 className="page-title">{tr('Nghị quyết', 'Resolution')}</h1>
      <PageState loading={data.loading} error={data.error} onRetry={data.reload} empty={plans.length === 0}>
        {trees.map(({ plan, nodes }) => (
          <Card key={plan.code} title={<span className="wrap-text">{plan.name}</span>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} className="plan-meta">
              <Descriptions.Item label={tr('Mã', 'Code')}>{plan.code}</Descriptions.Item>
              <Descriptions.Item label={tr('Đơn vị', 'Unit')}>{unitName(plan.unit)}</Descriptions.Item>
              <Descriptions.Item label={tr('Nhiệm kỳ', 'Term')}>{periodLabel(plan.term, lang)}</Descriptions.Item>
            </Descriptions>
            <Tree
              className="plan-tree"
              showLine
              blockNode
              selectable={false}
              defaultExpandedKeys={['indicators', 'tasks', 'documents']}
              treeData={nodes}
            />
          </Card>
        ))}
      </PageState>
    </Space>
  );
}
