// The search box in the header: GET /api/v1/search (diacritics optional,
// every word a prefix), results grouped by kind; choosing one opens it, Enter
// opens the full results page.
import { AutoComplete, Input, Typography, type AutoCompleteProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { get, type Page } from '../api/client';
import type { SearchHit } from '../api/types';
import { useSession } from '../session';
import { recordPath } from '../lib/paths';

export const ENTITY_ORDER: SearchHit['entity'][] = ['document', 'task', 'indicator', 'activity'];
export const ENTITY_NAMES: Record<SearchHit['entity'], [string, string]> = {
  document: ['Văn bản', 'Documents'],
  task: ['Nhiệm vụ', 'Tasks'],
  indicator: ['Chỉ tiêu', 'Indicators'],
  activity: ['Hoạt động', 'Activities'],
};

export function hitPath(h: SearchHit): string {
  switch (h.entity) {
    case 'document':
      return recordPath('documents', h.code);
    case 'task':
      return recordPath('tasks', h.code);
    case 'indicator':
      return recordPath('indicators', h.code);
    default:
      return recordPath('activities', h.code);
  }
}

export function groupHits(hits: SearchHit[]): [SearchHit['entity'], SearchHit[]][] {
  return ENTITY_ORDER.map((e) => [e, hits.filter((h) => h.entity === e)] as [SearchHit['entity'], SearchHit[]]).filter(([, l]) => l.length > 0);
}

export function GlobalSearch() {
  const { tr, lang, unitName } = useSession();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const picked = useRef(false);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      get<Page<SearchHit>>('search', { q, limit: 40 }, ctl.signal)
        .then((p) => setHits(p.items))
        .catch(() => {
          if (!ctl.signal.aborted) setHits([]);
        })
        .finally(() => {
          if (!ctl.signal.aborted) setLoading(false);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  const options: AutoCompleteProps['options'] = hits
    ? hits.length === 0
      ? [{ value: '', disabled: true, label: <Typography.Text type="secondary">{tr('Không tìm thấy', 'Nothing found')}</Typography.Text> }]
      : groupHits(hits).map(([entity, list]) => ({
          label: <span className="search-group">{ENTITY_NAMES[entity][lang === 'vi' ? 0 : 1]} ({list.length})</span>,
          options: list.slice(0, 8).map((h) => ({
            value: `${h.entity}:${h.code}`,
            label: (
              <div className="search-hit" data-testid={`search-hit-${h.entity}`}>
                <div className="search-hit-title">{h.title}</div>
                <Typography.Text type="secondary" className="search-hit-meta">
                  {h.code}
                  {h.unit ? ` · ${unitName(h.unit)}` : ''}
                </Typography.Text>
              </div>
            ),
          })),
        }))
    : [];

  const openAll = () => {
    const q = text.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <AutoComplete
      className="global-search"
      popupClassName="global-search-popup"
      popupMatchSelectWidth={520}
      defaultActiveFirstOption={false}
      options={options}
      value={text}
      onChange={(v) => setText(v)}
      onSelect={(v: string) => {
        const i = v.indexOf(':');
        if (i < 0) return;
        picked.current = true;
        const hit = hits?.find((h) => `${h.entity}:${h.code}` === v);
        setText('');
        setHits(null);
        if (hit) navigate(hitPath(hit));
      }}
    >
      <Input
        data-testid="global-search"
        aria-label={tr('Tìm kiếm văn bản, nhiệm vụ, chỉ tiêu, hoạt động', 'Search documents, tasks, indicators, activities')}
        placeholder={tr('Tìm văn bản, nhiệm vụ, chỉ tiêu… (không cần dấu)', 'Search documents, tasks, indicators…')}
        prefix={<SearchOutlined />}
        allowClear
        suffix={loading ? <span className="search-loading">…</span> : undefined}
        onPressEnter={() => {
          // Enter on a highlighted option selects it; otherwise show every result.
          setTimeout(() => {
            if (!picked.current) openAll();
            picked.current = false;
          }, 0);
        }}
      />
    </AutoComplete>
  );
}
