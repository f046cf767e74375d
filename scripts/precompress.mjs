// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside each text and Wasm file
// of the built front-end, which the server sends to browsers that accept them; nothing is then
// compressed per request. Usage: node scripts/precompress.mjs dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt']);
const dist = process.argv[2] ?? 'dist';

for (const name of readdirSync(dist, { recursive: true })) {
  const path = join(dist, name);
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  console.log(`${name}: ${bytes.length} B, brotli ${brotli.length} B`);
}
