import { Card, Col, Input, List, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { getAll } from '../api/client';
import type { SearchHit } from '../api/types';
import { PageState } from '../components/common';
import { ENTITY_NAMES, groupHits, hitPath } from '../components/GlobalSearch';
import { useLoad } from '../lib/useLoad';
import { useSession } from '../session';

/** Every result of a search, grouped by kind. */
export function SearchPage() {
  const { tr, lang, unitName } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const hits = useLoad(() => (q.trim() ? getAll<SearchHit>('search', { q }) : Promise.resolve([])), [q]);
  const groups = groupHits(hits.data ?? []);
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <h1 className="page-title">{tr('Tìm kiếm', 'Search')}</h1>
      <Input.Search
        aria-label={tr('Từ khóa', 'Words')}
        className="filter-search-wide"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        enterButton
        allowClear
      />
      <PageState loading={hits.loading} error={hits.error} onRetry={hits.reload} empty={!hits.loading && q !== '' && groups.length === 0}>
        <Typography.Text type="secondary">
          {tr(`${hits.data?.length ?? 0} kết quả cho “${q}”`, `${hits.data?.length ?? 0} results for “${q}”`)}
        </Typography.Text>
        <Row gutter={[16, 16]} className="search-results">
          {groups.map(([entity, list]) => (
            <Col xs={24} xl={12} key={entity}>
              <Card size="small" title={`${ENTITY_NAMES[entity][lang === 'vi' ? 0 : 1]} (${list.length})`} data-testid={`search-group-${entity}`}>
                <List
                  size="small"
                  dataSource={list}
                  renderItem={(h) => (
                    <List.Item>
                      <div>
                        <Link to={hitPath(h)} className="wrap-text">
                          {h.title}
                        </Link>
                        <div>
                          <Typography.Text type="secondary">
                            {h.code}
                            {h.unit ? ` · ${unitName(h.unit)}` : ''}
                          </Typography.Text>
                        </div>
                      </div>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </PageState>
    </Space>
  );
}
