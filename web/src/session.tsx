// Who is signed in, in which language, and the units they may see.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, get, getAll, request, setCsrfToken, setUnauthorizedHandler, type Page } from './api/client';
import type { Field, Indicator, Plan, Target, Unit, User } from './api/types';

export type Lang = 'vi' | 'en';

interface Catalog {
  units: Unit[];
  unitByCode: Map<string, Unit>;
  indicators: Indicator[];
  indicatorByCode: Map<string, Indicator>;
  fields: Field[];
  plans: Plan[];
  /** The latest year (not in the future) that has targets: where the data is. */
  defaultPeriod: string;
}

interface SessionValue {
  user: User | null;
  checking: boolean;
  lang: Lang;
  setLang: (l: Lang) => void;
  tr: (vi: string, en: string) => string;
  errorText: (e: unknown) => string;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  catalog: Catalog | null;
  reloadCatalog: () => Promise<void>;
  unitName: (code: string | undefined) => string;
  expired: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('mandate.lang');
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    /* private mode */
  }
  return 'vi';
}

async function loadCatalog(): Promise<Catalog> {
  const [units, indicators, fields, plans, targets] = await Promise.all([
    getAll<Unit>('units'),
    getAll<Indicator>('indicators'),
    getAll<Field>('fields'),
    getAll<Plan>('plans'),
    get<Page<Target>>('targets', { limit: 1000 }),
  ]);
  const now = new Date().getFullYear();
  const years = targets.items
    .map((t) => t.period)
    .filter((p) => /^\d{4}$/.test(p) && Number(p) <= now)
    .map(Number);
  const defaultPeriod = String(years.length ? Math.max(...years) : now - 1);
  return {
    units,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    indicators,
    indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    fields,
    plans,
    defaultPeriod,
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [expired, setExpired] = useState(false);

  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem('mandate.lang', l);
    } catch {
      /* ignore */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const reloadCatalog = useCallback(async () => {
    setCatalog(await loadCatalog());
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setCatalog(null);
      setExpired(true);
    });
    request<{ user: User; csrfToken: string }>('auth/me', { quiet401: true })
      .then(({ data: me }) => me)
      .then(async (me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
        await reloadCatalog();
      })
      .catch(() => setUser(null))
      .finally(() => setChecking(false));
    return () => setUnauthorizedHandler(null);
  }, [reloadCatalog]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { data } = await request<{ user: User; csrfToken: string }>('auth/login', {
        method: 'POST',
        body: { username, password },
        quiet401: true,
      });
      setCsrfToken(data.csrfToken);
      setExpired(false);
      await reloadCatalog();
      setUser(data.user);
    },
    [reloadCatalog],
  );

  const logout = useCallback(async () => {
    try {
      await request('auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken('');
      setUser(null);
      setCatalog(null);
    }
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      user,
      checking,
      lang,
      setLang,
      tr: (vi, en) => (lang === 'vi' ? vi : en),
      errorText: (e) =>
        e instanceof ApiError ? e.text(lang) : lang === 'vi' ? `Lỗi: ${String((e as Error)?.message ?? e)}` : `Error: ${String((e as Error)?.message ?? e)}`,
      login,
      logout,
      catalog,
      reloadCatalog,
      unitName: (code) => (code ? catalog?.unitByCode.get(code)?.name ?? code : ''),
      expired,
    }),
    [user, checking, lang, setLang, login, logout, catalog, reloadCatalog, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
