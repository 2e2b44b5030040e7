// The JavaScript a first visit to the portal downloads before it can show anything: the entry script
// and every chunk index.html preloads, gzipped. Lazy pages are not counted: they load on demand.
// Shared by the build's check (check-bundle-size.mjs) and the bench (bench/portal-size).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

/** @returns {{ files: { file: string, bytes: number, gzip: number }[], total: number, totalRaw: number }} */
export function measureInitialJavaScript(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const names = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((match) => match[1]);
  const files = names.map((file) => {
    const source = readFileSync(join(dist, file));
    return { file, bytes: source.length, gzip: gzipSync(source, { level: 9 }).length };
  });
  return {
    files,
    total: files.reduce((sum, f) => sum + f.gzip, 0),
    totalRaw: files.reduce((sum, f) => sum + f.bytes, 0),
  };
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} kB`;

/** Prints one line per file and the total; returns false (after saying why) when over budget. */
export function reportInitialJavaScript(dist) {
  const { files, total } = measureInitialJavaScript(dist);
  for (const { file, gzip } of files) console.log(`${kB(gzip)} gzip  ${file}`);
  console.log(`${kB(total)} gzip  initial JavaScript of the home page (budget ${BUDGET_BYTES / 1024} kB)`);
  if (files.length === 0) {
    console.error('no script found in dist/index.html');
    return false;
  }
  if (total > BUDGET_BYTES) {
    console.error(`over the initial JavaScript budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} kB`);
    return false;
  }
  return true;
}
