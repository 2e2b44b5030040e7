import type { Page, Request } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  LONDON_STORE,
  enterSaleLine,
  mainNav,
  pageHeading,
  readTerms,
  signInToConsole,
  signInToPortal,
  uniqueReceiptId,
} from '../src/pages.js';

/** Alice's balance in the demo data (see member-portal.journey.ts). */
const ALICE_AVAILABLE = 350;
const ALICE_PENDING = 95;

/** "28 points for Alice Example" → 28. */
function pointsIn(text: string, pattern: RegExp): number {
  const match = pattern.exec(text.replace(/\s+/g, ' '));
  if (!match?.[1]) throw new Error(`no points matching ${String(pattern)} in "${text}"`);
  return Number(match[1].replaceAll(',', ''));
}

/** The Idempotency-Key of every award the page sends. */
function recordAwards(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/checkout/earn') {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

describeJourneys('Cashier checkout', () => {
  const journeys = useJourneys();

  it('awards a sale to alice found by email, once even when the till presses Award points again after a lost answer, and alice sees the pending points in the portal', async () => {
    const receiptId = uniqueReceiptId();
    const consolePage = await journeys.newPage();
    const awardKeys = recordAwards(consolePage);

    // The cashier signs in and opens Checkout: a one-store cashier's store is implied.
    await signInToConsole(consolePage, DEMO_STAFF.cashier.email);
    await mainNav(consolePage).getByRole('link', { name: 'Checkout', exact: true }).click();
    await pageHeading(consolePage, 'Checkout').waitFor();
    await consolePage.getByText(`Store: ${LONDON_STORE}`).waitFor();

    // Find Alice by email.
    const cardField = consolePage.getByLabel('Card number', { exact: true });
    await cardField.fill(DEMO_MEMBERS.alice.email);
    await cardField.press('Enter');
    const member = consolePage.getByRole('region', { name: 'Member' });
    await member.getByText(DEMO_MEMBERS.alice.name, { exact: true }).waitFor();
    expect(await readTerms(member)).toMatchObject({
      Available: String(ALICE_AVAILABLE),
      Pending: String(ALICE_PENDING),
    });

    // The receipt: one line, 2 × £3.50; the preview shows the points before anything is sent.
    const sale = consolePage.getByRole('form', { name: 'Sale' });
    await sale.getByLabel('Receipt id', { exact: true }).fill(receiptId);
    await enterSaleLine(sale, { sku: 'COFFEE-BEANS', quantity: '2', unitPrice: '3.50' });
    const preview = consolePage.getByRole('region', { name: 'Points preview' });
    await preview.getByRole('table', { name: 'Points preview' }).waitFor();
    await preview.getByText(`for ${DEMO_MEMBERS.alice.name}`).waitFor();
    const previewed = pointsIn(
      await preview.innerText(),
      new RegExp(`([\\d,]+) points? for ${DEMO_MEMBERS.alice.name}`),
    );
    expect(previewed).toBeGreaterThan(0);
    expect(await preview.innerText()).toContain('Receipt total £7.00');
    expect(awardKeys).toEqual([]);

    // The first award reaches the API and is applied, but its answer never reaches the till.
    let appliedStatus = 0;
    await consolePage.route(
      '**/api/v1/checkout/earn',
      async (route) => {
        appliedStatus = (await route.fetch()).status();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    const award = sale.getByRole('button', { name: 'Award points' });
    await award.click();
    const failure = sale.getByRole('alert');
    await failure.getByText(/Press Award points again/).waitFor();
    expect(appliedStatus).toBe(201);

    // Pressed again for the same sale: the same key, so the API replays the first answer.
    const replayed = consolePage.waitForResponse(
      (res) => new URL(res.url()).pathname === '/api/v1/checkout/earn' && res.request().method() === 'POST',
    );
    await award.click();
    const replay = await replayed;
    expect(replay.status()).toBe(201);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    expect(awardKeys).toHaveLength(2);
    expect(awardKeys[0]).not.toBe('');
    expect(awardKeys[1]).toBe(awardKeys[0]);

    const result = consolePage.getByRole('status', { name: 'Result' });
    await result.getByText(`${DEMO_MEMBERS.alice.name} earned ${previewed} points`).waitFor();
    expect(await result.innerText()).toContain(
      `New balance: ${ALICE_AVAILABLE} available, ${ALICE_PENDING + previewed} pending.`,
    );
    // The sale is finished: it cannot be sent a third time from this screen.
    expect(await award.isDisabled()).toBe(true);
    await member
      .getByRole('definition')
      .filter({ hasText: String(ALICE_PENDING + previewed) })
      .waitFor();

    // Alice, in her own browser, sees the points pending, once, in her latest activity.
    const portalPage = await journeys.newPage();
    await signInToPortal(portalPage, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
    const balance = portalPage.getByRole('region', { name: 'Balance' });
    await balance.waitFor();
    expect(await readTerms(balance)).toMatchObject({
      Available: String(ALICE_AVAILABLE),
      Pending: String(ALICE_PENDING + previewed),
    });
    const activity = portalPage.getByRole('region', { name: 'Latest activity' }).getByRole('listitem');
    await activity.first().waitFor();
    const lines = (await activity.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
    const forReceipt = lines.filter((line) => line.includes(`receipt ${receiptId}`));
    expect(forReceipt).toHaveLength(1);
    expect(lines[0]).toBe(forReceipt[0]);
    expect(lines[0]).toMatch(new RegExp(`^Points earned .*receipt ${receiptId} \\+${previewed} points$`));
  });
});
