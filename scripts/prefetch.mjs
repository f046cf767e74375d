// Lets the home page fetch the catalog app (search results, procedure pages) once the citizen
// starts typing a search, while they type: the URLs of `catalog.html`'s JS and Wasm go into a
// `<meta name="motcua-prefetch">` of `index.html`, which the home app turns into `prefetch`
// links on the first key (before that they would compete with the first screen on a slow link).
// Run after the Trunk builds, before precompressing. Usage: node scripts/prefetch.mjs dist
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const catalog = readFileSync(join(dist, 'catalog.html'), 'utf8');
const urls = [...catalog.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map(([, href]) => href);
if (urls.length !== 2) throw new Error(`expected the catalog's JS and Wasm, found ${urls.length} links`);
const indexPath = join(dist, 'index.html');
const index = readFileSync(indexPath, 'utf8');
if (!index.includes('</head>')) throw new Error('index.html has no </head>');
writeFileSync(indexPath, index.replace('</head>', `<meta name="motcua-prefetch" content="${urls.join(' ')}"></head>`));
console.log(`index.html names ${urls.length} files of the catalog app to prefetch`);
