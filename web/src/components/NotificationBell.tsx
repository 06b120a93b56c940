// The header bell: unread count (polled every minute and when the window
// regains focus), the latest notifications in a dropdown, mark read, mark all
// read, click to open the notification's page. Hidden when the server has no
// notifications (404): see lib/notifications.ts.
import { Badge, Button, Empty, Popover, Spin, Switch, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from '../api/types';
import { NOTIFICATION_KINDS, useCycleText } from '../i18n/cycles';
import { label } from '../i18n/labels';
import { createNotificationStore } from '../lib/notifications';
import { formatDateTime } from '../lib/numbers';
import { useSession } from '../session';

export const POLL_MS = 60_000;

const KIND_COLOR: Record<string, string> = {
  deadline_soon: 'gold',
  deadline_today: 'orange',
  overdue: 'red',
  digest: 'default',
  submission_submitted: 'blue',
  submission_approved: 'green',
  submission_reopened: 'volcano',
};

export function NotificationBell() {
  const { lang } = useSession();
  const t = useCycleText();
  const navigate = useNavigate();
  const store = useMemo(() => createNotificationStore(), []);
  const s = useSyncExternalStore(store.subscribe, store.getState);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void store.refreshCount();
    const tick = () => {
      if (store.getState().available !== false && document.visibilityState !== 'hidden') void store.refreshCount();
    };
    const timer = window.setInterval(tick, POLL_MS);
    window.addEventListener('focus', tick);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', tick);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [store]);

  if (s.available !== true) return null;

  const openItem = async (n: AppNotification) => {
    await store.markRead(n.id);
    if (n.link && n.link.startsWith('/')) {
      setOpen(false);
      navigate(n.link);
    }
  };

  const content = (
    <div className="bell-popup" data-testid="bell-popup">
      <div className="bell-head">
        <label className="switch-label">
          <Switch size="small" checked={s.unreadOnly} onChange={(v) => void store.load(v)} /> {t('bellOnlyUnread')}
        </label>
        <Button size="small" type="link" disabled={s.unread === 0} onClick={() => void store.markAllRead()} data-testid="bell-read-all">
          {t('markAllRead')}
        </Button>
      </div>
      <Spin spinning={s.loading}>
        <div className="bell-list" role="list">
          {s.error && <Typography.Text type="danger">{t('bellError')}</Typography.Text>}
          {!s.error && s.items.length === 0 && !s.loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bellEmpty')} />}
          {s.items.map((n) => (
            <div
              key={n.id}
              role="listitem"
              tabIndex={0}
              className={`bell-item${n.readAt ? '' : ' unread'}`}
              onClick={() => void openItem(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void openItem(n);
              }}
              data-testid={`bell-item-${n.id}`}
            >
              <div className="bell-item-main">
                <span className="bell-item-title">{n.title}</span>
                {n.body && <span className="bell-item-body">{n.body}</span>}
                <span className="bell-item-meta">
                  <Tag color={KIND_COLOR[n.kind] ?? 'default'}>{label(NOTIFICATION_KINDS, n.kind, lang)}</Tag>
                  {formatDateTime(n.createdAt, lang)}
                </span>
              </div>
              {!n.readAt && (
                <Button
                  size="small"
                  type="text"
                  onClick={(e) => {
                    e.stopPropagation();
                    void store.markRead(n.id);
                  }}
                  aria-label={`${t('markRead')}: ${n.title}`}
                  title={t('markRead')}
                  icon={<CheckOutlined />}
                />
              )}
            </div>
          ))}
        </div>
      </Spin>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void store.load();
      }}
      content={content}
      title={t('bell')}
      arrow={false}
    >
      <Button type="text" aria-label={s.unread ? t('bellUnread', { n: s.unread }) : t('bell')} data-testid="bell">
        <Badge count={s.unread} size="small" overflowCount={99}>
          <BellOutlined className="bell-icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
