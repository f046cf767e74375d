// The portal works under its own Content-Security-Policy, enforced by the browser: a full online
// filing, the public pages and the officer's view of the dossier (its PDF framed) run with no
// policy violation and no console error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStaff, launchBrowser, signIn, startServer, watchForErrors } from './support/portal.mjs';
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

/** Runs in every page before its own scripts: records each violation the browser reports. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
}

let browser;
let portal;
let files;

before(async () => {
  browser = await launchBrowser();
  files = await makeFiles(browser);
  portal = await startServer();
});

after(async () => {
  await portal?.close();
  await browser?.close();
});

/** A page (phone-sized unless `options` say otherwise) recording violations and console errors. */
async function watchedPage(options = PHONE_VIEWPORT) {
  const page = await browser.newPage(options);
  await page.addInitScript(recordViolations);
  return { page, errors: watchForErrors(page) };
}

/** No violation and no console error, but the `expected` ones (e.g. the 401 before signing in). */
async function assertClean(page, errors, where, expected = []) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], `CSP violations ${where}`);
  const unexpected = errors.filter((error) => !expected.some((known) => error.includes(known)));
  assert.deepEqual(unexpected, [], `console errors ${where}`);
}

test('the app is served with an enforced policy allowing the Wasm but not eval', async () => {
  const response = await fetch(`${portal.url}/`);
  const policy = response.headers.get('content-security-policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
  assert.equal(response.headers.get('content-security-policy-report-only'), null);
});

test('the public pages run under the policy', async () => {
  const { page, errors } = await watchedPage();
  await page.goto(`${portal.url}/`);
  await page.locator('#app main').waitFor();
  await page.goto(`${portal.url}/tim-kiem?q=khai%20sinh`);
  await page.getByRole('link', { name: /khai sinh/i }).first().waitFor();
  await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}`);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
  await page.goto(`${portal.url}/tra-cuu`);
  await page.locator('#tracking-code').waitFor();
  await page.goto(`${portal.url}/can-bo/dang-nhap`);
  await page.locator('#staff-username').waitFor();
  await assertClean(page, errors, 'on the public pages');
});

test('a full filing, and the officer previewing it, run under the policy', async () => {
  const { page, errors } = await watchedPage();
  await startFiling(page, portal.url);
  await fillApplicant(page);
  await fillQuestions(page);
  await fillDocumentsAndDelivery(page, await requiredDocuments(portal.url), files);
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  const receipt = await readReceipt(page);
  assert.match(receipt.code, /^XA-\d{6}-\d{4}$/);
  await assertClean(page, errors, 'during the filing');

  // The staff page frames the PDF, whose own sandboxed policy lets the portal (only) frame it.
  const reception = await createStaff(portal.dataDir, { username: 'tiepnhan.csp', role: 'reception' });
  const officer = await watchedPage({ viewport: { width: 1280, height: 800 } });
  await signIn(officer.page, portal.url, reception);
  await officer.page.goto(`${portal.url}/can-bo/ho-so/${receipt.code}`);
  const frame = officer.page.locator('iframe.staff-preview-pdf').first();
  await frame.waitFor();
  const src = new URL(await frame.getAttribute('src'), portal.url).href;
  // A refused frame shows Chromium's error page (chrome-error://) instead of the file.
  const framed = () => officer.page.frames().some((child) => child.url() === src);
  for (let tries = 0; !framed() && tries < 50; tries += 1) await officer.page.waitForTimeout(100);
  assert.ok(framed(), `the PDF is in its frame: ${officer.page.frames().map((child) => child.url())}`);
  await officer.page.waitForTimeout(300);
  // The inbox asks for the session before signing in: 401, which the browser logs.
  await assertClean(officer.page, officer.errors, 'on the staff dossier page', ['401 (Unauthorized)']);
});
