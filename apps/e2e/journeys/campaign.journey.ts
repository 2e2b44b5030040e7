import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_POS_KEY,
  DEMO_STAFF,
  enterSaleLine,
  mainNav,
  pageHeading,
  readTerms,
  signInToConsole,
  signInToPortal,
  uniqueReceiptId,
  waitForTerms,
} from '../src/pages.js';

/** Double points on this journey's own category only: no other sale in the file earns from it. */
const CAMPAIGN = 'Double e2e coffee';
const CATEGORY = 'e2e-coffee';
/** The basket, at the till and in the preview: 2 × £3.50 of the campaign's category. */
const BASKET = { sku: 'LATTE-E2E', category: CATEGORY, quantity: '2', unitPrice: '3.50' };
/** The demo programme's base rate, 1 point per £1, on £7.00; the campaign doubles it. */
const BASE_POINTS = 7;
const CAMPAIGN_POINTS = 7;

/**
 * Sales the London till recorded before the campaign existed (the demo data has no receipts of its own):
 * alice 2 × £3.50 and bob 1 × £3.00 of the category, and bob £12.00 of something else. Doubled, the
 * category would have added 7 + 3 points.
 */
const PAST_SALES = [
  { member: DEMO_MEMBERS.alice.email, sku: 'LATTE-E2E', category: CATEGORY, quantity: 2, unitPrice: 350 },
  { member: DEMO_MEMBERS.bob.email, sku: 'ESPRESSO-E2E', category: CATEGORY, quantity: 1, unitPrice: 300 },
  { member: DEMO_MEMBERS.bob.email, sku: 'BREAD-E2E', category: 'e2e-bakery', quantity: 1, unitPrice: 1200 },
] as const;
const SIMULATED = {
  'Points it would have issued': '10',
  'Members reached': '2',
  'Receipts matched': '2',
  // 10 points at the demo programme's point value (a thousandth of a penny ×10 each) round to nothing.
  'Cost at point value': '£0.00',
  Budget: 'No budget',
};
/** The job that runs simulations looks every 5 s; the API's job poller every 5 s too. */
const SIMULATION_TIMEOUT_MS = 60_000;

/** Records a sale at the London till as a POS sends it: by the member's id, found by email. */
async function tillSale(origin: string, sale: (typeof PAST_SALES)[number]): Promise<void> {
  const headers = { authorization: `Bearer ${DEMO_POS_KEY}`, 'content-type': 'application/json' };
  const lookup = await fetch(`${origin}/api/v1/members/lookup?email=${encodeURIComponent(sale.member)}`, {
    headers,
  });
  if (!lookup.ok) throw new Error(`member lookup answered ${lookup.status}`);
  const { id } = (await lookup.json()) as { id: string };
  const earned = await fetch(`${origin}/api/v1/checkout/earn`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      member: { memberId: id },
      receipt: {
        id: uniqueReceiptId('LON-01-PAST'),
        currency: 'GBP',
        lines: [
          { sku: sale.sku, category: sale.category, quantity: sale.quantity, unitPrice: sale.unitPrice },
        ],
      },
    }),
  });
  if (earned.status !== 201) throw new Error(`the till's earn answered ${earned.status}`);
}

/** A `datetime-local` value `minutes` from now, in the page's own time zone (as the editor reads it). */
function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((offset) => {
    const at = new Date(Date.now() + offset * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, minutes);
}

async function openCampaign(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Campaigns', exact: true }).click();
  await pageHeading(page, 'Campaigns').waitFor();
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: CAMPAIGN }).click();
  await pageHeading(page, CAMPAIGN).waitFor();
}

describeJourneys('Campaign', () => {
  const journeys = useJourneys();

  it('marketing creates a double-points campaign with a preview, simulates it on past sales, and starts it; a London sale that matches earns its line at the till and on the member’s statement; the dashboard counts the points; marketing ends it', async () => {
    // Some sales the London till recorded earlier, before anyone thought of the campaign.
    for (const sale of PAST_SALES) await tillSale(journeys.server.origin, sale);

    // Marketing writes the campaign and sees what a sample sale would earn before saving.
    const marketing = await journeys.newPage();
    await signInToConsole(marketing, DEMO_STAFF.marketing.email);
    await mainNav(marketing).getByRole('link', { name: 'Campaigns', exact: true }).click();
    await pageHeading(marketing, 'Campaigns').waitFor();
    await marketing.getByRole('link', { name: 'New campaign' }).first().click();
    await pageHeading(marketing, 'New campaign').waitFor();
    const editor = marketing.getByRole('form', { name: 'New campaign' });
    await editor.getByLabel('Campaign name').fill(CAMPAIGN);
    await editor.getByLabel('Starts', { exact: true }).fill(await localInput(marketing, -5));
    await editor.getByLabel(/^Ends/).fill(await localInput(marketing, 24 * 60));
    await editor.getByRole('textbox', { name: /^Categories/ }).fill(CATEGORY);
    expect(await editor.getByLabel('Multiplier (×)').inputValue()).toBe('2');

    const preview = marketing.getByRole('region', { name: 'Preview' });
    const sample = preview.getByRole('group', { name: 'Line 1' });
    await sample.getByLabel('SKU', { exact: true }).fill(BASKET.sku);
    await sample.getByLabel(/^Category/).fill(BASKET.category);
    await sample.getByLabel('Quantity', { exact: true }).fill(BASKET.quantity);
    await sample.getByLabel(/^Unit price/).fill(BASKET.unitPrice);
    await preview.getByText(`This campaign adds +${CAMPAIGN_POINTS} points to the sale.`).waitFor();
    expect(await readTerms(preview)).toEqual({
      'Without the campaign': `${BASE_POINTS} points`,
      'With the campaign': `${BASE_POINTS + CAMPAIGN_POINTS} points`,
    });
    await preview
      .getByRole('table', { name: 'Points with the campaign' })
      .getByRole('row', { name: `${CAMPAIGN}: 2× points ${CAMPAIGN_POINTS}` })
      .waitFor();

    // Saved as a draft; its start has passed, so scheduling it makes it live at once.
    await editor.getByRole('button', { name: 'Create campaign' }).click();
    await pageHeading(marketing, CAMPAIGN).waitFor();
    await marketing.getByText('Campaign created as a draft.').waitFor();

    // Before it goes live, marketing simulates it on the last 30 days of sales (the form's default): the
    // job works through the receipts, and the figures are those the till would have given.
    const simulate = marketing.getByRole('region', { name: 'Simulate on past sales' });
    await simulate.getByText('No simulations yet.').waitFor();
    await simulate
      .getByRole('form', { name: 'New simulation' })
      .getByRole('button', { name: 'Start simulation' })
      .click();
    const latest = simulate.getByRole('region', { name: 'Latest simulation' });
    await latest
      .getByRole('status')
      .getByText('Simulation finished.', { exact: true })
      .waitFor({ timeout: SIMULATION_TIMEOUT_MS });
    const progress = latest.getByRole('progressbar', {
      name: `${PAST_SALES.length} of ${PAST_SALES.length} receipts looked at (100%)`,
    });
    expect(await progress.getAttribute('value')).toBe(String(PAST_SALES.length));
    expect(await readTerms(latest)).toEqual(SIMULATED);

    // The campaign page with the simulation's figures has no serious or critical accessibility problem.
    const axe = await new AxeBuilder({ page: marketing }).analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.map(String).join(' ')) })),
    ).toEqual([]);
    const actions = marketing.getByRole('group', { name: 'Campaign actions' });
    await actions.getByRole('button', { name: 'Go live now' }).click();
    await marketing.getByRole('status').getByText('Campaign scheduled.').waitFor();
    await marketing.getByText('Live', { exact: true }).waitFor();

    // The London cashier awards a matching sale to Bob: the result shows the campaign's line.
    const receiptId = uniqueReceiptId('LON-01-CMP');
    const cashier = await journeys.newPage();
    await signInToConsole(cashier, DEMO_STAFF.cashier.email);
    await mainNav(cashier).getByRole('link', { name: 'Checkout', exact: true }).click();
    await pageHeading(cashier, 'Checkout').waitFor();
    const cardField = cashier.getByLabel('Card number', { exact: true });
    await cardField.fill(DEMO_MEMBERS.bob.email);
    await cardField.press('Enter');
    await cashier
      .getByRole('region', { name: 'Member' })
      .getByText(DEMO_MEMBERS.bob.name, { exact: true })
      .waitFor();
    const sale = cashier.getByRole('form', { name: 'Sale' });
    await sale.getByLabel('Receipt id', { exact: true }).fill(receiptId);
    await enterSaleLine(sale, BASKET);
    await sale.getByRole('button', { name: 'Award points' }).click();
    const result = cashier.getByRole('status', { name: 'Result' });
    await result
      .getByText(`${DEMO_MEMBERS.bob.name} earned ${BASE_POINTS + CAMPAIGN_POINTS} points`)
      .waitFor();
    await result
      .getByRole('listitem')
      .filter({ hasText: `${CAMPAIGN}: 2× points` })
      .getByText(`${CAMPAIGN_POINTS} points`, { exact: true })
      .waitFor();

    // Bob's statement explains the sale, with the campaign by name.
    const bob = await journeys.newPage();
    await signInToPortal(bob, DEMO_MEMBERS.bob.email, DEMO_PASSWORD);
    await mainNav(bob).getByRole('link', { name: 'Statement', exact: true }).click();
    await pageHeading(bob, 'Statement').waitFor();
    const line = bob.getByRole('list', { name: 'Statement lines' }).getByRole('listitem').first();
    await line.getByText(`receipt ${receiptId}`, { exact: false }).waitFor();
    expect((await line.innerText()).replace(/\s+/g, ' ')).toContain(
      `+${BASE_POINTS + CAMPAIGN_POINTS} points`,
    );
    await line.getByRole('button', { name: 'View receipt' }).click();
    const how = bob
      .getByRole('region', { name: `Receipt ${receiptId}` })
      .getByRole('list', { name: 'How the points were earned' });
    await how.getByText(`${CAMPAIGN}: 2× points: +${CAMPAIGN_POINTS} points`).waitFor();

    // Back as marketing: the dashboard counts the points issued and the member taking part.
    await openCampaign(marketing);
    const results = marketing.getByRole('region', { name: 'Results' });
    const issued = { 'Points issued': String(CAMPAIGN_POINTS), 'Members taking part': '1', Receipts: '1' };
    expect(await waitForTerms(results, issued)).toMatchObject(issued);

    // Marketing ends it, with a reason: it stops adding points and offers no further action.
    await marketing
      .getByRole('group', { name: 'Campaign actions' })
      .getByRole('button', { name: 'End campaign' })
      .click();
    const end = marketing.getByRole('form', { name: `End campaign: ${CAMPAIGN}` });
    await end.getByLabel('Reason').fill('End of the e2e journey');
    await end.getByRole('button', { name: 'Confirm end' }).click();
    await marketing.getByRole('status').getByText('Campaign ended.').waitFor();
    await marketing.getByText('An ended campaign has no further actions.').waitFor();
  });
});
