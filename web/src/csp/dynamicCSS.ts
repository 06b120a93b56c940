// A drop-in replacement for rc-util/es/Dom/dynamicCSS (see vite.config.ts).
// Same exports and ordering rules, but each "style" is a constructable
// CSSStyleSheet in document.adoptedStyleSheets instead of a <style> element,
// so it works under `Content-Security-Policy: default-src 'self'` without
// 'unsafe-inline'. Callers get back a detached <style> element so that code
// which sets attributes on it keeps working; it is never put in the document.

type Order = 'append' | 'prepend' | 'prependQueue';
interface Option {
  attachTo?: Element | ShadowRoot;
  csp?: { nonce?: string };
  prepend?: boolean | 'queue';
  priority?: number;
  mark?: string;
  styles?: unknown;
}
interface Entry {
  id: string;
  sheet: CSSStyleSheet;
  node: HTMLStyleElement;
  order: Order;
  priority: number;
  css: string;
}

const entries: Entry[] = [];
const byId = new Map<string, Entry>();
let anonymous = 0;

function canUseDom(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined' && !!document.createElement;
}
function markOf(option: Option): string {
  if (option.mark) return option.mark.startsWith('data-') ? option.mark : `data-${option.mark}`;
  return 'rc-util-key';
}
function orderOf(prepend: Option['prepend']): Order {
  if (prepend === 'queue') return 'prependQueue';
  return prepend ? 'prepend' : 'append';
}
function publish() {
  document.adoptedStyleSheets = entries.map((e) => e.sheet);
}
function fill(sheet: CSSStyleSheet, css: string) {
  try {
    sheet.replaceSync(css);
  } catch {
    // a rule the browser cannot parse is skipped, as in a <style> element
  }
}
function insert(entry: Entry) {
  if (entry.order === 'append') {
    entries.push(entry);
  } else if (entry.order === 'prepend') {
    entries.unshift(entry);
  } else {
    let at = -1;
    entries.forEach((e, i) => {
      if ((e.order === 'prepend' || e.order === 'prependQueue') && entry.priority >= e.priority) at = i;
    });
    entries.splice(at + 1, 0, entry);
  }
  publish();
}

export function injectCSS(css: string, option: Option = {}): HTMLStyleElement | null {
  if (!canUseDom()) return null;
  const sheet = new CSSStyleSheet();
  fill(sheet, css);
  const node = document.createElement('style');
  const order = orderOf(option.prepend);
  node.setAttribute('data-rc-order', order);
  node.textContent = css;
  const entry: Entry = {
    id: `anonymous-${anonymous++}`,
    sheet,
    node,
    order,
    priority: option.priority ?? 0,
    css,
  };
  insert(entry);
  return node;
}

export function updateCSS(css: string, key: string, option: Option = {}): HTMLStyleElement {
  const id = `${markOf(option)}|${key}`;
  const existing = byId.get(id);
  if (existing) {
    if (existing.css !== css) {
      existing.css = css;
      existing.node.textContent = css;
      fill(existing.sheet, css);
    }
    return existing.node;
  }
  const node = injectCSS(css, option) as HTMLStyleElement;
  node.setAttribute(markOf(option), key);
  const entry = entries.find((e) => e.node === node)!;
  entry.id = id;
  byId.set(id, entry);
  return node;
}

export function removeCSS(key: string, option: Option = {}): void {
  const id = `${markOf(option)}|${key}`;
  const entry = byId.get(id);
  if (!entry) return;
  byId.delete(id);
  const i = entries.indexOf(entry);
  if (i >= 0) entries.splice(i, 1);
  publish();
}

export function clearContainerCache(): void {}
