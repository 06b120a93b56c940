// Lists filtered by the server: tasks by status, field and overdue; targets
// by indicator and period in the administration.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BASE, closeBrowser, login, newPage, shot } from './helpers.mjs';

after(closeBrowser);

/** Picks an option of an Ant Design select found by its accessible name. */
async function choose(page, name, option) {
  await page.getByRole('combobox', { name }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The rows' text once the table shows the server's filtered answer. */
async function rowsOnceLoaded(page, table) {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
  return table.locator('tbody tr.ant-table-row').allInnerTexts();
}

test('tasks: status, field and overdue are asked of the server', async () => {
  const page = await newPage();
  await login(page);
  const asked = [];
  page.on('request', (r) => r.url().includes('/api/v1/tasks?') && asked.push(new URL(r.url()).searchParams));
  await page.goto(`${BASE}/tasks`);
  const table = page.locator('.ant-table').first();
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const all = (await rowsOnceLoaded(page, table)).length;

  await choose(page, 'Trạng thái', 'Hoàn thành');
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr.ant-table-row')].every((r) => r.innerText.includes('Hoàn thành')));
  const done = await rowsOnceLoaded(page, table);
  assert.ok(done.length > 0 && done.length < all, `${done.length} of ${all}`);
  assert.equal(asked.at(-1).get('status'), 'completed');

  const economy = page.waitForResponse((r) => r.url().includes('field=economy'));
  await choose(page, 'Lĩnh vực', 'Kinh tế');
  await economy;
  const doneEconomy = await rowsOnceLoaded(page, table);
  assert.ok(doneEconomy.length > 0 && doneEconomy.length <= done.length);
  for (const r of doneEconomy) assert.match(r, /Kinh tế/);
  await shot(page, '36-tasks-filtered');

  // Overdue and completed exclude each other: an empty list, said plainly.
  const overdue = page.waitForResponse((r) => r.url().includes('overdue=true'));
  await page.getByRole('switch').click();
  await overdue;
  assert.equal((await rowsOnceLoaded(page, table)).length, 0);
  await table.locator('.ant-empty').waitFor();
  await page.done();
});

test('administration: targets filtered by indicator and period', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/admin`);
  await page.getByRole('tab', { name: 'Chỉ tiêu kế hoạch' }).click();
  const table = page.getByTestId('target-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const byIndicator = page.waitForResponse((r) => r.url().includes('indicator=NEW_JOBS'));
  await choose(page, 'Lọc theo chỉ tiêu', 'Số lao động được giải quyết việc làm mới');
  await byIndicator;
  const rows = await rowsOnceLoaded(page, table);
  assert.ok(rows.length > 0);
  for (const r of rows) assert.match(r, /Số lao động được giải quyết việc làm mới/);
  const byPeriod = page.waitForResponse((r) => r.url().includes('period=2021'));
  await choose(page, 'Lọc theo kỳ', 'Năm 2021');
  await byPeriod;
  const year = await rowsOnceLoaded(page, table);
  assert.ok(year.length > 0 && year.length <= rows.length);
  for (const r of year) assert.match(r, /Năm 2021/);
  await shot(page, '37-admin-targets-filtered');
  await page.done();
});
