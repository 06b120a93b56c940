// The notifications of the signed-in user, without React: the unread count
// (polled), the list, mark read, mark all read. A server without these routes
// (404) turns the bell off quietly: no error, no further requests.
//   GET  notifications?unread=&limit=&offset=   {items, unread, total}
//   GET  notifications/unread-count             {unread}
//   POST notifications/{id}/read
//   POST notifications/read-all                 {unread: 0}
import { ApiError, request } from '../api/client';
import type { AppNotification, NotificationPage } from '../api/types';

export interface BellState {
  /** null until the server has answered once; false when it has no notifications (404). */
  available: boolean | null;
  unread: number;
  items: AppNotification[];
  total: number;
  unreadOnly: boolean;
  loading: boolean;
  /** The last list request failed (other than 404). */
  error: boolean;
}

export const INITIAL_BELL: BellState = { available: null, unread: 0, items: [], total: 0, unreadOnly: false, loading: false, error: false };

export interface NotificationStore {
  getState: () => BellState;
  subscribe: (fn: () => void) => () => void;
  refreshCount: () => Promise<void>;
  load: (unreadOnly?: boolean) => Promise<void>;
  markRead: (id: number) => Promise<void>;
  markAllRead: () => Promise<void>;
}

const isMissing = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501);

export function createNotificationStore(limit = 50): NotificationStore {
  let state = INITIAL_BELL;
  const listeners = new Set<() => void>();
  const off = () => state.available === false;
  const set = (patch: Partial<BellState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  /** Runs a call; a 404 switches the bell off; other failures are reported as `false`. */
  const guard = async <T>(fn: () => Promise<T>): Promise<T | false> => {
    if (off()) return false;
    try {
      return await fn();
    } catch (e) {
      if (isMissing(e)) set({ available: false, unread: 0, items: [], total: 0, loading: false });
      return false;
    }
  };

  return {
    getState: () => state,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async refreshCount() {
      const r = await guard(() => request<{ unread: number }>('notifications/unread-count'));
      if (r) set({ available: true, unread: Number(r.data?.unread) || 0 });
    },
    async load(unreadOnly = state.unreadOnly) {
      if (off()) return;
      set({ loading: true, error: false, unreadOnly });
      const r = await guard(() =>
        request<NotificationPage>('notifications', { query: { unread: unreadOnly ? 'true' : undefined, limit, offset: 0 } }),
      );
      if (off()) return;
      if (!r) {
        set({ loading: false, error: true });
        return;
      }
      set({
        available: true,
        loading: false,
        items: r.data.items ?? [],
        total: r.data.total ?? r.data.items?.length ?? 0,
        unread: typeof r.data.unread === 'number' ? r.data.unread : state.unread,
      });
    },
    async markRead(id) {
      const item = state.items.find((n) => n.id === id);
      if (item && item.readAt) return;
      const r = await guard(() => request<unknown>(`notifications/${encodeURIComponent(String(id))}/read`, { method: 'POST' }));
      if (r === false) return;
      const now = new Date().toISOString();
      set({
        unread: Math.max(0, state.unread - 1),
        items: state.unreadOnly ? state.items.filter((n) => n.id !== id) : state.items.map((n) => (n.id === id ? { ...n, readAt: n.readAt ?? now } : n)),
      });
    },
    async markAllRead() {
      const r = await guard(() => request<{ unread?: number }>('notifications/read-all', { method: 'POST' }));
      if (r === false) return;
      const now = new Date().toISOString();
      set({
        unread: typeof r.data?.unread === 'number' ? r.data.unread : 0,
        items: state.unreadOnly ? [] : state.items.map((n) => ({ ...n, readAt: n.readAt ?? now })),
      });
    },
  };
}
