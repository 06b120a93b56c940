// Reporting cycles in the web interface: a ward officer enters and submits
// its monthly report (a broken rule asks for a note first), the city approver
// approves, the cells lock, a reopen needs a reason; a save into a report
// submitted meanwhile is refused plainly; a forced step outside the role
// shows the server's refusal; the dashboard's completeness and task figures.
// Uses Vĩnh Trại's November 2021 (no other test reads it) and removes the
// values and the rule it adds; the report stays "reopened".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, answerTo, apiClient, closeBrowser, login, newPage, popupOpened, shot } from './helpers.mjs';

const UNIT = 'LS-VT';
const PERIOD = '202111';
const FORM = 'BC-THANG-PX';
const ENTRY = `${BASE}/entry?unit=${UNIT}&period=${PERIOD}`;
const RULE = 'QT-WEB-THU';
const STEP_PATH = (name) => `/api/v1/submissions/${FORM}/${UNIT}/${PERIOD}/${name}`;

let admin;
before(async () => {
  admin = await apiClient('admin');
  // A rule that warns (does not refuse) above 10 complaints, so that submitting 12 needs a note.
  const r = await admin('PUT', `validation-rules/${RULE}`, { code: RULE, name: 'Đơn thư nhận trong tháng quá 10 cần giải trình', kind: 'range', indicator: 'COMPLAINTS_RECEIVED', max: 10 }, { 'If-None-Match': '*' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});
after(async () => {
  // Leave the data as found: the report is reopened, so its values can go.
  const sub = await admin('GET', `submissions?form=${FORM}&unit=${UNIT}&period=${PERIOD}`);
  const state = sub.body.items.find((s) => s.unit === UNIT)?.state;
  if (state === 'submitted' || state === 'approved') await admin('POST', `submissions/${FORM}/${UNIT}/${PERIOD}/reopen`, { reason: 'dọn dữ liệu thử' });
  const values = await admin('GET', `values?unit=${UNIT}&period=${PERIOD}&limit=1000`);
  for (const v of values.body.items.filter((x) => x.unit === UNIT && x.period === PERIOD && x.indicator.startsWith('COMPLAINTS_'))) {
    const d = await admin('DELETE', `values/${v.indicator}/${UNIT}/${PERIOD}?kind=${v.kind}`, undefined, { 'If-Match': v.etag });
    assert.equal(d.status, 204, JSON.stringify(d.body));
  }
  const rule = await admin('GET', `validation-rules/${RULE}`);
  if (rule.status === 200) await admin('DELETE', `validation-rules/${RULE}`, undefined, { 'If-Match': rule.etag });
  await closeBrowser();
});

const form = (page) => page.getByTestId(`form-${FORM}`);
const stateTag = (page) => page.getByTestId(`state-${FORM}`);
// A step through its confirm dialog: the dialog's button once the dialog has finished opening,
// and the step's request is seen to go out (whatever the server answers).
async function step(page, name) {
  await form(page).getByTestId(`step-${name}`).click();
  const ok = page.getByTestId('confirm-step');
  await popupOpened(ok);
  await answerTo(page, 'POST', STEP_PATH(name), () => ok.click());
}

test('submit with a note, approve, locked cells, reopen with a reason, a save into a locked report', async () => {
  // The ward officer: values, a rule warning, no approve button.
  const ward = await newPage();
  await login(ward, 'reporter');
  await ward.goto(ENTRY);
  await stateTag(ward).filter({ hasText: 'Chưa gửi' }).waitFor();
  assert.equal(await form(ward).getByTestId('step-approve').count(), 0, 'a reporter gets no approve button');
  await ward.getByTestId('value-COMPLAINTS_RECEIVED').fill('12');
  await ward.getByTestId('value-COMPLAINTS_RESOLVED').fill('11');
  await ward.getByTestId('save').click();
  await ward.getByTestId('cell-warning-COMPLAINTS_RECEIVED').filter({ hasText: RULE }).waitFor();
  // The figures are saved one after another: the warning shows once the first is saved, and a
  // submit while the second is still unsaved is (rightly) refused with "save first".
  await ward.getByTestId('dirty-count').filter({ hasText: 'Không có thay đổi chưa lưu' }).waitFor();

  // Submit: confirmed, refused for want of a note, the note added in the dialog, submitted.
  await step(ward, 'submit');
  const notes = ward.getByTestId('notes-required');
  await notes.waitFor();
  await notes.filter({ hasText: 'Số đơn thư thuộc thẩm quyền đã tiếp nhận — 12' }).filter({ hasText: `Quy tắc ${RULE}: Đơn thư nhận trong tháng quá 10` }).waitFor();
  await popupOpened(ward.getByTestId('notes-save'));
  await ward.getByTestId('notes-save').click();
  await ward.getByText('Nhập ghi chú cho mọi chỉ tiêu').waitFor();
  await ward.getByTestId('note-COMPLAINTS_RECEIVED').fill('Tăng do đợt tiếp dân cuối năm');
  await answerTo(ward, 'POST', STEP_PATH('submit'), () => ward.getByTestId('notes-save').click());
  await stateTag(ward).filter({ hasText: 'Đã gửi, chờ duyệt' }).waitFor();
  await ward.getByTestId('lock-COMPLAINTS_RECEIVED').waitFor();
  assert.equal(await ward.getByTestId('value-COMPLAINTS_RECEIVED').getAttribute('readonly'), '');
  // The note is the value's comment, shown in the grid once it is read again.
  await ward.waitForFunction(() => document.querySelector('input[aria-label="Ghi chú: Số đơn thư thuộc thẩm quyền đã tiếp nhận"]')?.value === 'Tăng do đợt tiếp dân cuối năm');
  await ward.getByTestId('value-COMPLAINTS_RECEIVED').hover();
  await ward.locator('.ant-tooltip:visible').filter({ hasText: `Đã khóa: thuộc biểu mẫu ${FORM}` }).waitFor();
  assert.match(await form(ward).getByTestId('journal').innerText(), /Gửi báo cáo[\s\S]*vinhtrai/);
  assert.equal(await form(ward).getByTestId('step-recall').count(), 1, 'the reporter may recall before approval');
  await shot(ward, '40-entry-submitted');
  await ward.done();

  // The same reporter made to look like an approver of its ward's level (the page is told the
  // user approves and the form is approved at ward level): the button shows, the server refuses,
  // the page says so.
  const forced = await newPage();
  const rewrite = (change) => async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    change(body);
    await route.fulfill({ response: res, json: body });
  };
  const asApprover = rewrite((b) => b.user && (b.user.role = 'approver'));
  await forced.route('**/api/v1/auth/login', asApprover);
  await forced.route('**/api/v1/auth/me', asApprover);
  await forced.route('**/api/v1/forms?*', rewrite((b) => b.items?.forEach((f) => (f.approvalLevels = ['ward']))));
  await login(forced, 'reporter');
  await forced.goto(ENTRY);
  await stateTag(forced).filter({ hasText: 'Đã gửi, chờ duyệt' }).waitFor();
  await step(forced, 'approve');
  const refusal = forced.getByTestId('step-error');
  await refusal.getByText('Bạn không có quyền thực hiện thao tác này').waitFor();
  await stateTag(forced).filter({ hasText: 'Đã gửi, chờ duyệt' }).waitFor();
  await forced.done();

  // The city approver approves; a reopen without a reason is refused in the form.
  const city = await newPage();
  await login(city, 'approver');
  await city.goto(ENTRY);
  await stateTag(city).filter({ hasText: 'Đã gửi, chờ duyệt' }).waitFor();
  await step(city, 'approve');
  await stateTag(city).filter({ hasText: 'Đã duyệt' }).waitFor();
  await city.getByTestId('lock-COMPLAINTS_RESOLVED').waitFor();
  assert.match(await form(city).getByTestId('journal').innerText(), /Duyệt[\s\S]*duyet/);
  await shot(city, '41-entry-approved');
  await form(city).getByTestId('step-reopen').click();
  await popupOpened(city.getByTestId('reopen-ok'));
  await city.getByTestId('reopen-ok').click();
  await city.getByText('Nhập lý do mở lại báo cáo').waitFor();
  assert.equal(await city.getByRole('dialog').filter({ hasText: 'Lý do mở lại' }).count(), 1, 'the dialog stays open');
  await stateTag(city).filter({ hasText: 'Đã duyệt' }).waitFor();
  await city.getByTestId('reopen-reason-input').fill('Số đơn thư đã giải quyết chưa khớp sổ');
  await shot(city, '42-entry-reopen-reason');
  await answerTo(city, 'POST', STEP_PATH('reopen'), () => city.getByTestId('reopen-ok').click());
  await stateTag(city).filter({ hasText: 'Đã mở lại' }).waitFor();
  await form(city).getByTestId('reopen-reason').filter({ hasText: 'Số đơn thư đã giải quyết chưa khớp sổ' }).waitFor();
  assert.equal(await city.getByTestId('lock-COMPLAINTS_RECEIVED').count(), 0, 'reopened cells are open again');
  assert.match(await form(city).getByTestId('journal').innerText(), /Mở lại[\s\S]*Số đơn thư đã giải quyết chưa khớp sổ/);
  await city.done();

  // A figure typed while the report is submitted behind the page: the save is refused plainly and the cell shows its lock.
  const late = await newPage();
  await login(late, 'reporter');
  await late.goto(ENTRY);
  await stateTag(late).filter({ hasText: 'Đã mở lại' }).waitFor();
  await late.getByTestId('value-COMPLAINTS_RESOLVED').fill('10');
  const reporter = await apiClient('reporter');
  const sent = await reporter('POST', `submissions/${FORM}/${UNIT}/${PERIOD}/submit`, {});
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  await late.getByTestId('save').click();
  await late.getByRole('alert').filter({ hasText: 'Không lưu được vì báo cáo đã gửi hoặc đã duyệt' }).waitFor();
  await stateTag(late).filter({ hasText: 'Đã gửi, chờ duyệt' }).waitFor();
  await shot(late, '43-entry-locked-save');
  await late.done();
});

test('dashboard: reports received for December 2021, units to chase, task timeliness', async () => {
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/?unit=LS&period=202112`);
  const card = page.getByTestId(`completeness-${FORM}`);
  await card.getByTestId('completeness-sent').filter({ hasText: '4/8 đơn vị đã gửi (50%)' }).waitFor();
  assert.match(await card.getByTestId('count-on_time').innerText(), /Đúng hạn: 2 \(25%\)/);
  assert.match(await card.getByTestId('count-late').innerText(), /Trễ hạn: 2 \(25%\)/);
  assert.match(await card.getByTestId('count-missing').innerText(), /4 \(50%\)/);
  const chase = (await card.getByTestId('to-chase').locator('a').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(chase, ['Phường Đông Kinh', 'Phường Tam Thanh', 'Xã Mai Pha', 'Xã Quảng Lạc']);
  await card.getByTestId('count-late').click();
  const late = (await card.getByTestId('units-late').locator('a').allInnerTexts()).map((s) => s.trim()).sort();
  assert.deepEqual(late, ['Phường Chi Lăng', 'Xã Hoàng Đồng']);
  await card.getByTestId('count-late').click();

  // Task timeliness: the server's four counts.
  const api = await apiClient('admin');
  const ts = (await api('GET', 'task-status?unit=LS&period=202112')).body.totals;
  const tasks = page.getByTestId('task-status-card');
  for (const k of ['completedOnTime', 'completedLate', 'inProgress', 'overdue']) {
    assert.match(await tasks.getByTestId(`task-${k}`).innerText(), new RegExp(`^${ts[k]} `), k);
  }
  await page.getByTestId('completeness-card').scrollIntoViewIfNeeded();
  await shot(page, '44-dashboard-completeness');

  // The same in English.
  await page.getByTestId('lang-switch').click();
  await card.getByTestId('completeness-sent').filter({ hasText: '4/8 units sent (50%)' }).waitFor();
  await tasks.getByText('Completed on time').waitFor();
  await shot(page, '45-dashboard-completeness-en');
  await page.getByTestId('lang-switch').click();
  await card.getByTestId('completeness-sent').filter({ hasText: 'đơn vị đã gửi' }).waitFor();

  // A unit to chase opens its data entry for the period.
  await card.getByTestId('to-chase').getByRole('link', { name: 'Phường Đông Kinh' }).click();
  await page.waitForURL(/\/entry\?unit=LS-DK&period=202112/);
  await stateTag(page).filter({ hasText: 'Đã mở lại' }).waitFor();
  await page.getByTestId('reopen-reason').filter({ hasText: 'Số đơn thư đã nhận chưa khớp sổ theo dõi tiếp công dân' }).waitFor();

  // A task figure opens the task list filtered.
  await page.goto(`${BASE}/?unit=LS&period=202112`);
  await tasks.getByTestId('task-completedOnTime').click();
  await page.waitForURL(/\/tasks\?status=completed/);
  const rows = page.locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  for (const r of await rows.allInnerTexts()) assert.match(r, /Hoàn thành/);
  await page.done();
});
