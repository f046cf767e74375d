// The citizen's side of a filing, shared by the browser tests: the pages of the birth
// registration form filled as a parent would, real files made by Chromium, and the receipt read back.
import assert from 'node:assert/strict';

export const PROCEDURE = '1.001193';
export const PHONE = '0912345678';
export const PHONE_VIEWPORT = { viewport: { width: 360, height: 740 } };

/** Real files, made by Chromium itself: a printed page (PDF) and a screenshot (PNG). */
export async function makeFiles(browser) {
  const page = await browser.newPage();
  await page.setContent('<h1>Giấy chứng sinh</h1><p>Bé Nguyễn Minh Khang, sinh ngày 02/11/2026.</p>');
  const pdf = { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await page.pdf() };
  const png = { name: 'to-khai.png', mimeType: 'image/png', buffer: await page.screenshot() };
  await page.close();
  assert.equal(pdf.buffer.subarray(0, 5).toString(), '%PDF-');
  return { pdf, png };
}

/**
 * Presses "Tiếp tục" and waits for the next page's URL to end with `slug`: the same pages serve
 * online filing (`/thu-tuc/{code}/nop-ho-so/…`) and filing at the counter (`/can-bo/nop-tai-quay/{code}/…`).
 */
export async function next(page, slug) {
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.waitForURL(new RegExp(`/${PROCEDURE}(/nop-ho-so)?/${slug}(\\?|$)`));
}

export async function startFiling(page, url) {
  await page.goto(`${url}/thu-tuc/${PROCEDURE}`);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await page.waitForURL(new RegExp(`/thu-tuc/${PROCEDURE}/nop-ho-so$`));
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.waitForURL(/\/nop-ho-so\/nguoi-nop$/);
}

/** The applicant's pages, from "who is filing" to their address. */
export async function fillApplicant(page) {
  await page.getByLabel('Cho bản thân tôi').check();
  await next(page, 'ho-ten');
  await page.locator('#applicant-full_name').fill('Nguyễn Văn Bình');
  await next(page, 'so-dinh-danh');
  await page.locator('#applicant-citizen_id').fill('001090012345');
  await next(page, 'ngay-sinh');
  await page.locator('#applicant-date_of_birth').fill('05/09/1990');
  await next(page, 'dien-thoai');
  await page.locator('#applicant-phone').fill(PHONE);
  await next(page, 'thu-dien-tu');
  await next(page, 'dia-chi');
  await page.locator('#applicant-address-province').selectOption('Thành phố Hà Nội');
  await page.locator('#applicant-address-commune').fill('Phường Ba Đình');
  await page.locator('#applicant-address-street').fill('Số 5 phố Điện Biên Phủ');
  await next(page, 'cau-hoi-child_name');
}

/** The questions of the birth registration form. */
export async function fillQuestions(page) {
  await page.locator('#answers-child_name').fill('Nguyễn Minh Khang');
  await next(page, 'cau-hoi-child_birth_date');
  await page.locator('#answers-child_birth_date').fill('02/11/2026');
  await next(page, 'cau-hoi-child_sex');
  await page.getByLabel('Nam', { exact: true }).check();
  await next(page, 'cau-hoi-child_birth_place');
  await page.locator('#answers-child_birth_place').fill('Bệnh viện Phụ sản Hà Nội');
  await next(page, 'cau-hoi-child_ethnicity');
  await page.locator('#answers-child_ethnicity').fill('Kinh');
  await next(page, 'cau-hoi-mother_name');
  await page.locator('#answers-mother_name').fill('Trần Thị Hoa');
  await next(page, 'cau-hoi-mother_id');
  await page.locator('#answers-mother_id').fill('001192012345');
  await next(page, 'cau-hoi-father_name');
  await page.locator('#answers-father_name').fill('Nguyễn Văn Bình');
  await next(page, 'cau-hoi-applicant_relation');
  await page.getByLabel('Cha', { exact: true }).check();
  await next(page, 'giay-to-1');
}

/** Uploads a file on a document page and waits for it to be listed as uploaded. */
export async function upload(page, index, file) {
  await page.locator(`#documents-${index}-file`).setInputFiles(file);
  await page.getByText(file.name).first().waitFor();
  await page.getByRole('button', { name: /Xoá/ }).first().waitFor();
}

/**
 * The documents: a PNG for the first, the PDF for the second, the PNG again for any other mandatory
 * one, the optional ones skipped; then delivery at the counter.
 */
export async function fillDocumentsAndDelivery(page, documents, { pdf, png }) {
  for (const [index, document] of documents.entries()) {
    if (index === 0) await upload(page, index, png);
    else if (index === 1) await upload(page, index, pdf);
    else if (document.mandatory) await upload(page, index, { ...png, name: `giay-to-${index + 1}.png` });
    await next(page, index + 1 < documents.length ? `giay-to-${index + 2}` : 'nhan-ket-qua');
  }
  await page.getByLabel(/Nhận tại bộ phận một cửa/).check();
  await next(page, 'kiem-tra');
}

/** The documents the procedure asks for, from the API. */
export async function requiredDocuments(url) {
  const response = await fetch(`${url}/api/procedures/${PROCEDURE}`);
  return (await response.json()).documents;
}

export async function readReceipt(page) {
  await page.waitForURL(/\/ho-so\/[A-Z]+-\d{6}-\d{4}\/phieu-tiep-nhan\?token=/);
  const code = (await page.locator('#dossier-code').textContent()).trim();
  const promised = (await page.locator('#promised-date').textContent()).trim();
  return { code, promised };
}
