// Vietnamese number entry and display: "65,3" is sixty-five point three,
// "1.234.567" is one million two hundred thirty-four thousand five hundred
// sixty-seven. One place for both directions.

export type ParseResult = { ok: true; value: number | null } | { ok: false; reason: 'format' };

/**
 * Parses what a person typed into a number cell.
 * - "" (or spaces) → null (an empty cell)
 * - "65,3" → 65.3; "1.234.567" → 1234567; "1.234.567,89" → 1234567.89
 * - "1 234 567" and non-breaking spaces are accepted as grouping
 * - a trailing "%" is ignored; a leading "-" or "−" makes it negative
 * - a single "." not followed by exactly three digits is taken as a decimal
 *   point ("65.3" pasted from an English sheet), since a Vietnamese group
 *   always has three digits
 * Anything else ("12,3,4", "1.23.4", "abc") is a format error.
 */
export function parseViNumber(input: string): ParseResult {
  let s = input.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: true, value: null };
  if (s.endsWith('%')) s = s.slice(0, -1);
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s === '') return { ok: false, reason: 'format' };
  let intPart: string;
  let fracPart = '';
  const commas = (s.match(/,/g) || []).length;
  const dots = (s.match(/\./g) || []).length;
  if (commas > 1) return { ok: false, reason: 'format' };
  if (commas === 1) {
    [intPart, fracPart] = s.split(',');
    if (fracPart === '' || !/^\d+$/.test(fracPart)) return { ok: false, reason: 'format' };
    if (dots > 0) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(intPart)) return { ok: false, reason: 'format' };
      intPart = intPart.replace(/\./g, '');
    }
  } else if (dots === 0) {
    intPart = s;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    intPart = s.replace(/\./g, '');
  } else if (dots === 1) {
    [intPart, fracPart] = s.split('.');
    if (fracPart === '') return { ok: false, reason: 'format' };
  } else {
    return { ok: false, reason: 'format' };
  }
  if (intPart === '') intPart = '0';
  if (!/^\d+$/.test(intPart) || (fracPart !== '' && !/^\d+$/.test(fracPart))) {
    return { ok: false, reason: 'format' };
  }
  const value = sign * Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  if (!Number.isFinite(value)) return { ok: false, reason: 'format' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

function group(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * Formats a number the Vietnamese way (or the English way for lang "en"):
 * at most `decimals` decimals, trailing zeros dropped unless `fixed`.
 */
export function formatNumber(
  value: number | null | undefined,
  opts: { decimals?: number; fixed?: boolean; lang?: 'vi' | 'en' } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const decimals = opts.decimals ?? 2;
  const lang = opts.lang ?? 'vi';
  const [gs, ds] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const negative = value < 0;
  let text = Math.abs(value).toFixed(decimals);
  let [i, f = ''] = text.split('.');
  if (!opts.fixed) f = f.replace(/0+$/, '');
  text = group(i, gs) + (f ? ds + f : '');
  if (negative && /[1-9]/.test(text)) text = '-' + text;
  return text;
}

/** What goes back into an input cell: no grouping surprises, Vietnamese comma. */
export function formatForInput(value: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatNumber(value, { decimals: 6, lang });
}

/** Money in đồng shown as "430 tỷ", "25 tỷ", "1,2 triệu"... for tiles. */
export function formatMoneyShort(value: number, lang: 'vi' | 'en' = 'vi'): string {
  const abs = Math.abs(value);
  const units: Array<[number, string, string]> = [
    [1e9, 'tỷ', 'billion'],
    [1e6, 'triệu', 'million'],
  ];
  for (const [scale, vi, en] of units) {
    if (abs >= scale) {
      return `${formatNumber(value / scale, { decimals: 1, lang })} ${lang === 'vi' ? vi : en}`;
    }
  }
  return formatNumber(value, { decimals: 0, lang });
}

/** 2021-04-26 → 26/4/2021 (vi) or 26 Apr 2021 (en). */
export function formatDate(iso: string | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === 'vi') return `${Number(d)}/${Number(mo)}/${y}`;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(d)} ${names[Number(mo) - 1]} ${y}`;
}

/** 2026-11-28T00:07:26Z → 28/11/2026 00:07 in local time. */
export function formatDateTime(iso: string | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const date = formatDate(`${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`, lang);
  return `${date} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** Removes Vietnamese diacritics and case, for client-side filtering. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A figure of an indicator for display: money shortened ("430 tỷ đồng"), percentages with "%". */
export function formatIndicatorValue(
  value: number | null | undefined,
  ind: { valueType: string; unitOfMeasure?: string; decimals?: number } | undefined,
  lang: 'vi' | 'en' = 'vi',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (!ind) return formatNumber(value, { lang });
  if (ind.valueType === 'money') return `${formatMoneyShort(value, lang)} ${lang === 'vi' ? 'đồng' : 'VND'}`;
  if (ind.valueType === 'percent') return `${formatNumber(value, { decimals: ind.decimals ?? 1, lang })}%`;
  if (ind.valueType === 'yes_no') return value ? (lang === 'vi' ? 'Có' : 'Yes') : lang === 'vi' ? 'Không' : 'No';
  return formatNumber(value, { decimals: ind.decimals ?? 1, lang });
}
