// The one way the app talks to the server: JSON over fetch, the session
// cookie, X-CSRF-Token on every change, If-Match / If-None-Match for writes,
// and errors turned into ApiError with both languages.

export interface ApiErrorBody {
  code: string;
  status: number;
  message: { vi: string; en: string };
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  readonly field?: string;
  /** For 412: the record as it is now on the server, and its ETag. */
  readonly current?: unknown;
  readonly currentEtag?: string | null;
  /** The whole answer, for errors that carry more than `error` (e.g. `notesRequired`). */
  readonly body?: Record<string, unknown>;
  constructor(body: ApiErrorBody, current?: unknown, currentEtag?: string | null, whole?: Record<string, unknown>) {
    super(body.message?.en || body.code);
    this.status = body.status;
    this.code = body.code;
    this.vi = body.message?.vi || body.code;
    this.en = body.message?.en || body.code;
    this.field = body.field;
    this.current = current;
    this.currentEtag = currentEtag;
    this.body = whole;
  }
  text(lang: 'vi' | 'en'): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when the server says the session is gone (401 on a normal request). */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}

export interface Result<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** PUT/DELETE: the ETag the edit started from; "*" with create for If-None-Match. */
  ifMatch?: string | null;
  create?: boolean;
  query?: Record<string, string | number | undefined | null>;
  /** Do not treat a 401 as "signed out" (the login form itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
  raw?: boolean;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const base = path.startsWith('/') ? path : `/api/v1/${path}`;
  if (!query) return base;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

function networkError(): ApiError {
  return new ApiError({
    code: 'network',
    status: 0,
    message: { vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', en: 'Cannot reach the server. Check the network and try again.' },
  });
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.create) headers['If-None-Match'] = '*';
  else if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw networkError();
  }
  if (!res.ok) throw await toError(res, !!opts.quiet401);
  return res;
}

async function toError(res: Response, quiet401: boolean): Promise<ApiError> {
  let body: { error?: ApiErrorBody; current?: unknown } & Record<string, unknown> = {};
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const err = body.error ?? {
    code: `http.${res.status}`,
    status: res.status,
    message:
      res.status === 413
        ? { vi: 'Tệp quá lớn (tối đa 20 MiB).', en: 'The file is too large (20 MiB at most).' }
        : { vi: `Máy chủ trả lỗi ${res.status}.`, en: `The server answered ${res.status}.` },
  };
  if (res.status === 401 && !quiet401 && onUnauthorized) onUnauthorized();
  return new ApiError({ ...err, status: res.status }, body.current, res.headers.get('ETag'), body);
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<Result<T>> {
  const res = await send(path, opts);
  const etag = res.headers.get('ETag');
  if (res.status === 204) return { data: undefined as T, etag };
  const type = res.headers.get('Content-Type') || '';
  const data = (type.includes('json') ? await res.json() : await res.text()) as T;
  return { data, etag };
}

/**
 * Sends a file as the raw request body (attachments, imports); the server
 * judges its type from the bytes. `answers` are error statuses whose body is
 * still the answer (an import refused row by row is a 422 carrying the job).
 */
export async function upload<T>(path: string, file: Blob, query?: RequestOptions['query'], signal?: AbortSignal, answers: number[] = []): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method: 'POST', headers, body: file, credentials: 'same-origin', signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw networkError();
  }
  if (!res.ok && !answers.includes(res.status)) throw await toError(res, false);
  return (await res.json()) as T;
}

export async function get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { query, signal })).data;
}

/** Fetches a response as text (reports in md/text). */
export async function getText(path: string, query?: RequestOptions['query']): Promise<{ text: string; type: string }> {
  const res = await send(path, { query });
  return { text: await res.text(), type: res.headers.get('Content-Type') || '' };
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Every item of a list, a thousand at a time. */
export async function getAll<T>(path: string, query: RequestOptions['query'] = {}): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await get<Page<T>>(path, { ...query, limit: 1000, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}
