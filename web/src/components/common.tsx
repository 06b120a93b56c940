import { Alert, Button, Empty, Result, Spin, Tag, TreeSelect, Select } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { Unit } from '../api/types';
import { STATUS, STATUS_COLOR, label } from '../i18n/labels';
import { periodChoices, periodLabel } from '../lib/periods';
import { useSession } from '../session';

/** Loading, error (in the user's language; 403 explained) and empty states around content. */
export function PageState({
  loading,
  error,
  empty,
  onRetry,
  children,
}: {
  loading?: boolean;
  error?: unknown;
  empty?: boolean;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { tr, errorText } = useSession();
  if (error) {
    const forbidden = error instanceof ApiError && error.status === 403;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={forbidden ? '403' : notFound ? '404' : 'error'}
        title={
          forbidden
            ? tr('Không có quyền truy cập', 'Access denied')
            : notFound
              ? tr('Không tìm thấy', 'Not found')
              : tr('Không tải được dữ liệu', 'Could not load the data')
        }
        subTitle={<span data-testid="error-message">{errorText(error)}</span>}
        extra={onRetry && !forbidden ? <Button onClick={onRetry}>{tr('Thử lại', 'Try again')}</Button> : undefined}
      />
    );
  }
  if (loading && !children) {
    return (
      <div className="page-loading" role="status">
        <Spin tip={tr('Đang tải…', 'Loading…')}>
          <div className="spin-box" />
        </Spin>
      </div>
    );
  }
  if (empty) return <Empty description={tr('Chưa có dữ liệu', 'No data yet')} />;
  return <Spin spinning={!!loading}>{children}</Spin>;
}

/** An error next to what caused it: the server's message in the user's language; 403 says plainly "no permission". */
export function InlineError({ error, className }: { error: unknown; className?: string }) {
  const { errorText, tr } = useSession();
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      type="error"
      showIcon
      className={className ?? 'inline-error'}
      data-testid="inline-error"
      message={forbidden ? tr('Bạn không có quyền thực hiện thao tác này', 'You do not have permission to do this') : errorText(error)}
      description={forbidden ? errorText(error) : undefined}
      role="alert"
    />
  );
}

/** The same text for a passing message (message.error). */
export function useErrorText() {
  const { errorText, tr } = useSession();
  return (e: unknown) =>
    e instanceof ApiError && e.status === 403
      ? `${tr('Không có quyền', 'No permission')}: ${errorText(e)}`
      : errorText(e);
}

export function StatusTag({ status }: { status: string }) {
  const { lang } = useSession();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{label(STATUS, status, lang)}</Tag>;
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

export function unitTree(units: Unit[]): TreeNode[] {
  const byParent = new Map<string, Unit[]>();
  const codes = new Set(units.map((u) => u.code));
  for (const u of units) {
    const p = u.parent && codes.has(u.parent) ? u.parent : '';
    if (!byParent.has(p)) byParent.set(p, []);
    byParent.get(p)!.push(u);
  }
  const build = (p: string): TreeNode[] =>
    (byParent.get(p) ?? []).map((u) => {
      const kids = build(u.code);
      return { value: u.code, title: u.name, children: kids.length ? kids : undefined };
    });
  return build('');
}

export function UnitSelect({
  value,
  onChange,
  id,
  filter,
  style,
}: {
  value?: string;
  onChange: (code: string) => void;
  id?: string;
  filter?: (u: Unit) => boolean;
  style?: React.CSSProperties;
}) {
  const { catalog, tr } = useSession();
  const tree = useMemo(() => unitTree((catalog?.units ?? []).filter(filter ?? (() => true))), [catalog, filter]);
  return (
    <TreeSelect
      id={id}
      aria-label={tr('Đơn vị', 'Unit')}
      className="unit-select"
      style={style}
      value={value}
      onChange={(v) => onChange(v as string)}
      treeData={tree}
      treeDefaultExpandedKeys={tree.map((n) => n.value)}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      placeholder={tr('Chọn đơn vị', 'Choose a unit')}
    />
  );
}

export function PeriodSelect({
  value,
  onChange,
  id,
  years,
  term,
}: {
  value: string;
  onChange: (p: string) => void;
  id?: string;
  years?: number[];
  term?: string;
}) {
  const { lang, tr } = useSession();
  const now = new Date().getFullYear();
  const ys = years ?? Array.from({ length: now - 2019 }, (_, i) => now - i);
  const options = periodChoices(ys, term).map((p) => ({ value: p, label: periodLabel(p, lang) }));
  if (!options.some((o) => o.value === value)) options.unshift({ value, label: periodLabel(value, lang) });
  return (
    <Select
      id={id}
      aria-label={tr('Kỳ báo cáo', 'Period')}
      className="period-select"
      value={value}
      onChange={onChange}
      options={options}
      showSearch
      optionFilterProp="label"
    />
  );
}
