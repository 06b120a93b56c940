// Records people create and change: attachments, task progress and ratings,
// documents with the conflict flow, the header search, restructuring events
// and rating scales. Runs after ui.test.mjs (node's runner takes files in
// order, one at a time) on the same server.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { answerTo, apiClient, BASE, closeBrowser, login, newPage, OUT, popupOpened, shot } from './helpers.mjs';

after(closeBrowser);

// A small but real PDF (libmagic must see application/pdf).
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

test('document attachments: upload a PDF, download the same bytes, refuse an .html file, delete', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/documents/TU-DA-2021-01`);
  await page.getByTestId('attachments').waitFor();
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: 'Kế hoạch triển khai.pdf', mimeType: 'application/pdf', buffer: PDF });
  const link = page.getByTestId('attachments').getByRole('link', { name: 'Kế hoạch triển khai.pdf' });
  await link.waitFor();
  await shot(page, '30-document-attachments');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(OUT, 'downloaded.pdf');
  await download.saveAs(file);
  assert.deepEqual(await readFile(file), PDF, 'the same bytes come back');
  assert.equal(download.suggestedFilename(), 'Kế hoạch triển khai.pdf');

  // Not an allowed type: the server's message, in Vietnamese, then in English.
  await input.setInputFiles({ name: 'trang.html', mimeType: 'text/html', buffer: Buffer.from('<html><body>x</body></html>') });
  const err = page.getByTestId('inline-error');
  await err.getByText('Không nhận tệp "trang.html"', { exact: false }).waitFor();
  await shot(page, '31-attachment-refused');
  await page.getByTestId('lang-switch').click();
  await err.getByText('File "trang.html" (type text/html) is not accepted', { exact: false }).waitFor();
  await page.getByTestId('lang-switch').click();

  // Delete, after confirming.
  await page.getByRole('button', { name: 'Xóa Kế hoạch triển khai.pdf' }).click();
  // Every click in a popconfirm or dialog waits until it has finished opening (helpers.mjs).
  const confirmDelete = page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' });
  await popupOpened(confirmDelete);
  await answerTo(page, 'DELETE', /^\/api\/v1\/attachments\/[^/]+$/, () => confirmDelete.click());
  await page.getByText('Đã xóa tệp Kế hoạch triển khai.pdf').waitFor();
  await page.getByTestId('attachments').getByText('Chưa có tệp đính kèm').waitFor();
  await page.done();
});

test('documents: create one, then an edit someone else overtook gets the conflict choice', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/documents`);
  await page.getByTestId('doc-add').click();
  const form = page.getByTestId('document-form');
  await popupOpened(form);
  await form.getByLabel('Mã văn bản (trong hệ thống)').fill('KH-TEST-01');
  await form.getByLabel('Số, ký hiệu').fill('99-KH/TU');
  await form.getByLabel('Trích yếu').fill('Kế hoạch kiểm tra việc quán triệt nghị quyết ở các chi bộ');
  await shot(page, '32-document-create');
  await answerTo(page, 'PUT', '/api/v1/documents/KH-TEST-01', () => page.getByTestId('record-save').click());
  await page.waitForURL(/\/documents\/KH-TEST-01/);
  await page.getByRole('heading', { name: /99-KH\/TU/ }).waitFor();

  // Open the editor, then someone else changes the document first.
  // The editor reads the current version and its ETag when it opens.
  const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/documents/KH-TEST-01') && r.request().method() === 'GET');
  await page.getByTestId('doc-edit').click();
  await read;
  await page.waitForTimeout(100);
  await popupOpened(form.getByLabel('Trích yếu'));
  const api = await apiClient('admin');
  const cur = await api('GET', 'documents/KH-TEST-01');
  const put = await api('PUT', 'documents/KH-TEST-01', { ...cur.body, title: 'Kế hoạch kiểm tra (bản do người khác sửa)' }, { 'If-Match': cur.etag });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  await form.getByLabel('Trích yếu').fill('Kế hoạch kiểm tra (bản của tôi)');
  await answerTo(page, 'PUT', '/api/v1/documents/KH-TEST-01', () => page.getByTestId('record-save').click());
  const conflict = page.getByTestId('record-conflict');
  await conflict.getByText('bản do người khác sửa', { exact: false }).waitFor();
  await shot(page, '33-document-conflict');
  await answerTo(page, 'PUT', '/api/v1/documents/KH-TEST-01', () => conflict.getByRole('button', { name: 'Ghi đè bằng bản của tôi' }).click());
  await page.getByRole('heading', { name: /bản của tôi/ }).waitFor();
  await page.done();
});

test('task: report progress and see it in the timeline; rate a year as an approver', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/tasks/TG1.1/chi-tiet`);
  const card = page.getByTestId('task-progress');
  await card.waitFor();
  await card.locator('.ant-slider-handle').focus();
  // Set 65% with the keyboard: End → 100, then down to 65 in steps of 5.
  await page.keyboard.press('Home');
  for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
  await page.getByTestId('progress-note').fill('Đã tổ chức 6/8 hội nghị quán triệt ở các phường, xã; còn 2 xã tổ chức trong quý III.');
  await page.getByTestId('progress-submit').click();
  await page.getByText('Đã ghi nhận tiến độ').waitFor();
  const item = page.getByTestId('progress-timeline').getByTestId('timeline-item').first();
  await item.getByText('còn 2 xã', { exact: false }).waitFor();
  assert.match(await item.innerText(), /65%/);
  // The task itself now shows 65%.
  await page.locator('.ant-descriptions').getByText('65%').waitFor();
  await shot(page, '34-task-progress');

  // A rating for a year that has none yet.
  await page.getByTestId('task-ratings').scrollIntoViewIfNeeded();
  await page.getByTestId('rate-2022').click();
  const modal = page.locator('.ant-modal');
  await popupOpened(modal.getByLabel('Xếp loại thực hiện nhiệm vụ'));
  await modal.getByLabel('Xếp loại thực hiện nhiệm vụ').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Hoàn thành tốt' }).click();
  await shot(page, '35-task-rating');
  await answerTo(page, 'PUT', '/api/v1/tasks/TG1.1/ratings/2022', () => page.getByTestId('record-save').click());
  await page.getByText('Đã lưu xếp loại').waitFor();
  await page.getByTestId('task-ratings').getByText('Hoàn thành tốt').waitFor();
  await page.getByTestId('task-progress').scrollIntoViewIfNeeded();
  await page.done();
});

test('a ward reporter reports on the ward’s own task, and is told plainly about the city’s', async () => {
  const page = await newPage();
  await login(page, 'reporter');
  await page.goto(`${BASE}/tasks/TG4.1/chi-tiet`);
  await page.getByTestId('progress-submit').waitFor();
  await page.getByTestId('attach-upload').waitFor();
  assert.equal(await page.getByTestId('rate-2022').count(), 0, 'a reporter does not rate');
  await page.goto(`${BASE}/tasks/TG1.1/chi-tiet`);
  await page.getByText('Không có quyền truy cập').waitFor();
  assert.match(await page.getByTestId('error-message').innerText(), /không có quyền xem dữ liệu của đơn vị LS-TU-BTG/);
  await page.done();
});

test('header search: “quan triet” finds documents, grouped by kind', async () => {
  const page = await newPage();
  await login(page);
  const box = page.getByTestId('global-search');
  await box.fill('quan triet');
  const docHit = page.getByTestId('search-hit-document').first();
  await docHit.waitFor();
  assert.match(await docHit.innerText(), /quán triệt/i);
  await page.locator('.global-search-popup').getByText(/^Văn bản \(\d+\)$/).waitFor();
  await shot(page, '36-search-dropdown');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=quan/);
  const group = page.getByTestId('search-group-document');
  await group.waitFor();
  const links = group.getByRole('link');
  assert.ok((await links.count()) > 0);
  for (const t of await links.allInnerTexts()) assert.match(t.toLowerCase(), /quán triệt/);
  await shot(page, '37-search-page');
  await links.first().click();
  await page.getByText('Cơ quan ban hành').waitFor();
  assert.match(page.url(), /\/documents\//);
  await page.done();
});

test('admin: a merge with an effective date, and a rating scale in the editor', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/admin`);
  await page.getByRole('tab', { name: 'Sắp xếp đơn vị' }).click();
  await page.getByTestId('uc-add').click();
  const form = page.getByTestId('uc-form');
  await popupOpened(form);
  await form.getByLabel('Mã sự kiện').fill('UC-MERGE-TEST');
  // Merge two residential-area party cells into a third.
  await form.getByLabel('Các đơn vị sáp nhập (từ 2)').click();
  await page.keyboard.type('khối 5');
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: 'Chi bộ khối 5' }).click();
  await page.keyboard.type('khối 8');
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: 'Chi bộ khối 8' }).click();
  await form.getByLabel('Mã sự kiện').click(); // close the dropdown
  await form.getByLabel('Đơn vị sau sáp nhập').click();
  await page.keyboard.type('Phường Chi');
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: 'Phường Chi Lăng' }).last().click();
  await form.getByLabel('Mã sự kiện').click();
  await form.getByLabel('Có hiệu lực từ ngày').fill('1/1/2024');
  await form.getByLabel('Có hiệu lực từ ngày').press('Enter');
  await shot(page, '38-unit-change-form');
  await answerTo(page, 'PUT', '/api/v1/unit-changes/UC-MERGE-TEST', () => page.getByTestId('record-save').click());
  await page.getByText('Đã lưu sự kiện').waitFor();
  const row = page.getByTestId('uc-table').getByRole('row').filter({ hasText: 'UC-MERGE-TEST' });
  await row.getByText('Sáp nhập', { exact: true }).waitFor();
  assert.match(await row.innerText(), /Chi bộ khối 5, Chi bộ khối 8 sáp nhập thành Phường Chi Lăng/);
  assert.match(await row.innerText(), /1\/1\/2024/);
  await shot(page, '39-unit-changes');

  await page.getByRole('tab', { name: 'Thang xếp loại' }).click();
  await page.getByTestId('scale-edit-meeting').click();
  const sf = page.getByTestId('scale-form');
  await popupOpened(sf);
  await sf.getByLabel('Tên mức 2').fill('Khá (đạt yêu cầu)');
  await shot(page, '40-rating-scale-edit');
  await answerTo(page, 'PUT', '/api/v1/rating-scales/meeting', () => page.getByTestId('record-save').click());
  await page.getByText('Đã lưu thang xếp loại').waitFor();
  await page.getByTestId('scale-meeting').getByText('Khá (đạt yêu cầu)').waitFor();
  await page.done();
});

test('activities: the detail of a study session and its editor', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/activities?kind=study_session`);
  await page.getByRole('link', { name: /Hội nghị quán triệt, triển khai Nghị quyết/ }).first().click();
  await page.getByText('Tham dự theo đối tượng').waitFor();
  await shot(page, '41-activity-detail');
  await page.getByTestId('activity-edit').click();
  await page.getByTestId('activity-form').getByText('Tham dự theo đối tượng').waitFor();
  await page.waitForTimeout(300);
  await shot(page, '42-activity-edit');
  const cancel = page.getByRole('button', { name: 'Hủy' });
  await popupOpened(cancel);
  await cancel.click();
  await page.done();
});
