// Admin › Người dùng: the city's administrator creates an account (a taken
// name is refused with the server's message first), changes its role to
// planner, sees an edit made meanwhile as a conflict; the new planner opens
// the administration but has no Users tab, and the API refuses them.
// Leaves one account, "lan" (no other test counts accounts).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BASE, answerTo, apiClient, closeBrowser, login, newPage, popupOpened, shot } from './helpers.mjs';

after(closeBrowser);

const PASSWORD = 'lan-mat-khau-2021';

async function choose(page, scope, name, option) {
  // The select itself, not its search box: the chosen value lies over that.
  await scope.locator('.ant-select').filter({ has: page.getByRole('combobox', { name }) }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

test('an administrator creates a user and changes the role; a planner cannot manage users', async () => {
  const page = await newPage();
  await login(page, 'admin');
  await page.goto(`${BASE}/admin`);
  await page.getByRole('tab', { name: 'Người dùng' }).click();
  const table = page.getByTestId('user-table');
  await table.getByRole('cell', { name: 'vinhtrai', exact: true }).waitFor();
  await table.getByRole('row').filter({ hasText: 'vinhtrai' }).filter({ hasText: 'Phường Vĩnh Trại' }).filter({ hasText: 'Báo cáo số liệu' }).waitFor();

  // Create: a taken name first, refused by the server in Vietnamese; then a free one.
  await page.getByTestId('user-add').click();
  const form = page.getByTestId('user-create-form');
  await popupOpened(form); // every click in a dialog waits until it has finished opening (helpers.mjs)
  await form.getByLabel('Tên đăng nhập').fill('vinhtrai');
  await form.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await form.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: 'Đơn vị' }) }).click();
  await page.keyboard.type('Vĩnh Trại');
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: 'Phường Vĩnh Trại' }).first().click();
  await choose(page, form, 'Vai trò', 'Báo cáo số liệu');
  await form.getByLabel('Thư điện tử (nhận nhắc hạn)').fill('lan@langson.gov.vn');
  await form.getByLabel('Mật khẩu ban đầu').fill('ngan');
  await page.getByTestId('user-create-save').click();
  await form.getByText('Mật khẩu phải có ít nhất 8 ký tự').waitFor();
  await form.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
  await answerTo(page, 'POST', '/api/v1/users', () => page.getByTestId('user-create-save').click());
  await page.getByTestId('inline-error').filter({ hasText: 'Tên đăng nhập vinhtrai đã có người dùng' }).waitFor();
  await form.getByLabel('Tên đăng nhập').fill('lan');
  await answerTo(page, 'POST', '/api/v1/users', () => page.getByTestId('user-create-save').click());
  await form.waitFor({ state: 'hidden' });
  const row = table.getByRole('row').filter({ hasText: 'lan@langson.gov.vn' });
  await row.filter({ hasText: 'Nguyễn Thị Lan' }).filter({ hasText: 'Phường Vĩnh Trại' }).filter({ hasText: 'Báo cáo số liệu' }).waitFor();

  // Filters: by role, by text without accents.
  await choose(page, page.getByTestId('user-filters'), 'Lọc theo vai trò', 'Báo cáo số liệu');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=user-table] tbody tr.ant-table-row').length === 2);
  await page.getByLabel('Tìm người dùng').fill('nguyen thi');
  await page.getByLabel('Tìm người dùng').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=user-table] tbody tr.ant-table-row').length === 1);
  await shot(page, '27-admin-users');

  // Edit the role; an edit made meanwhile shows as a conflict, "use theirs" then save.
  await page.getByTestId('user-edit-lan').click();
  const edit = page.getByTestId('user-edit-form');
  await popupOpened(edit.getByLabel('Họ và tên'));
  await page.waitForFunction(() => document.querySelector('[data-testid=user-edit-form] input[id$=email]')?.value === 'lan@langson.gov.vn');
  const admin = await apiClient('admin');
  const now = await admin('GET', 'users/lan');
  assert.equal(now.body.password, undefined);
  assert.equal((await admin('PUT', 'users/lan', { language: 'en' }, { 'If-Match': now.etag })).status, 200);
  await choose(page, edit, 'Vai trò', 'Kế hoạch');
  await answerTo(page, 'PUT', '/api/v1/users/lan', () => page.getByTestId('record-save').click());
  await page.getByTestId('record-conflict').waitFor();
  await page.getByTestId('record-conflict').getByRole('button', { name: 'Dùng bản mới' }).click();
  await choose(page, edit, 'Vai trò', 'Kế hoạch');
  await shot(page, '27-admin-user-edit');
  await answerTo(page, 'PUT', '/api/v1/users/lan', () => page.getByTestId('record-save').click());
  await page.getByTestId('user-edit-form').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Bỏ lọc' }).click(); // the role filter hides a planner
  await row.filter({ hasText: 'Kế hoạch' }).waitFor();
  const saved = await admin('GET', 'users/lan');
  assert.equal(saved.body.role, 'planner');
  assert.equal(saved.body.language, 'en', 'the edit made meanwhile is kept');

  // The administrator's own row has no reset button (that is the Profile page).
  await table.getByRole('cell', { name: 'admin', exact: true }).waitFor();
  assert.equal(await page.getByTestId('user-reset-admin').count(), 0);
  assert.equal(await page.getByTestId('user-reset-lan').count(), 1);
  await page.done();

  // The new planner: the administration opens, the Users tab does not exist, the API says 403.
  const planner = await newPage();
  await planner.goto(`${BASE}/`);
  await planner.getByLabel('Tên đăng nhập').fill('lan');
  await planner.getByLabel('Mật khẩu').fill(PASSWORD);
  await planner.getByRole('button', { name: 'Đăng nhập' }).click();
  await planner.getByTestId('user-menu').waitFor();
  await planner.goto(`${BASE}/admin`);
  await planner.getByRole('tab', { name: 'Chỉ tiêu kế hoạch' }).waitFor();
  assert.equal(await planner.getByRole('tab', { name: 'Người dùng' }).count(), 0);
  const answer = await planner.evaluate(async () => {
    const r = await fetch('/api/v1/users');
    return { status: r.status, body: await r.json() };
  });
  assert.equal(answer.status, 403);
  assert.equal(answer.body.error.code, 'access.denied.administer');
  await planner.done();
});
