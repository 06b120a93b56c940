import type { Unit } from '../api/types';

/** The child of `root` on the way from `root` down to `code`, or null when `code` is not below `root`. */
export function childOf(root: string, code: string, byCode: Map<string, Unit>): string | null {
  let cur = byCode.get(code);
  let guard = 0;
  while (cur && guard++ < 64) {
    if (cur.parent === root) return cur.code;
    cur = cur.parent ? byCode.get(cur.parent) : undefined;
  }
  return null;
}

/** Is `code` the unit `root` or below it? */
export function within(root: string, code: string, byCode: Map<string, Unit>): boolean {
  if (root === code) return true;
  return childOf(root, code, byCode) !== null;
}
