// Fails the build when the JavaScript a first visit downloads (the entry script and every chunk
// index.html preloads) is over budget, gzipped. Lazy pages are not counted: they load on demand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
].map((match) => match[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB gzip  ${file}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} kB gzip  initial JavaScript (budget ${BUDGET_BYTES / 1024} kB)`,
);
if (files.length === 0 || total > BUDGET_BYTES) {
  console.error(
    files.length === 0 ? 'no script found in dist/index.html' : 'over the initial JavaScript budget',
  );
  process.exit(1);
}
