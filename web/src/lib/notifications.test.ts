import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotificationStore } from './notifications';

type Route = (url: string, init: RequestInit) => { status: number; body?: unknown };

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

let calls: { url: string; method: string }[] = [];
function serve(route: Route) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, method: init.method ?? 'GET' });
      const r = route(url, init);
      return json(r.status, r.body);
    }),
  );
}

const notFound = {
  status: 404,
  body: { error: { code: 'http.not_found', status: 404, message: { vi: 'Không có', en: 'Not found' } } },
};

const items = [
  { id: 1, kind: 'deadline_soon', title: 'Sắp đến hạn', link: '/entry?unit=LS-VT&period=202201', createdAt: '2022-02-15T01:00:00Z', readAt: null },
  { id: 2, kind: 'submission_approved', title: 'Đã duyệt', link: '/entry?unit=LS-VT&period=202112', createdAt: '2022-01-17T08:00:00Z', readAt: null },
  { id: 3, kind: 'digest', title: 'Tổng hợp', createdAt: '2022-01-10T08:00:00Z', readAt: '2022-01-11T08:00:00Z' },
];

describe('notification store', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    expect(console.error).not.toHaveBeenCalled();
    expect(console.warn).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('reads the unread count', async () => {
    serve((url) => (url === '/api/v1/notifications/unread-count' ? { status: 200, body: { unread: 2 } } : notFound));
    const s = createNotificationStore();
    expect(s.getState().available).toBeNull();
    await s.refreshCount();
    expect(s.getState()).toMatchObject({ available: true, unread: 2 });
  });

  it('turns itself off quietly on 404 and asks nothing more', async () => {
    serve(() => notFound);
    const s = createNotificationStore();
    let changes = 0;
    s.subscribe(() => changes++);
    await s.refreshCount();
    expect(s.getState().available).toBe(false);
    expect(s.getState().unread).toBe(0);
    await s.refreshCount();
    await s.load();
    await s.markRead(1);
    await s.markAllRead();
    expect(calls).toHaveLength(1);
    expect(changes).toBe(1);
  });

  it('keeps the last count when the server fails for another reason', async () => {
    let fail = false;
    serve(() => (fail ? { status: 500 } : { status: 200, body: { unread: 4 } }));
    const s = createNotificationStore();
    await s.refreshCount();
    fail = true;
    await s.refreshCount();
    expect(s.getState()).toMatchObject({ available: true, unread: 4 });
  });

  it('loads the list with limit and offset, and unread only when asked', async () => {
    serve((url) => {
      const u = new URL(url, 'http://x');
      if (u.pathname !== '/api/v1/notifications') return notFound;
      const only = u.searchParams.get('unread') === 'true';
      const list = only ? items.filter((n) => !n.readAt) : items;
      return { status: 200, body: { items: list, unread: 2, total: list.length } };
    });
    const s = createNotificationStore();
    await s.load();
    expect(calls[0].url).toBe('/api/v1/notifications?limit=50&offset=0');
    expect(s.getState()).toMatchObject({ available: true, unread: 2, total: 3, loading: false, error: false });
    expect(s.getState().items.map((n) => n.id)).toEqual([1, 2, 3]);
    await s.load(true);
    expect(calls[1].url).toBe('/api/v1/notifications?unread=true&limit=50&offset=0');
    expect(s.getState().items.map((n) => n.id)).toEqual([1, 2]);
    expect(s.getState().unreadOnly).toBe(true);
  });

  it('says the list failed without switching the bell off', async () => {
    serve((url) => (url.includes('unread-count') ? { status: 200, body: { unread: 1 } } : { status: 500 }));
    const s = createNotificationStore();
    await s.refreshCount();
    await s.load();
    expect(s.getState()).toMatchObject({ available: true, error: true, loading: false, unread: 1 });
  });

  it('marks one read (POST …/{id}/read) and lowers the count; a read one is not sent again', async () => {
    serve((url, init) => {
      if (url.startsWith('/api/v1/notifications?')) return { status: 200, body: { items, unread: 2, total: 3 } };
      if (url === '/api/v1/notifications/2/read' && init.method === 'POST') return { status: 204 };
      return notFound;
    });
    const s = createNotificationStore();
    await s.load();
    await s.markRead(2);
    expect(calls.at(-1)).toEqual({ url: '/api/v1/notifications/2/read', method: 'POST' });
    expect(s.getState().unread).toBe(1);
    expect(s.getState().items.find((n) => n.id === 2)?.readAt).toBeTruthy();
    const before = calls.length;
    await s.markRead(3);
    expect(calls).toHaveLength(before);
  });

  it('in the unread-only list, a read notification leaves the list', async () => {
    serve((url) => {
      if (url.startsWith('/api/v1/notifications?')) return { status: 200, body: { items: items.slice(0, 2), unread: 2, total: 2 } };
      if (url === '/api/v1/notifications/1/read') return { status: 200, body: { ...items[0], readAt: '2022-02-16T00:00:00Z' } };
      return notFound;
    });
    const s = createNotificationStore();
    await s.load(true);
    await s.markRead(1);
    expect(s.getState().items.map((n) => n.id)).toEqual([2]);
  });

  it('marks all read (POST read-all → {unread: 0})', async () => {
    serve((url, init) => {
      if (url.startsWith('/api/v1/notifications?')) return { status: 200, body: { items, unread: 2, total: 3 } };
      if (url === '/api/v1/notifications/read-all' && init.method === 'POST') return { status: 200, body: { unread: 0 } };
      return notFound;
    });
    const s = createNotificationStore();
    await s.load();
    await s.markAllRead();
    expect(s.getState().unread).toBe(0);
    expect(s.getState().items.every((n) => n.readAt)).toBe(true);
  });

  it('a 404 on marking read (a server without the routes) switches the bell off', async () => {
    serve((url) => (url.startsWith('/api/v1/notifications?') ? { status: 200, body: { items, unread: 2, total: 3 } } : notFound));
    const s = createNotificationStore();
    await s.load();
    await s.markRead(1);
    expect(s.getState()).toMatchObject({ available: false, unread: 0, items: [] });
  });
});
