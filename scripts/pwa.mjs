// Puts the installable app's files into the built front-end: the manifest and icon as they are,
// and the service worker stamped with this release (a hash of the apps' pages, which name every
// hashed file) and the files it keeps from the start: every app's page, the CSS and the home
// page's JS and Wasm. The other apps are kept as the citizen opens them.
// Run after the Trunk builds. Usage: node scripts/pwa.mjs dist
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

const dist = process.argv[2] ?? 'dist';
// Every app's page, as the build wrote them; the home page first.
const PAGES = readdirSync(dist)
  .filter((name) => name.endsWith('.html'))
  .sort((a, b) => (b === 'index.html') - (a === 'index.html') || a.localeCompare(b));
const publicDir = resolve(import.meta.dirname, '..', 'public');

for (const name of ['manifest.webmanifest', 'icon.svg']) copyFileSync(join(publicDir, name), join(dist, name));
const pages = PAGES.map((page) => readFileSync(join(dist, page), 'utf8'));
const release = createHash('sha256').update(pages.join('\n')).digest('hex').slice(0, 16);
const homeFiles = [...pages[0].matchAll(/<link rel="(?:stylesheet|modulepreload|preload)" href="([^"]+)"/g)].map(([, href]) => href);
if (homeFiles.length !== 3) throw new Error(`expected the home page's CSS, JS and Wasm, found ${homeFiles.length}`);
const precache = [...PAGES.map((page) => `/${page}`), ...homeFiles, '/manifest.webmanifest', '/icon.svg'];
const worker = readFileSync(join(publicDir, 'sw.js'), 'utf8')
  .replace("'__RELEASE__'", JSON.stringify(release))
  .replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(join(dist, 'sw.js'), worker);
console.log(`sw.js: release ${release}, ${precache.length} files kept from the start`);
