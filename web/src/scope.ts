// The unit and period a page looks at live in the address (?unit=&period=),
// so links, reloads and the back button keep them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from './session';

export const DEFAULT_PERIOD_KEY = 'mandate.period';

export function defaultPeriod(fallback?: string): string {
  try {
    const p = sessionStorage.getItem(DEFAULT_PERIOD_KEY);
    if (p) return p;
  } catch {
    /* ignore */
  }
  return fallback ?? String(new Date().getFullYear() - 1);
}

export function useScope(): {
  unit: string;
  period: string;
  setUnit: (u: string) => void;
  setPeriod: (p: string) => void;
  search: string;
} {
  const [params, setParams] = useSearchParams();
  const { user, catalog } = useSession();
  const unit = params.get('unit') || user?.unit || '';
  const period = params.get('period') || defaultPeriod(catalog?.defaultPeriod);
  const set = useCallback(
    (key: string, value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(key, value);
          return next;
        },
        { replace: false },
      );
      if (key === 'period') {
        try {
          sessionStorage.setItem(DEFAULT_PERIOD_KEY, value);
        } catch {
          /* ignore */
        }
      }
    },
    [setParams],
  );
  return {
    unit,
    period,
    setUnit: (u) => set('unit', u),
    setPeriod: (p) => set('period', p),
    search: `?unit=${encodeURIComponent(unit)}&period=${encodeURIComponent(period)}`,
  };
}
