import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, chromiumPath, launchBrowser } from './browser.js';
import { startTally, type TallyServer } from './tally-server.js';

/** How long one browser action or wait may take before it fails with Playwright's own message. */
const ACTION_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 30_000;

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * `describe` for browser journeys. Without Chromium at `chromiumPath` the journeys are skipped, saying
 * why, on a developer's machine; in CI (`CI` set) they fail instead, because a skipped journey there would
 * hide a broken set-up.
 */
export function describeJourneys(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  const reason = `no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (inCi()) {
    describe(name, () => {
      it(`cannot run: ${reason}`, () => {
        throw new Error(`The browser journeys need Chromium in CI: ${reason}.`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${reason}.`);
  describe.skip(`${name} [skipped: ${reason}]`, body);
}

export interface Journeys {
  /** The product under test, started once for this file. */
  readonly server: TallyServer;
  readonly browser: Browser;
  /** A new browser context (its own cookies) on the server's origin; closed after the test. */
  newContext(): Promise<BrowserContext>;
  /** A page in a new context. */
  newPage(): Promise<Page>;
}

/**
 * Starts one Tally server and one browser for the test file (in `beforeAll`) and stops them in
 * `afterAll`; every journey gets fresh browser contexts, closed after it.
 */
export function useJourneys(): Journeys {
  let server: TallyServer | undefined;
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  /** Uncaught exceptions in the journey's pages: a journey that passes while the page crashed has not passed. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startTally(), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, 120_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
    const errors = pageErrors.splice(0);
    if (errors.length > 0) throw new Error(`uncaught errors in the page:\n${errors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    // The API logs at "warn" here: anything at error level or above (an unexpected 500) is worth seeing.
    const serverErrors = (server?.logs() ?? '')
      .split('\n')
      .filter((line) => /"level":"(error|fatal)"/.test(line));
    if (serverErrors.length > 0) console.warn(`The API logged errors:\n${serverErrors.join('\n')}`);
    await server?.stop();
  }, 60_000);

  const kit: Journeys = {
    get server() {
      if (!server) throw new Error('the Tally server did not start (see beforeAll)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser did not start (see beforeAll)');
      return browser;
    },
    async newContext() {
      const context = await kit.browser.newContext({
        baseURL: kit.server.origin,
        locale: 'en-GB',
        timezoneId: 'Europe/London',
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
      context.on('weberror', (error) =>
        pageErrors.push(`${error.page()?.url() ?? '?'}: ${String(error.error())}`),
      );
      open.push(context);
      return context;
    },
    async newPage() {
      return (await kit.newContext()).newPage();
    },
  };
  return kit;
}

let counter = 0;

/** An email address no other journey (or earlier run on the same server) uses. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@e2e.tally`;
}
