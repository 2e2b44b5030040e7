// Run by `pnpm build`: prints the home page's initial JavaScript (gzip) and fails the build over budget.
import { join } from 'node:path';
import { reportInitialJavaScript } from './initial-javascript.mjs';

if (!reportInitialJavaScript(join(import.meta.dirname, '..', 'dist'))) process.exit(1);
