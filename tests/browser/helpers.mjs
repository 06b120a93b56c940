// Shared pieces of the browser tests: Debian's Chromium through
// playwright-core (never a downloaded browser), sign-in, a plain API client
// for changes made "behind the page's back", and CSP / page-error checks.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const OUT = process.env.OUT_DIR ?? path.join(here, '../../test-output/browser');
export const USERS = {
  admin: ['admin', 'langson-2021'],
  reporter: ['vinhtrai', 'vinhtrai-2021'],
  viewer: ['khoa', 'khoa-2021'],
  approver: ['duyet', 'duyet-2021'],
};

let browser;
export async function getBrowser() {
  browser ??= await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return browser;
}
export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/** A fresh page; every CSP violation and uncaught error is recorded and checked by `done`. */
export async function newPage({ width = 1366, height = 768 } = {}) {
  const b = await getBrowser();
  const context = await b.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    const t = m.text();
    if (/Content Security Policy|CSP violation/i.test(t)) problems.push(`CSP: ${t}`);
    else if (m.type() === 'error' && !/Failed to load resource/.test(t)) problems.push(`console: ${t}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.done = async () => {
    await context.close();
    assert.deepEqual(problems, [], 'no CSP violations or script errors');
  };
  return page;
}

export async function shot(page, name) {
  // Wait until nothing is loading any more, then one frame for the charts.
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur').length === 0, null, { timeout: 10000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/**
 * Waits until the popup holding `locator` has finished opening: an antd Modal (role "dialog",
 * also modal.confirm), a popover (`.ant-popover`: a Popconfirm, a Popover) or a Dropdown menu
 * (`.ant-dropdown`, which slides in: ant-slide-up-appear, from scale 0 and opacity 0 too).
 * antd zooms these in (Modal: ant-zoom-enter/-appear, from 20 % size and opacity 0; popover:
 * ant-zoom-big-enter/-appear, from 80 %), and the zoom may sit still for a frame or two before it
 * runs: Playwright then finds a button in it "stable" and clicks, the popup grows between the
 * mouse's press and release, the release lands beside the button and the browser sends the click
 * to what is under it, so the button never hears it. Click in a popup only after this (a person
 * cannot click an invisible button either).
 */
export async function popupOpened(locator, { timeout = 10000 } = {}) {
  await locator.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const opening = await locator.evaluate((el) => {
      const popup = el.closest('[role="dialog"], .ant-popover, .ant-dropdown');
      if (!popup) return null;
      const s = getComputedStyle(popup);
      // The motion classes (ant-zoom-big-appear-prepare, ant-zoom-enter-active, …) stay until antd deems the motion done.
      const motion = [...popup.classList].filter((c) => /-(appear|enter|leave)(-|$)/.test(c));
      const still = s.opacity === '1' && s.transform === 'none' && popup.getAnimations().length === 0 && motion.length === 0;
      return still ? '' : `opacity ${s.opacity}, transform ${s.transform}, classes ${motion.join(' ') || 'none'}`;
    });
    if (opening === null) throw new Error(`popupOpened: ${locator} is not inside a modal, a popover or a dropdown menu`);
    if (opening === '') return;
    if (Date.now() > deadline) throw new Error(`popupOpened: the popup of ${locator} did not finish opening (${opening})`);
    await locator.page().waitForTimeout(50);
  }
}

/**
 * Runs `action` (a click) and waits for the answer to the request it must send: a click that
 * sends nothing fails here, not 30 s later. `pathname` is the request's path, or a RegExp for it.
 */
export async function answerTo(page, method, pathname, action) {
  const matches = (p) => (typeof pathname === 'string' ? p === pathname : pathname.test(p));
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && matches(new URL(r.url()).pathname)), action()]);
  return res;
}

export async function login(page, who = 'admin') {
  const [u, p] = USERS[who];
  await page.goto(`${BASE}/`);
  await page.getByLabel('Tên đăng nhập').fill(u);
  await page.getByLabel('Mật khẩu').fill(p);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** A signed-in API client for changes made outside the page. */
export async function apiClient(who = 'admin') {
  const [username, password] = USERS[who];
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200, 'API sign-in');
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await res.json();
  return async (method, p, body, headers = {}) => {
    const r = await fetch(`${BASE}/api/v1/${p}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, etag: r.headers.get('etag'), body: text ? JSON.parse(text) : null };
  };
}
