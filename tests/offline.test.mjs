// Installable and usable offline: the manifest and service worker are served; with the server
// gone, a procedure page seen before opens from the cache and the filing draft goes on; back
// online, the documents are uploaded and the dossier, sent while the server was still down,
// lands exactly once; and a new release replaces the kept one cleanly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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

const ROOT = resolve(import.meta.dirname, '..');

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

/** A copy of `dist` as the next release: its pages changed, the service worker stamped anew. */
function nextRelease(dist) {
  const next = mkdtempSync(join(tmpdir(), 'motcua-next-release-'));
  cpSync(dist, next, { recursive: true });
  for (const page of ['index.html', 'catalog.html']) {
    const path = join(next, page);
    writeFileSync(path, readFileSync(path, 'utf8').replace('<head>', '<head><meta name="motcua-test-release" content="next">'));
  }
  execFileSync('node', [join(ROOT, 'scripts', 'pwa.mjs'), next]);
  // The server prefers the precompressed copies: they must be the new release's too.
  for (const name of ['index.html', 'catalog.html', 'sw.js']) {
    const bytes = readFileSync(join(next, name));
    writeFileSync(join(next, `${name}.br`), brotliCompressSync(bytes));
    writeFileSync(join(next, `${name}.gz`), gzipSync(bytes));
  }
  return next;
}

const releaseOf = (page) =>
  page.evaluate(() => document.querySelector('meta[name="motcua-test-release"]')?.content ?? 'first');
const cachesOf = (page) => page.evaluate(async () => (await caches.keys()).sort());

test('a new release replaces the kept one: one cache, its own pages, offline too', async () => {
  const context = await browser.newContext(PHONE_VIEWPORT);
  const page = await context.newPage();
  await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
  const [first] = await cachesOf(page);
  assert.match(first, /^motcua-[0-9a-f]{16}$/);

  const next = nextRelease(process.env.MOTCUA_TEST_DIST ?? join(ROOT, 'dist'));
  const previousDist = process.env.MOTCUA_TEST_DIST;
  process.env.MOTCUA_TEST_DIST = next;
  try {
    await portal.restart();
    // The browser looks for a new worker on navigation; it takes over and drops the old cache.
    await page.reload();
    await page.waitForFunction(
      async (old) => {
        const names = await caches.keys();
        return names.length === 1 && names[0] !== old;
      },
      first,
      { polling: 200, timeout: 20_000 },
    );
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    assert.equal(await releaseOf(page), 'next');

    // Offline, the kept page is the new release's, and its Wasm is kept with it.
    await portal.stop();
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
    await page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' }).waitFor();
    assert.equal(await releaseOf(page), 'next');
    assert.equal((await cachesOf(page)).length, 1);
  } finally {
    if (previousDist === undefined) delete process.env.MOTCUA_TEST_DIST;
    else process.env.MOTCUA_TEST_DIST = previousDist;
    await portal.restart();
    rmSync(next, { recursive: true, force: true });
    await context.close();
  }
});
