// The header bell: a reminder pass on the test database (`mandate remind
// --today 2021-12-18`, as cron would run it) gives the ward's reporter
// notifications; the bell shows the unread count, opens one (its page),
// marks one read, and marks all read. Leaves the reporter's notifications read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, test } from 'node:test';
import { answerTo, apiClient, closeBrowser, login, newPage, popupOpened, shot } from './helpers.mjs';

after(closeBrowser);

const { MANDATE_BIN, MANDATE_DB } = process.env;

/** The bell's accessible name once it says n unread (or none). */
const bellName = (n) => (n ? `Thông báo, ${n} chưa đọc` : 'Thông báo');

test('the bell counts unread notifications, opens one, marks one read, marks all read', { skip: !MANDATE_BIN || !MANDATE_DB ? 'needs MANDATE_BIN and MANDATE_DB (scripts/test-web)' : false }, async () => {
  execFileSync(MANDATE_BIN, ['remind', '--db', MANDATE_DB, '--today', '2021-12-18'], { stdio: 'pipe' });
  const reporter = await apiClient('reporter');
  const unread = (await reporter('GET', 'notifications/unread-count')).body.unread;
  assert.ok(unread >= 3, `the reminder pass gave the reporter notifications (${unread})`);

  const page = await newPage();
  await login(page, 'reporter');
  const bell = page.getByTestId('bell');
  await page.getByRole('button', { name: bellName(unread), exact: true }).waitFor();
  await bell.click();
  const popup = page.getByTestId('bell-popup');
  const items = popup.getByRole('listitem');
  await items.first().waitFor();
  await popupOpened(popup); // a popover zooms in like a popconfirm: click in it once it has finished opening (helpers.mjs)
  assert.equal(await popup.locator('.bell-item.unread').count(), unread);
  await popup.getByText('Sắp đến hạn nộp báo cáo').first().waitFor();
  await shot(page, '19-notifications-bell');

  // Open the unread deadline reminder: it is marked read and its page opens.
  const READ = /^\/api\/v1\/notifications\/[^/]+\/read$/;
  await answerTo(page, 'POST', READ, () => popup.locator('.bell-item.unread').filter({ hasText: 'Sắp đến hạn nộp báo cáo' }).first().click());
  await page.waitForURL(/\/entry\?unit=LS-VT&period=202111/);
  await page.getByRole('button', { name: bellName(unread - 1), exact: true }).waitFor();
  assert.equal((await reporter('GET', 'notifications/unread-count')).body.unread, unread - 1);

  // Mark another read with its check button: one fewer again.
  await bell.click();
  await popup.locator('.bell-item.unread').first().waitFor();
  await popupOpened(popup);
  await answerTo(page, 'POST', READ, () => popup.locator('.bell-item.unread').first().getByRole('button', { name: /^Đánh dấu đã đọc/ }).click());
  await page.getByRole('button', { name: bellName(unread - 2), exact: true }).waitFor();
  assert.equal((await reporter('GET', 'notifications/unread-count')).body.unread, unread - 2);

  // Mark all read: the count goes, the server agrees.
  await answerTo(page, 'POST', '/api/v1/notifications/read-all', () => page.getByTestId('bell-read-all').click());
  await page.getByRole('button', { name: bellName(0), exact: true }).waitFor();
  assert.equal(await popup.locator('.bell-item.unread').count(), 0);
  assert.equal((await reporter('GET', 'notifications/unread-count')).body.unread, 0);
  await page.done();
});
