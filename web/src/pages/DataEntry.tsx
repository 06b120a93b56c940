import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone, LockOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker } from 'react-router-dom';
import { ApiError, getAll, request } from '../api/client';
import type { Indicator, RuleViolation, Target, Value } from '../api/types';
import { PageState } from '../components/common';
import { EntryImport } from '../components/EntryImport';
import { SubmissionPanel, lockedIndicators, useReports, useRuleNames } from '../components/SubmissionPanel';
import { SUBMISSION_STATES, useCycleText } from '../i18n/cycles';
import { VALUE_KINDS, label } from '../i18n/labels';
import {
  dirtyRows,
  editComment,
  editKind,
  editText,
  hasErrors,
  isDirty,
  makeRow,
  markSaved,
  parseCellValue,
  type EntryRow,
  type EntryState,
  type ValidationError,
  type ValueKind,
} from '../lib/entryState';
import { formatNumber } from '../lib/numbers';
import { periodLabel, previousPeriod, previousYear } from '../lib/periods';
import { useLoad } from '../lib/useLoad';
import { useScope } from '../scope';
import { useSession } from '../session';
import { ScopeBar } from './Dashboard';

interface Loaded {
  indicators: Indicator[];
  current: Value[];
  previous: Value[];
  lastYear: Value[];
  targets: Target[];
}

function effective(values: Value[], indicator: string, unit: string, period: string): Value | undefined {
  const own = values.filter((v) => v.indicator === indicator && v.unit === unit && v.period === period);
  return own.find((v) => v.kind === 'official') ?? own.find((v) => v.kind === 'estimate');
}

interface Conflict {
  indicator: string;
  message: string;
  current: Value | null;
  etag: string | null;
}

export function DataEntryPage() {
  const { unit, period } = useScope();
  const { tr, lang, catalog, user, errorText, unitName } = useSession();
  const { message } = App.useApp();
  const prev = previousPeriod(period);
  const ly = previousYear(period);
  const data = useLoad<Loaded>(async () => {
    const [current, previous, lastYear, targets] = await Promise.all([
      getAll<Value>('values', { unit, period }),
      prev ? getAll<Value>('values', { unit, period: prev }) : Promise.resolve([]),
      ly ? getAll<Value>('values', { unit, period: ly }) : Promise.resolve([]),
      getAll<Target>('targets', { unit, period }),
    ]);
    return { indicators: catalog?.indicators ?? [], current, previous, lastYear, targets };
  }, [unit, period, catalog]);

  const [state, setState] = useState<EntryState>({});
  const [saving, setSaving] = useState(false);
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // Rules broken by a saved value that do not refuse the save (docs/reporting-cycles.md).
  const [warnings, setWarnings] = useState<Record<string, RuleViolation[]>>({});
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const t = useCycleText();
  const reports = useReports(unit, period);
  const ruleNames = useRuleNames();
  const locked = useMemo(() => lockedIndicators(reports.data), [reports.data]);
  const lockText = (code: string) => {
    const l = locked.get(code);
    return l ? t('lockedCell', { form: l.form.code, state: label(SUBMISSION_STATES, l.state, lang).toLowerCase() }) : '';
  };

  const canWrite = user?.role !== 'viewer';

  const reset = useCallback(() => {
    if (!data.data) return;
    const next: EntryState = {};
    for (const ind of data.data.indicators) {
      const v = effective(data.data.current, ind.code, unit, period);
      next[ind.code] = makeRow(
        ind.code,
        { valueType: ind.valueType, min: ind.min, max: ind.max, computed: !!ind.formula },
        v ? { value: v.value, comment: v.comment ?? '', kind: v.kind, etag: v.etag ?? null } : null,
        lang,
      );
    }
    setState(next);
    setConflicts({});
    setServerErrors({});
    setWarnings({});
  }, [data.data, unit, period, lang]);
  useEffect(reset, [data.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const dirty = useMemo(() => dirtyRows(state), [state]);
  const invalid = hasErrors(state);

  // Leaving with unsaved changes: the browser's own prompt for reloads and
  // closing the tab, and a dialog for moves inside the app.
  useEffect(() => {
    if (dirty.length === 0) return;
    const h = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty.length]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty.length > 0 && currentLocation.pathname + currentLocation.search !== nextLocation.pathname + nextLocation.search);

  const errorMessage = (e: ValidationError | null, ind: Indicator): string => {
    switch (e) {
      case 'format':
        return tr('Không phải số. Viết kiểu Việt Nam: 65,3 hoặc 1.234.567', 'Not a number. Write 65,3 or 1.234.567');
      case 'whole':
        return tr('Phải là số nguyên', 'Must be a whole number');
      case 'negative':
        return tr('Không được âm', 'Cannot be negative');
      case 'yes_no':
        return tr('Nhập 1 (có) hoặc 0 (không)', 'Enter 1 (yes) or 0 (no)');
      case 'below_min':
        return `${tr('Nhỏ hơn mức tối thiểu', 'Below the minimum')} ${formatNumber(ind.min ?? 0, { lang })}`;
      case 'above_max':
        return `${tr('Lớn hơn mức tối đa', 'Above the maximum')} ${formatNumber(ind.max ?? 100, { lang })}`;
      case 'computed':
        return tr('Chỉ tiêu tính theo công thức, không nhập trực tiếp', 'Computed by its formula; not entered directly');
      default:
        return '';
    }
  };

  const saveRow = async (row: EntryRow, force?: { etag: string | null }): Promise<boolean> => {
    const value = parseCellValue(row);
    const kind = row.kind;
    // The ETag to send: the one of the stored value of this kind.
    const sameKind = data.data!.current.find((v) => v.indicator === row.indicator && v.unit === unit && v.period === period && v.kind === kind);
    let etag = force ? force.etag : kind === row.savedKind ? row.etag : sameKind?.etag ?? null;
    const path = `values/${encodeURIComponent(row.indicator)}/${encodeURIComponent(unit)}/${encodeURIComponent(period)}`;
    try {
      if (value === null) {
        if (!etag) {
          setState((s) => markSaved(s, row.indicator, { value: null, comment: '', kind, etag: null }, lang));
          return true;
        }
        await request(path, { method: 'DELETE', query: { kind }, ifMatch: etag });
        setState((s) => markSaved(s, row.indicator, { value: null, comment: '', kind, etag: null }, lang));
      } else {
        const res = await request<Value & { warnings?: RuleViolation[] }>(path, {
          method: 'PUT',
          query: { kind },
          body: { value, comment: row.comment.trim() },
          ifMatch: etag,
          create: !etag,
        });
        etag = res.etag ?? res.data?.etag ?? null;
        const w = res.data?.warnings ?? [];
        setWarnings(({ [row.indicator]: _, ...rest }) => (w.length ? { ...rest, [row.indicator]: w } : rest));
        setState((s) => markSaved(s, row.indicator, { value, comment: row.comment.trim(), kind, etag }, lang));
      }
      setConflicts(({ [row.indicator]: _, ...rest }) => rest);
      setServerErrors(({ [row.indicator]: _, ...rest }) => rest);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setConflicts((c) => ({
          ...c,
          [row.indicator]: { indicator: row.indicator, message: e.text(lang), current: (e.current as Value) ?? null, etag: e.currentEtag ?? (e.current as Value)?.etag ?? null },
        }));
      } else if (e instanceof ApiError && e.code === 'submission.locked') {
        // Someone submitted the report meanwhile: say so plainly and show the lock.
        setServerErrors((s) => ({ ...s, [row.indicator]: `${t('lockedSave')} (${e.text(lang)})` }));
        reports.reload();
      } else {
        setServerErrors((s) => ({ ...s, [row.indicator]: errorText(e) }));
      }
      return false;
    }
  };

  const saveAll = async () => {
    if (invalid || saving) return;
    setSaving(true);
    let ok = 0;
    let failed = 0;
    for (const row of dirty) {
      if (await saveRow(row)) ok++;
      else failed++;
    }
    setSaving(false);
    if (failed > 0) setTimeout(() => document.querySelector('.entry-problems')?.scrollIntoView({ block: 'start', behavior: 'auto' }), 50);
    if (failed === 0 && ok > 0) message.success(tr(`Đã lưu ${ok} số liệu`, `Saved ${ok} value(s)`));
    if (failed > 0) message.error(tr(`${failed} số liệu chưa lưu được — xem thông báo ở từng dòng`, `${failed} value(s) not saved — see the rows`));
  };

  const takeTheirs = (c: Conflict) => {
    setState((s) =>
      markSaved(
        s,
        c.indicator,
        { value: c.current?.value ?? null, comment: c.current?.comment ?? '', kind: (c.current?.kind as ValueKind) ?? s[c.indicator].kind, etag: c.etag },
        lang,
      ),
    );
    setConflicts(({ [c.indicator]: _, ...rest }) => rest);
  };
  const keepMine = async (c: Conflict) => {
    const row = state[c.indicator];
    if (row) await saveRow(row, { etag: c.etag });
  };

  // Keyboard: Enter / ArrowDown go to the next figure, ArrowUp to the previous; Ctrl+S saves.
  const order = useMemo(() => (data.data?.indicators ?? []).filter((i) => !i.formula).map((i) => i.code), [data.data]);
  const move = (code: string, delta: number) => {
    const i = order.indexOf(code);
    const next = order[i + delta];
    if (next) {
      inputs.current[next]?.focus();
      inputs.current[next]?.select();
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveAll();
      }
    };
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  });

  const fieldName = (c?: string) => catalog?.fields.find((f) => f.code === c)?.name ?? tr('Chỉ tiêu khác', 'Other indicators');
  const fmtVal = (ind: Indicator, v: Value | undefined) =>
    v ? `${formatNumber(v.value, { decimals: Math.max(ind.decimals ?? 1, 0), lang })}${v.kind === 'estimate' ? ` (${tr('ước', 'est.')})` : ''}` : '—';
  const rows = (data.data?.indicators ?? []).map((ind) => ({ ind, key: ind.code }));

  const columns = [
    {
      title: tr('Chỉ tiêu', 'Indicator'),
      key: 'name',
      width: 340,
      render: (_: unknown, { ind }: { ind: Indicator }) => (
        <div className="entry-name">
          <label htmlFor={`v-${ind.code}`} className="wrap-text">
            {ind.name}
          </label>
          <Typography.Text type="secondary" className="entry-uom">
            {ind.unitOfMeasure}
            {ind.valueType === 'money' ? ` · ${tr('nhập theo đồng', 'in đồng')}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: tr('Kế hoạch', 'Target'),
      key: 'target',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, { ind }: { ind: Indicator }) => {
        const t = data.data!.targets.find((t) => t.indicator === ind.code && t.unit === unit && t.period === period);
        return t ? formatNumber(t.value, { decimals: ind.decimals ?? 1, lang }) : '—';
      },
    },
    {
      title: prev ? `${tr('Kỳ trước', 'Previous')} (${periodLabel(prev, lang)})` : tr('Kỳ trước', 'Previous'),
      key: 'prev',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, { ind }: { ind: Indicator }) => fmtVal(ind, effective(data.data!.previous, ind.code, unit, prev ?? '')),
    },
    ...(prev === ly ? [] : [{
      title: ly ? `${tr('Cùng kỳ năm trước', 'Same period last year')}` : tr('Cùng kỳ', 'Last year'),
      key: 'ly',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, { ind }: { ind: Indicator }) => fmtVal(ind, effective(data.data!.lastYear, ind.code, unit, ly ?? '')),
    }]),
    {
      title: `${tr('Số liệu', 'Value')} — ${periodLabel(period, lang)}`,
      key: 'value',
      width: 210,
      render: (_: unknown, { ind }: { ind: Indicator }) => {
        const row = state[ind.code];
        if (!row) return null;
        if (ind.formula) {
          return (
            <Tooltip title={tr('Tính tự động theo công thức từ các chỉ tiêu đầu vào', 'Computed from its inputs')}>
              <Tag>{tr('Tự động tính', 'Computed')}</Tag>
            </Tooltip>
          );
        }
        const err = row.error;
        if (locked.has(ind.code)) {
          return (
            <div className="entry-cell">
              <Tooltip title={lockText(ind.code)}>
                <Input
                  id={`v-${ind.code}`}
                  data-testid={`value-${ind.code}`}
                  ref={(el) => {
                    inputs.current[ind.code] = el?.input ?? null;
                  }}
                  value={row.text}
                  readOnly
                  aria-readonly
                  aria-description={lockText(ind.code)}
                  className="num-input locked-input"
                  prefix={<LockOutlined aria-label={lockText(ind.code)} data-testid={`lock-${ind.code}`} />}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === 'ArrowDown') {
                      e.preventDefault();
                      move(ind.code, 1);
                    } else if (e.key === 'ArrowUp') {
                      e.preventDefault();
                      move(ind.code, -1);
                    }
                  }}
                />
              </Tooltip>
            </div>
          );
        }
        return (
          <div className="entry-cell">
            <Input
              id={`v-${ind.code}`}
              data-testid={`value-${ind.code}`}
              ref={(el) => {
                inputs.current[ind.code] = el?.input ?? null;
              }}
              value={row.text}
              inputMode="decimal"
              autoComplete="off"
              disabled={!canWrite}
              status={err ? 'error' : undefined}
              aria-invalid={!!err}
              aria-describedby={err ? `e-${ind.code}` : undefined}
              className="num-input"
              onChange={(e) => setState((s) => editText(s, ind.code, e.target.value))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === 'ArrowDown') {
                  e.preventDefault();
                  move(ind.code, 1);
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(ind.code, -1);
                } else if (e.key === 'Escape') {
                  setState((s) => editText(s, ind.code, row.saved === null ? '' : formatNumber(row.saved, { decimals: 6, lang })));
                }
              }}
            />
            {err && (
              <div id={`e-${ind.code}`} className="cell-error" role="alert">
                {errorMessage(err, ind)}
              </div>
            )}
            {warnings[ind.code]?.map((w) => (
              <div key={w.rule} className="cell-warning" data-testid={`cell-warning-${ind.code}`}>
                {t('warningLine', { rule: ruleNames.get(w.rule) ? `${w.rule} (${ruleNames.get(w.rule)})` : w.rule })}
              </div>
            ))}
            {conflicts[ind.code] && (
              <div className="cell-error" data-testid={`cell-conflict-${ind.code}`}>
                {tr('Người khác vừa lưu', 'Someone else saved')}:{' '}
                {conflicts[ind.code].current ? formatNumber(conflicts[ind.code].current!.value, { decimals: 6, lang }) : tr('(đã xóa)', '(deleted)')}
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: tr('Loại số liệu', 'Kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, { ind }: { ind: Indicator }) => {
        const row = state[ind.code];
        if (!row || ind.formula) return null;
        return (
          <Select
            aria-label={`${tr('Loại số liệu', 'Kind')}: ${ind.name}`}
            value={row.kind}
            disabled={!canWrite || locked.has(ind.code)}
            className="kind-select"
            onChange={(k) => setState((s) => editKind(s, ind.code, k))}
            options={(['estimate', 'official'] as const).map((k) => ({ value: k, label: label(VALUE_KINDS, k, lang) }))}
          />
        );
      },
    },
    {
      title: tr('Ghi chú, nguồn', 'Comment, source'),
      key: 'comment',
      width: 240,
      render: (_: unknown, { ind }: { ind: Indicator }) => {
        const row = state[ind.code];
        if (!row || ind.formula) return null;
        return (
          <Input
            aria-label={`${tr('Ghi chú', 'Comment')}: ${ind.name}`}
            value={row.comment}
            disabled={!canWrite || locked.has(ind.code)}
            onChange={(e) => setState((s) => editComment(s, ind.code, e.target.value))}
          />
        );
      },
    },
    {
      title: <span className="sr-only">{tr('Trạng thái', 'State')}</span>,
      key: 'state',
      width: 44,
      render: (_: unknown, { ind }: { ind: Indicator }) => {
        const row = state[ind.code];
        if (!row || ind.formula) return null;
        if (conflicts[ind.code] || serverErrors[ind.code] || row.error)
          return <ExclamationCircleTwoTone twoToneColor="#cf1322" aria-label={tr('Có lỗi', 'Error')} />;
        if (isDirty(row)) return <Tag color="orange">{tr('Sửa', 'Edited')}</Tag>;
        if (locked.has(ind.code)) return <LockOutlined className="lock-mark" aria-label={lockText(ind.code)} />;
        if (row.saved !== null) return <CheckCircleTwoTone twoToneColor="#389e0d" aria-label={tr('Đã lưu', 'Saved')} />;
        return null;
      },
    },
  ];

  // One table per field keeps the grid readable; order follows the catalogue.
  const fields = [...new Set(rows.map((r) => r.ind.field ?? ''))];
  const conflictList = Object.values(conflicts);
  const errorList = Object.entries(serverErrors);

  return (
    <Space direction="vertical" size="middle" className="full-width">
      <div className="page-head">
        <h1 className="page-title">{tr('Nhập số liệu', 'Data entry')}</h1>
        <ScopeBar />
      </div>
      <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
        {data.data && (
          <>
            <div className="entry-toolbar">
              <Typography.Text strong className="wrap-text">
                {unitName(unit)} — {periodLabel(period, lang)}
              </Typography.Text>
              <Space wrap>
                <Typography.Text type={dirty.length ? 'warning' : 'secondary'} data-testid="dirty-count">
                  {dirty.length ? tr(`${dirty.length} số liệu chưa lưu`, `${dirty.length} unsaved`) : tr('Không có thay đổi chưa lưu', 'No unsaved changes')}
                </Typography.Text>
                <Button icon={<UndoOutlined />} onClick={reset} disabled={!dirty.length || saving}>
                  {tr('Hủy thay đổi', 'Discard changes')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} onClick={saveAll} loading={saving} disabled={!dirty.length || invalid || !canWrite} data-testid="save">
                  {tr('Lưu (Ctrl+S)', 'Save (Ctrl+S)')}
                </Button>
              </Space>
            </div>
            {!canWrite && <Alert type="info" showIcon message={tr('Tài khoản của bạn chỉ được xem số liệu.', 'Your account can only view data.')} />}
            {reports.error ? (
              <PageState error={reports.error} onRetry={reports.reload} />
            ) : reports.data ? (
              <SubmissionPanel
                unit={unit}
                period={period}
                reports={reports.data}
                values={data.data.current}
                unsaved={dirty.length}
                onChanged={() => {
                  reports.reload();
                  data.reload();
                }}
              />
            ) : null}
            <Typography.Text type="secondary" className="hint">
              {tr(
                'Gõ số kiểu Việt Nam: 65,3 — 1.234.567. Enter hoặc ↓ sang dòng dưới, ↑ lên dòng trên, Esc trả lại số đã lưu.',
                'Type numbers the Vietnamese way: 65,3 — 1.234.567. Enter or ↓ moves down, ↑ up, Esc restores the saved figure.',
              )}
            </Typography.Text>
            <EntryImport
              unit={unit}
              period={period}
              onImported={data.reload}
              blocked={
                !canWrite
                  ? tr('Tài khoản của bạn chỉ được xem số liệu.', 'Your account can only view data.')
                  : dirty.length
                    ? tr('Lưu hoặc hủy các số liệu chưa lưu trước khi tải tệp lên.', 'Save or discard the unsaved figures before uploading a file.')
                    : null
              }
            />
            <div className="entry-problems" />
            {conflictList.map((c) => {
              const ind = catalog!.indicatorByCode.get(c.indicator);
              return (
                <Alert
                  key={c.indicator}
                  type="warning"
                  showIcon
                  role="alert"
                  data-testid="conflict"
                  message={`${ind?.name ?? c.indicator}: ${c.message}`}
                  description={
                    c.current
                      ? `${tr('Số liệu hiện có trên máy chủ', 'Now on the server')}: ${formatNumber(c.current.value, { decimals: 6, lang })}`
                      : tr('Số liệu đã bị xóa trên máy chủ', 'The value was deleted on the server')
                  }
                  action={
                    <Space direction="vertical">
                      <Button size="small" onClick={() => takeTheirs(c)}>
                        {tr('Dùng số liệu mới', 'Use theirs')}
                      </Button>
                      <Button size="small" danger onClick={() => keepMine(c)}>
                        {tr('Ghi đè bằng số của tôi', 'Overwrite with mine')}
                      </Button>
                    </Space>
                  }
                />
              );
            })}
            {errorList.map(([code, text]) => (
              <Alert key={code} type="error" showIcon role="alert" message={`${catalog!.indicatorByCode.get(code)?.name ?? code}: ${text}`} />
            ))}
            {fields.map((f) => (
              <Card key={f} title={fieldName(f)} size="small" className="entry-card">
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={columns}
                  dataSource={rows.filter((r) => (r.ind.field ?? '') === f)}
                  scroll={{ x: 1100 }}
                />
              </Card>
            ))}
            <Link to="/">{tr('Xem tổng quan', 'See the dashboard')}</Link>
          </>
        )}
      </PageState>
      {blocker.state === 'blocked' && (
        <Alert
          className="leave-guard"
          type="warning"
          role="alertdialog"
          showIcon
          message={tr('Còn số liệu chưa lưu', 'There are unsaved changes')}
          description={tr('Rời trang sẽ mất các số liệu vừa nhập.', 'Leaving will lose what you typed.')}
          action={
            <Space direction="vertical">
              <Button size="small" onClick={() => blocker.reset?.()} data-testid="stay">
                {tr('Ở lại', 'Stay')}
              </Button>
              <Button size="small" danger onClick={() => blocker.proceed?.()} data-testid="leave">
                {tr('Rời trang, bỏ thay đổi', 'Leave and discard')}
              </Button>
            </Space>
          }
        />
      )}
    </Space>
  );
}
