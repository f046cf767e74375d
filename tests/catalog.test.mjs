// A citizen finds a procedure without a Vietnamese keyboard and reads what to bring:
// the real server, the real release build of the front-end, headless Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, watchForErrors } from './support/portal.mjs';

let portal;
let browser;

before(async () => {
  portal = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

test('search without diacritics, open the procedure, see its documents', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const errors = watchForErrors(page);
  await page.goto(portal.url);

  // The home page is an app of its own: it searches on Enter, then the catalog app answers.
  await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
  // Typing starts fetching the catalog app, which the search opens.
  const prefetched = await page.locator('link[rel="prefetch"]').evaluateAll((links) => links.map((l) => l.href));
  assert.equal(prefetched.length, 2);
  assert.ok(prefetched.some((href) => /\/motcua-catalog-[0-9a-f]+_bg\.wasm$/.test(href)), prefetched.join());
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/tim-kiem\?q=dang/);
  const first = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
  await first.click();

  await page.waitForURL(/\/thu-tuc\/1\.001193$/);
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  const documents = page.getByRole('heading', { level: 2, name: 'Giấy tờ cần chuẩn bị' });
  await documents.waitFor();
  const section = page.locator('section', { has: documents });
  assert.ok((await section.getByRole('listitem').count()) >= 1, 'documents are listed');
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
  assert.deepEqual(errors, []);
});

test('the home page hands over to the catalog app, and Back returns to it', async () => {
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(portal.url);
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  // A page restored from the back-forward cache fires no `load`: wait for the commit, then the heading.
  await page.goBack({ waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(errors, []);
});

test('a deep link to a procedure is readable before the app, which takes the page over', async () => {
  // Without JavaScript, as on a phone still downloading the Wasm: the server drew the procedure.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const before = await still.newPage();
  await before.goto(`${portal.url}/thu-tuc/1.004873`);
  assert.match(await before.getByRole('heading', { level: 1 }).textContent(), /tình trạng hôn nhân/);
  await before.getByRole('heading', { level: 2, name: 'Giấy tờ cần chuẩn bị' }).waitFor();
  assert.match(await before.title(), /tình trạng hôn nhân.* — Một Cửa$/);
  await still.close();

  const page = await browser.newPage();
  const errors = watchForErrors(page);
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${portal.url}/thu-tuc/1.004873`);
  await page.getByRole('button', { name: 'English' }).waitFor();
  const headings = page.locator('main#main h1');
  assert.equal(await headings.count(), 1);
  assert.match(await headings.textContent(), /tình trạng hôn nhân/);
  await page.locator('main#main').getByRole('heading', { level: 2, name: 'Giấy tờ cần chuẩn bị' }).waitFor();
  assert.equal(await page.locator('#prerendered, #shell').count(), 0, 'one copy of the page');
  assert.deepEqual(asked.filter((path) => path.startsWith('/api/procedures/')), [], 'not asked for again');
  assert.match(await page.title(), /tình trạng hôn nhân.* — Một Cửa$/);
  assert.deepEqual(errors, []);
});

test('a filing page comes with its procedure, which the form does not ask for again', async () => {
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${portal.url}/thu-tuc/1.001193/nop-ho-so/nguoi-nop`);
  await page.getByRole('heading', { level: 1, name: 'Bạn nộp hồ sơ này cho ai?' }).waitFor();
  await page.getByLabel('Cho bản thân tôi').check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { level: 1, name: 'Họ và tên của bạn' }).waitFor();
  assert.deepEqual(asked.filter((path) => path.startsWith('/api/procedures/')), []);
  assert.deepEqual(errors, []);
});

test('a colloquial name finds the formal procedure', async () => {
  const page = await browser.newPage();
  await page.goto(`${portal.url}/tim-kiem?q=${encodeURIComponent('giay xac nhan doc than')}`);
  const results = page.getByRole('link', { name: /xác nhận tình trạng hôn nhân/i });
  await results.first().waitFor();
});

test('an unknown procedure says so plainly', async () => {
  const page = await browser.newPage();
  await page.goto(`${portal.url}/thu-tuc/9.999999`);
  await page.getByText(/không tìm thấy/i).first().waitFor();
});

test('typing keeps the caret, and a filter narrows the results in the URL', async () => {
  const page = await browser.newPage();
  // Search as you type lives within the catalog app (an unknown procedure's page, say).
  await page.goto(`${portal.url}/thu-tuc/9.999999`);
  await page.getByLabel('Bạn cần làm thủ tục gì?').pressSequentially('khai');
  await page.waitForURL(/\/tim-kiem\?q=khai/);
  await page.keyboard.type(' tu');
  await page.waitForURL(/q=khai%20tu/);
  await page.getByRole('link', { name: 'Thủ tục đăng ký khai tử', exact: true }).waitFor();

  await page.getByText('Lọc kết quả').click();
  await page.getByLabel('Cấp thực hiện').selectOption('commune');
  await page.waitForURL(/level=commune/);
  const status = page.getByRole('status').filter({ hasText: 'Tìm thấy' });
  await status.waitFor();
  assert.match(await status.textContent(), /Tìm thấy [1-9]\d* thủ tục/);
});

test('English is one tap away and remembered', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(portal.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Which procedure do you need?').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(`${portal.url}/thu-tuc/1.001193`);
  await page.getByRole('heading', { level: 2, name: 'Documents to bring' }).waitFor();
  // Catalog content stays in Vietnamese.
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await context.close();
});
