// Lighthouse (mobile profile: a mid-range phone, simulated slow 4G and 4× slower CPU) on the home
// page, search results, a procedure page, the first step of a filing, tracking, the public figures
// and the staff sign-in, served by the release server over the
// demo catalog, in Debian's headless Chromium. Prints performance, accessibility and best-practices
// scores and LCP, TBT and CLS. Usage: cargo build --release -p motcua-server && trunk build … &&
// node bench/lighthouse.mjs
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from '../tests/support/portal.mjs';

const PAGES = [
  ['home', '/'],
  ['search results', '/tim-kiem?q=khai%20sinh'],
  ['procedure', '/thu-tuc/1.001193'],
  ['filing, first step', '/thu-tuc/1.001193/nop-ho-so/nguoi-nop'],
  ['tracking search', '/tra-cuu'],
  ['figures', '/ket-qua-giai-quyet'],
  ['staff sign-in', '/can-bo/dang-nhap'],
];

process.env.MOTCUA_TEST_SERVER ??= resolve(import.meta.dirname, '..', 'target', 'release', 'motcua');
const portal = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  console.log('| page | performance | accessibility | best practices | LCP | TBT | CLS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, path] of PAGES) {
    const { lhr } = await lighthouse(`${portal.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const score = (category) => Math.round(lhr.categories[category].score * 100);
    const audit = (id) => lhr.audits[id].displayValue;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
      .map((a) => a.id);
    console.log(
      `| ${name} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ` +
        `${audit('largest-contentful-paint')} | ${audit('total-blocking-time')} | ${audit('cumulative-layout-shift')} |`,
    );
    if (process.env.LIGHTHOUSE_DETAILS) console.error(`${name}: below full marks: ${failed.join(', ')}`);
  }
} finally {
  chrome.kill();
  await portal.close();
}
