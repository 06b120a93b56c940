// Period ids (docs/domain.md) and their Vietnamese / English labels.
export type PeriodType = 'month' | 'quarter' | 'six_months' | 'nine_months' | 'year' | 'ytd' | 'term';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodType(id: string): PeriodType | null {
  if (/^\d{6}$/.test(id)) return 'month';
  if (/^\d{4}Q[1-4]$/.test(id)) return 'quarter';
  if (/^\d{4}S[12]$/.test(id)) return 'six_months';
  if (/^\d{4}NM$/.test(id)) return 'nine_months';
  if (/^\d{4}$/.test(id)) return 'year';
  if (/^\d{4}YTD\d{2}$/.test(id)) return 'ytd';
  if (/^\d{4}-\d{4}$/.test(id)) return 'term';
  return null;
}

export function periodLabel(id: string, lang: 'vi' | 'en' = 'vi'): string {
  const y = id.slice(0, 4);
  switch (periodType(id)) {
    case 'month': {
      const m = Number(id.slice(4));
      return lang === 'vi' ? `Tháng ${m}/${y}` : `${y}-${id.slice(4)}`;
    }
    case 'quarter': {
      const q = Number(id.slice(5));
      return lang === 'vi' ? `Quý ${ROMAN[q - 1]}/${y}` : `Q${q} ${y}`;
    }
    case 'six_months':
      if (lang === 'en') return id.endsWith('1') ? `First half ${y}` : `Second half ${y}`;
      return id.endsWith('1') ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
    case 'nine_months':
      return lang === 'vi' ? `9 tháng năm ${y}` : `Nine months ${y}`;
    case 'year':
      return lang === 'vi' ? `Năm ${y}` : `Year ${y}`;
    case 'ytd': {
      const m = Number(id.slice(7));
      return lang === 'vi' ? `Lũy kế ${m} tháng năm ${y}` : `${y} to month ${m}`;
    }
    case 'term':
      return lang === 'vi' ? `Nhiệm kỳ ${id.replace('-', '–')}` : `Term ${id.replace('-', '–')}`;
    default:
      return id;
  }
}

/** The same period one year earlier ("2021Q1" → "2020Q1"). Terms and unknown ids: null. */
export function previousYear(id: string): string | null {
  const t = periodType(id);
  if (!t || t === 'term') return null;
  const y = Number(id.slice(0, 4)) - 1;
  return String(y) + id.slice(4);
}

/** The period just before, of the same type ("2021Q1" → "2020Q4", "2021" → "2020"). */
export function previousPeriod(id: string): string | null {
  const t = periodType(id);
  const y = Number(id.slice(0, 4));
  switch (t) {
    case 'year':
      return String(y - 1);
    case 'quarter': {
      const q = Number(id.slice(5));
      return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
    }
    case 'six_months':
      return id.endsWith('1') ? `${y - 1}S2` : `${y}S1`;
    case 'month': {
      const m = Number(id.slice(4));
      return m === 1 ? `${y - 1}12` : `${y}${String(m - 1).padStart(2, '0')}`;
    }
    case 'nine_months':
      return `${y - 1}NM`;
    default:
      return null;
  }
}

/** Choices for period pickers: years around `year`, their halves, quarters, nine months, months (monthly report forms) and the term. */
export function periodChoices(years: number[], term?: string): string[] {
  const out: string[] = [];
  for (const y of years) {
    out.push(String(y), `${y}NM`, `${y}S1`, `${y}S2`, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`);
    for (let m = 1; m <= 12; m++) out.push(`${y}${String(m).padStart(2, '0')}`);
  }
  if (term) out.push(term);
  return out;
}

/**
 * The periods a trend runs over: the same kind of period (year, quarter,
 * half…) in each year of the term, from its first year through the chosen
 * period's year; for the term itself, its years. Outside the term: that year alone.
 */
export function trendPeriods(period: string, term: string | undefined): string[] {
  const t = periodType(period);
  if (!t) return [period];
  const m = term ? /^(\d{4})-(\d{4})$/.exec(term) : null;
  if (t === 'term') {
    const [from, to] = [Number(period.slice(0, 4)), Number(period.slice(5))];
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  const year = Number(period.slice(0, 4));
  const first = m ? Number(m[1]) : year;
  const last = m ? Number(m[2]) : year;
  if (year < first || year > last) return [period];
  const suffix = period.slice(4);
  return Array.from({ length: year - first + 1 }, (_, i) => `${first + i}${suffix}`);
}

/** The periods a period is made of, one level down: a term's years, a year's quarters, a half's quarters, nine months' first half and third quarter, a quarter's months. */
export function periodParts(period: string): string[] {
  const y = period.slice(0, 4);
  switch (periodType(period)) {
    case 'term':
      return trendPeriods(period, undefined);
    case 'year':
      return [1, 2, 3, 4].map((q) => `${y}Q${q}`);
    case 'six_months':
      return period.endsWith('1') ? [`${y}Q1`, `${y}Q2`] : [`${y}Q3`, `${y}Q4`];
    case 'nine_months':
      return [`${y}S1`, `${y}Q3`];
    case 'quarter': {
      const q = Number(period.slice(5));
      return [1, 2, 3].map((m) => `${y}${String((q - 1) * 3 + m).padStart(2, '0')}`);
    }
    default:
      return [];
  }
}
