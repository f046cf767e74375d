// Lighthouse (mobile profile: a mid-range phone, simulated slow 4G and 4× slower CPU) on the home
// page, search results, a procedure page, each kind of filing step and the check page, tracking,
// the public figures
// and the staff sign-in, then on the pages that need a dossier: its receipt, its tracking page, the
// rating form once it is done, and the staff inbox and dossier view signed in. Served by the
// release server over the demo catalog, in Debian's headless Chromium. Prints performance,
// accessibility and best-practices scores and LCP, TBT and CLS. Usage: cargo build --release -p
// motcua-server && cargo build -p motcua-server && (source scripts/setup.sh; build_front_end) &&
// node bench/lighthouse.mjs. LIGHTHOUSE_PAGES="home|procedure" audits only the pages named;
// LIGHTHOUSE_DETAILS=folder prints the audits below full marks and writes each report there.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { createStaff, startServer } from '../tests/support/portal.mjs';

const PAGES = [
  ['home', '/'],
  ['search results', '/tim-kiem?q=khai%20sinh'],
  ['procedure', '/thu-tuc/1.001193'],
  ['filing, first step', '/thu-tuc/1.001193/nop-ho-so/nguoi-nop'],
  ['filing, a text step', '/thu-tuc/1.001193/nop-ho-so/so-dinh-danh'],
  ['filing, a choice step', '/thu-tuc/1.001193/nop-ho-so/cau-hoi-child_sex'],
  ['filing, a document step', '/thu-tuc/1.001193/nop-ho-so/giay-to-1'],
  ['filing, check answers', '/thu-tuc/1.001193/nop-ho-so/kiem-tra'],
  ['tracking search', '/tra-cuu'],
  ['figures', '/ket-qua-giai-quyet'],
  ['staff sign-in', '/can-bo/dang-nhap'],
];

/** A birth registration filed through the API with a small PDF and PNG; its receipt. */
async function fileDossier(url) {
  const upload = async (name, bytes) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${url}/api/uploads`, { method: 'POST', body: form });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    return (await response.json()).id;
  };
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
  const documents = { 0: [await upload('to-khai.pdf', pdf)], 1: [await upload('giay-chung-sinh.png', png)], 5: [await upload('can-cuoc.pdf', pdf)] };
  const dossier = {
    procedure_code: '1.001193',
    applicant: {
      filing_for: 'self', full_name: 'Nguyễn Thị Hoa', citizen_id: '001190012345', date_of_birth: '27/03/1990',
      phone: '0912 345 678', email: '', address: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', street: '12 phố Điện Biên Phủ' },
    },
    answers: {
      child_name: 'Nguyễn Văn An', child_birth_date: '20/11/2026', child_sex: 'Nam', child_birth_place: 'Bệnh viện Phụ sản Hà Nội',
      child_ethnicity: 'Kinh', mother_name: 'Nguyễn Thị Hoa', mother_id: '001190012345', applicant_relation: 'Mẹ',
    },
    documents,
    delivery: { method: 'counter' },
  };
  const response = await fetch(`${url}/api/dossiers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'lighthouse-0001' },
    body: JSON.stringify(dossier),
  });
  if (response.status !== 201) throw new Error(`filing: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Signs the officer in through the API; the session cookie's value. */
async function signIn(url, { username, password }) {
  const response = await fetch(`${url}/api/staff/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
  return response.headers.get('set-cookie').split(';')[0];
}

/** Moves the dossier to done, as the leader, so that its citizen may rate it. */
async function finish(url, code, cookie) {
  const api = `${url}/api/staff/dossiers/${code}`;
  for (const action of [{ kind: 'receive' }, { kind: 'start_processing' }, { kind: 'finish', note: 'Trả tại quầy số 3.' }]) {
    const { version } = await (await fetch(api, { headers: { Cookie: cookie } })).json();
    const response = await fetch(`${api}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: url },
      body: JSON.stringify({ version, action }),
    });
    if (response.status !== 200) throw new Error(`${action.kind}: ${response.status} ${await response.text()}`);
  }
}

process.env.MOTCUA_TEST_SERVER ??= resolve(import.meta.dirname, '..', 'target', 'release', 'motcua');
const portal = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const receipt = await fileDossier(portal.url);
  const { code, tracking_token: token } = receipt;
  const leader = await createStaff(portal.dataDir, { username: 'lanhdao.lighthouse', role: 'leader' });
  const cookie = await signIn(portal.url, leader);
  // The staff pages are audited signed in: the session cookie goes into Lighthouse's browser
  // before each, and Lighthouse keeps it (no storage reset) for those pages.
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const [cookieName, cookieValue] = cookie.split('=');
  const session = { name: cookieName, value: cookieValue, url: portal.url, httpOnly: true, sameSite: 'Strict' };
  const stateful = [
    ['receipt', `/ho-so/${code}/phieu-tiep-nhan?token=${token}`],
    ['tracking', `/ho-so/${code}?token=${token}`],
    ['staff inbox', '/can-bo', { signedIn: true }],
    ['staff dossier view', `/can-bo/ho-so/${code}`, { signedIn: true }],
    ['rating (tracking, done)', `/ho-so/${code}?token=${token}`, { done: true }],
  ];
  console.log('| page | performance | accessibility | best practices | LCP | TBT | CLS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const only = process.env.LIGHTHOUSE_PAGES?.split('|');
  const audited = [...PAGES, ...stateful].filter(([name]) => !only || only.includes(name));
  for (const [name, path, { signedIn = false, done = false } = {}] of audited) {
    if (done) await finish(portal.url, code, cookie);
    if (signedIn) await cdp.contexts()[0].addCookies([session]);
    const { lhr } = await lighthouse(`${portal.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      disableStorageReset: signedIn,
    });
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(`${portal.url}${path}`).pathname) {
      throw new Error(`${name}: ended on ${lhr.finalDisplayedUrl}`);
    }
    const score = (category) => Math.round(lhr.categories[category].score * 100);
    const audit = (id) => lhr.audits[id].displayValue;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
      .map((a) => a.id);
    console.log(
      `| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ` +
        `${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} |`,
    );
    if (process.env.LIGHTHOUSE_DETAILS) {
      console.error(`${name}: below full marks: ${failed.join(', ')}`);
      writeFileSync(`${process.env.LIGHTHOUSE_DETAILS}/${name.replace(/\W+/g, '-')}.json`, JSON.stringify(lhr));
    }
  }
  await cdp.close();
} finally {
  chrome.kill();
  await portal.close();
}
