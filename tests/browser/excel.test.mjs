// The Excel round-trip on the data-entry screen: the template downloads, a
// filled CSV is imported and its figures appear in the grid; a bad file shows
// its row errors (Vietnamese, then English) and changes nothing.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { apiClient, BASE, closeBrowser, login, newPage, OUT, shot } from './helpers.mjs';

after(closeBrowser);

// A quarter the demo has no figures for, so the test adds and then removes its own.
const UNIT = 'LS-VT';
const PERIOD = '2021Q3';

const csv = (rows) => ({
  name: 'so-lieu.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['unit,period,indicator,value', ...rows.map((r) => r.join(','))].join('\n') + '\n', 'utf8'),
});

async function removeImported(api) {
  for (const ind of ['NEW_JOBS', 'TRAFFIC_ACCIDENTS']) {
    const p = `values/${ind}/${UNIT}/${PERIOD}?kind=official`;
    const now = await api('GET', p);
    if (now.status === 200) assert.equal((await api('DELETE', p, undefined, { 'If-Match': now.etag })).status, 204);
  }
}

test('Excel round-trip: template, a good CSV, a bad CSV with its row errors', async () => {
  const api = await apiClient('admin');
  await removeImported(api);
  const page = await newPage();
  await login(page);
  await page.goto(`${BASE}/entry?unit=${UNIT}&period=${PERIOD}`);
  await page.getByTestId('value-NEW_JOBS').waitFor();
  assert.equal(await page.getByTestId('value-NEW_JOBS').inputValue(), '');

  // The template of this unit and quarter is an XLSX file named after them.
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-download').click()]);
  assert.equal(template.suggestedFilename(), `bieu-nhap-${UNIT}-${PERIOD}.xlsx`);
  const templateFile = path.join(OUT, template.suggestedFilename());
  await template.saveAs(templateFile);
  assert.equal((await readFile(templateFile)).subarray(0, 2).toString(), 'PK');

  // A filled file: both figures appear in the grid, read back from the server.
  await page.locator('.entry-import input[type=file]').setInputFiles(csv([[UNIT, PERIOD, 'NEW_JOBS', '1.250'], [UNIT, PERIOD, 'TRAFFIC_ACCIDENTS', '2']]));
  const ok = page.getByTestId('import-succeeded');
  await ok.waitFor();
  assert.match(await ok.innerText(), /2 số liệu mới/);
  await page.waitForFunction(() => document.querySelector('[data-testid="value-NEW_JOBS"]')?.value === '1.250');
  assert.equal(await page.getByTestId('value-TRAFFIC_ACCIDENTS').inputValue(), '2');
  await shot(page, '30-import-succeeded');

  // A bad file: text for a number and an unknown indicator; the good row beside them is not written either.
  await page.locator('.entry-import input[type=file]').setInputFiles(
    csv([[UNIT, PERIOD, 'TRAFFIC_ACCIDENTS', '5'], [UNIT, PERIOD, 'NEW_JOBS', 'một trăm'], [UNIT, PERIOD, 'NO_SUCH_INDICATOR', '3']]),
  );
  const failed = page.getByTestId('import-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /không số liệu nào bị thay đổi/);
  const errors = page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
  assert.equal(await errors.count(), 2);
  const lines = await errors.allInnerTexts();
  assert.ok(lines.some((l) => /NEW_JOBS/.test(l) && /^3\b/.test(l.trim())), `row 3 names NEW_JOBS: ${lines}`);
  assert.ok(lines.some((l) => /NO_SUCH_INDICATOR/.test(l) && /^4\b/.test(l.trim())), `row 4 names the unknown indicator: ${lines}`);
  assert.match(lines.join('\n'), /[ăâđêôơư]/, 'the messages are in Vietnamese');
  await shot(page, '31-import-row-errors');
  assert.equal(await page.getByTestId('value-TRAFFIC_ACCIDENTS').inputValue(), '2');
  assert.equal((await api('GET', `values/TRAFFIC_ACCIDENTS/${UNIT}/${PERIOD}?kind=official`)).body.value, 2);

  // The error report downloads as XLSX; the messages follow the language switch.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-report').click()]);
  assert.match(report.suggestedFilename(), /^loi-nhap-.*\.xlsx$/);
  const reportFile = path.join(OUT, report.suggestedFilename());
  await report.saveAs(reportFile);
  assert.equal((await readFile(reportFile)).subarray(0, 2).toString(), 'PK');
  await page.getByTestId('lang-switch').click();
  await page.getByText('was not imported; nothing changed').waitFor();
  assert.match((await errors.allInnerTexts()).join('\n'), /is not a number/);
  await shot(page, '32-import-row-errors-en');
  await page.getByTestId('lang-switch').click();

  // Unsaved figures in the grid: no upload until they are saved or discarded.
  await page.getByTestId('value-NEW_JOBS').fill('7');
  assert.equal(await page.getByTestId('import-upload').isDisabled(), true);
  await page.getByRole('button', { name: 'Hủy thay đổi' }).click();
  assert.equal(await page.getByTestId('import-upload').isDisabled(), false);

  await removeImported(api);
  await page.done();
});
