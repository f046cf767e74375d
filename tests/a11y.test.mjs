// Everyone can use it: axe-core (WCAG 2.2 AA and best practices) finds nothing on any page — the
// public pages, every step of a birth registration with an error shown, the receipt, tracking, the
// rating form, and the staff pages — and the keyboard basics hold: a working skip link, a visible
// focus, touch targets of 44 px on a phone, text resizable to 200 %, motion reduced when asked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStaff, launchBrowser, startServer } from './support/portal.mjs';
import {
  PHONE_VIEWPORT,
  PROCEDURE,
  fillApplicant,
  fillDocumentsAndDelivery,
  fillQuestions,
  makeFiles,
  readReceipt,
  requiredDocuments,
  startFiling,
} from './support/filing.mjs';
import { checked, checkingEveryPage, expectNoViolations, smallTargets } from './support/axe.mjs';

// axe is injected as an inline script, which the portal's Content-Security-Policy forbids.
const DESKTOP = { viewport: { width: 1280, height: 900 }, bypassCSP: true };
const NARROW = { viewport: { width: 375, height: 740 }, bypassCSP: true };

let browser;
let files;
let portal;
let leader;
/** The dossier filed by the filing test, then finished by the staff test. */
let filed;

before(async () => {
  browser = await launchBrowser();
  files = await makeFiles(browser);
  portal = await startServer();
  leader = await createStaff(portal.dataDir, { username: 'lanhdao.a11y', role: 'leader' });
});

after(async () => {
  await browser?.close();
  await portal?.close();
  console.log(checked.map(({ label, count }) => `${String(count).padStart(3)}  ${label}`).join('\n'));
});

test('the public pages have no axe violations', async () => {
  const page = await browser.newPage(NARROW);
  for (const [path, label] of [
    ['/', 'home'],
    [`/tim-kiem?q=${encodeURIComponent('khai sinh')}`, 'search results'],
    [`/thu-tuc/${PROCEDURE}`, 'procedure'],
    ['/ket-qua-giai-quyet', 'figures'],
    ['/ho-so-cua-toi', 'my dossiers (none)'],
    ['/khong-co-trang-nay', 'not found'],
  ]) {
    await page.goto(`${portal.url}${path}`);
    if (label === 'search results') await page.locator('.result').first().waitFor();
    if (label === 'figures') await page.locator('#stats-received').waitFor();
    await expectNoViolations(page, label);
  }

  await page.goto(`${portal.url}/tra-cuu`);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'tracking lookup with errors');

  // In English, with `lang` on <html> following.
  await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
  await page.locator('button.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await expectNoViolations(page, 'procedure, in English');
  await page.goto(`${portal.url}/tra-cuu`);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'tracking lookup with errors, in English');
  await page.close();
});

test('every step of a filing, the receipt and the tracking page have no axe violations', async () => {
  const page = await browser.newPage({ ...PHONE_VIEWPORT, bypassCSP: true });
  const small = [];
  const checking = checkingEveryPage(page, 'filing', async (step) => {
    small.push(...(await smallTargets(step)).map((target) => `${new URL(step.url()).pathname}: ${target}`));
  });
  await startFiling(checking, portal.url);

  // A step refused: the error summary and the message by the field.
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'filing: a step with an error');

  await fillApplicant(checking);
  await fillQuestions(checking);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'filing: a mandatory document missing');
  await fillDocumentsAndDelivery(checking, await requiredDocuments(portal.url), files);

  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  filed = await readReceipt(page);
  await expectNoViolations(page, 'receipt');
  assert.deepEqual(small, [], 'buttons, links and fields of the filing are at least 44 px on a phone');

  await page.goto(`${portal.url}/ho-so/${filed.code}`);
  await page.locator('#tracking-status').waitFor();
  await expectNoViolations(page, 'tracking');
  await page.goto(`${portal.url}/ho-so-cua-toi`);
  await page.getByText(filed.code).first().waitFor();
  await expectNoViolations(page, 'my dossiers');
  filed.page = page;
});

test('the staff pages and the rating form have no axe violations', async () => {
  assert.ok(filed, 'the filing test made a dossier');
  const page = await browser.newPage(DESKTOP);
  await page.goto(`${portal.url}/can-bo/dang-nhap`);
  await page.locator('#staff-username').fill(leader.username);
  await page.locator('#staff-password').fill('sai-mat-khau-roi');
  await page.locator('#staff-sign-in').click();
  await page.getByRole('alert').waitFor();
  await expectNoViolations(page, 'staff sign-in with an error');

  await page.locator('#staff-password').fill(leader.password);
  await page.locator('#staff-sign-in').click();
  await page.waitForURL(/\/can-bo(\?|$)/);
  await page.locator(`tr[data-code="${filed.code}"]`).waitFor();
  await expectNoViolations(page, 'inbox');

  await page.goto(`${portal.url}/can-bo/ho-so/${filed.code}`);
  await page.locator('#staff-applicant').waitFor();
  await expectNoViolations(page, 'staff dossier view');

  // Finished through the API, as the leader, so that the citizen may rate the service.
  const api = `${portal.url}/api/staff/dossiers/${filed.code}`;
  for (const action of [{ kind: 'receive' }, { kind: 'start_processing' }, { kind: 'finish', note: 'Trả tại quầy số 3.' }]) {
    const { version } = await (await page.request.get(api)).json();
    const response = await page.request.post(`${api}/actions`, {
      data: { version, action },
      headers: { Origin: portal.url },
    });
    assert.equal(response.status(), 200, `${action.kind}: ${await response.text()}`);
  }
  await page.reload();
  await page.locator('#staff-status', { hasText: 'Đã có kết quả' }).waitFor();
  await expectNoViolations(page, 'staff dossier view, done');

  const citizen = filed.page;
  await citizen.goto(`${portal.url}/ho-so/${filed.code}`);
  await citizen.locator('#rating-submit').waitFor();
  await expectNoViolations(citizen, 'tracking with the rating form');
  await citizen.locator('#rating-submit').click();
  await citizen.getByRole('alert').first().waitFor();
  await expectNoViolations(citizen, 'rating form with errors');
});

test('a skip link, a visible focus, reduced motion, 44 px targets and text at 200 %', async () => {
  const page = await browser.newPage(NARROW);
  await page.goto(`${portal.url}/`);
  await page.locator('#main h1').first().waitFor();
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  assert.equal(await skip.evaluate((link) => link === document.activeElement), true, 'Tab first reaches the skip link');
  const box = await skip.boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0, 'the skip link shows when focused');
  const outline = await skip.evaluate((link) => getComputedStyle(link).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused link has an outline');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'Enter moves the focus to the main content');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)), true);

  const css = await page.evaluate(() =>
    [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
  );
  assert.match(css, /:focus-visible\s*\{[^}]*outline:/);
  if (/transition|animation/.test(css)) assert.match(css, /prefers-reduced-motion: reduce/);

  const paths = ['/', `/tim-kiem?q=${encodeURIComponent('khai sinh')}`, `/thu-tuc/${PROCEDURE}`, `/thu-tuc/${PROCEDURE}/nop-ho-so`, '/tra-cuu', '/ket-qua-giai-quyet', '/ho-so-cua-toi', '/can-bo/dang-nhap'];
  const open = async (path) => {
    await page.goto(`${portal.url}${path}`);
    await page.locator('#main h1').first().waitFor();
    if (path.startsWith('/tim-kiem')) await page.locator('.result').first().waitFor();
    if (path === '/ket-qua-giai-quyet') await page.locator('#stats-received').waitFor();
  };
  const small = [];
  for (const path of paths) {
    await open(path);
    small.push(...(await smallTargets(page)).map((target) => `${path}: ${target}`));
  }
  assert.deepEqual(small, [], 'buttons, links and fields in the main content are at least 44 px');

  // Text at 200 % on the narrowest phone still fits the width: nothing to scroll sideways.
  await page.setViewportSize({ width: 320, height: 740 });
  const overflowing = [];
  for (const path of paths) {
    await open(path);
    const width = await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
      return document.documentElement.scrollWidth;
    });
    if (width > 320) overflowing.push(`${path}: ${width} px`);
  }
  assert.deepEqual(overflowing, [], 'no horizontal scroll with text at 200 % on 320 px');
});
