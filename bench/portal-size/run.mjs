// The portal home page's initial JavaScript, gzip, against its 150 kB budget (issue 5, "Quality").
// Reads the built portal (apps/portal/dist); the portal's own build runs the same check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportInitialJavaScript } from '../../apps/portal/scripts/initial-javascript.mjs';

const dist = process.env.PORTAL_DIST ?? join(import.meta.dirname, '..', '..', 'apps', 'portal', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`no built portal in ${dist}: run \`pnpm exec turbo run build --filter=@tally/portal\` first`);
  process.exit(2);
}
console.log(`portal build: ${dist}`);
process.exit(reportInitialJavaScript(dist) ? 0 : 1);
