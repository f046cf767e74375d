// Installable and usable offline: the manifest and service worker are served; with the server
// gone, a procedure page seen before opens from the cache and the filing draft goes on; back
// online, the documents are uploaded and the dossier, sent while the server was still down,
// lands exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer } from './support/portal.mjs';
import {
  PHONE,
  PHONE_VIEWPORT,
  PROCEDURE,
  fillApplicant,
  fillDocumentsAndDelivery,
  fillQuestions,
  makeFiles,
  readReceipt,
  requiredDocuments,
} from './support/filing.mjs';

let portal;
let browser;
let files;

before(async () => {
  portal = await startServer();
  browser = await launchBrowser();
  files = await makeFiles(browser);
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

test('the portal is installable: manifest, icon and a service worker for the whole site', async () => {
  const manifest = await (await fetch(`${portal.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.display, 'standalone');
  const icon = await fetch(`${portal.url}${manifest.icons[0].src}`);
  assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
  const worker = await fetch(`${portal.url}/sw.js`);
  assert.equal(worker.headers.get('cache-control'), 'no-cache');
  const source = await worker.text();
  assert.doesNotMatch(source, /__RELEASE__|__PRECACHE__/, 'the build stamps the release');

  const page = await browser.newPage();
  await page.goto(portal.url);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${portal.url}/`);
  await page.close();
});

test('offline: a procedure seen before opens, the draft goes on, and the dossier lands once', async () => {
  const context = await browser.newContext(PHONE_VIEWPORT);
  const page = await context.newPage();
  await page.goto(portal.url);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();

  await portal.stop();
  await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.waitForURL(/\/nop-ho-so\/nguoi-nop$/);
  await fillApplicant(page);
  await fillQuestions(page);
  // A reload without the server keeps the answers.
  await page.reload();
  await page.locator('#main h1').first().waitFor();
  assert.match(page.url(), /\/giay-to-1$/);

  await portal.restart();
  await fillDocumentsAndDelivery(page, await requiredDocuments(portal.url), files);
  await portal.stop();
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await page.getByText(/mất kết nối/).first().waitFor();
  await portal.restart();
  const receipt = await readReceipt(page);
  assert.match(receipt.code, /^XA-\d{6}-0001$/);
  const second = receipt.code.replace(/0001$/, '0002');
  const again = await fetch(`${portal.url}/api/dossiers/${second}/receipt?phone=${PHONE}`);
  assert.equal(again.status, 404, 'one dossier only');
  await context.close();
});
