// A dossier's whole life across the counter: a parent files a birth registration on a phone; a
// reception officer signs in, previews the PDF, receives the dossier and asks for one more document;
// the parent uploads it from the tracking page; a processing officer finishes the dossier; the parent
// sees the result, rates the service, and the public figures count it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStaff, launchBrowser, signIn, startServer, watchForErrors } from './support/portal.mjs';
import {
  PHONE_VIEWPORT,
  fillApplicant,
  fillDocumentsAndDelivery,
  fillQuestions,
  makeFiles,
  readReceipt,
  requiredDocuments,
  startFiling,
} from './support/filing.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };

let browser;
let files;

before(async () => {
  browser = await launchBrowser();
  files = await makeFiles(browser);
});

after(async () => {
  await browser?.close();
});

/** `yyyy-mm-dd` of the day `offset` days from now, on Vietnam's calendar. */
function isoDay(offset) {
  const vietnam = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000);
  return vietnam.toISOString().slice(0, 10);
}

/** The public figures of a period around today (a dossier filed tonight counts tomorrow). */
async function figures(page, url) {
  await page.goto(`${url}/ket-qua-giai-quyet?from=${isoDay(-7)}&to=${isoDay(14)}`);
  await page.locator('#stats-received').waitFor();
  await page.locator('svg#stats-chart').waitFor();
  const number = async (id) => Number((await page.locator(id).textContent()).replace(/\D/g, ''));
  return { received: await number('#stats-received'), onTime: await number('#stats-on-time') };
}

/** Takes a one-click action (with its confirm step) and waits for the new status. */
async function oneClick(page, action, status) {
  await page.locator(`button[data-action=${action}]`).click();
  await page.locator('#confirm-action').click();
  await page.locator('#staff-status', { hasText: status }).waitFor();
}

test('a dossier goes from the citizen to the counter and back, is rated and counted', async () => {
  const portal = await startServer();
  try {
    const reception = await createStaff(portal.dataDir, { username: 'tiepnhan.thu', role: 'reception' });
    const processing = await createStaff(portal.dataDir, { username: 'xuly.thu', role: 'processing' });

    const citizen = await browser.newPage(PHONE_VIEWPORT);
    const citizenErrors = watchForErrors(citizen);
    const before = await figures(citizen, portal.url);

    await startFiling(citizen, portal.url);
    await fillApplicant(citizen);
    await fillQuestions(citizen);
    await fillDocumentsAndDelivery(citizen, await requiredDocuments(portal.url), files);
    await citizen.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const { code } = await readReceipt(citizen);

    // The reception officer finds it among the new dossiers and previews the PDF.
    const officer = await browser.newPage(DESKTOP);
    const officerErrors = watchForErrors(officer);
    await signIn(officer, portal.url, reception);
    await officer.locator('a.inbox-tab[data-tab=new] .inbox-count', { hasText: '1' }).waitFor();
    await officer.locator(`tr[data-code="${code}"] a.inbox-code`).click();
    await officer.waitForURL(new RegExp(`/can-bo/ho-so/${code}$`));
    await officer.locator('#staff-applicant', { hasText: 'Nguyễn Văn Bình' }).waitFor();
    const preview = officer.locator('iframe.staff-preview-pdf').first();
    await preview.waitFor();
    const file = await officer.request.get(new URL(await preview.getAttribute('src'), portal.url).href);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-type'], 'application/pdf');
    assert.match(file.headers()['content-security-policy'], /^sandbox/);
    assert.equal((await file.body()).subarray(0, 5).toString(), '%PDF-');
    await officer.locator('#check-0').check();

    await oneClick(officer, 'receive', 'Đã tiếp nhận');
    await officer.locator('#supplement-missing').fill('Bản sao giấy chứng nhận kết hôn của cha mẹ');
    await officer.locator('#supplement-note').fill('Chụp rõ cả hai mặt.');
    await officer.locator('button[data-action=request_supplement]').click();
    await officer.locator('#staff-status', { hasText: 'bổ sung' }).waitFor();

    // The parent reads what is missing on the tracking page and uploads it there.
    await citizen.goto(`${portal.url}/ho-so/${code}`);
    await citizen.getByText('Bản sao giấy chứng nhận kết hôn của cha mẹ', { exact: true }).waitFor();
    await citizen.locator('#supplement-files').setInputFiles({ ...files.pdf, name: 'giay-ket-hon.pdf' });
    await citizen.getByText('giay-ket-hon.pdf').first().waitFor();
    await citizen.getByRole('button', { name: /Xoá/ }).first().waitFor();
    await citizen.locator('#supplement-note').fill('Tôi gửi bản chụp giấy kết hôn.');
    await citizen.locator('#supplement-submit').click();
    await citizen.locator('#tracking-status', { hasText: 'Đã tiếp nhận' }).waitFor();
    assert.match(await citizen.locator('#tracking-timeline').textContent(), /bổ sung/);

    // A processing officer takes it from there and finishes it.
    const processor = await browser.newPage(DESKTOP);
    const processorErrors = watchForErrors(processor);
    await signIn(processor, portal.url, processing);
    await processor.goto(`${portal.url}/can-bo/ho-so/${code}`);
    await processor.getByText('giay-ket-hon.pdf').first().waitFor();
    await oneClick(processor, 'start_processing', 'Đang giải quyết');
    await processor.locator('#finish-note').fill('Trả tại quầy số 3, mang theo phiếu tiếp nhận.');
    await processor.locator('button[data-action=finish]').click();
    await processor.locator('#staff-status', { hasText: 'Đã có kết quả' }).waitFor();

    // The parent sees the result and rates the service, once.
    await citizen.goto(`${portal.url}/ho-so/${code}`);
    await citizen.locator('#result-note', { hasText: 'Trả tại quầy số 3, mang theo phiếu tiếp nhận.' }).waitFor();
    for (const [question, level] of [['satisfaction', 5], ['guidance_clear', 4], ['on_time', 5], ['staff_attitude', 5]]) {
      await citizen.locator(`input[name=${question}][value="${level}"]`).check();
    }
    await citizen.locator('#rating-comment').fill('Cán bộ hướng dẫn tận tình.');
    await citizen.locator('#rating-submit').click();
    await citizen.locator('#rating-thanks').waitFor();
    await citizen.reload();
    await citizen.locator('#rating-thanks').waitFor();
    assert.equal(await citizen.locator('#rating-submit').count(), 0);

    const afterwards = await figures(citizen, portal.url);
    assert.equal(afterwards.received, before.received + 1);
    assert.equal(afterwards.onTime, before.onTime + 1);
    // Chromium logs every 4xx: the rating not yet given (404) before the form shows, and the
    // session asked for before signing in (401). Nothing else.
    const expected = (status) => (error) => error !== `console: Failed to load resource: the server responded with a status of ${status}`;
    assert.deepEqual(citizenErrors.filter(expected('404 (Not Found)')), []);
    assert.deepEqual([...officerErrors, ...processorErrors].filter(expected('401 (Unauthorized)')), []);
  } finally {
    await portal.close();
  }
});
