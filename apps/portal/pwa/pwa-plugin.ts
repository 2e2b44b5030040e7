// Makes the built portal an installable web app without a plugin dependency: at build time it draws the
// PNG icons, writes the web manifest, and emits `sw.js` (pwa/service-worker.js) with the exact list of
// this build's files to precache and a version from their contents.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface PwaOptions {
  name: string;
  shortName: string;
  description: string;
  /** `#rrggbb`: the icon's background, the manifest's theme and background colour. */
  themeColor: string;
  startUrl: string;
}

const ICON_SIZES = [192, 512] as const;
const SW_FILE = 'sw.js';
const MANIFEST_FILE = 'manifest.webmanifest';

export function pwa(options: PwaOptions): Plugin {
  let publicDir = '';
  return {
    name: 'tally-pwa',
    apply: 'build',
    // After Vite's own plugins, so index.html is already in the bundle.
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_output, bundle) {
      // Every file of the build: the bundle, what this plugin adds, and the public folder.
      const files = new Map<string, string | Uint8Array>();
      const emit = (fileName: string, source: string | Uint8Array) => {
        this.emitFile({ type: 'asset', fileName, source });
        files.set(fileName, source);
      };
      const icons = ICON_SIZES.map((size) => {
        const fileName = `icons/icon-${size}.png`;
        emit(fileName, drawIcon(size, options.themeColor));
        return { src: `/${fileName}`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' };
      });
      const manifest = {
        name: options.name,
        short_name: options.shortName,
        description: options.description,
        start_url: options.startUrl,
        scope: '/',
        display: 'standalone',
        theme_color: options.themeColor,
        background_color: '#ffffff',
        icons: [...icons, { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      };
      emit(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
      for (const [fileName, item] of Object.entries(bundle)) {
        files.set(fileName, item.type === 'chunk' ? item.code : item.source);
      }
      for (const fileName of listFiles(publicDir)) {
        files.set(fileName, readFileSync(join(publicDir, fileName)));
      }
      const precache = [...files.keys()]
        .filter((fileName) => !fileName.endsWith('.map') && fileName !== SW_FILE)
        .sort();
      const hash = createHash('sha256');
      for (const fileName of precache) hash.update(fileName).update(files.get(fileName)!);
      const version = hash.digest('hex').slice(0, 16);

      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      const source = template
        .replace('self.__TALLY_PRECACHE__', JSON.stringify(precache.map((fileName) => `/${fileName}`)))
        .replace('self.__TALLY_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: SW_FILE, source });
    },
  };
}

function listFiles(dir: string, root = dir): string[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * A square icon: the theme colour with a white "T" inside the middle 60% (the safe zone of a maskable
 * icon), as an RGBA PNG.
 */
export function drawIcon(size: number, color: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const unit = size / 10;
  const inT = (x: number, y: number) =>
    (y >= 3 * unit && y < 4.2 * unit && x >= 3 * unit && x < 7 * unit) ||
    (y >= 3 * unit && y < 7 * unit && x >= 4.4 * unit && x < 5.6 * unit);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const white = inT(x, y);
      rows.set(white ? [255, 255, 255, 255] : [r, g, b, 255], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
