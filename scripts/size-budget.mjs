// Checks the performance budget: what a first visit to the home page transfers (its HTML and the
// CSS, JS and Wasm it names), brotli-compressed as the server sends it, must stay within 130 KiB.
// Prints the same figure for each app's page; fails only on the home page's.
// Usage: node scripts/size-budget.mjs dist   (after scripts/precompress.mjs)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUDGET = 130 * 1024;
const dist = process.argv[2] ?? 'dist';
// Every app's page, as the build wrote them; the home page first.
const PAGES = readdirSync(dist)
  .filter((name) => name.endsWith('.html'))
  .sort((a, b) => (b === 'index.html') - (a === 'index.html') || a.localeCompare(b));

/** The page and every file of `dist` it names, each with its raw and brotli size. */
function transfer(page) {
  const html = readFileSync(join(dist, page), 'utf8');
  // The next app's files, named for a prefetch once the citizen types, are not the first screen's.
  const firstLoad = html.replace(/<meta name="motcua-prefetch"[^>]*>/g, '');
  const named = [...firstLoad.matchAll(/["'](\/[^"'?#]+\.(?:js|wasm|css))["']/g)].map((m) => m[1].slice(1));
  return [page, ...new Set(named)].map((name) => {
    const path = join(dist, name);
    if (!existsSync(`${path}.br`)) throw new Error(`${path}.br is missing: run scripts/precompress.mjs first`);
    return { name, raw: statSync(path).size, brotli: statSync(`${path}.br`).size };
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let firstScreen = 0;
for (const page of PAGES) {
  const files = transfer(page);
  const total = files.reduce((sum, file) => sum + file.brotli, 0);
  if (page === 'index.html') firstScreen = total;
  console.log(`${page}: ${kib(total)} brotli`);
  for (const file of files) console.log(`  ${file.name}: ${file.raw} B raw, ${file.brotli} B brotli`);
}
if (firstScreen > BUDGET) {
  console.error(`First screen ${kib(firstScreen)} is over the ${kib(BUDGET)} budget.`);
  process.exit(1);
}
console.log(`First screen ${kib(firstScreen)}: within the ${kib(BUDGET)} budget.`);
