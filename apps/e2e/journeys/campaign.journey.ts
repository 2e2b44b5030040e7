import type { Page } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
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

  it('marketing creates a double-points campaign with a preview and starts it; a London sale that matches earns its line at the till and on the member’s statement; the dashboard counts the points; marketing ends it', async () => {
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
