import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../web/package.json'));
const { chromium } = require('playwright-core');
const base = process.env.BASE_URL;
const out = process.env.OUT_DIR;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.goto(base + '/');
await page.getByLabel('Tên đăng nhập').fill('admin');
await page.screenshot({ path: `${out}/smoke-login.png` });
await page.getByLabel('Mật khẩu').fill('langson-2021');
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.getByTestId('tile-indicators').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/smoke-dashboard.png`, fullPage: false });
for (const p of (process.env.PAGES || '').split(',').filter(Boolean)) {
  await page.goto(base + p);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/smoke-${p.replace(/[^a-z0-9]/gi, '_')}.png` });
}
await browser.close();
