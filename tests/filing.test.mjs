// A parent files a birth registration (Đăng ký khai sinh) online from a phone: one question per page,
// a real PDF and a real PNG uploaded, a receipt with the dossier code and the promised date. Drafts
// survive a reload, and a dossier sent while the server is down lands once when it is back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, watchForErrors } from './support/portal.mjs';
import {
  PHONE,
  PHONE_VIEWPORT,
  PROCEDURE,
  fillApplicant,
  fillDocumentsAndDelivery,
  fillQuestions,
  makeFiles,
  next,
  readReceipt,
  requiredDocuments,
  startFiling,
} from './support/filing.mjs';

let browser;
let pdf;
let png;

before(async () => {
  browser = await launchBrowser();
  ({ pdf, png } = await makeFiles(browser));
});

after(async () => {
  await browser?.close();
});

test('file a birth registration end to end and get a receipt', async () => {
  const portal = await startServer();
  try {
    const page = await browser.newPage(PHONE_VIEWPORT);
    const errors = watchForErrors(page);
    await startFiling(page, portal.url);
    await page.getByText(/Bước 1\/\d+/).waitFor();
    await fillApplicant(page);

    // A wrong answer is refused, with a summary and the message by the field; the text stays.
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so/so-dinh-danh`);
    await page.getByText(/Bước 3\/\d+/).waitFor();
    await page.locator('#applicant-citizen_id').fill('12345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.textContent(), /12 chữ số|12 số/);
    assert.equal(await page.locator('#applicant-citizen_id').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#applicant-citizen_id').inputValue(), '12345');
    assert.match(page.url(), /\/so-dinh-danh$/);
    await page.getByRole('link', { name: /Quay lại/ }).click();
    await page.waitForURL(/\/ho-ten$/);
    assert.equal(await page.locator('#applicant-full_name').inputValue(), 'Nguyễn Văn Bình');
    await next(page, 'so-dinh-danh');
    await page.locator('#applicant-citizen_id').fill('001090012345');
    await next(page, 'ngay-sinh');
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so/cau-hoi-child_name`);
    await fillQuestions(page);

    // A mandatory document cannot be skipped.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(page.url(), /\/giay-to-1$/);
    await fillDocumentsAndDelivery(page, await requiredDocuments(portal.url), { pdf, png });

    // Check answers: every answer is there, and "Sửa" goes back and returns here.
    const check = page.locator('main');
    for (const answer of ['Nguyễn Văn Bình', '001090012345', 'Nguyễn Minh Khang', 'Trần Thị Hoa', png.name, pdf.name]) {
      await check.getByText(answer).first().waitFor();
    }
    await page.locator('a[href*="/nop-ho-so/cau-hoi-child_ethnicity"]').click();
    await page.waitForURL(/\/cau-hoi-child_ethnicity\?quay-lai=kiem-tra$/);
    await page.locator('#answers-child_ethnicity').fill('Tày');
    await next(page, 'kiem-tra');
    await check.getByText('Tày').first().waitFor();

    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    const receipt = await readReceipt(page);
    assert.match(receipt.code, /^XA-\d{6}-0001$/);
    assert.match(receipt.promised, /\d{2}\/\d{2}\/\d{4}/);
    const body = await page.locator('main').textContent();
    assert.match(body, /Thủ tục đăng ký khai sinh/);
    assert.match(body, /Nguyễn Văn Bình/);
    assert.ok(body.includes(pdf.name) && body.includes(png.name), 'the receipt lists the files');
    assert.ok((await page.locator('main svg').count()) >= 1, 'the receipt has a QR code');

    // The receipt's link opens it again on another device.
    const other = await browser.newPage(PHONE_VIEWPORT);
    await other.goto(page.url());
    assert.equal((await other.locator('#dossier-code').textContent()).trim(), receipt.code);

    // Anyone with the code and the phone finds where the dossier stands; a wrong phone finds nothing.
    await other.goto(`${portal.url}/tra-cuu`);
    await other.locator('#tracking-code').fill('XA-2611');
    await other.locator('#tracking-phone').fill('0912');
    await other.getByRole('button', { name: 'Tra cứu' }).click();
    await other.getByRole('alert').getByText(/Mã hồ sơ có dạng/).waitFor();
    assert.equal(await other.locator('#tracking-code').getAttribute('aria-invalid'), 'true');
    assert.equal(await other.locator('#tracking-phone').getAttribute('aria-invalid'), 'true');
    await other.locator('#tracking-code').fill(receipt.code.toLowerCase());
    await other.locator('#tracking-phone').fill('0987654321');
    await other.getByRole('button', { name: 'Tra cứu' }).click();
    await other.getByRole('alert').getByText(/Không tìm thấy hồ sơ/).waitFor();
    await other.locator('#tracking-phone').fill('+84 912 345 678');
    await other.getByRole('button', { name: 'Tra cứu' }).click();
    await other.waitForURL(new RegExp(`/ho-so/${receipt.code}$`));
    assert.equal((await other.locator('#dossier-code').textContent()).trim(), receipt.code);
    assert.match(await other.locator('#tracking-status').textContent(), /Đã nộp, chờ tiếp nhận/);
    assert.match(await other.locator('#tracking-timeline').textContent(), /nộp trực tuyến/);
    assert.match(await other.locator('#tracking-deadline').textContent(), /ngày làm việc|hôm nay/);
    // Found by phone, without the token: the receipt opens with the phone kept in this tab only.
    await other.getByRole('link', { name: 'Xem và in phiếu tiếp nhận' }).click();
    await other.waitForURL(new RegExp(`/ho-so/${receipt.code}/phieu-tiep-nhan$`));
    assert.equal((await other.locator('#dossier-code').textContent()).trim(), receipt.code);

    // "Hồ sơ của tôi" on this phone lists it with its status.
    await page.goto(`${portal.url}/ho-so-cua-toi`);
    const mine = page.locator('li', { hasText: receipt.code });
    await mine.getByText('Đã nộp, chờ tiếp nhận').waitFor();
    assert.equal(await mine.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).getAttribute('href'), `/ho-so/${receipt.code}`);

    // The draft is gone: starting again starts from the first page.
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so`);
    await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
    assert.equal(await page.getByText(/Tiếp tục hồ sơ đang làm dở/).count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await portal.close();
  }
});

test('in English, a wrong citizen ID is refused in English, by the field and in the summary', async () => {
  const portal = await startServer();
  try {
    const page = await browser.newPage(PHONE_VIEWPORT);
    const errors = watchForErrors(page);
    await startFiling(page, portal.url);
    await page.locator('button.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so/so-dinh-danh`);
    await page.locator('#applicant-citizen_id').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    const message = 'The personal ID number must have exactly 12 digits.';
    await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
    assert.match(await page.locator('#applicant-citizen_id-error').textContent(), /exactly 12 digits\.$/);
    assert.doesNotMatch(await page.locator('main').textContent(), /chữ số/);
    assert.deepEqual(errors, []);
  } finally {
    await portal.close();
  }
});

test('a reload in the middle of the form keeps every answer', async () => {
  const portal = await startServer();
  try {
    const page = await browser.newPage(PHONE_VIEWPORT);
    await startFiling(page, portal.url);
    await fillApplicant(page);
    await page.locator('#answers-child_name').fill('Nguyễn Minh Khang');
    await next(page, 'cau-hoi-child_birth_date');
    // Typed but not yet confirmed with "Tiếp tục".
    await page.locator('#answers-child_birth_date').fill('02/11/2026');

    await page.reload();
    await page.locator('#answers-child_birth_date').waitFor();
    assert.equal(await page.locator('#answers-child_birth_date').inputValue(), '02/11/2026');
    await page.getByRole('link', { name: /Quay lại/ }).click();
    assert.equal(await page.locator('#answers-child_name').inputValue(), 'Nguyễn Minh Khang');

    // Closing the tab and coming back later offers to continue.
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so`);
    await page.getByRole('link', { name: /Tiếp tục hồ sơ đang làm dở/ }).click();
    await page.waitForURL(/\/nop-ho-so\/[a-z0-9_-]+$/);
    await page.goto(`${portal.url}/thu-tuc/${PROCEDURE}/nop-ho-so/dien-thoai`);
    assert.equal(await page.locator('#applicant-phone').inputValue(), PHONE);
  } finally {
    await portal.close();
  }
});

test('a dossier sent while the server is down lands once when it is back', async () => {
  const portal = await startServer();
  try {
    const page = await browser.newPage(PHONE_VIEWPORT);
    await startFiling(page, portal.url);
    await fillApplicant(page);
    await fillQuestions(page);
    await fillDocumentsAndDelivery(page, await requiredDocuments(portal.url), { pdf, png });

    await portal.stop();
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await page.getByText(/mất kết nối/).first().waitFor();
    assert.match(page.url(), /\/kiem-tra$/);

    await portal.restart();
    const receipt = await readReceipt(page);
    assert.match(receipt.code, /^XA-\d{6}-0001$/);

    // One dossier only: the next number of the day does not exist.
    const second = receipt.code.replace(/0001$/, '0002');
    const response = await fetch(`${portal.url}/api/dossiers/${second}/receipt?phone=${PHONE}`);
    assert.equal(response.status, 404);
    const first = await fetch(`${portal.url}/api/dossiers/${receipt.code}/receipt?phone=${PHONE}`);
    assert.equal(first.status, 200);
  } finally {
    await portal.close();
  }
});
