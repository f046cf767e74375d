// Phones to desktops: each kind of page at 320, 375, 768 and 1280 px wide has no horizontal
// scroll (screenshots kept in test-artifacts/screenshots/), and the larger-text toggle enlarges
// every page, is remembered, and still fits a 320 px phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, startServer, watchForErrors } from './support/portal.mjs';

const SCREENSHOTS = resolve(import.meta.dirname, '..', 'test-artifacts', 'screenshots');
const WIDTHS = [320, 375, 768, 1280];
const PAGES = [
  ['home', '/'],
  ['search', '/tim-kiem?q=khai%20sinh'],
  ['procedure', '/thu-tuc/1.001193'],
  ['filing', '/thu-tuc/1.001193/nop-ho-so/nguoi-nop'],
  ['tracking', '/tra-cuu'],
  ['figures', '/ket-qua-giai-quyet'],
  ['staff-sign-in', '/can-bo/dang-nhap'],
];

let portal;
let browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  portal = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

/** Opens a page and waits until the app has drawn its main heading. */
async function open(page, path) {
  await page.goto(`${portal.url}${path}`);
  await page.locator('#main h1').first().waitFor();
}

async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const width of WIDTHS) {
  test(`every kind of page fits ${width} px`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors = watchForErrors(page);
    for (const [name, path] of PAGES) {
      await open(page, path);
      assert.equal(await horizontalOverflow(page), 0, `${name} scrolls sideways at ${width} px`);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('larger text enlarges the page, is remembered across apps, and fits 320 px', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await open(page, '/');
  const normal = await bodySize();
  const toggle = page.getByRole('button', { name: 'Chữ to' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await bodySize(), normal * 1.25);

  for (const [name, path] of PAGES) {
    await open(page, path);
    assert.equal(await bodySize(), normal * 1.25, `${name} keeps the larger text`);
    assert.equal(await horizontalOverflow(page), 0, `${name} scrolls sideways with larger text`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-320-larger-text.png`), fullPage: true });
  }
  await page.getByRole('button', { name: 'Chữ to' }).click();
  assert.equal(await bodySize(), normal);
  await context.close();
});
