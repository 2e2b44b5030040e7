import { formatCardNumber } from '@tally/domain';
import type { Page } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  PORTAL_CLIENT,
  mainNav,
  pageHeading,
  signInToPortal,
} from '../src/pages.js';

const SAVED_CARD_KEY = 'tally.portal.saved-card';

/** Waits until the portal's service worker has installed (precached the build) and controls the page. */
async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describeJourneys('Offline membership card (installable portal)', () => {
  const journeys = useJourneys();

  it('is installable: a manifest with a name, PNG icons, a theme colour, a start URL and standalone display', async () => {
    const page = await journeys.newPage();
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await page.request.get(href!)).json()) as {
      name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toMatch(/Tally/);
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of pngs) {
      const response = await page.request.get(icon.src);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(1, 4).toString('ascii')).toBe('PNG');
    }
  });

  it('signs in, opens the card, goes offline, reloads and still shows the card; the cache holds no API answers; sign-out forgets the card', async () => {
    const context = await journeys.newContext();
    const page = await context.newPage();
    await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'My card' }).click();
    await pageHeading(page, 'My card').waitFor();

    const me = (await (await context.request.get('/api/v1/me', { headers: PORTAL_CLIENT })).json()) as {
      cardNumber: string;
    };
    const number = formatCardNumber(me.cardNumber);
    await page.getByText(number, { exact: true }).waitFor();
    await page.getByRole('img', { name: `QR code for card ${number}` }).waitFor();
    await serviceWorkerInControl(page);

    // Offline at the till: the reload is answered by the service worker, the API cannot be reached.
    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByText(/offline — showing your saved card/i).waitFor();
    await page.getByText(number, { exact: true }).waitFor();
    await page.getByRole('img', { name: `QR code for card ${number}` }).waitFor();
    await page.getByText(DEMO_MEMBERS.alice.name, { exact: true }).waitFor();

    // The service worker's cache holds the app's files only: nothing from /api/.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) {
        for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((path) => path.startsWith('/api'))).toEqual([]);
    // What the page keeps for itself: the card number and the name, nothing else.
    const saved = await page.evaluate((key) => localStorage.getItem(key), SAVED_CARD_KEY);
    expect(JSON.parse(saved!)).toEqual({ cardNumber: me.cardNumber, name: DEMO_MEMBERS.alice.name });

    // Back online, signing out removes the card from the device.
    await context.setOffline(false);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await pageHeading(page, 'Welcome to Tally').waitFor();
    await page.waitForFunction((key) => localStorage.getItem(key) === null, SAVED_CARD_KEY);
  });
});
