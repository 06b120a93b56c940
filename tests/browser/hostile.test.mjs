// Script typed into names is shown back as text (issue 9 §4): a document
// title and a task name that are HTML with event handlers and a script tag
// appear literally on the list, the detail page and in search, no element
// they describe exists in the page, and nothing they would run has run.
// Deletes the document and task it made, so the later tests see the demo as it was.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { BASE, apiClient, closeBrowser, login, newPage, shot } from './helpers.mjs';

after(closeBrowser);

const TITLE = '<img src=x onerror="window.__pwned=1"> Kế hoạch <b>đậm</b>';
const TASK = '<script>window.__pwned=2</script> Nhiệm vụ "thử" & \'nháy\'';

/** True when nothing the hostile text would run or create is in the page. */
async function untouched(page) {
  return page.evaluate(() => window.__pwned === undefined
    && document.querySelectorAll('img[src="x"], b, script:not([src])').length === 0);
}

test('script and markup in names are shown as text and never run', async () => {
  const api = await apiClient('admin');
  const doc = await api('PUT', 'documents/HX-XSS', { kind: 'plan', title: TITLE, date: '2021-05-06', issuer: 'LS' }, { 'If-None-Match': '*' });
  assert.equal(doc.status, 201, JSON.stringify(doc.body));
  const task = await api('PUT', 'tasks/TG1.XSS', { plan: 'NQ-XXIII', parent: 'TG1', name: TASK, responsibleUnit: 'LS' }, { 'If-None-Match': '*' });
  assert.equal(task.status, 201, JSON.stringify(task.body));

  const page = await newPage();
  await login(page, 'admin');

  await page.goto(`${BASE}/documents/HX-XSS`);
  await page.getByText(TITLE).first().waitFor();
  assert.ok(await untouched(page), 'the document page shows the title as text');
  await shot(page, '30-hostile-document');

  await page.goto(`${BASE}/documents?q=${encodeURIComponent('Kế hoạch')}`);
  await page.getByText(TITLE).first().waitFor();
  assert.ok(await untouched(page), 'the document list shows the title as text');

  await page.goto(`${BASE}/tasks/TG1.XSS/chi-tiet`);
  await page.getByText(TASK).first().waitFor();
  assert.ok(await untouched(page), 'the task page shows the name as text');

  await page.goto(`${BASE}/search?q=${encodeURIComponent('Nhiệm vụ thử')}`);
  await page.getByText(TASK).first().waitFor();
  assert.ok(await untouched(page), 'search results show the name as text');
  await shot(page, '31-hostile-search');
  await page.done();

  for (const path of ['documents/HX-XSS', 'tasks/TG1.XSS']) {
    const { etag } = await api('GET', path);
    assert.equal((await api('DELETE', path, undefined, { 'If-Match': etag })).status, 204, path);
  }
});
