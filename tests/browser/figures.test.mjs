// Every figure opens what is behind it: the dashboard's figures and trends
// from /analytics, the report preview's figures from the trace sidecar.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BASE, closeBrowser, login, newPage, shot } from './helpers.mjs';

after(closeBrowser);

test('dashboard: trend sparklines, and a figure opens its sub-units and periods', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/?unit=LS&period=2021`);
  // The trend runs over the term's years so far (2020, 2021): a line for an indicator with both.
  await page.getByTestId('trend-NEW_JOBS').locator('svg polyline').waitFor();
  assert.match(await page.getByTestId('trend-NEW_JOBS').locator('svg').getAttribute('aria-label'), /Năm 2020: 2\.410; Năm 2021: 2\.684/);

  await page.getByTestId('actual-BUDGET_REVENUE').click();
  const summary = page.getByTestId('figure-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /430 tỷ đồng/);
  assert.match(await summary.innerText(), /Tổng hợp từ đơn vị trực thuộc\s+25 tỷ đồng/);
  const ward = page.getByTestId('figure-children').getByRole('row').filter({ hasText: 'Phường Vĩnh Trại' });
  assert.match(await ward.innerText(), /25 tỷ đồng/);
  await shot(page, '33-dashboard-figure');
  // The ward's figure opens in turn; the breadcrumb leads back.
  await ward.getByRole('button', { name: 'Phường Vĩnh Trại' }).click();
  await page.locator('.figure-drawer .ant-breadcrumb').getByText('Phường Vĩnh Trại · Năm 2021').waitFor();
  await page.waitForFunction(() => /Số liệu đơn vị tự báo cáo\s+25 tỷ đồng/.test(document.querySelector('[data-testid="figure-summary"]')?.innerText ?? ''));
  await page.locator('.figure-drawer .ant-breadcrumb').getByRole('button', { name: /Thành phố Lạng Sơn/ }).click();
  await page.waitForFunction(() => /430 tỷ đồng/.test(document.querySelector('[data-testid="figure-summary"]')?.innerText ?? ''));
  await page.keyboard.press('Escape');
  await page.getByTestId('figure-summary').waitFor({ state: 'hidden' });
  await page.done();
});

test('report preview: a figure opens its trace, the count opens the indicators counted', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/reports?unit=LS&period=2021`);
  const preview = page.getByTestId('report-preview');
  const percent = preview.getByRole('button', { name: /^Thu ngân sách Nhà nước trên địa bàn: 116,7%/ });
  await percent.first().waitFor();
  await percent.first().click();
  const detail = page.getByTestId('trace-detail');
  await detail.getByText('Số liệu đơn vị tự báo cáo cho đúng kỳ này.').waitFor();
  const values = await detail.getByTestId('trace-values').innerText();
  assert.match(values, /Nguồn: Báo Lạng Sơn/);
  assert.match(values, /Phường Vĩnh Trại/);
  await shot(page, '34-report-trace');
  await page.keyboard.press('Escape');
  await detail.getByText('Số liệu đơn vị tự báo cáo cho đúng kỳ này.').waitFor({ state: 'hidden' });
  await preview.getByRole('button', { name: /^17\/19/ }).first().click();
  const counted = page.getByTestId('trace-count');
  await counted.waitFor();
  const behind = counted.getByRole('row').filter({ hasText: 'Tỷ lệ lao động qua đào tạo' });
  assert.match(await behind.innerText(), /Chưa đạt/);
  assert.match(await behind.innerText(), /không/);
  await shot(page, '35-report-trace-count');
  await page.done();
});
