// Filing at the counter: a parent brings a birth registration on paper; the reception officer picks
// the procedure from the inbox, fills in the citizen's own filing form for them, scanning the paper
// documents, signs in again when the session ended mid-way, prints the receipt, and finds the dossier
// already received, with channel "at the counter". An officer of another unit is refused; one who
// may not file never gets the form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createStaff, launchBrowser, signIn, startServer, watchForErrors } from './support/portal.mjs';
import {
  PROCEDURE,
  fillApplicant,
  fillDocumentsAndDelivery,
  fillQuestions,
  makeFiles,
  readReceipt,
  requiredDocuments,
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

/** The keys of the page's localStorage. */
function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

test('a reception officer files a dossier at the counter and prints the receipt', async () => {
  const portal = await startServer();
  try {
    const reception = await createStaff(portal.dataDir, { username: 'tiepnhan.quay', role: 'reception' });
    const officer = await browser.newPage(DESKTOP);
    const errors = watchForErrors(officer);
    await signIn(officer, portal.url, reception);

    // From the inbox header to the procedure, through the catalog search.
    await officer.locator('#counter-filing').click();
    await officer.waitForURL(/\/can-bo\/nop-tai-quay$/);
    await officer.locator('#search-input').fill(PROCEDURE);
    await officer.locator('#search-input').press('Enter');
    await officer.locator(`a.counter-procedure[data-code="${PROCEDURE}"]`).click();
    await officer.waitForURL(new RegExp(`/can-bo/nop-tai-quay/${PROCEDURE}$`));
    await officer.getByRole('heading', { name: 'Giấy tờ cần thu' }).waitFor();
    await officer.getByRole('button', { name: 'Bắt đầu' }).click();
    await officer.waitForURL(new RegExp(`/can-bo/nop-tai-quay/${PROCEDURE}/nguoi-nop$`));
    await officer.locator('.counter-note').waitFor();

    // The citizen's form, the same pages and checks; the documents are scanned.
    await fillApplicant(officer);
    await fillQuestions(officer);
    assert.match(await officer.locator('#documents-0-file-hint').textContent(), /Quét \/ chụp giấy tờ/);
    await fillDocumentsAndDelivery(officer, await requiredDocuments(portal.url), files);
    await officer.getByText('Nguyễn Minh Khang').first().waitFor();
    const draftKey = `motcua.counter-draft.${PROCEDURE}`;
    const draft = await officer.evaluate((key) => localStorage.getItem(key), draftKey);
    let keys = await storedKeys(officer);
    assert.ok(keys.includes(draftKey), keys.join());
    assert.ok(!keys.includes(`motcua.draft.${PROCEDURE}`), keys.join());

    // The session ended while the citizen was at the desk: sign in again, come back, file.
    await officer.context().clearCookies();
    await officer.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await officer.waitForURL(/\/can-bo\/dang-nhap\?tro-lai=/);
    await officer.locator('#staff-username').fill(reception.username);
    await officer.locator('#staff-password').fill(reception.password);
    await officer.locator('#staff-sign-in').click();
    await officer.waitForURL(new RegExp(`/can-bo/nop-tai-quay/${PROCEDURE}/kiem-tra$`));
    await officer.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    // The receipt, to print for the citizen, inside the staff workspace.
    const { code, promised } = await readReceipt(officer);
    assert.match(officer.url(), new RegExp(`/can-bo/ho-so/${code}/phieu-tiep-nhan\\?token=`));
    assert.ok(promised.length > 0);
    await officer.getByRole('button', { name: 'In phiếu' }).waitFor();
    keys = await storedKeys(officer);
    assert.ok(!keys.includes(draftKey), keys.join());
    const mine = await officer.evaluate(() => localStorage.getItem('motcua.dossiers'));
    assert.ok(!(mine ?? '').includes(code), 'a counter dossier is not one of this device’s own');

    // Received at once: the staff view, and the inbox's "received" tab with channel "at the counter".
    await officer.locator('#counter-open-dossier').click();
    await officer.waitForURL(new RegExp(`/can-bo/ho-so/${code}$`));
    await officer.locator('#staff-status', { hasText: 'Đã tiếp nhận' }).waitFor();
    await officer.locator('#staff-applicant', { hasText: 'Nguyễn Văn Bình' }).waitFor();
    await officer.goto(`${portal.url}/can-bo?tab=received`);
    const row = officer.locator(`tr[data-code="${code}"]`);
    await row.waitFor();
    assert.match(await row.locator('.inbox-channel').textContent(), /tại quầy/i);

    // Chromium logs every 4xx: the session asked for before signing in, and the filing refused
    // once the session had ended (401). Nothing else.
    const expected = (error) => error !== 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)';
    assert.deepEqual(errors.filter(expected), []);

    // An officer of another unit is refused with the server's reason (403), the draft kept.
    const province = await createStaff(portal.dataDir, { username: 'tiepnhan.tinh', role: 'reception', unit: 'TINH' });
    const other = await browser.newPage(DESKTOP);
    await signIn(other, portal.url, province);
    await other.evaluate(([key, value]) => localStorage.setItem(key, value), [draftKey, draft]);
    await other.goto(`${portal.url}/can-bo/nop-tai-quay/${PROCEDURE}/kiem-tra`);
    await other.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    assert.match(await other.getByRole('alert').textContent(), /đơn vị XA/);
    assert.ok((await storedKeys(other)).includes(draftKey));
  } finally {
    await portal.close();
  }
});

test('an officer who may not file at the counter gets neither the link nor the form', async () => {
  const portal = await startServer();
  try {
    const processing = await createStaff(portal.dataDir, { username: 'xuly.quay', role: 'processing' });
    const officer = await browser.newPage(DESKTOP);
    await signIn(officer, portal.url, processing);
    await officer.locator('a.inbox-tab').first().waitFor();
    assert.equal(await officer.locator('#counter-filing').count(), 0);
    await officer.goto(`${portal.url}/can-bo/nop-tai-quay/${PROCEDURE}/nguoi-nop`);
    await officer.getByText('Tài khoản của bạn không được tiếp nhận hồ sơ tại quầy.').waitFor();
    assert.equal(await officer.getByRole('button', { name: 'Tiếp tục' }).count(), 0);
  } finally {
    await portal.close();
  }
});
